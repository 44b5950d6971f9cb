/**
 * Events as the API serves them: deduplicated events (ids `e<N>`), a page at a time with the
 * total count, each with the article of its first report; one event with every article that
 * reports it; and an article's event mentions (ids `m<N>`), each naming its event.
 */
import type { Selectable } from 'kysely'
import type { ActorOut, EventMention } from '../../doc.js'
import type { Event } from '../../events/event.js'
import type { ArticlesTable, EventMentionsTable, Store } from '../../store/database.js'
import { selectRows } from '../../store/execute.js'
import { fromEventMentionRow } from '../../store/queries/event-mentions.js'
import { eventsById, getEvent } from '../../store/queries/events.js'
import type { ArticleRef, EventDetail, EventRow, EventSource, MentionRow } from '../types.js'
import {
  eventMatches,
  mentionMatches,
  type EventFilter,
} from '../../store/queries/event-filter.js'

/** A page request. */
export interface PageRequest {
  readonly limit: number
  readonly offset: number
}

/** The API id of an event mention row. @example mentionId(12) -> 'm12' */
export function mentionId(rowId: number): string {
  return `m${rowId}`
}

/** The API id of an event. @example eventId(3) -> 'e3' */
export function eventId(id: number): string {
  return `e${id}`
}

/** The store id in an event's API id, or null. @example eventIdOf('e3') -> 3 */
export function eventIdOf(id: string): number | null {
  const match = /^e([1-9]\d{0,15})$/.exec(id)
  return match?.[1] === undefined ? null : Number(match[1])
}

/**
 * One page of the events matching a filter, by date (undated last), then id.
 * @example queryEventRows(store, { dyad: ['IRN', 'VEN'] }, { limit: 50, offset: 0 })
 *   -> { total: 7, rows: [{ id: 'e3', kind: 'event', mention: {...}, num_articles: 2, ... }] }
 */
export function queryEventRows(
  store: Store,
  filter: EventFilter,
  page: PageRequest,
): { total: number; rows: EventRow[] } {
  const count = store.db
    .selectFrom('events')
    .where((eb) => eventMatches(eb, filter))
    .select((eb) => eb.fn.countAll<number>().as('count'))
  const total = selectRows(store, count)[0]?.count ?? 0
  const ids = store.db
    .selectFrom('events')
    .select('events.id')
    .where((eb) => eventMatches(eb, filter))
    .orderBy('events.date', (order) => order.asc().nullsLast())
    .orderBy('events.id')
    .limit(page.limit)
    .offset(page.offset)
  const wanted = selectRows(store, ids).map((row) => row.id)
  if (wanted.length === 0) return { total, rows: [] }
  const events = new Map(
    eventsById(store, wanted).map((event) => [event.id, event]),
  )
  const reports = groupByEvent(
    selectRows(store, selectWithArticle(store).where('event_mentions.event_id', 'in', wanted)),
  )
  const rows = wanted.flatMap((id) => {
    const event = events.get(id)
    const lead = leadOf(event, reports.get(id) ?? [])
    return event === undefined || lead === undefined ? [] : [toEventRow(event, lead)]
  })
  return { total, rows }
}

/**
 * One event by store id with every article that reports it (whole text), or null.
 * @example getEventDetail(store, 3)?.sources.map((s) => s.article.id) -> ['a-caracas', 'd-echo']
 */
export function getEventDetail(store: Store, id: number): EventDetail | null {
  const event = getEvent(store, id)
  if (event === null) return null
  const rows = selectRows(
    store,
    selectWithArticle(store)
      .select('articles.text as article_text')
      .where('event_mentions.event_id', '=', id),
  )
  const lead = leadOf(event, rows)
  if (lead === undefined) return null
  const byArticle = new Map<string, typeof rows>()
  for (const row of rows) {
    byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row])
  }
  const sources: EventSource[] = [...byArticle.values()]
    .sort((x, y) => bySource(event, x[0]!, y[0]!))
    .map((reports) => ({
      article: { ...refOf(reports[0]!), text: reports[0]!.article_text },
      mentions: [...reports]
        .sort((x, y) => x.sentence - y.sentence || x.id - y.id)
        .map((row) => {
          const mention = fromEventMentionRow(row)
          return { id: mentionId(row.id), mention, span: mention.span }
        }),
    }))
  const { mention } = toEventRow(event, lead)
  return { id: eventId(event.id), kind: 'event', mention, ...reportsOf(event), sources }
}

/**
 * Every event mention of one article (whatever its modality), in text order, each with the id
 * of the event it reports.
 * @example queryMentionRows(store, 'a-caracas')[0] -> { id: 'm1', event: 'e1', ... }
 */
export function queryMentionRows(store: Store, articleId: string): MentionRow[] {
  const query = selectWithArticle(store)
    .where((eb) => mentionMatches(eb, { article: articleId }))
    .orderBy('event_mentions.sentence')
    .orderBy('event_mentions.id')
  return selectRows(store, query).map((row) => ({
    id: mentionId(row.id),
    kind: 'event-mention',
    event: row.event_id === null ? null : eventId(row.event_id),
    mention: fromEventMentionRow(row),
    article: refOf(row),
  }))
}

type JoinedRow = Selectable<EventMentionsTable> & {
  article_title: string | null
  article_outlet: string | null
  article_url: string | null
  article_published_on: string | null
}

function selectWithArticle(store: Store) {
  return store.db
    .selectFrom('event_mentions')
    .innerJoin('articles', 'articles.id', 'event_mentions.article_id')
    .selectAll('event_mentions')
    .select([
      'articles.title as article_title',
      'articles.outlet as article_outlet',
      'articles.url as article_url',
      'articles.published_on as article_published_on',
    ])
    .orderBy('event_mentions.id')
}

function groupByEvent<T extends JoinedRow>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of rows) {
    if (row.event_id === null) continue
    groups.set(row.event_id, [...(groups.get(row.event_id) ?? []), row])
  }
  return groups
}

/** The first report: a mention in the event's first article, else its first mention. */
function leadOf<T extends JoinedRow>(
  event: Event | null | undefined,
  rows: readonly T[],
): T | undefined {
  return rows.find((row) => row.article_id === event?.first_article) ?? rows[0]
}

/** Sources order: the first article first, then by publication day (undated last), ingest order. */
function bySource(event: Event, x: JoinedRow, y: JoinedRow): number {
  const first = (row: JoinedRow) => (row.article_id === event.first_article ? 0 : 1)
  const day = (row: JoinedRow) => row.article_published_on ?? '\uffff'
  return first(x) - first(y) || day(x).localeCompare(day(y)) || x.id - y.id
}

function toEventRow(event: Event, lead: JoinedRow): EventRow {
  const first = fromEventMentionRow(lead)
  const mention: EventMention = {
    ...first,
    type: event.type,
    cameo: event.cameo,
    modality: event.modality,
    source: sideOf(event.source, first.source),
    target: event.target === null ? null : sideOf(event.target, first.target),
    date: event.date,
    date_precision: event.date_precision,
    location: event.location,
    quad: event.quad,
    goldstein: event.goldstein,
    plover: event.plover,
    sectors: event.sectors,
  }
  return {
    id: eventId(event.id),
    kind: 'event',
    mention,
    article: refOf(lead),
    ...reportsOf(event),
  }
}

/** The event's side, keeping the first report's role when it names the same person. */
function sideOf(side: ActorOut, reported: ActorOut | null): ActorOut {
  const role = reported !== null && reported.person === side.person ? reported.role : undefined
  return role === undefined || role === null ? side : { ...side, role }
}

function reportsOf(event: Event) {
  const { num_mentions, num_articles, num_sources } = event
  return { num_mentions, num_articles, num_sources }
}

function refOf(row: JoinedRow): ArticleRef {
  return {
    id: row.article_id,
    title: row.article_title,
    outlet: row.article_outlet,
    url: row.article_url,
    publishedOn: row.article_published_on,
  }
}

/** The reference fields of an article. */
export function articleRefOf(
  article: Pick<ArticlesTable, 'id' | 'title' | 'outlet' | 'url' | 'published_on'>,
): ArticleRef {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    url: article.url,
    publishedOn: article.published_on,
  }
}
