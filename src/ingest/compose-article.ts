import { createHash } from 'node:crypto'
import { basename, extname } from 'node:path'

import type { Article } from '../doc.js'

/**
 * What every reader shares: the outcome type, the reader options, and the one place that builds
 * an `Article` (its text layout and content hash).
 */

/** Language detection, passed in so readers stay pure. @example (text) => 'en' */
export type DetectLanguage = (text: string) => string | null

/** Options every reader takes. */
export interface ReaderOptions {
  /** Document language detector; without one, `language` is null. */
  readonly detectLanguage?: DetectLanguage
  /** Article id; by default the origin's file name without extension. */
  readonly id?: string
}

/** A reader's answer for one article: the article, or why there is none. */
export type ReaderOutcome = { ok: true; article: Article } | { ok: false; reason: string }

/** Where the published day came from. */
export type PublishedBasis = 'dateline' | 'jsonl' | 'html-meta' | 'url' | 'option' | 'feed'

/** The parts of an article a reader found; the text and hash are derived here. */
export interface ArticleParts {
  readonly id: string
  readonly title: string | null
  /** The body: paragraphs already joined by blank lines (JSONL keeps its text byte for byte). */
  readonly body: string
  readonly publishedOn: string | null
  readonly publishedBasis: PublishedBasis | null
  readonly url: string | null
  readonly outlet: string | null
  readonly origin: string
}

/**
 * An `Article` whose text is the title, a blank line, then the body (just the body without title).
 * @example composeArticle({ title: 'Envoy visits Lima', body: 'The envoy arrived.', ... }).text
 *   -> 'Envoy visits Lima\n\nThe envoy arrived.'
 */
export function composeArticle(parts: ArticleParts, detectLanguage?: DetectLanguage): Article {
  const body = safeText(parts.body)
  const title = parts.title === null ? null : safeText(parts.title)
  const text = title === null ? body : body === '' ? title : `${title}\n\n${body}`
  return {
    id: parts.id,
    title,
    text,
    publishedOn: parts.publishedOn,
    publishedBasis: parts.publishedOn === null ? null : parts.publishedBasis,
    url: parts.url,
    outlet: parts.outlet,
    language: detectLanguage === undefined ? null : detectLanguage(text),
    origin: parts.origin,
    contentHash: hashText(text),
  }
}

/**
 * Control characters become spaces and unpaired surrogates U+FFFD, one for one, so offsets stay
 * put: an escape sequence in untrusted text ('\u001b[2J') must not reach a terminal, and the
 * store must give back exactly the text whose spans were computed. Tab and line breaks stay.
 * @example safeText('Iran\u0007 and Iraq') -> 'Iran  and Iraq'
 */
export function safeText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/gu, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

/** sha256 hex of the article text. @example hashText('') -> 'e3b0c442...' */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * The article id an origin gives: its file name without the last extension.
 * @example idOfOrigin('corpus/000_2737ec37436efcb6.txt') -> '000_2737ec37436efcb6'
 * @example idOfOrigin('-') -> 'stdin'
 */
export function idOfOrigin(origin: string): string {
  if (origin === '-') return 'stdin'
  // A control character in a file name ('a\nstored b.txt') would break one-line output.
  const name = basename(origin).replace(/\p{Cc}/gu, '_')
  const ext = extname(name)
  return ext === '' || ext === name ? name : name.slice(0, -ext.length)
}
