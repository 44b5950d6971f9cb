/**
 * Event mentions in the store: the flat row <-> `EventMention` mapping, and the filtered read.
 */
import type { Kysely, Selectable } from 'kysely'
import type { ActorOut, DatePrecision, EventMention, EventType, Modality } from '../../doc.js'
import type { Database, EventMentionsTable, Store } from '../database.js'
import { runOps } from '../execute.js'
import { count, rows, type Ops } from '../ops.js'
import { mentionMatches, paged, type PagedEventFilter } from './event-filter.js'
import { fromLocationColumns, toLocationColumns } from './location-columns.js'

type EventMentionRow = Selectable<EventMentionsTable>

/** An event mention's row as written: every column but the ids the store assigns. */
export type EventMentionValues = Omit<EventMentionRow, 'id' | 'event_id'>

/**
 * Event mentions matching a filter, by date (undated last), then article, then sentence.
 * @example queryEventMentions(store, { dyad: ['IRN', 'VEN'], from: '2024-11-01' })
 *   -> [{ article: '000_2737ec37436efcb6', source: { country: 'IRN', ... }, type: 'visit', ... }]
 */
export function queryEventMentions(store: Store, filter: PagedEventFilter = {}): EventMention[] {
  return runOps(store, queryEventMentionsOps(store.db, filter))
}

/** `queryEventMentions` for either store (ops.ts). */
export function* queryEventMentionsOps(
  db: Kysely<Database>,
  filter: PagedEventFilter = {},
): Ops<EventMention[]> {
  const query = db
    .selectFrom('event_mentions')
    .selectAll()
    .where((eb) => mentionMatches(eb, filter))
    .orderBy('date', (order) => order.asc().nullsLast())
    .orderBy('article_id')
    .orderBy('sentence')
    .orderBy('id')
  return (yield* rows(paged(query, filter))).map(fromEventMentionRow)
}

/** How many event mentions the store holds. @example countEventMentions(store) -> 2 */
export function countEventMentions(store: Store): number {
  return runOps(store, countEventMentionsOps(store.db))
}

/** `countEventMentions` for either store (ops.ts). */
export function* countEventMentionsOps(db: Kysely<Database>): Ops<number> {
  return yield* count(db.selectFrom('event_mentions').select((eb) => eb.fn.countAll().as('count')))
}

/**
 * Flatten an event mention into a row of `event_mentions`. Every key is always present, and a
 * nullable one is null rather than undefined: the row is exactly what the store then holds, so
 * saveDoc can link the mention from it without reading it back (queries/events.ts `newMember`).
 * @example toEventMentionRow(mention).source_code -> 'IRNGOVMIL'
 */
export function toEventMentionRow(mention: EventMention): EventMentionValues {
  const { source, target, location } = mention
  return {
    article_id: mention.article,
    sentence: mention.sentence,
    span_start: mention.span[0],
    span_end: mention.span[1],
    evidence: mention.evidence,
    source_country: source.country,
    source_sector: source.sector ?? null,
    source_role: source.role ?? null,
    source_person: source.person ?? null,
    source_code: source.code,
    target_country: target?.country ?? null,
    target_sector: target?.sector ?? null,
    target_role: target?.role ?? null,
    target_person: target?.person ?? null,
    target_code: target?.code ?? null,
    cameo: mention.cameo,
    quad: mention.quad,
    goldstein: mention.goldstein,
    plover_event: mention.plover.event,
    plover_mode: mention.plover.mode ?? null,
    type: mention.type,
    modality: mention.modality,
    date: mention.date ?? null,
    date_precision: mention.date_precision ?? null,
    ...toLocationColumns(location),
    sectors: JSON.stringify(mention.sectors),
    rule: mention.rule,
    why: mention.why,
    confidence: mention.confidence,
  }
}

/**
 * The external `EventMention` shape of a row (its ids are not part of it, so a row about to be
 * inserted converts as well). @example fromEventMentionRow(row).cameo -> '042'
 */
export function fromEventMentionRow(row: EventMentionValues): EventMention {
  const target: ActorOut | null =
    row.target_country === null
      ? null
      : actorOut(
          row.target_country,
          row.target_sector,
          row.target_role,
          row.target_person,
          row.target_code ?? '',
        )
  return {
    article: row.article_id,
    sentence: row.sentence,
    span: [row.span_start, row.span_end],
    evidence: row.evidence,
    source: actorOut(
      row.source_country,
      row.source_sector,
      row.source_role,
      row.source_person,
      row.source_code,
    ),
    target,
    cameo: row.cameo,
    quad: row.quad,
    goldstein: row.goldstein,
    plover: { event: row.plover_event, mode: row.plover_mode },
    type: row.type as EventType,
    modality: row.modality as Modality,
    date: row.date,
    date_precision: row.date_precision as DatePrecision | null,
    location: fromLocationColumns(row),
    sectors: JSON.parse(row.sectors) as string[],
    rule: row.rule,
    why: row.why,
    confidence: row.confidence,
  }
}

/** `role` is optional in the external shape: it is written out only when known. */
function actorOut(
  country: string,
  sector: string | null,
  role: string | null,
  person: string | null,
  code: string,
): ActorOut {
  return role === null ? { country, sector, person, code } : { country, sector, person, role, code }
}
