/**
 * The API's inputs as zod schemas: query parameters, path parameters and the POSTed article.
 * They validate requests (src/api/validate.ts) and describe them in /api/openapi.json, so the
 * document cannot drift from what the server accepts.
 */
import { z } from 'zod'
import { EVENT_TYPES, type Modality } from '../doc.js'

/** The event types of design.md, in its table order. */
export { EVENT_TYPES }

export const MODALITIES: readonly Modality[] = ['asserted', 'planned', 'negated', 'hypothetical']

/** What the lists and summaries show unless asked otherwise: what dyad stores as events. */
export const DEFAULT_MODALITIES: readonly Modality[] = ['asserted', 'planned']

/** A country code or organisation tag, any case. @example 'IRN', 'ven', 'OPEC' */
const CODE = '[A-Za-z][A-Za-z0-9]{1,15}'
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

const day = (name: string) =>
  z
    .string()
    .regex(ISO_DAY, { error: `${name} must be a day like 2024-11-20` })
    .describe(`${name === 'from' ? 'Earliest' : 'Latest'} event date, inclusive (YYYY-MM-DD)`)

/** A comma-separated list whose every item is one of `allowed` (or the word `all`). */
const listOf = (name: string, allowed: readonly string[], what: string) =>
  z
    .string()
    .refine(
      (value) => value === 'all' || value.split(',').every((item) => allowed.includes(item.trim())),
      {
        error: (issue) =>
          `${name} must be a comma-separated list of ${allowed.join(', ')} (or "all"); ` +
          `"${unknownItems(String(issue.input), allowed).join(',')}" is not one`,
      },
    )
    .describe(`${what}, comma-separated: ${allowed.join(', ')}; "all" for every one`)

function unknownItems(value: string, allowed: readonly string[]): string[] {
  return value.split(',').filter((item) => !allowed.includes(item.trim()))
}

const countryCode = (name: string) =>
  z.string().regex(new RegExp(`^${CODE}$`), {
    error: `${name} must be a country code like IRN (or an organisation tag like OPEC)`,
  })

/** The filters shared by the event list, the summaries and the network. */
const filterShape = {
  type: listOf('type', EVENT_TYPES, 'Event types').optional(),
  scope: z
    .enum(['core', 'all'], { error: 'scope must be core or all' })
    .describe(
      'core (default): the annotation guideline types; all: also the extended CAMEO roots ' +
        '(stored by `dyad ingest --scope all`). Ignored when `type` names types.',
    )
    .optional(),
  modality: listOf('modality', MODALITIES, 'Modalities (default asserted,planned)').optional(),
  from: day('from').optional(),
  to: day('to').optional(),
}

/** `GET /api/events` query parameters. */
export const eventsQuery = z.strictObject({
  dyad: z
    .string()
    .regex(new RegExp(`^${CODE}-${CODE}$`), {
      error: 'dyad must be two country codes joined by a hyphen, like IRN-VEN',
    })
    .describe('Two countries, either direction (IRN-VEN also matches VEN -> IRN)')
    .optional(),
  country: countryCode('country').describe('One country, as source or target').optional(),
  ...filterShape,
  q: z
    .string()
    .max(200, { error: 'q must be at most 200 characters' })
    .describe('Words in the evidence sentence or a named person (case-insensitive)')
    .optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 500' })
    .int({ error: 'limit must be a whole number from 1 to 500' })
    .min(1, { error: 'limit must be a whole number from 1 to 500' })
    .max(500, { error: 'limit must be a whole number from 1 to 500' })
    .default(50)
    .describe('Page size (1-500, default 50)'),
  offset: z.coerce
    .number({ error: 'offset must be a whole number, 0 or more' })
    .int({ error: 'offset must be a whole number, 0 or more' })
    .min(0, { error: 'offset must be a whole number, 0 or more' })
    .default(0)
    .describe('How many matches to skip (default 0)'),
})

/** `GET /api/dyads/:a/:b/summary`, `GET /api/countries/:code/summary`, `GET /api/network`. */
export const summaryQuery = z.strictObject(filterShape)

/** `GET /api/actors`. */
export const actorsQuery = z.strictObject({
  from: filterShape.from,
  to: filterShape.to,
  modality: filterShape.modality,
  scope: filterShape.scope,
})

/** `GET /api/search` query parameters. */
export const searchQuery = z.strictObject({
  q: z
    .string({ error: 'q is required: the words to search for' })
    .trim()
    .min(1, { error: 'q is required: the words to search for' })
    .max(200, { error: 'q must be at most 200 characters' })
    .describe('Words ANDed; "quoted words" a phrase; a trailing * a prefix; accents folded'),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 100' })
    .int({ error: 'limit must be a whole number from 1 to 100' })
    .min(1, { error: 'limit must be a whole number from 1 to 100' })
    .max(100, { error: 'limit must be a whole number from 1 to 100' })
    .default(20)
    .describe('At most this many articles (1-100, default 20)'),
})

/** Path parameters. */
export const eventIdParam = z.strictObject({
  id: z
    .string()
    .regex(/^[em][1-9]\d{0,15}$/, { error: 'id must be an event id like e3' })
    .describe('Event id as listed by /api/events (e3: event 3)'),
})

export const dyadParams = z.strictObject({
  a: countryCode('a').describe('First country'),
  b: countryCode('b').describe('Second country'),
})

export const countryParam = z.strictObject({
  code: countryCode('code').describe('Country code'),
})

export const articleIdParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(300, { error: 'id must be at most 300 characters' })
    .describe('Article id'),
})

const optionalText = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string or null` })
    .max(max, { error: `${name} must be at most ${max} characters` })
    .nullable()
    .optional()

/** `POST /api/articles` body: one article, the same fields as a JSONL input line. */
export const articleBody = z.strictObject({
  id: z
    .string({ error: 'id must be a string' })
    .regex(/^[\w.:-]{1,200}$/, {
      error: 'id must be 1-200 letters, digits, ".", ":", "_" or "-"',
    })
    .optional()
    .describe('Article id; made from the text when left out'),
  title: optionalText('title', 1_000),
  text: z
    .string({ error: 'text is required: the article body' })
    .refine((text) => text.trim() !== '', { error: 'text is required: the article body' }),
  published: z
    .string({ error: 'published must be a day like 2024-11-20, or null' })
    .regex(/^\d{4}-\d{2}-\d{2}/, { error: 'published must be a day like 2024-11-20, or null' })
    .nullable()
    .optional()
    .describe('Publication day (YYYY-MM-DD); relative dates are read against it'),
  url: optionalText('url', 2_000),
  outlet: optionalText('outlet', 300),
})

export type EventsQuery = z.infer<typeof eventsQuery>
export type SummaryQuery = z.infer<typeof summaryQuery>
export type ArticleBody = z.infer<typeof articleBody>
