/**
 * Zod schemas for the dictionary files under dictionaries/. Each file is a header (`source`,
 * `licence`, `updated`) plus an `entries:` list; every entry is checked field by field, and unknown
 * fields are errors so a typo ('alias:') is caught rather than ignored.
 */
import { z } from 'zod'
import { isIsoDay } from '../nlp/calendar.js'
import type { Sector } from '../doc.js'
import type { CountryEntry, PersonEntry, RoleEntry } from './types.js'

/** Every sector a role may give, in the order of doc.ts. */
// prettier-ignore
export const SECTORS = [
  'GOV', 'MIL', 'DIP', 'LEG', 'JUD', 'BUS', 'MED', 'COP', 'SPY', 'ELI', 'IGO',
] as const satisfies readonly Sector[]

const ISO_DAY = 'expected an ISO date YYYY-MM-DD'

export { isIsoDay }

/** An ISO day such as '2024-08-21'. */
export const isoDaySchema = z.string({ error: ISO_DAY }).refine(isIsoDay, { error: ISO_DAY })

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected text' })
const texts = z.array(text, { error: 'expected a list of text' })

/** 'IRN' for states; a short upper-case tag such as 'EU' or 'WORLDBANK' for organisations. */
export const codeSchema = z
  .string({ error: 'expected a country code or organisation tag' })
  .regex(/^[A-Z][A-Z0-9]{1,11}$/, { error: 'expected an upper-case code such as IRN or EU' })

const roleIdSchema = z
  .string({ error: 'expected a role id' })
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lower-case role id such as defence-minister' })

const lowerCaseText = text.refine((s) => s === s.toLowerCase(), { error: 'expected lower case' })

/** The header every dictionary file starts with. */
export const headerSchema = {
  source: text,
  licence: text,
  updated: isoDaySchema,
}

/** countries/*.yaml and organisations.yaml */
export const countryEntrySchema = z
  .strictObject({
    code: codeSchema,
    kind: z.enum(['state', 'organisation'], { error: 'expected state or organisation' }),
    name: text,
    aliases: texts,
    adjectives: texts,
    capitals: z.array(
      z.strictObject({
        name: text,
        lat: z.number({ error: 'expected a latitude' }).min(-90).max(90),
        lon: z.number({ error: 'expected a longitude' }).min(-180).max(180),
      }),
      { error: 'expected a list of { name, lat, lon }' },
    ),
    seats: texts,
    caseSensitive: texts.optional(),
    shared: texts.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'state' && !/^[A-Z]{3}$/.test(entry.code)) {
      const message = 'expected an ISO 3166-1 alpha-3 code'
      ctx.addIssue({ code: 'custom', path: ['code'], message })
    }
  }) satisfies z.ZodType<CountryEntry>

/** One dated role held by a person; `to: null` while still in office. */
export const roleSpellSchema = z
  .strictObject({
    role: roleIdSchema,
    country: codeSchema,
    from: isoDaySchema,
    to: z.union([isoDaySchema, z.null()], { error: `${ISO_DAY}, or null while in office` }),
    posting: codeSchema.optional(),
    note: text.optional(),
  })
  .superRefine((spell, ctx) => {
    if (spell.to !== null && spell.to < spell.from) {
      const message = `ends before it starts (${spell.from})`
      ctx.addIssue({ code: 'custom', path: ['to'], message })
    }
  })

/** people/*.yaml */
export const personEntrySchema = z.strictObject({
  name: text,
  variants: texts,
  country: codeSchema,
  roles: z.array(roleSpellSchema, { error: 'expected a list of role spells' }),
}) satisfies z.ZodType<PersonEntry>

/** roles.yaml */
export const roleEntrySchema = z.strictObject({
  id: roleIdSchema,
  label: text,
  sector: z.enum(SECTORS, { error: `expected a sector: ${SECTORS.join(', ')}` }),
  nouns: z.array(lowerCaseText, { error: 'expected a list of lower-case nouns' }).min(1),
  country: codeSchema.optional(),
  caseSensitive: texts.optional(),
}) satisfies z.ZodType<RoleEntry>

/** A whole dictionary file: the header plus its entries. */
export function fileSchema<T extends z.ZodType>(entry: T) {
  return z.strictObject({
    ...headerSchema,
    entries: z.array(entry, { error: 'expected an entries: list' }),
  })
}
