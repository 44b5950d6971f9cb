/**
 * How the page names and colours things: event types, modalities, actors, countries.
 */
import type { CountryInfo } from '../../src/api/types.js'
import type { ActorOut, EventType, Modality } from '../../src/doc.js'

/** Every event type with its label and colour; the Record type makes a missing type an error. */
export const TYPE_STYLE: Readonly<Record<EventType, { label: string; color: string }>> = {
  visit: { label: 'Visit', color: '#1f6fb4' },
  host_visit: { label: 'Host a visit', color: '#6baed6' },
  meet: { label: 'Meet', color: '#17a2b8' },
  sign_agreement: { label: 'Sign agreement', color: '#2a9d3f' },
  intent_cooperate: { label: 'Intend to cooperate', color: '#8ccf7e' },
  cooperate_economic: { label: 'Economic cooperation', color: '#b5b82a' },
  cooperate_military: { label: 'Military cooperation', color: '#8c5a3c' },
  aid: { label: 'Aid', color: '#8e6bbf' },
  demand: { label: 'Demand', color: '#f4a261' },
  criticize: { label: 'Criticize', color: '#e76f51' },
  threaten: { label: 'Threaten', color: '#d62828' },
  protest: { label: 'Protest', color: '#d16ba5' },
  sanction: { label: 'Sanction', color: '#7a0c0c' },
  other: { label: 'Other', color: '#8a8a8a' },
  // The extended CAMEO roots, stored only by `ingest --scope all`.
  statement: { label: 'Statement', color: '#a0a0a0' },
  appeal: { label: 'Appeal', color: '#9ecae1' },
  endorse: { label: 'Praise, endorse', color: '#a1d99b' },
  yield: { label: 'Yield', color: '#c7e9c0' },
  investigate: { label: 'Investigate', color: '#fdd0a2' },
  dissent: { label: 'Street protest', color: '#e7a3c9' },
  posture: { label: 'Force posture', color: '#fc9272' },
  reduce_relations: { label: 'Reduce relations', color: '#b06060' },
  coerce: { label: 'Coerce', color: '#a50f15' },
  assault: { label: 'Assault', color: '#67000d' },
  fight: { label: 'Fight', color: '#400000' },
  mass_violence: { label: 'Mass violence', color: '#200000' },
}

/** The types in the order of design.md, then the extended roots. */
export const EVENT_TYPES = Object.keys(TYPE_STYLE) as EventType[]

export const MODALITY_LABEL: Readonly<Record<Modality, string>> = {
  asserted: 'asserted',
  planned: 'planned',
  negated: 'negated',
  hypothetical: 'hypothetical',
}

const countries = new Map<string, CountryInfo>()

/** Remember country names for labels. */
export function rememberCountries(list: readonly CountryInfo[]): void {
  for (const country of list) countries.set(country.code, country)
}

/** A country's name, or its code when unknown. @example countryName('VEN') -> 'Venezuela' */
export function countryName(code: string): string {
  return countries.get(code)?.name ?? code
}

/**
 * An actor as a person reads it.
 * @example actorLabel({ country: 'IRN', person: 'Aziz Nasirzadeh', role: 'Minister of Defence' })
 *   -> 'Aziz Nasirzadeh (Minister of Defence, Iran)'
 */
export function actorLabel(actor: ActorOut | null): string {
  if (actor === null) return '—'
  const country = countryName(actor.country)
  const role = actor.role ?? null
  if (actor.person !== null)
    return `${actor.person} (${role === null ? country : `${role}, ${country}`})`
  if (role !== null) return `${country}: ${role}`
  return country
}

/** @example dyadLabel('IRN', 'VEN') -> 'Iran – Venezuela' */
export function dyadLabel(a: string, b: string | null): string {
  return b === null ? countryName(a) : `${countryName(a)} – ${countryName(b)}`
}

/** @example monthLabel('2024-11') -> 'Nov 2024' */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-')
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return `${names[Number(number) - 1] ?? number} ${year}`
}

/** An event's date with its precision. @example dateLabel('2024-11-20', 'day') -> '2024-11-20' */
export function dateLabel(date: string | null, precision: string | null): string {
  if (date === null) return 'undated'
  if (precision === 'month') return date.slice(0, 7)
  if (precision === 'year') return date.slice(0, 4)
  return date
}
