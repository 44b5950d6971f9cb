/**
 * The filter every event query of the API shares (list, summaries, network, actors), as one
 * Kysely `where` expression: over `events` (deduplicated events, what the API serves) or over
 * `event_mentions` (an article's marks).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../store/database.js'

/** What the API filters event mentions on. Every field is optional; they combine with AND. */
export interface EventFilter {
  /** Two countries, either direction. @example ['IRN', 'VEN'] */
  readonly dyad?: readonly [string, string]
  /** One country, as source or target. @example 'IRN' */
  readonly country?: string
  /** Any of these types; empty or absent means any. */
  readonly type?: readonly string[]
  /** Any of these modalities; empty or absent means any. */
  readonly modality?: readonly string[]
  /** Earliest event date, inclusive; undated event mentions are left out. */
  readonly from?: string
  /** Latest event date, inclusive; undated event mentions are left out. */
  readonly to?: string
  /** Words in the evidence or a named person, case-insensitive. @example 'naval squadron' */
  readonly q?: string
  /** One article's id. */
  readonly article?: string
}

/**
 * The filter as a `where` expression.
 * @example db.selectFrom('event_mentions').where((eb) => matchesFilter(eb, { country: 'IRN' }))
 */
export function matchesFilter(
  eb: ExpressionBuilder<Database, 'event_mentions'>,
  filter: EventFilter,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  const { dyad, country, type, modality, from, to, q, article } = filter
  if (dyad !== undefined) {
    const [a, b] = dyad
    parts.push(
      eb.or([
        eb.and([
          eb('event_mentions.source_country', '=', a),
          eb('event_mentions.target_country', '=', b),
        ]),
        eb.and([
          eb('event_mentions.source_country', '=', b),
          eb('event_mentions.target_country', '=', a),
        ]),
      ]),
    )
  }
  if (country !== undefined) {
    parts.push(
      eb.or([
        eb('event_mentions.source_country', '=', country),
        eb('event_mentions.target_country', '=', country),
      ]),
    )
  }
  if (type !== undefined && type.length > 0) parts.push(eb('event_mentions.type', 'in', type))
  if (modality !== undefined && modality.length > 0) {
    parts.push(eb('event_mentions.modality', 'in', modality))
  }
  // ISO dates compare as strings; a null date fails both, which drops undated event mentions.
  if (from !== undefined) parts.push(eb('event_mentions.date', '>=', from))
  if (to !== undefined) parts.push(eb('event_mentions.date', '<=', to))
  if (article !== undefined) parts.push(eb('event_mentions.article_id', '=', article))
  for (const word of wordsOf(q)) {
    // "Nasirzadeh" matches the evidence or either side's person; LIKE folds ASCII case.
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
 * The filter as a `where` expression over deduplicated events. `q` and `article` match when any
 * of the event's mentions does.
 * @example db.selectFrom('events').where((eb) => eventMatches(eb, { dyad: ['IRN', 'VEN'] }))
 */
export function eventMatches(
  eb: ExpressionBuilder<Database, 'events'>,
  filter: EventFilter,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  const { dyad, country, type, modality, from, to, q, article } = filter
  if (dyad !== undefined) {
    const [a, b] = dyad
    parts.push(
      eb.or([
        eb.and([eb('events.source_country', '=', a), eb('events.target_country', '=', b)]),
        eb.and([eb('events.source_country', '=', b), eb('events.target_country', '=', a)]),
      ]),
    )
  }
  if (country !== undefined) {
    parts.push(
      eb.or([eb('events.source_country', '=', country), eb('events.target_country', '=', country)]),
    )
  }
  if (type !== undefined && type.length > 0) parts.push(eb('events.type', 'in', type))
  if (modality !== undefined && modality.length > 0) {
    parts.push(eb('events.modality', 'in', modality))
  }
  // ISO dates compare as strings; a null date fails both, which drops undated events.
  if (from !== undefined) parts.push(eb('events.date', '>=', from))
  if (to !== undefined) parts.push(eb('events.date', '<=', to))
  if (q !== undefined || article !== undefined) {
    const mentionFilter: EventFilter = {
      ...(q !== undefined ? { q } : {}),
      ...(article !== undefined ? { article } : {}),
    }
    parts.push(
      eb.exists(
        eb
          .selectFrom('event_mentions')
          .select('event_mentions.id')
          .whereRef('event_mentions.event_id', '=', 'events.id')
          .where((inner) => matchesFilter(inner, mentionFilter)),
      ),
    )
  }
  return eb.and(parts)
}

/** The words of a free-text filter, each matched on its own. @example 'naval  squadron' -> 2 */
function wordsOf(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter((word) => word !== '')
}
