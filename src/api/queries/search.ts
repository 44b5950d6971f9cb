/**
 * Full-text search over articles for the page: like `searchArticles` (store/queries/articles.ts),
 * but the snippet comes back as plain and matching pieces, so no article text is ever parsed as
 * markup and brackets in the text stay brackets.
 */
import type { Store } from '../../store/database.js'
import { selectRows } from '../../store/execute.js'
import { articleSearch } from '../../store/queries/articles.js'
import type { SearchHit, SnippetPart } from '../types.js'

// Control characters never occur in cleaned article text, so they can mark the matches.
const OPEN = '\u0002'
const CLOSE = '\u0003'

/**
 * Articles matching a query, best first.
 * @example searchHits(store, '"naval squadron"', 20)[0].snippet
 *   -> [{ text: '…an Iranian ', hit: false }, { text: 'naval squadron', hit: true }, ...]
 */
export function searchHits(store: Store, query: string, limit: number): SearchHit[] {
  const search = articleSearch(store.db, query, { open: OPEN, close: CLOSE, tokens: 24 }, limit)
  if (search === null) return []
  const withRef = search.select(['articles.outlet', 'articles.url', 'articles.published_on'])
  return selectRows(store, withRef).map((row) => ({
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    url: row.url,
    publishedOn: row.published_on,
    snippet: splitSnippet(row.snippet),
  }))
}

/**
 * Cut a marked snippet into pieces.
 * @example splitSnippet('an \u0002naval\u0003 visit') -> [{ text: 'an ', hit: false },
 *   { text: 'naval', hit: true }, { text: ' visit', hit: false }]
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let hit = false
  let text = ''
  const flush = () => {
    if (text !== '') parts.push({ text, hit })
    text = ''
  }
  for (const char of snippet) {
    if (char === OPEN || char === CLOSE) {
      flush()
      hit = char === OPEN
    } else text += char
  }
  flush()
  // "naval" and "squadron" matched apart come back as two hits with a space between: join them.
  return parts.reduce<SnippetPart[]>((joined, part) => {
    const last = joined[joined.length - 1]
    if (last !== undefined && last.hit === part.hit)
      joined[joined.length - 1] = { ...last, text: last.text + part.text }
    else joined.push(part)
    return joined
  }, [])
}
