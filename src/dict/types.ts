/**
 * The shapes of dictionary entries after loading and validation (src/dict/schema.ts checks the
 * YAML/JSONL files under dictionaries/ against these). Dictionaries are data; code only reads them.
 */
import type { EventScope, EventType, Sector } from '../doc.js'
import type { EventPattern, Grammar } from '../coding/pattern-types.js'
import type { DateCueLists } from '../nlp/date-cues.js'

/** A country or an international organisation acting as such. */
export interface CountryEntry {
  /** ISO 3166-1 alpha-3 for states; a short tag for organisations. @example 'IRN', 'EU' */
  readonly code: string
  readonly kind: 'state' | 'organisation'
  /** Canonical English short name. @example 'Iran' */
  readonly name: string
  /** Every other way to write the name. @example ['Islamic Republic of Iran', 'Persia'] */
  readonly aliases: readonly string[]
  /** Adjectives and demonyms. @example ['Iranian', 'Iranians'] */
  readonly adjectives: readonly string[]
  /** Capitals (used as metonyms: 'Tehran said'). */
  readonly capitals: readonly { readonly name: string; readonly lat: number; readonly lon: number }[]
  /** Seats of government used as metonyms. @example ['the Kremlin'] */
  readonly seats: readonly string[]
  /** Names that are also common words and must be matched case-sensitively. @example ['Chad'] */
  readonly caseSensitive?: readonly string[]
  /**
   * Names this entry deliberately shares with another entry, which lists them too; a mention of one
   * is ambiguous between the entries. @example ['Congo', 'Congolese'] (COD and COG)
   */
  readonly shared?: readonly string[]
}

/** A dated role held by a person. Dates are ISO days; `to: null` means still in office. */
export interface RoleSpell {
  readonly role: string
  readonly country: string
  readonly from: string
  readonly to: string | null
  /** Where an ambassador or envoy is posted: a country code or organisation tag. @example 'VEN' */
  readonly posting?: string
  /** Why a date is approximate or where it comes from. @example 'day unknown: first of month' */
  readonly note?: string
}

/** A person with name variants and dated roles. */
export interface PersonEntry {
  /** Canonical name. @example 'Hossein Amir-Abdollahian' */
  readonly name: string
  /** Other spellings, with and without diacritics/middle names. @example ['Ossein Amir-Abdollahian'] */
  readonly variants: readonly string[]
  /** Country the person belongs to (used when no role spell covers the date). */
  readonly country: string
  readonly roles: readonly RoleSpell[]
}

/** A role noun mapped to a sector. @example defence-minister: ['defence minister', 'minister of defense'] */
export interface RoleEntry {
  /** Stable id used by people's role spells. @example 'defence-minister' */
  readonly id: string
  /** Human-readable label. @example 'Minister of Defence' */
  readonly label: string
  readonly sector: Sector
  /** Phrases that name the role, lower case. @example ['defence minister', 'defense minister'] */
  readonly nouns: readonly string[]
  /** Set when the role belongs to one country's institutions. @example 'USA' for 'pentagon' */
  readonly country?: string
  /** Forms of the nouns that match only as written, for acronyms that are words. @example ['FM'] */
  readonly caseSensitive?: readonly string[]
}

/** One CAMEO code with its Goldstein value, quad class, scoring type and PLOVER mapping. */
export interface CameoEntry {
  readonly code: string
  readonly label: string
  readonly quad: 1 | 2 | 3 | 4
  readonly goldstein: number
  readonly type: EventType
  readonly scope: EventScope
  readonly plover: { readonly event: string; readonly mode: string | null }
}

/**
 * Everything loaded from dictionaries/ by loadDictionaries(). Organisations are in `countries`
 * with `kind: 'organisation'`. @example loadDictionaries().countries.find((c) => c.code === 'IRN')
 */
export interface Dictionaries {
  readonly countries: readonly CountryEntry[]
  readonly people: readonly PersonEntry[]
  readonly roles: readonly RoleEntry[]
  readonly cameo: readonly CameoEntry[]
  readonly patterns: readonly EventPattern[]
  readonly grammar: Grammar
  /** dates.yaml: what a sentence must contain for the date parser to run. */
  readonly dates: DateCueLists
}
