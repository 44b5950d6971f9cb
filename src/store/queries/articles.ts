/**
 * Articles in the store: saving a whole `Doc` in one transaction, reading an article back,
 * counting, and full-text search.
 */
import BetterSqlite3 from 'better-sqlite3'
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Article, Doc } from '../../doc.js'
import { DyadError } from '../../errors.js'
import {
  withCause,
  type ArticlesTable,
  type Database,
  type ProblemsTable,
  type Store,
} from '../database.js'
import { runOps, selectRows } from '../execute.js'
import { count, rows, type Ops } from '../ops.js'
import { prepared } from '../prepared.js'
import { toEventMentionRow, type EventMentionValues } from './event-mentions.js'
import { eventIdsOfArticleOps, eventOfMemberOps, newMember, refreshEventsOps } from './events.js'
import { rememberPeopleOps } from './learned-people.js'
import { learnedFrom } from '../../actors/learned-people.js'

/** What `saveDoc` did. `reason: 'duplicate'` when the same text was already stored. */
export interface SaveResult {
  readonly stored: boolean
  readonly reason?: 'duplicate'
}

/**
 * Save an article with its event mentions and problems, all in one transaction.
 *
 * - Same content hash already stored (under any id): a no-op, `{ stored: false, reason:
 *   'duplicate' }`. Re-ingesting a folder writes nothing new.
 * - Same id, different hash: the corrected article supersedes the old one. The old row, its
 *   event mentions and its problems are deleted and the new ones written, in the same transaction.
 * - Each event mention is linked to the deduplicated event it reports (or starts one), in the
 *   same transaction (src/store/queries/events.ts); replacing an article rebuilds its events.
 * - A failed write (a constraint, a full disk) rolls back everything of this article and throws
 *   `E_STORE` naming it.
 * @example saveDoc(store, doc) -> { stored: true }
 *   saveDoc(store, doc) -> { stored: false, reason: 'duplicate' }
 */
export function saveDoc(store: Store, doc: Doc, now: Date = new Date()): SaveResult {
  const { article } = doc
  // IMMEDIATE takes the write lock before the duplicate check, so two processes ingesting the
  // same article cannot both see "not stored" and both insert.
  const save = store.sqlite.transaction((): SaveResult => runOps(store, saveDocOps(store.db, doc, now)))
  try {
    return save.immediate()
  } catch (error) {
    throw saveError(store, article.id, error)
  }
}

/**
 * What to throw when saving an article failed: a database failure becomes E_STORE naming the
 * article; anything else (a TypeError from a malformed Doc) is a bug upstream and stays as it is.
 * @example throw saveError(store, 'X', sqliteError) // E_STORE: Cannot save article 'X' to …
 */
export function saveError(store: Store, articleId: string, error: unknown): unknown {
  if (!(error instanceof BetterSqlite3.SqliteError)) return error
  const detail = `Cannot save article '${articleId}' to '${store.file}': ${error.message}`
  return withCause(new DyadError('E_STORE', detail), error)
}

/**
 * What `saveDoc` writes, for either store (ops.ts); the caller runs it in one transaction that
 * no other writer can interleave with (SQLite's IMMEDIATE lock, PostgreSQL's advisory lock).
 */
export function* saveDocOps(db: Kysely<Database>, doc: Doc, now: Date): Ops<SaveResult> {
  const { article } = doc
  const existing = yield* rows(
    storedVersions(db, { content_hash: article.contentHash, id: article.id }),
  )
  if (existing.some((row) => row.content_hash === article.contentHash)) {
    return { stored: false, reason: 'duplicate' }
  }
  // Same id, new text: ON DELETE CASCADE removes the old event mentions and problems.
  if (existing.length > 0) {
    const touched = yield* eventIdsOfArticleOps(db, article.id)
    yield* rows(db.deleteFrom('articles').where('id', '=', article.id))
    // Events the old version reported lose its mentions; one left with none is deleted.
    yield* refreshEventsOps(db, touched)
  }
  const articleRow = toArticleRow(article, now)
  yield* rows(insertArticle(db, articleRow))
  for (const mention of doc.eventMentions ?? []) {
    if (mention.article !== article.id) {
      throw new Error(`event mention of '${mention.article}' in the Doc of '${article.id}'`)
    }
    const row = toEventMentionRow(mention)
    // Dedup (src/events/dedup.ts) first: join the event it reports, or start one. Then the
    // mention is inserted already linked, one write of its row and indexes.
    const eventId = yield* eventOfMemberOps(db, newMember(row, articleRow))
    // The link goes onto the row in place: a copy of its 33 columns per mention cost more
    // than the rest of this loop's JavaScript.
    yield* rows(insertEventMention(db, Object.assign(row, { event_id: eventId })))
  }
  // People introduced by apposition, so later articles naming them alone resolve too.
  yield* rememberPeopleOps(db, learnedFrom(doc))
  for (const problem of doc.problems) {
    const row: Insertable<ProblemsTable> = {
      article_id: article.id,
      stage: problem.stage,
      code: problem.code,
      message: problem.message,
      span_start: problem.span?.[0] ?? null,
      span_end: problem.span?.[1] ?? null,
    }
    yield* rows(insertProblem(db, row))
  }
  return { stored: true }
}

// The statements every save runs, compiled once (prepared.ts).

/** Stored articles with this text or this id. */
const storedVersions = prepared((db, a: { content_hash: string; id: string }) =>
  db
    .selectFrom('articles')
    .select(['id', 'content_hash'])
    .where((eb) => eb.or([eb('content_hash', '=', a.content_hash), eb('id', '=', a.id)])),
)

const insertArticle = prepared((db, row: ArticleValues) =>
  db.insertInto('articles').values(row),
)

const insertEventMention = prepared(
  (db, row: EventMentionValues & { event_id: number | null }) =>
    db.insertInto('event_mentions').values(row),
)

const insertProblem = prepared((db, row: Insertable<ProblemsTable>) =>
  db.insertInto('problems').values(row),
)

/**
 * One article by id, or null.
 * @example getArticle(store, '000_2737ec37436efcb6')?.title -> 'Iranian minister visits Caracas'
 */
export function getArticle(store: Store, id: string): Article | null {
  const query = store.db.selectFrom('articles').selectAll().where('id', '=', id)
  const row = selectRows(store, query)[0]
  return row === undefined ? null : fromArticleRow(row)
}

/** How many articles the store holds. @example countArticles(store) -> 120 */
export function countArticles(store: Store): number {
  return runOps(store, countArticlesOps(store.db))
}

/** `countArticles` for either store (ops.ts). */
export function* countArticlesOps(db: Kysely<Database>): Ops<number> {
  return yield* count(db.selectFrom('articles').select((eb) => eb.fn.countAll().as('count')))
}

/** One full-text search hit; `snippet` marks the matched words with [brackets]. */
export interface ArticleHit {
  readonly id: string
  readonly title: string | null
  /** @example '…said an Iranian [naval squadron] would visit La Guaira next year.' */
  readonly snippet: string
}

/**
 * Full-text search over titles and text, best match first. Words are ANDed, "quoted words" are
 * a phrase, a trailing * is a prefix; accents and case are folded ("Nicolas" finds "Nicolás").
 * @example searchArticles(store, '"naval squadron" Venezuela', 10)
 *   -> [{ id: '000_2737ec37436efcb6', title: '...', snippet: '...an Iranian [naval squadron]...' }]
 */
export function searchArticles(store: Store, query: string, limit = 20): ArticleHit[] {
  const search = articleSearch(store.db, query, { open: '[', close: ']', tokens: 16 }, limit)
  return search === null ? [] : selectRows(store, search)
}

/** How a search hit's snippet marks the matched words, and about how many words it holds. */
export interface SnippetMarks {
  readonly open: string
  readonly close: string
  readonly tokens: number
}

/**
 * The full-text search query, best match first, selecting `id`, `title` and a `snippet` with
 * the matches marked; add columns with `.select`. Null when the query has no word to look for.
 * `searchArticles` here and the API's `searchHits` (api/queries/search.ts) run it.
 * @example articleSearch(db, 'naval', { open: '[', close: ']', tokens: 16 }, 20)
 */
export function articleSearch(
  db: Kysely<Database>,
  query: string,
  marks: SnippetMarks,
  limit: number,
) {
  const match = toFtsQuery(query)
  if (match === '') return null
  const { open, close, tokens } = marks
  return db
    .selectFrom('articles_fts')
    .innerJoin('articles', 'articles.seq', 'articles_fts.rowid')
    .select([
      'articles.id',
      'articles.title',
      sql<string>`snippet(articles_fts, -1, ${open}, ${close}, '…', ${tokens})`.as('snippet'),
    ])
    .where(sql<boolean>`articles_fts MATCH ${match}`)
    .orderBy(sql`rank`)
    .limit(limit)
}

/**
 * Turn what a person types into an FTS5 query that cannot be a syntax error: every word and
 * every "quoted phrase" becomes a quoted FTS5 string.
 * @example toFtsQuery('"naval squadron" Maduro* U.S.') -> '"naval squadron" "Maduro"* "U.S."'
 */
export function toFtsQuery(query: string): string {
  const parts: string[] = []
  for (const [, phrase, word] of query.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const text = (phrase ?? word ?? '').trim()
    if (!/[\p{L}\p{N}]/u.test(text)) continue // "-" or "" would match nothing or fail
    const isPrefix = word !== undefined && text.endsWith('*') && text.length > 1
    const bare = isPrefix ? text.slice(0, -1) : text
    parts.push(`"${bare.replaceAll('"', '""')}"${isPrefix ? '*' : ''}`)
  }
  return parts.join(' ')
}

/** An article's row as written: every column but `seq`, which SQLite assigns. */
export type ArticleValues = Omit<Selectable<ArticlesTable>, 'seq'>

function toArticleRow(article: Article, now: Date): ArticleValues {
  return {
    id: article.id,
    content_hash: article.contentHash,
    title: article.title,
    text: article.text,
    published_on: article.publishedOn,
    published_basis: article.publishedBasis,
    url: article.url,
    outlet: article.outlet,
    language: article.language,
    origin: article.origin,
    ingested_at: now.toISOString(),
  }
}

function fromArticleRow(row: Selectable<ArticlesTable>): Article {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    publishedOn: row.published_on,
    publishedBasis: row.published_basis,
    url: row.url,
    outlet: row.outlet,
    language: row.language,
    origin: row.origin,
    contentHash: row.content_hash,
  }
}
