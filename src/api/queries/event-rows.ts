/**
 * Event mentions as the API lists them: with their row id (the API's event id) and the article
 * they come from, a page at a time with the total count.
 */
import type { Selectable } from 'kysely'
import type { ArticlesTable, EventMentionsTable, Store } from '../../store/database.js'
import { selectRows } from '../../store/execute.js'
import { fromEventMentionRow } from '../../store/queries/event-mentions.js'
import type { ArticleRef, EventRow } from '../types.js'
import { matchesFilter, type EventFilter } from './event-filter.js'

/** A page request. */
export interface PageRequest {
  readonly limit: number
  readonly offset: number
}

/** The API id of an event mention row. @example mentionId(12) -> 'm12' */
export function mentionId(rowId: number): string {
  return `m${rowId}`
}

/** The row id in an API id, or null. @example rowIdOf('m12') -> 12 */
export function rowIdOf(id: string): number | null {
  const match = /^m([1-9]\d{0,15})$/.exec(id)
  return match?.[1] === undefined ? null : Number(match[1])
}

/**
 * One page of the event mentions matching a filter, by date (undated last), article, sentence.
 * @example queryEventRows(store, { dyad: ['IRN', 'VEN'] }, { limit: 50, offset: 0 })
 *   -> { total: 7, rows: [{ id: 'm3', kind: 'event-mention', mention: {...}, article: {...} }] }
 */
export function queryEventRows(
  store: Store,
  filter: EventFilter,
  page: PageRequest,
): { total: number; rows: EventRow[] } {
  const count = store.db
    .selectFrom('event_mentions')
    .where((eb) => matchesFilter(eb, filter))
    .select((eb) => eb.fn.countAll<number>().as('count'))
  const total = selectRows(store, count)[0]?.count ?? 0
  const query = selectWithArticle(store)
    .where((eb) => matchesFilter(eb, filter))
    .orderBy('event_mentions.date', (order) => order.asc().nullsLast())
    .orderBy('event_mentions.article_id')
    .orderBy('event_mentions.sentence')
    .orderBy('event_mentions.id')
    .limit(page.limit)
    .offset(page.offset)
  return { total, rows: selectRows(store, query).map(toEventRow) }
}

/**
 * One event mention by row id, with its article's text, or null.
 * @example getEventRow(store, 12)?.article.text.slice(0, 12) -> 'Iranian defe'
 */
export function getEventRow(store: Store, rowId: number): { row: EventRow; text: string } | null {
  const query = selectWithArticle(store)
    .select('articles.text as article_text')
    .where('event_mentions.id', '=', rowId)
  const found = selectRows(store, query)[0]
  return found === undefined ? null : { row: toEventRow(found), text: found.article_text }
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
}

function toEventRow(row: JoinedRow): EventRow {
  const article: ArticleRef = {
    id: row.article_id,
    title: row.article_title,
    outlet: row.article_outlet,
    url: row.article_url,
    publishedOn: row.article_published_on,
  }
  return {
    id: mentionId(row.id),
    kind: 'event-mention',
    mention: fromEventMentionRow(row),
    article,
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
