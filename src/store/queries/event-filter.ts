/**
 * The one event filter: what the CLI (`dyad events`, `dyad export`, analytics) and the HTTP API
 * filter event mentions and deduplicated events on, as a Kysely `where` expression. Written
 * with the expression builder only, so the same filter runs on SQLite and on PostgreSQL
 * (store/pg runs the same queries through ops.ts).
 */
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely'
import type { Database } from '../database.js'

/** What event mentions and events are filtered on. All fields optional, combined with AND. */
export interface EventFilter {
  /** Two countries, either direction. @example ['IRN', 'VEN'] also matches VEN -> IRN */
  readonly dyad?: readonly [string, string]
  /** One country, as source or target. @example 'IRN' */
  readonly country?: string
  /** Any of these types; empty or absent means any. @example ['visit', 'host_visit'] */
  readonly type?: readonly string[]
  /** Any of these modalities; empty or absent means any. @example ['asserted', 'planned'] */
  readonly modality?: readonly string[]
  /** Earliest date, inclusive, ISO. Undated ones are left out. */
  readonly from?: string
  /** Latest date, inclusive, ISO. Undated ones are left out. */
  readonly to?: string
  /**
   * Words in the evidence or a named person, each on its own; LIKE folds ASCII case on SQLite
   * (PostgreSQL's LIKE does not). An event matches when one of its mentions does.
   * @example 'naval squadron'
   */
  readonly q?: string
  /** One article's id; an event matches when one of its mentions is in it. */
  readonly article?: string
}

/** A filter and a page of its results, as the store's query functions take them. */
export interface PagedEventFilter extends EventFilter {
  readonly limit?: number
  readonly offset?: number
}

/**
 * The filter as a `where` expression over `event_mentions`.
 * @example db.selectFrom('event_mentions').where((eb) => mentionMatches(eb, { country: 'IRN' }))
 */
export function mentionMatches(
  eb: ExpressionBuilder<Database, 'event_mentions'>,
  filter: EventFilter,
): Expression<SqlBool> {
  const { dyad, article, q } = filter
  const parts: Expression<SqlBool>[] = []
  if (dyad !== undefined) {
    const [a, b] = dyad
    const sides = (source: string, target: string) =>
      eb.and([
        eb('event_mentions.source_country', '=', source),
        eb('event_mentions.target_country', '=', target),
      ])
    parts.push(eb.or([sides(a, b), sides(b, a)]))
  }
  parts.push(...codedParts(eb, 'event_mentions', filter))
  if (article !== undefined) parts.push(eb('event_mentions.article_id', '=', article))
  for (const word of wordsOf(q)) {
    // "Nasirzadeh" matches the evidence or either side's person.
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    parts.push(
      eb.or([
        sql<SqlBool>`event_mentions.evidence like ${pattern} escape '\\'`,
        sql<SqlBool>`event_mentions.source_person like ${pattern} escape '\\'`,
        sql<SqlBool>`event_mentions.target_person like ${pattern} escape '\\'`,
      ]),
    )
  }
  return eb.and(parts)
}

/**
 * The filter as a `where` expression over deduplicated `events`. `q` and `article` match when
 * any of the event's mentions does.
 * @example db.selectFrom('events').where((eb) => eventMatches(eb, { dyad: ['IRN', 'VEN'] }))
 */
export function eventMatches(
  eb: ExpressionBuilder<Database, 'events'>,
  filter: EventFilter,
): Expression<SqlBool> {
  const { dyad, q, article } = filter
  // An event's pair is its sides' countries sorted (dedup.ts `pairOf`): one lookup in the
  // events_pair index finds both directions.
  const pair = dyad === undefined ? [] : [eb('events.pair', '=', [...dyad].sort().join('-'))]
  const parts = [...pair, ...codedParts(eb, 'events', filter)]
  if (q !== undefined || article !== undefined) {
    const reported: EventFilter = {
      ...(q !== undefined ? { q } : {}),
      ...(article !== undefined ? { article } : {}),
    }
    const mentions = eb
      .selectFrom('event_mentions')
      .select('event_mentions.id')
      .whereRef('event_mentions.event_id', '=', 'events.id')
      .where((inner) => mentionMatches(inner, reported))
    parts.push(eb.exists(mentions))
  }
  return eb.and(parts)
}

/**
 * A query cut to the page asked for. SQLite accepts OFFSET only after a LIMIT, so an offset
 * alone comes with a limit that takes everything.
 * @example paged(db.selectFrom('events').selectAll(), { offset: 50 })
 */
export function paged<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  { limit, offset }: PagedEventFilter,
): SelectQueryBuilder<DB, TB, O> {
  let out = query
  if (limit !== undefined || offset !== undefined) out = out.limit(limit ?? Number.MAX_SAFE_INTEGER)
  if (offset !== undefined) out = out.offset(offset)
  return out
}

/** The conditions both tables share by name: country, type, modality, date range. */
function codedParts<T extends 'events' | 'event_mentions'>(
  eb: ExpressionBuilder<Database, T>,
  table: T,
  filter: EventFilter,
): Expression<SqlBool>[] {
  // Both tables have these columns under these names; typed as `events`, Kysely checks them.
  const e = eb as unknown as ExpressionBuilder<Database, 'events'>
  const col = <C extends 'source_country' | 'target_country' | 'type' | 'modality' | 'date'>(
    name: C,
  ) => `${table}.${name}` as `events.${C}`
  const { country, type, modality, from, to } = filter
  const parts: Expression<SqlBool>[] = []
  if (country !== undefined) {
    parts.push(
      e.or([e(col('source_country'), '=', country), e(col('target_country'), '=', country)]),
    )
  }
  if (type !== undefined && type.length > 0) parts.push(e(col('type'), 'in', type))
  if (modality !== undefined && modality.length > 0) parts.push(e(col('modality'), 'in', modality))
  // ISO dates compare as strings; a null date fails both, which drops undated rows.
  if (from !== undefined) parts.push(e(col('date'), '>=', from))
  if (to !== undefined) parts.push(e(col('date'), '<=', to))
  return parts
}

/** The words of a free-text filter, each matched on its own. @example 'naval  squadron' -> 2 */
function wordsOf(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter((word) => word !== '')
}
