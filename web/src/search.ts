/**
 * Search results: each matching article with its snippet, the matching words marked.
 */
import type { SearchResult } from '../../src/api/types.js'
import { el, setChildren } from './dom.js'

/**
 * Fill the result list; `onOpen` gets an article id.
 * @example drawSearchResults(list, await getJson<SearchResult>('/api/search', { q }), openArticle)
 */
export function drawSearchResults(
  list: HTMLElement,
  result: SearchResult,
  onOpen: (id: string) => void,
): void {
  const items = result.hits.map((hit) => {
    const button = el(
      'button',
      { type: 'button', class: 'hit' },
      el('strong', {}, hit.title ?? hit.id),
      el('small', {}, [hit.outlet, hit.publishedOn].filter((part) => part !== null).join(' · ')),
      el(
        'span',
        { class: 'snippet' },
        ...hit.snippet.map((part) => (part.hit ? el('mark', {}, part.text) : part.text)),
      ),
    )
    button.addEventListener('click', () => onOpen(hit.id))
    return el('li', { 'data-article-id': hit.id }, button)
  })
  setChildren(list, ...items)
}
