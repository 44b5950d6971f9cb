/**
 * Articles from the web: one page by URL, or every item of an RSS or Atom feed (a URL or a
 * file). A page goes through the same HTML reader as a saved page; a feed item becomes an
 * article from its own title and summary, or, with `follow`, from its page fetched in full.
 * Each input that gives no article is one `ok: false` result naming it and why. The date checks
 * of read-inputs.ts (a date in the future) are left to the caller, as for files.
 */
import { readFile } from 'node:fs/promises'

import type { Article } from '../doc.js'
import { cleanParagraphs } from '../ingest/clean.js'
import { composeArticle, type DetectLanguage } from '../ingest/compose-article.js'
import { decodeBytes } from '../ingest/decode.js'
import type { ReadResult } from '../ingest/read-inputs.js'
import { readHtml } from '../ingest/readers/html.js'
import { readText } from '../ingest/readers/text.js'
import { fetchPage, isUrl, type FetchOptions, type Fetched } from './fetch-page.js'
import { mapLimit } from './map-limit.js'
import { looksLikeFeed, readFeed, type FeedEntry } from './read-feed.js'
import { idOfUrl, normalizeUrl } from './web-id.js'

export interface WebReadOptions extends FetchOptions {
  readonly detectLanguage: DetectLanguage
  /** Fetch each feed item's page for the full text (else the item's own summary is the text). */
  readonly follow?: boolean
  /** Pages fetched at once with `follow`. */
  readonly concurrency?: number
  /** Items for which this says false are passed over unfetched (`dyad watch`: already seen). */
  readonly wanted?: (url: string) => boolean
  /**
   * Feeds fetched before, by URL (`dyad watch` keeps one across polls): a feed is asked for only
   * if changed (ETag, Last-Modified), and an unchanged one is read from here.
   */
  readonly feedCache?: Map<string, CachedFeed>
  /** A URL must give a feed (`dyad watch`): a page there is a failure, not an article. */
  readonly feedsOnly?: boolean
}

/** A feed document as last fetched, with its validators. */
export interface CachedFeed {
  readonly etag: string | null
  readonly lastModified: string | null
  readonly text: string
  readonly finalUrl: string
}

export const DEFAULT_CONCURRENCY = 4

/** File extensions read as feeds by `dyad ingest`. */
const FEED_EXTENSIONS = /\.(rss|atom|xml)$/iu

/** True for inputs this module reads: URLs and feed files. @example isWebInput('news.rss') -> true */
export function isWebInput(path: string): boolean {
  return isUrl(path) || FEED_EXTENSIONS.test(path)
}

/**
 * Every article a URL or a feed file gives.
 * @example for await (const r of readWebInput('https://wire.example/rss', opts)) ...
 *   -> one result per feed item, or one for a page
 */
export async function* readWebInput(
  path: string,
  opts: WebReadOptions,
): AsyncGenerator<ReadResult> {
  for await (const { result } of readWebItems(path, opts)) yield result
}

/** One result and the item URL it belongs to (null for an item without a link). */
export interface WebItem {
  readonly url: string | null
  readonly result: ReadResult
}

/** Like `readWebInput`, with each result's item URL, for `dyad watch`'s bookkeeping. */
export async function* readWebItems(path: string, opts: WebReadOptions): AsyncGenerator<WebItem> {
  if (!isUrl(path)) {
    yield* readFeedFile(path, opts)
    return
  }
  const cached = opts.feedCache?.get(path)
  const fetched = await fetchPage(path, {
    ...opts,
    accept:
      'application/rss+xml,application/atom+xml,application/xml,text/xml,text/html;q=0.9,*/*;q=0.5',
    ...(cached === undefined ? {} : { etag: cached.etag, lastModified: cached.lastModified }),
  })
  if (!fetched.ok && fetched.notModified === true && cached !== undefined) {
    // Unchanged: its items are read again, so links that failed before get their retry.
    yield* readFeedItems(cached.text, path, cached.finalUrl, opts)
    return
  }
  if (!fetched.ok) {
    yield { url: path, result: unreadable(path, fetched.reason) }
    return
  }
  const decoded = decodeBytes(fetched.bytes)
  if (!decoded.ok) {
    yield { url: path, result: unreadable(path, decoded.reason) }
    return
  }
  if (isFeedType(fetched.contentType) || looksLikeFeed(decoded.text)) {
    if (opts.feedCache !== undefined && (fetched.etag !== null || fetched.lastModified !== null)) {
      const { etag, lastModified, finalUrl } = fetched
      opts.feedCache.set(path, { etag, lastModified, finalUrl, text: decoded.text })
    }
    yield* readFeedItems(decoded.text, path, fetched.finalUrl, opts)
    return
  }
  if (opts.feedsOnly === true) {
    const reason = `not an RSS or Atom feed (${fetched.contentType ?? 'no content type'})`
    yield { url: path, result: unreadable(path, reason) }
    return
  }
  yield { url: path, result: articleOfPage(fetched, decoded.text, null, opts) }
}

async function* readFeedFile(path: string, opts: WebReadOptions): AsyncGenerator<WebItem> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const result: ReadResult =
      code === 'ENOENT'
        ? { ok: false, origin: path, reason: 'no such file or folder', code: 'E_INPUT_MISSING' }
        : unreadable(path, `cannot read the file (${code ?? String(error)})`)
    yield { url: null, result }
    return
  }
  const decoded = decodeBytes(bytes)
  if (!decoded.ok) {
    yield { url: null, result: unreadable(path, decoded.reason) }
    return
  }
  yield* readFeedItems(decoded.text, path, null, opts)
}

/**
 * The items of a feed document, in feed order. With `follow`, pages are fetched `concurrency`
 * at a time; an item whose page fails is one failed result named by its URL.
 */
async function* readFeedItems(
  xml: string,
  origin: string,
  baseUrl: string | null,
  opts: WebReadOptions,
): AsyncGenerator<WebItem> {
  const feed = readFeed(xml, baseUrl)
  if (!feed.ok) {
    yield { url: baseUrl === null ? null : origin, result: unreadable(origin, feed.reason) }
    return
  }
  const entries = feed.entries.filter(
    (entry) => entry.url === null || (opts.wanted?.(normalizeUrl(entry.url)) ?? true),
  )
  const read = async (entry: FeedEntry, index: number): Promise<WebItem> => {
    const label = entry.url ?? `${origin} (item ${index + 1})`
    const url = entry.url === null ? null : normalizeUrl(entry.url)
    if (opts.follow !== true || entry.url === null) {
      return { url, result: articleOfEntry(entry, label, opts) }
    }
    const fetched = await fetchPage(entry.url, opts)
    if (!fetched.ok) return { url, result: unreadable(entry.url, fetched.reason) }
    const decoded = decodeBytes(fetched.bytes)
    if (!decoded.ok) return { url, result: unreadable(entry.url, decoded.reason) }
    return { url, result: articleOfPage(fetched, decoded.text, entry, opts) }
  }
  yield* mapLimit(entries, opts.concurrency ?? DEFAULT_CONCURRENCY, read)
}

/**
 * A fetched page as an article: read like a saved HTML page (or as plain text), named by the URL
 * asked for. With a feed entry, the item's date, outlet and title fill what the page lacks; the
 * page's own metadata date wins over the item's, a date guessed from its text does not.
 */
function articleOfPage(
  fetched: Fetched,
  text: string,
  entry: FeedEntry | null,
  opts: WebReadOptions,
): ReadResult {
  const kind = fetched.contentType
  if (kind !== null && !isHtmlType(kind) && kind !== 'text/plain') {
    return unreadable(fetched.url, `not an article page (${kind})`)
  }
  const readerOptions = { detectLanguage: opts.detectLanguage, id: idOfUrl(fetched.url) }
  let outcome
  try {
    outcome =
      kind === 'text/plain'
        ? readText(text, fetched.url, readerOptions)
        : readHtml(text, fetched.url, readerOptions)
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return unreadable(fetched.url, `the html reader failed (${message.slice(0, 200)})`)
  }
  if (!outcome.ok) return unreadable(fetched.url, outcome.reason)
  const page = outcome.article
  const itemDay = entry?.publishedOn ?? null
  const useItemDay = itemDay !== null && page.publishedBasis !== 'html-meta'
  const article: Article = {
    ...page,
    url: page.url ?? fetched.finalUrl,
    outlet: page.outlet ?? entry?.outlet ?? null,
    publishedOn: useItemDay ? itemDay : page.publishedOn,
    publishedBasis: useItemDay ? 'feed' : page.publishedBasis,
  }
  return { ok: true, article, problems: [] }
}

/** A feed item as an article of its own: title, then its summary or content. */
function articleOfEntry(entry: FeedEntry, label: string, opts: WebReadOptions): ReadResult {
  const paragraphs = cleanParagraphs(entry.paragraphs, { title: entry.title })
  if (entry.title === null && paragraphs.length === 0) {
    return unreadable(label, 'a feed item with neither title nor text')
  }
  const article = composeArticle(
    {
      id: idOfUrl(entry.url ?? `${label}#${entry.guid ?? entry.title ?? ''}`),
      title: entry.title,
      body: paragraphs.join('\n\n'),
      publishedOn: entry.publishedOn,
      publishedBasis: 'feed',
      url: entry.url,
      outlet: entry.outlet,
      origin: entry.url ?? label,
    },
    opts.detectLanguage,
  )
  return { ok: true, article, problems: [] }
}

function isFeedType(type: string | null): boolean {
  return type !== null && /(rss|atom|\/xml|\+xml)$/u.test(type) && !isHtmlType(type)
}

function isHtmlType(type: string): boolean {
  return type === 'text/html' || type === 'application/xhtml+xml'
}

function unreadable(origin: string, reason: string): ReadResult {
  return { ok: false, origin, reason, code: 'E_INPUT_UNREADABLE' }
}
