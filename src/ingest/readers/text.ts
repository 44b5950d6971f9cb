import { cleanParagraphs, collapseWhitespace, judgeParagraphs } from '../clean.js'
import {
  composeArticle,
  idOfOrigin,
  safeText,
  type ReaderOptions,
  type ReaderOutcome,
} from '../compose-article.js'
import { dateOfUrl, findPublishedDate } from '../find-published-date.js'

/**
 * Reads a plain-text (or Markdown) article: the first line is the title, a date line or dateline
 * near the top gives the published day, blank lines separate paragraphs.
 */

export interface TextReaderOptions extends ReaderOptions {
  /** Strip Markdown marks: '# ' headings, '**bold**', '[text](url)' links. */
  readonly markdown?: boolean
}

/** A title longer than this is a first paragraph, not a title. */
const MAX_TITLE_WORDS = 40

/**
 * Read one plain-text article.
 * @example readText('Envoy visits Lima\n\nNovember 20, 2024 - 22:38\n\nThe envoy arrived.', 'x')
 *   -> { ok: true, article: { id: 'x', title: 'Envoy visits Lima', publishedOn: '2024-11-20' } }
 */
export function readText(
  content: string,
  origin: string,
  opts: TextReaderOptions = {},
): ReaderOutcome {
  const raw = safeText(content)
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .split('\n')
  const lines = opts.markdown === true ? raw.map(plainOfMarkdown) : raw
  if (lines.every((line) => collapseWhitespace(line) === '')) {
    return { ok: false, reason: 'empty: the file holds no text' }
  }

  const found = findPublishedDate(lines.map(collapseWhitespace), { yearHint: yearHintOf(raw) })
  const paragraphs = paragraphsOf(lines)
  const { title, rest } = splitTitle(paragraphs)
  const body = cleanParagraphs(rest, { title }).join('\n\n')
  if (title === null && body === '') {
    return { ok: false, reason: 'no article text left after removing boilerplate' }
  }

  const article = composeArticle(
    {
      id: opts.id ?? idOfOrigin(origin),
      title,
      body,
      publishedOn: found?.publishedOn ?? null,
      publishedBasis: 'dateline',
      url: null,
      outlet: null,
      origin,
    },
    opts.detectLanguage,
  )
  return { ok: true, article }
}

/** One paragraph of the file, and whether it was a single line (only those can be the title). */
interface Paragraph {
  readonly text: string
  readonly isOneLine: boolean
}

/**
 * The title is the first paragraph left after cleaning, if it is one short line and not just a
 * date. @example ['Home | World', 'Envoy visits Lima', 'The envoy arrived.'] -> 'Envoy visits Lima'
 */
function splitTitle(paragraphs: readonly Paragraph[]): { title: string | null; rest: string[] } {
  const texts = paragraphs.map((p) => p.text)
  const first = judgeParagraphs(texts).findIndex((verdict) => verdict.rule === null)
  const candidate = paragraphs[first]
  if (candidate === undefined) return { title: null, rest: [] }
  const isTitle =
    candidate.isOneLine &&
    candidate.text.split(' ').length <= MAX_TITLE_WORDS &&
    findPublishedDate([candidate.text], { yearHint: 2000 }) === null
  if (!isTitle) return { title: null, rest: texts }
  return { title: candidate.text, rest: texts.slice(first + 1) }
}

/**
 * Blank lines separate blocks; a block is one hard-wrapped paragraph or one paragraph per line.
 * @example ['A title', '', 'Line one.', 'Line two.'] -> ['A title', 'Line one.', 'Line two.']
 */
function paragraphsOf(lines: readonly string[]): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let block: string[] = []
  const flush = (): void => {
    if (block.length === 0) return
    if (isHardWrapped(block)) paragraphs.push({ text: block.join(' '), isOneLine: false })
    else for (const line of block) paragraphs.push({ text: line, isOneLine: true })
    block = []
  }
  for (const line of lines) {
    const text = collapseWhitespace(line)
    if (text === '') flush()
    else block.push(text)
  }
  flush()
  return paragraphs
}

/**
 * Lines cut at a fixed width (old wire copy): similar lengths, no list marks, and either three
 * lines or more or a second line that goes on in lower case.
 * @example ['France today protested over the decision to declare its', 'ports closed ...'] -> true
 */
function isHardWrapped(block: readonly string[]): boolean {
  if (block.length < 2) return false
  if (block.some((line) => /^(?:[-*•·]|\d+[.)])\s/u.test(line))) return false
  const lengths = block.slice(0, -1).map((line) => line.length)
  const longest = Math.max(...lengths)
  const shortest = Math.min(...lengths)
  const last = block[block.length - 1] ?? ''
  return (
    shortest >= 30 &&
    longest <= 100 &&
    longest - shortest <= 25 &&
    last.length <= longest + 5 &&
    (block.length >= 3 || /^\p{Ll}/u.test(block[1] ?? ''))
  )
}

/** A year from a dated URL in the text lets a year-less dateline give a day. */
function yearHintOf(lines: readonly string[]): number | null {
  for (const line of lines) {
    for (const url of line.match(/https?:\/\/[^\s)>\]"']+/gu) ?? []) {
      const { year } = dateOfUrl(url)
      if (year !== null) return year
    }
  }
  return null
}

/**
 * One Markdown line as plain text.
 * @example plainOfMarkdown('## Talks **resume** in [Doha](https://x.org)')
 *   -> 'Talks resume in Doha'
 */
function plainOfMarkdown(line: string): string {
  if (/^\s*([-*_])(?:\s*\1){2,}\s*$/u.test(line)) return ''
  return line
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/\s+#+\s*$/u, '')
    .replace(/^\s{0,3}>\s?/u, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/(\*\*|__)(.+?)\1/gu, '$2')
}
