import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

import { cleanParagraphs, collapseWhitespace } from '../clean.js'
import {
  composeArticle,
  idOfOrigin,
  safeText,
  type PublishedBasis,
  type ReaderOptions,
  type ReaderOutcome,
} from '../compose-article.js'
import { dateOfUrl, dayOf, findPublishedDate } from '../find-published-date.js'

/**
 * Reads a saved news web page: the main text through Readability (over linkedom), split into
 * paragraphs at block elements; title, published day, outlet and URL from the page's metadata.
 */

/** Elements that end a paragraph. `<br>` does too. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
])

/** Elements whose text is never article text. */
const SKIPPED_TAGS = new Set([
  'BUTTON',
  'IFRAME',
  'INPUT',
  'NAV',
  'NOSCRIPT',
  'OBJECT',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
])

/** Table cells sit side by side: a space between them, not a paragraph break. */
const CELL_TAGS = new Set(['TD', 'TH'])

/**
 * Meta tags naming the publication time, best first.
 * @example <meta property="article:published_time" content="2024-11-20T22:38:00+03:30">
 */
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="article:published_time"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.date"]',
  'meta[name="parsely-pub-date"]',
]

/**
 * Read one HTML page.
 * @example readHtml('<html><head><meta property="og:site_name" content="Daily Wire">…', 'lima.html')
 *   -> { ok: true, article: { id: 'lima', outlet: 'Daily Wire', publishedBasis: 'html-meta' } }
 */
export function readHtml(content: string, origin: string, opts: ReaderOptions = {}): ReaderOutcome {
  const html = safeText(content).replace(/^\uFEFF/u, '')
  const document = parsePage(html)
  // Readability rewrites the tree it reads, so the metadata is taken first.
  const meta = metadataOf(document)
  const parsed = mainTextOf(document)

  const outlet = meta.outlet ?? nonEmpty(parsed?.siteName)
  const title = titleOf(nonEmpty(parsed?.title) ?? meta.title, outlet)
  const mainHtml = nonEmpty(parsed?.content)
  const blocks = mainHtml === null ? paragraphsOfBody(html) : paragraphsOfHtml(mainHtml)
  const paragraphs = cleanParagraphs(blocks, { title })
  const body = paragraphs.join('\n\n')
  if (body === '' && title === null) {
    return { ok: false, reason: 'no article text found in the HTML page' }
  }

  const published = publishedOf(meta, parsed?.publishedTime ?? null, title, blocks)
  const article = composeArticle(
    {
      id: opts.id ?? idOfOrigin(origin),
      title,
      body,
      publishedOn: published.day,
      publishedBasis: published.basis,
      url: meta.url,
      outlet,
      origin,
    },
    opts.detectLanguage,
  )
  return { ok: true, article }
}

/**
 * Readability's time grows steeply with nesting depth (2 s at 500 levels, a minute at 2,000), so
 * a deeper page is read without it, as a whole body. Real pages stay under about 60 levels.
 */
const MAX_READABILITY_DEPTH = 200

/** Readability's verdict, or null when it finds nothing (or fails on an odd page). */
function mainTextOf(document: Document): ReturnType<Readability['parse']> {
  if (depthOf(document) > MAX_READABILITY_DEPTH) return null
  try {
    return new Readability(document, { charThreshold: 100 }).parse()
  } catch {
    return null
  }
}

/** What the page's head (and JSON-LD, and `<time>`) says about the article. */
interface PageMetadata {
  readonly title: string | null
  readonly outlet: string | null
  readonly url: string | null
  /** Raw published values, best first. */
  readonly publishedValues: readonly string[]
}

function metadataOf(document: Document): PageMetadata {
  const attr = (selector: string, name: string): string | null =>
    nonEmpty(document.querySelector(selector)?.getAttribute(name))
  const jsonLd = jsonLdOf(document)
  const times = [
    ...Array.from(document.querySelectorAll('time[itemprop="datePublished"], time[pubdate]')),
    ...Array.from(document.querySelectorAll('article time[datetime], main time[datetime]')),
    ...Array.from(document.querySelectorAll('time[datetime]')),
  ]
  const publishedValues = [
    ...PUBLISHED_META.slice(0, 2).map((s) => attr(s, 'content')),
    ...jsonLd.datePublished,
    ...PUBLISHED_META.slice(2).map((s) => attr(s, 'content')),
    ...times.map((time) => nonEmpty(time.getAttribute('datetime'))),
  ].filter((value): value is string => value !== null)
  return {
    title:
      attr('meta[property="og:title"]', 'content') ??
      nonEmpty(document.querySelector('title')?.textContent),
    outlet: attr('meta[property="og:site_name"]', 'content'),
    url:
      [attr('link[rel="canonical"]', 'href'), attr('meta[property="og:url"]', 'content')].find(
        (value): value is string => value !== null && /^https?:\/\//iu.test(value),
      ) ?? null,
    publishedValues,
  }
}

/** `datePublished` values of the JSON-LD blocks, including those inside `@graph`. */
function jsonLdOf(document: Document): { datePublished: string[] } {
  const found: string[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (node !== null && typeof node === 'object') {
      const value = (node as Record<string, unknown>)['datePublished']
      if (typeof value === 'string') found.push(value)
      visit((node as Record<string, unknown>)['@graph'])
    }
  }
  const scripts = document.querySelectorAll('script[type="application/ld+json"]')
  for (const script of Array.from(scripts)) {
    try {
      visit(JSON.parse(script.textContent ?? ''))
    } catch {
      // A broken JSON-LD block is common on real pages; the other metadata still counts.
    }
  }
  return { datePublished: found }
}

/**
 * The published day: page metadata first, then a date line or dateline at the top of the text,
 * then a date in the URL path. A year-less dateline takes its year from the URL.
 */
function publishedOf(
  meta: PageMetadata,
  readabilityTime: string | null,
  title: string | null,
  blocks: readonly string[],
): { day: string | null; basis: PublishedBasis | null } {
  const values = [...meta.publishedValues, ...(readabilityTime === null ? [] : [readabilityTime])]
  for (const value of values) {
    const day = dayOf(value)
    if (day !== null) return { day, basis: 'html-meta' }
  }
  const fromUrl = meta.url === null ? { day: null, year: null } : dateOfUrl(meta.url)
  const lines = title === null ? blocks : [title, ...blocks]
  const found = findPublishedDate(lines, { yearHint: fromUrl.year })
  if (found !== null) return { day: found.publishedOn, basis: 'dateline' }
  if (fromUrl.day !== null) return { day: fromUrl.day, basis: 'url' }
  return { day: null, basis: null }
}

/**
 * The headline without a trailing ' | Outlet' or ' - Outlet'.
 * @example titleOf('Envoy visits Lima | Daily Wire', 'Daily Wire') -> 'Envoy visits Lima'
 */
function titleOf(title: string | null, outlet: string | null): string | null {
  if (title === null) return null
  const clean = collapseWhitespace(title)
  if (outlet === null) return nonEmpty(clean)
  const name = escapeRegExp(collapseWhitespace(outlet))
  const suffix = new RegExp(`\\s+[|\\-–—:·•]\\s+${name}$`, 'iu')
  return nonEmpty(clean.replace(suffix, ''))
}

/** Paragraphs of the Readability content: one per block element, inline text glued as written. */
export function paragraphsOfHtml(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  return paragraphsOfNode(document.body)
}

/** Without Readability's verdict, the whole body (menus and all; clean.ts still runs). */
function paragraphsOfBody(html: string): string[] {
  const { body } = parsePage(html)
  return body === null ? [] : paragraphsOfNode(body)
}

/**
 * The page as a document with an <html> root and a <body>. linkedom gives a fragment ('<p>Iran
 * and Iraq met.</p>', plain text, a lone comment) no such root, and then `document.body` throws
 * or is empty; such input is parsed again inside a minimal page.
 */
function parsePage(html: string): Document {
  const page = closeTitle(html)
  const { document } = parseHTML(page)
  if (document.documentElement?.tagName.toUpperCase() === 'HTML' && hasBody(document)) {
    return document
  }
  return parseHTML(`<!doctype html><html><head></head><body>${page}</body></html>`).document
}

/**
 * A <title> never closed swallows the whole page into the title (as in a browser); it is closed
 * where its first line or text ends instead.
 * @example closeTitle('<title>Talks in Lima\n<body><p>...') -> '<title>Talks in Lima</title>\n<body>...'
 */
function closeTitle(html: string): string {
  if (!/<title\b/iu.test(html) || /<\/title\s*>/iu.test(html)) return html
  return html.replace(/(<title\b[^>]*>[^<\n]*)/iu, '$1</title>')
}

function hasBody(document: Document): boolean {
  try {
    return document.body !== null
  } catch {
    return false
  }
}

/**
 * The text of a tree, a paragraph per block element. Walked with a stack, not by recursion, so a
 * page of 100,000 nested <div>s cannot overflow the call stack.
 */
function paragraphsOfNode(root: Node): string[] {
  const paragraphs: string[] = []
  let current = ''
  const flush = (): void => {
    const text = collapseWhitespace(current)
    if (text !== '') paragraphs.push(text)
    current = ''
  }
  // An element is visited twice: on the way in (`leaving: false`) and on the way out.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }]
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { node, leaving } = step
    if (node.nodeType === 3) {
      current += node.textContent ?? ''
      continue
    }
    if (node.nodeType !== 1) continue
    const tag = (node as Element).tagName.toUpperCase()
    if (SKIPPED_TAGS.has(tag)) continue
    if (BLOCK_TAGS.has(tag)) flush()
    if (CELL_TAGS.has(tag)) current += ' '
    if (leaving) continue
    stack.push({ node, leaving: true })
    const children = Array.from(node.childNodes)
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child !== undefined) stack.push({ node: child, leaving: false })
    }
  }
  flush()
  return paragraphs
}

/** How deeply elements nest, counted without recursion. @example '<div><p>x</p></div>' -> 2 */
function depthOf(document: Document): number {
  let deepest = 0
  const stack: [Element, number][] = []
  if (document.documentElement !== null) stack.push([document.documentElement, 1])
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [element, depth] = entry
    deepest = Math.max(deepest, depth)
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
      stack.push([child, depth + 1])
    }
  }
  return deepest
}

function nonEmpty(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const text = collapseWhitespace(value)
  return text === '' ? null : text
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}
