/**
 * Full-text search on PostgreSQL with the behaviour of the SQLite store's `searchArticles`:
 * words are ANDed, "quoted words" are a phrase, a trailing * is a prefix, accents and case are
 * folded, best match first, and the snippet marks matched words with [brackets].
 */
import { sql } from 'kysely'
import type { ArticleHit } from '../queries/articles.js'
import type { PgStore } from './database.js'

/**
 * @example await searchArticlesPg(store, '"naval squadron" Venezuela', 10)
 *   -> [{ id: '000_2737ec37436efcb6', title: '...', snippet: '...an Iranian [naval] [squadron]...' }]
 */
export async function searchArticlesPg(store: PgStore, query: string, limit = 20): Promise<ArticleHit[]> {
  const tsquery = toTsQuery(query)
  if (tsquery === '') return []
  const match = sql`to_tsquery('simple', dyad_unaccent(${tsquery}))`
  // The snippet marks every matched word, near any of them: the terms ORed. It is cut from the
  // text as stored, so a word typed without its accents is found but not marked.
  const marks = sql`to_tsquery('simple', ${tsquery.replaceAll(' & ', ' | ')})`
  const { rows } = await sql<ArticleHit>`
    SELECT id, title,
      ts_headline('simple', text, ${marks},
        'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM articles
    WHERE fts @@ ${match}
    ORDER BY ts_rank(fts, ${match}) DESC, seq
    LIMIT ${limit}`.execute(store.db)
  return rows
}

/**
 * Turn what a person types into a tsquery that cannot be a syntax error: words and phrases are
 * split into quoted lexemes (the tsvector splits text the same way), phrases joined by <->.
 * @example toTsQuery('"naval squadron" Maduro* U.S.') -> "('naval' <-> 'squadron') & 'Maduro':* & ('U' <-> 'S')"
 */
export function toTsQuery(query: string): string {
  const parts: string[] = []
  for (const [, phrase, word] of query.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const text = (phrase ?? word ?? '').trim()
    const isPrefix = word !== undefined && text.endsWith('*') && text.length > 1
    const words = text.match(/[\p{L}\p{N}]+/gu) ?? []
    if (words.length === 0) continue
    const lexemes = words.map((w, i) => `'${w}'${isPrefix && i === words.length - 1 ? ':*' : ''}`)
    parts.push(lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`)
  }
  return parts.join(' & ')
}
