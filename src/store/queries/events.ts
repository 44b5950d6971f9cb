/**
 * Deduplicated events in the store. Inside `saveDoc`'s transaction each new event mention joins
 * the event it reports or starts one (`eventOfMemberOps`; the rules are src/events/dedup.ts), and
 * the event's row is rebuilt from all its mentions. The reads serve analytics, export and the API.
 */
import { sql, type Insertable, type Selectable } from 'kysely'
import type { DatePrecision, EventMention, EventType } from '../../doc.js'
import {
  DATE_TOLERANCE_DAYS,
  UNDATED_WINDOW_DAYS,
  chooseEvent,
  dayOfIso,
  dayRange,
  isLinkable,
  isoOfDay,
  pairOf,
  summarizeEvent,
  type EventGroup,
} from '../../events/dedup.js'
import type { Event, EventFacts, EventMember, EventWithMentions } from '../../events/event.js'
import type { Kysely } from 'kysely'
import type { Database, EventMentionsTable, EventsTable, Store } from '../database.js'
import { runOps, runWrite, selectRows } from '../execute.js'
import { count, rows, type Ops } from '../ops.js'
import { prepared } from '../prepared.js'
import type { ArticleValues } from './articles.js'
import { eventMatches, paged, type PagedEventFilter } from './event-filter.js'
import { fromEventMentionRow, type EventMentionValues } from './event-mentions.js'
import { fromLocationColumns, toLocationColumns } from './location-columns.js'

/** How many days before a month's or a year's last day its stored date (the 1st) may lie. */
const DAYS_BEFORE_LAST = { day: 0, month: 31, year: 366 } as const

/**
 * Link a just-inserted event mention to its event: join the event it fits (dedup.ts) or start
 * one. Negated and hypothetical mentions stay unlinked. Call inside the article's transaction.
 * @example linkEventMention(store, 12) -> 3 (the event id), or null for a negated mention
 */
export function linkEventMention(store: Store, mentionId: number): number | null {
  return runOps(store, linkEventMentionOps(store.db, mentionId))
}

/** `linkEventMention` for either store (ops.ts). */
export function* linkEventMentionOps(db: Kysely<Database>, mentionId: number): Ops<number | null> {
  const member = (yield* loadMembers(db, 'id', mentionId))[0]
  if (member === undefined) throw new Error(`no event mention with id ${mentionId}`)
  const eventId = yield* eventOfMemberOps(db, member)
  if (eventId !== null) yield* rows(linkMention(db, { event_id: eventId, id: member.id }))
  return eventId
}

/**
 * The event a member reports: the stored event it fits (dedup.ts), rebuilt with it, or a new
 * one; null for a negated or hypothetical mention. Writes the event but not the mention's
 * `event_id`: `saveDocOps` inserts a new mention with it, so the row is written once.
 * @example yield* eventOfMemberOps(db, newMember(toEventMentionRow(mention), articleRow)) -> 3
 */
export function* eventOfMemberOps(db: Kysely<Database>, member: EventMember): Ops<number | null> {
  if (!isLinkable(member.mention)) return null
  const candidates: EventGroup[] = []
  for (const id of yield* candidateIds(db, member)) {
    candidates.push({ id, members: yield* loadMembers(db, 'event_id', id) })
  }
  const chosen = chooseEvent(member, candidates)
  if (chosen === null) return yield* insertEvent(db, summarizeEvent([member]), member.mention)
  // Rebuild the event from the members just loaded plus this one: what reloading them after
  // the link would give, since nothing else writes in between.
  yield* updateEvent(db, chosen.id, [...chosen.members, member])
  return chosen.id
}

/**
 * A mention about to be inserted gets this id as a member: higher than any stored id, as its
 * own will be (ids only grow). Dedup uses ids only to order an event's members.
 */
const UNSAVED_ID = Number.MAX_SAFE_INTEGER

/**
 * The member that loading an event mention back once inserted would give (`loadMembers`): its
 * row as written (`toEventMentionRow` writes null, never undefined), joined with its article's.
 * @example newMember(toEventMentionRow(mention), articleRow).article.publishedOn -> '2024-11-20'
 */
export function newMember(row: EventMentionValues, article: ArticleValues): EventMember {
  return {
    id: UNSAVED_ID,
    mention: fromEventMentionRow(row),
    article: {
      publishedOn: article.published_on ?? null,
      outlet: article.outlet ?? null,
      url: article.url ?? null,
      origin: article.origin,
      ingestedAt: article.ingested_at,
    },
  }
}

/**
 * Rebuild events from their linked mentions; an event left without mentions is deleted. Used
 * when an article is replaced (its old mentions are gone).
 * @example refreshEvents(store, [3, 4])
 */
export function refreshEvents(store: Store, ids: readonly number[]): void {
  runOps(store, refreshEventsOps(store.db, ids))
}

/** `refreshEvents` for either store (ops.ts). */
export function* refreshEventsOps(db: Kysely<Database>, ids: readonly number[]): Ops<void> {
  for (const id of ids) {
    const members = yield* loadMembers(db, 'event_id', id)
    if (members.length === 0) {
      yield* rows(db.deleteFrom('events').where('id', '=', id))
      continue
    }
    yield* updateEvent(db, id, members)
  }
}

/** Write event `id`'s row from all its members (at least one); the first by id leads. */
function* updateEvent(
  db: Kysely<Database>,
  id: number,
  members: readonly EventMember[],
): Ops<void> {
  const lead = members.reduce((first, m) => (m.id < first.id ? m : first)).mention
  yield* rows(updateEventRow(db, { ...toEventRow(summarizeEvent(members), lead), id }))
}

/** The events an article's mentions link to. @example eventIdsOfArticle(store, 'A') -> [3, 5] */
export function eventIdsOfArticle(store: Store, articleId: string): number[] {
  return runOps(store, eventIdsOfArticleOps(store.db, articleId))
}

/** `eventIdsOfArticle` for either store (ops.ts). */
export function* eventIdsOfArticleOps(db: Kysely<Database>, articleId: string): Ops<number[]> {
  const query = db
    .selectFrom('event_mentions')
    .select('event_id')
    .distinct()
    .where('article_id', '=', articleId)
    .where('event_id', 'is not', null)
    .orderBy('event_id')
  return (yield* rows(query)).map((row) => row.event_id!)
}

/**
 * Forget every event and link all stored event mentions again, in ingest order, in one
 * transaction. Gives the same events as ingesting the same articles in the same order; used
 * once when a store made before events existed is migrated.
 * @example rebuildEvents(store) -> 27 (events made)
 */
export function rebuildEvents(store: Store): number {
  const rebuild = store.sqlite.transaction(() => {
    runWrite(store, store.db.updateTable('event_mentions').set({ event_id: null }))
    runWrite(store, store.db.deleteFrom('events'))
    // Ids start again at 1, as in a store that ingested these articles from empty.
    store.sqlite.prepare(`DELETE FROM sqlite_sequence WHERE name = 'events'`).run()
    const ids = selectRows(store, store.db.selectFrom('event_mentions').select('id').orderBy('id'))
    for (const { id } of ids) linkEventMention(store, id)
    return countEvents(store)
  })
  return rebuild.immediate()
}

/**
 * Events matching a filter, by date (undated last), then id.
 * @example queryEvents(store, { dyad: ['IRN', 'VEN'], from: '2023-01-01' })
 *   -> [{ id: 3, type: 'visit', date: '2023-02-02', num_articles: 2, ... }]
 */
export function queryEvents(store: Store, filter: PagedEventFilter = {}): Event[] {
  return runOps(store, queryEventsOps(store.db, filter))
}

/** `queryEvents` for either store (ops.ts). */
export function* queryEventsOps(db: Kysely<Database>, filter: PagedEventFilter = {}): Ops<Event[]> {
  const query = db
    .selectFrom('events')
    .selectAll()
    .where((eb) => eventMatches(eb, filter))
    .orderBy('date', (order) => order.asc().nullsLast())
    .orderBy('id')
  return (yield* rows(paged(query, filter))).map(fromEventRow)
}

/** An event by id with its event mentions, or null. @example getEvent(store, 3)?.num_articles -> 2 */
export function getEvent(store: Store, id: number): EventWithMentions | null {
  const row = selectRows(store, store.db.selectFrom('events').selectAll().where('id', '=', id))[0]
  if (row === undefined) return null
  return { ...fromEventRow(row), mentions: queryEventMembers(store, id).map((m) => m.mention) }
}

/**
 * The event mentions of one event with their articles' facts, in ingest order.
 * @example queryEventMembers(store, 3).map((m) => m.mention.article) -> ['003_…', '001_…']
 */
export function queryEventMembers(store: Store, eventId: number): EventMember[] {
  return runOps(store, loadMembers(store.db, 'event_id', eventId, true))
}

/** The events with these ids, in no particular order. @example eventsById(store, [3, 5]) */
export function eventsById(store: Store, ids: readonly number[]): Event[] {
  if (ids.length === 0) return []
  const query = store.db.selectFrom('events').selectAll().where('id', 'in', [...ids])
  return selectRows(store, query).map(fromEventRow)
}

/** How many events the store holds. @example countEvents(store) -> 27 */
export function countEvents(store: Store): number {
  return runOps(store, countEventsOps(store.db))
}

/** `countEvents` for either store (ops.ts). */
export function* countEventsOps(db: Kysely<Database>): Ops<number> {
  return yield* count(db.selectFrom('events').select((eb) => eb.fn.countAll().as('count')))
}

// --- helpers ----------------------------------------------------------------------------------

/**
 * Events that might take the member: same pair, type and modality, and dated so that dedup.ts
 * could find them near (an event's date is one of its members' dates), or its own article's.
 * Only a prefilter: `chooseEvent` decides.
 */
function* candidateIds(db: Kysely<Database>, member: EventMember): Ops<number[]> {
  const { mention, article } = member
  const published = article.publishedOn === null ? null : dayOfIso(article.publishedOn)
  const dated = dayRange(mention)
  const range = dated ?? (published === null ? null : [published, published])
  // Each query's values in one object literal: spreading objects together here cost more than
  // the rest of the lookup's JavaScript. Only 'other' queries take the code.
  const pair = pairOf(mention)
  const { type, modality, article: article_id } = mention
  const queries = type === 'other' ? candidates.other : candidates.plain
  const withCode = <T extends object>(values: T) =>
    type === 'other' ? { ...values, cameo: mention.cameo } : values
  if (range === null) {
    // Undated, in an undated article: only its own article's events can take it.
    const values = withCode({ pair, type, modality, article_id })
    return (yield* rows(queries.ofArticle(db, values))).map((r) => r.id)
  }
  // A dated report may be DATE_TOLERANCE_DAYS from the others; an undated one is placed at its
  // publication day, UNDATED_WINDOW_DAYS wide.
  const slack = dated === null ? UNDATED_WINDOW_DAYS : DATE_TOLERANCE_DAYS
  const [lo, hi] = range
  const values = withCode({
    pair,
    type,
    modality,
    article_id,
    date_to: isoOfDay(hi + slack),
    seen_from: isoOfDay(lo - UNDATED_WINDOW_DAYS),
    seen_to: isoOfDay(hi + UNDATED_WINDOW_DAYS),
    from_day: isoOfDay(lo - slack - DAYS_BEFORE_LAST.day),
    from_month: isoOfDay(lo - slack - DAYS_BEFORE_LAST.month),
    from_year: isoOfDay(lo - slack - DAYS_BEFORE_LAST.year),
  })
  return (yield* rows(queries.near(db, values))).map((r) => r.id)
}

/**
 * The prepared candidate queries (prepared.ts), one pair per shape: an 'other' event must also
 * have the same CAMEO code, since 'other' spans codes that have nothing in common.
 */
function candidateQueries(other: boolean) {
  /** Same pair, type and modality (and code). */
  const sameKind = (db: Kysely<Database>, a: Record<string, string>) => {
    const query = db
      .selectFrom('events')
      .select('id')
      .where('pair', '=', a.pair!)
      .where('type', '=', a.type!)
      .where('modality', '=', a.modality!)
    return other ? query.where('cameo', '=', a.cameo!) : query
  }
  /**
   * The events of the same kind its own article already has, found from the article's mentions:
   * `id IN (its mentions' events)` made SQLite read every event of the kind instead.
   */
  const ownEvents = (db: Kysely<Database>, a: Record<string, string>) => {
    const query = db
      .selectFrom('event_mentions')
      .innerJoin('events', 'events.id', 'event_mentions.event_id')
      .select('events.id as id')
      .where('event_mentions.article_id', '=', a.article_id!)
      .where('events.pair', '=', a.pair!)
      .where('events.type', '=', a.type!)
      .where('events.modality', '=', a.modality!)
    return other ? query.where('events.cameo', '=', a.cameo!) : query
  }
  return {
    /** An undated report in an undated article: only its own article's events. */
    ofArticle: prepared((db, a: Record<string, string>) => ownEvents(db, a).distinct().orderBy('events.id')),
    /**
     * Near a day range (`candidateIds` computes the bounds), or its own article's. A union of
     * index ranges, not one OR: with the OR, SQLite read every event of the pair, type and
     * modality (the date part of events_pair went unused), which grows with the store.
     */
    near: prepared((db, a: Record<string, string>) => {
      const query = sameKind(db, a)
      const [first, ...rest] = [
        ownEvents(db, a),
        ...Object.keys(DAYS_BEFORE_LAST).map((precision) =>
          query
            .where('date', '>=', a[`from_${precision}`]!)
            .where('date', '<=', a.date_to!)
            .where('date_precision', '=', precision),
        ),
        // An undated event: every article of it published near this report's day.
        query
          .where('date', 'is', null)
          .where('first_seen', '>=', a.seen_from!)
          .where('last_seen', '<=', a.seen_to!),
      ]
      return rest.reduce((union, branch) => union.union(branch), first!).orderBy('id')
    }),
  }
}

const candidates = { plain: candidateQueries(false), other: candidateQueries(true) }

/**
 * Event mentions with their articles' facts, by mention id or by event id, in ingest order.
 * `withTextLength` also measures each article's text (for exports; dedup does not need it).
 */
function* loadMembers(
  db: Kysely<Database>,
  by: 'id' | 'event_id',
  value: number,
  withTextLength = false,
): Ops<EventMember[]> {
  const query = membersBy[by][withTextLength ? 'withLength' : 'plain'](db, { value })
  return (yield* rows(query)).map((row) => ({
    id: row.id,
    mention: fromEventMentionRow(row),
    article: {
      publishedOn: row.published_on,
      outlet: row.outlet,
      url: row.url,
      origin: row.origin,
      ingestedAt: row.ingested_at,
      // PostgreSQL's length() is an integer too, but keep the shape the same either way.
      ...(row.text_length === null ? {} : { textLength: Number(row.text_length) }),
    },
  }))
}

/** `loadMembers`' query for each key, without and with the text's length. */
const membersBy = {
  id: {
    plain: membersQuery('event_mentions.id', false),
    withLength: membersQuery('event_mentions.id', true),
  },
  event_id: {
    plain: membersQuery('event_mentions.event_id', false),
    withLength: membersQuery('event_mentions.event_id', true),
  },
}

function membersQuery(
  key: 'event_mentions.id' | 'event_mentions.event_id',
  withTextLength: boolean,
) {
  return prepared((db, a: { value: number }) =>
    db
      .selectFrom('event_mentions')
      .innerJoin('articles', 'articles.id', 'event_mentions.article_id')
      .selectAll('event_mentions')
      .select([
        'articles.published_on',
        'articles.outlet',
        'articles.url',
        'articles.origin',
        'articles.ingested_at',
        (withTextLength ? sql<number | null>`length(articles.text)` : sql<number | null>`null`).as(
          'text_length',
        ),
      ])
      .where(key, '=', a.value)
      .orderBy('event_mentions.id'),
  )
}

function* insertEvent(db: Kysely<Database>, facts: EventFacts, lead: EventMention): Ops<number> {
  const [row] = yield* rows(insertEventRow(db, toEventRow(facts, lead)))
  return Number(row!.id)
}

const insertEventRow = prepared((db, row: EventValues) =>
  db.insertInto('events').values(row).returning('id'),
)

const updateEventRow = prepared((db, a: EventValues & { id: number }) => {
  const { id, ...row } = a
  return db.updateTable('events').set(row).where('id', '=', id)
})

/** Link an event mention to its event. */
const linkMention = prepared((db, a: { event_id: number; id: number }) =>
  db.updateTable('event_mentions').set({ event_id: a.event_id }).where('id', '=', a.id),
)

/** An event's row without its id: what is inserted, and what an update sets. */
type EventValues = Omit<Selectable<EventsTable>, 'id'>

/** Flatten an event's facts into a row; every key always present, so one prepared statement. */
function toEventRow(facts: EventFacts, lead: EventMention): EventValues {
  const { source, target, location } = facts
  return {
    type: facts.type,
    cameo: facts.cameo,
    modality: facts.modality,
    pair: pairOf(lead),
    source_country: source.country,
    source_sector: source.sector,
    source_person: source.person,
    source_code: source.code,
    target_country: target?.country ?? null,
    target_sector: target?.sector ?? null,
    target_person: target?.person ?? null,
    target_code: target?.code ?? null,
    date: facts.date,
    date_precision: facts.date_precision,
    ...toLocationColumns(location),
    quad: facts.quad,
    goldstein: facts.goldstein,
    plover_event: facts.plover.event,
    plover_mode: facts.plover.mode,
    sectors: JSON.stringify(facts.sectors),
    num_mentions: facts.num_mentions,
    num_articles: facts.num_articles,
    num_sources: facts.num_sources,
    first_seen: facts.first_seen,
    last_seen: facts.last_seen,
    first_article_id: facts.first_article,
    source_url: facts.source_url,
    added_at: facts.added_at,
  }
}

/** Rebuild the external `Event` shape from a row. */
function fromEventRow(row: Selectable<EventsTable>): Event {
  return {
    id: row.id,
    type: row.type as EventType,
    cameo: row.cameo,
    modality: row.modality === 'planned' ? 'planned' : 'asserted',
    source: {
      country: row.source_country,
      sector: row.source_sector,
      person: row.source_person,
      code: row.source_code,
    },
    target:
      row.target_country === null
        ? null
        : {
            country: row.target_country,
            sector: row.target_sector,
            person: row.target_person,
            code: row.target_code ?? row.target_country,
          },
    date: row.date,
    date_precision: row.date_precision as DatePrecision | null,
    location: fromLocationColumns(row),
    quad: row.quad,
    goldstein: row.goldstein,
    plover: { event: row.plover_event, mode: row.plover_mode },
    sectors: JSON.parse(row.sectors) as string[],
    num_mentions: row.num_mentions,
    num_articles: row.num_articles,
    num_sources: row.num_sources,
    first_seen: row.first_seen,
    last_seen: row.last_seen,
    first_article: row.first_article_id,
    source_url: row.source_url,
    added_at: row.added_at,
  }
}
