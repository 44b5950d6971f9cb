/**
 * Read an RSS 2.0 or Atom feed into the entries dyad ingests, with @rowanmanning/feed-parser (a
 * lenient parser tested on real feeds; it resolves relative links). Each entry keeps the item's
 * link, date, title, summary and outlet; nothing is fetched here.
 */
import { parseFeed } from '@rowanmanning/feed-parser'

import { collapseWhitespace } from '../ingest/clean.js'
import { dayOf } from '../ingest/find-published-date.js'
import { paragraphsOfHtml } from '../ingest/readers/html.js'

/** One item of a feed. */
export interface FeedEntry {
  /** The item's link, absolute; null when the item has none. */
  readonly url: string | null
  readonly title: string | null
  /** The item's date as YYYY-MM-DD (UTC), or null. */
  readonly publishedOn: string | null
  /** The item's content, else its description, as paragraphs of plain text. */
  readonly paragraphs: readonly string[]
  /** The item's own source (RSS `<source>`, Atom `<source><title>`), else the feed's title. */
  readonly outlet: string | null
  /** The item's id (guid), when it has one. */
  readonly guid: string | null
}

export type FeedOutcome =
  { ok: true; title: string | null; entries: FeedEntry[] } | { ok: false; reason: string }

/**
 * Parse a feed document. `baseUrl` (where the feed came from) resolves relative item links the
 * feed's own link does not.
 * @example readFeed('<rss version="2.0"><channel><title>Wire</title><item>…</item></channel></rss>')
 *   -> { ok: true, title: 'Wire', entries: [{ url: 'https://wire.example/a/1', ... }] }
 */
export function readFeed(xml: string, baseUrl: string | null = null): FeedOutcome {
  let feed: ReturnType<typeof parseFeed>
  try {
    feed = parseFeed(xml)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'INVALID_FEED') return { ok: false, reason: 'not an RSS or Atom feed' }
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: `the feed cannot be parsed (${message.slice(0, 200)})` }
  }
  const outlet = nonEmpty(feed.title)
  const entries = feed.items.map((item): FeedEntry => {
    const html = item.content ?? item.description
    return {
      url: absoluteUrl(item.url, baseUrl),
      title: nonEmpty(item.title),
      publishedOn: dayOfItem(item),
      paragraphs: html === null ? [] : paragraphsOfHtml(html),
      outlet: sourceOfItem(item) ?? outlet,
      guid: nonEmpty(item.id),
    }
  })
  return { ok: true, title: outlet, entries }
}

/** True when a document looks like a feed, not a page. @example looksLikeFeed('<?xml …><rss') -> true */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<!--[\s\S]*?-->/gu, '')
  return /^\s*(?:\uFEFF)?(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/iu.test(
    head,
  )
}

function absoluteUrl(url: string | null, base: string | null): string | null {
  if (url === null || url.trim() === '') return null
  try {
    const resolved = new URL(url.trim(), base ?? undefined)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null
  } catch {
    return null
  }
}

/**
 * The outlet an item names as its source: aggregators (a news search's feed, a planet) list
 * items of many outlets in one feed.
 * @example <source url="https://wire.example/rss">Test Wire</source> -> 'Test Wire'
 */
function sourceOfItem(item: ReturnType<typeof parseFeed>['items'][number]): string | null {
  const source = item.element.findElementWithName('source')
  if (source === null) return null
  const title = source.findElementWithName('title')
  return nonEmpty((title ?? source).textContent)
}

/** Date elements of RSS, Dublin Core and Atom items, best first (names as the parser folds them). */
const DATE_ELEMENTS = ['pubdate', 'date', 'published', 'issued', 'updated', 'modified']

/**
 * The item's day as the publisher wrote it: 'Wed, 20 Nov 2024 01:00:00 +0330' is the 20th in
 * Tehran, though the 19th in UTC. Falls back on the parser's date, in UTC.
 */
function dayOfItem(item: ReturnType<typeof parseFeed>['items'][number]): string | null {
  for (const name of DATE_ELEMENTS) {
    const raw = item.element.findElementWithName(name)?.textContent
    const day = raw === undefined ? null : dayOf(raw)
    if (day !== null) return day
  }
  return dayOfDate(item.published ?? item.updated)
}

function dayOfDate(date: Date | null): string | null {
  if (date === null || Number.isNaN(date.getTime())) return null
  return date.toISOString().slice(0, 10)
}

function nonEmpty(value: string | null): string | null {
  if (value === null) return null
  const text = collapseWhitespace(value)
  return text === '' ? null : text
}
