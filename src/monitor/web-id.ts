/**
 * Names for articles read from the web. A URL is compared without its #fragment and its
 * tracking parameters (utm_*), so the same story linked two ways is fetched once; the article
 * id is a short hash of that form, stable across runs and machines.
 */
import { createHash } from 'node:crypto'

/** Query parameters that only say where a click came from. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/iu

/**
 * The URL as dyad remembers it.
 * @example normalizeUrl('HTTPS://News.Example/a/1?utm_source=rss&id=3#top')
 *   -> 'https://news.example/a/1?id=3'
 */
export function normalizeUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url.trim()
  }
  parsed.hash = ''
  for (const name of [...parsed.searchParams.keys()]) {
    if (TRACKING.test(name)) parsed.searchParams.delete(name)
  }
  return parsed.href
}

/**
 * The article id of a web page: 'web_' and 16 hex digits of its normalized URL's sha256.
 * @example idOfUrl('https://news.example/a/1') -> 'web_3f0c…' (16 hex digits)
 */
export function idOfUrl(url: string): string {
  return `web_${createHash('sha256').update(normalizeUrl(url)).digest('hex').slice(0, 16)}`
}
