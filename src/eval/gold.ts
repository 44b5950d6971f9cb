/**
 * Reading gold files for `dyad eval`: one JSON record per line,
 * `{id, published, events: [{source, target, type, date, location, evidence, status, ...}]}`
 * (design.md "Scoring", corpus/dev/README.md). Extra fields are ignored.
 */
import { EVENT_TYPES, type EventType } from '../doc.js'
import { DyadError } from '../errors.js'

export type GoldStatus = 'occurred' | 'planned'

/** One hand-coded event. Countries are ISO 3166-1 alpha-3 codes or tags such as 'UN', 'EU'. */
export interface GoldEvent {
  readonly source: string
  /** Null when the counterpart is not one state (e.g. aid to several unnamed countries). */
  readonly target: string | null
  readonly type: EventType
  /** ISO day, or null when the text does not fix the day (then any extracted date matches). */
  readonly date: string | null
  readonly location: string | null
  /** An exact substring of the article: the sentence that states the event. */
  readonly evidence: string
  readonly status: GoldStatus
  readonly source_actor: string | null
  readonly target_actor: string | null
  readonly cameo: string | null
}

export interface GoldArticle {
  readonly id: string
  readonly published: string | null
  readonly events: readonly GoldEvent[]
  /** 1-based line number in the gold file, for messages. */
  readonly line: number
}

const TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES)
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const STATUSES: ReadonlySet<string> = new Set(['occurred', 'planned'])

type Json = Record<string, unknown>

class LineError extends Error {}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function requiredString(record: Json, key: string, where: string): string {
  const value = record[key]
  if (typeof value !== 'string' || value.trim() === '') {
    throw new LineError(`${where}'${key}' must be a non-empty string, got ${show(value)}`)
  }
  return value.trim()
}

/** A string or null; absent counts as null unless `mustBePresent`. */
function nullableString(
  record: Json,
  key: string,
  where: string,
  mustBePresent = false,
): string | null {
  if (!(key in record)) {
    if (mustBePresent) throw new LineError(`${where}'${key}' is missing (use null when unknown)`)
    return null
  }
  const value = record[key]
  if (value === null) return null
  if (typeof value !== 'string') {
    throw new LineError(`${where}'${key}' must be a string or null, got ${show(value)}`)
  }
  return value
}

function day(record: Json, key: string, where: string, mustBePresent: boolean): string | null {
  const value = nullableString(record, key, where, mustBePresent)
  if (value === null) return null
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new LineError(
      `${where}'${key}' must be an ISO day YYYY-MM-DD or null, got ${show(value)}`,
    )
  }
  return value
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

function parseEvent(raw: unknown, index: number): GoldEvent {
  const where = `events[${index}]: `
  if (!isObject(raw)) throw new LineError(`${where}must be an object, got ${show(raw)}`)
  const type = requiredString(raw, 'type', where)
  if (!TYPE_SET.has(type)) {
    throw new LineError(
      `${where}unknown type ${show(type)} (expected one of ${EVENT_TYPES.join(', ')})`,
    )
  }
  const target = nullableString(raw, 'target', where, true)
  if (target !== null && target.trim() === '') {
    throw new LineError(`${where}'target' must be a country code or null, got ""`)
  }
  const status = nullableString(raw, 'status', where) ?? 'occurred'
  if (!STATUSES.has(status)) {
    throw new LineError(`${where}'status' must be "occurred" or "planned", got ${show(status)}`)
  }
  return {
    source: requiredString(raw, 'source', where).toUpperCase(),
    target: target === null ? null : target.trim().toUpperCase(),
    type: type as EventType,
    date: day(raw, 'date', where, true),
    location: nullableString(raw, 'location', where),
    evidence: nullableString(raw, 'evidence', where) ?? '',
    status: status as GoldStatus,
    source_actor: nullableString(raw, 'source_actor', where),
    target_actor: nullableString(raw, 'target_actor', where),
    cameo: nullableString(raw, 'cameo', where),
  }
}

function parseRecord(raw: unknown, line: number): GoldArticle {
  if (!isObject(raw)) throw new LineError(`expected a JSON object, got ${show(raw)}`)
  const id = requiredString(raw, 'id', '')
  const events = raw['events']
  if (!Array.isArray(events)) {
    throw new LineError(`'events' must be an array (use [] for an article without events)`)
  }
  return {
    id,
    published: day(raw, 'published', '', false),
    events: events.map((event, index) => parseEvent(event, index)),
    line,
  }
}

/**
 * Parse a gold JSONL file. Blank lines are skipped; country codes are upper-cased.
 * Required per event: `source`, `target` (may be null), `type` (an EventType) and `date` (may be
 * null); `evidence`, `location`, `status` (default 'occurred'), actors and `cameo` are optional.
 * @throws DyadError E_GOLD_FORMAT `file:line: reason` on the first bad line or a repeated id.
 */
export function parseGold(content: string, file: string): GoldArticle[] {
  const articles: GoldArticle[] = []
  const seen = new Map<string, number>()
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((text, index) => {
    const line = index + 1
    if (text.trim() === '') return
    try {
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch (error) {
        throw new LineError(`not valid JSON (${(error as Error).message})`)
      }
      const article = parseRecord(raw, line)
      const first = seen.get(article.id)
      if (first !== undefined) {
        throw new LineError(`id ${show(article.id)} was already given on line ${first}`)
      }
      seen.set(article.id, line)
      articles.push(article)
    } catch (error) {
      if (error instanceof LineError) {
        throw new DyadError('E_GOLD_FORMAT', `${file}:${line}: ${error.message}`)
      }
      throw error
    }
  })
  return articles
}
