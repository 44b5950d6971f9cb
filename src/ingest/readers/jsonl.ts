import { cleanParagraphs } from '../clean.js'
import { composeArticle, safeText, type DetectLanguage } from '../compose-article.js'
import { dayOf } from '../find-published-date.js'
import type { Article } from '../../doc.js'

/**
 * Reads JSONL: one article per line, `{id, title, text, published, url, outlet}`.
 * The text stays byte for byte (gold evidence strings are exact substrings of
 * `title + "\n\n" + text`): only whole boilerplate paragraphs are dropped.
 */

/** One line's answer: an article, or why the line gave none (`origin` is 'file:line'). */
export type JsonlOutcome =
  { ok: true; article: Article } | { ok: false; origin: string; reason: string }

/**
 * Read every line of a JSONL file; a broken line gives one `ok: false` and the rest go on.
 * @example readJsonl('{"id":"d01","title":null,"text":"Iran and Iraq met."}\nnot json', 'a.jsonl')
 *   -> [{ ok: true, article: { id: 'd01', ... } },
 *       { ok: false, origin: 'a.jsonl:2', reason: 'invalid JSON: ...' }]
 */
export function readJsonl(
  content: string,
  origin: string,
  opts: { readonly detectLanguage?: DetectLanguage } = {},
): JsonlOutcome[] {
  const lines = content.replace(/^\uFEFF/u, '').split('\n')
  const outcomes: JsonlOutcome[] = []
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    const where = `${origin}:${i + 1}`
    const outcome = readJsonlLine(line.replace(/\r$/u, ''), origin, opts.detectLanguage)
    outcomes.push(outcome.ok ? outcome : { ok: false, origin: where, reason: outcome.reason })
  })
  return outcomes
}

/**
 * One JSONL line as an article.
 * @example readJsonlLine('{"id":"d01","title":"T","text":"Body.","published":"1987-03-18"}', 'a')
 *   -> { ok: true, article: { id: 'd01', text: 'T\n\nBody.', publishedOn: '1987-03-18', ... } }
 */
export function readJsonlLine(
  line: string,
  origin: string,
  detectLanguage?: DetectLanguage,
): { ok: true; article: Article } | { ok: false; reason: string } {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'not a JSON object' }
  }
  const record = value as Record<string, unknown>

  const id = typeof record['id'] === 'number' ? String(record['id']) : record['id']
  if (typeof id !== 'string' || id.trim() === '') {
    return { ok: false, reason: 'field "id" is required (a non-empty string)' }
  }
  // An id is printed on one line ('stored d01') and is a file name elsewhere: no line breaks.
  if (/\p{Cc}/u.test(id)) {
    const got = JSON.stringify(id)
    return { ok: false, reason: `field "id" must not hold control characters, got ${got}` }
  }
  if (typeof record['text'] !== 'string') {
    return { ok: false, reason: `article ${id}: field "text" must be a string` }
  }
  // Same length, so gold offsets still hold; control characters must not reach a terminal.
  const text = safeText(record['text'])
  const fields: Record<'title' | 'published' | 'url' | 'outlet', string | null> = {
    title: null,
    published: null,
    url: null,
    outlet: null,
  }
  for (const name of ['title', 'published', 'url', 'outlet'] as const) {
    const field = record[name]
    if (field === undefined || field === null) continue
    if (typeof field !== 'string') {
      return { ok: false, reason: `article ${id}: field "${name}" must be a string or null` }
    }
    fields[name] = safeText(field)
  }

  const published = fields.published?.trim() ?? ''
  const publishedOn = /^\d{4}-\d{2}-\d{2}/u.test(published) ? dayOf(published) : null
  if (published !== '' && publishedOn === null) {
    const expected = 'null or an ISO date (YYYY-MM-DD)'
    return {
      ok: false,
      reason: `article ${id}: field "published" must be ${expected}, got '${fields.published}'`,
    }
  }

  // An empty title (a page without one) counts as none: the text then starts with the body.
  const title = fields.title !== null && fields.title.trim() !== '' ? fields.title : null
  const body = cleanParagraphs(text.split('\n\n'), { title, keepCharacters: true }).join('\n\n')
  if (title === null && body.trim() === '') {
    return { ok: false, reason: `article ${id}: no text` }
  }
  const article = composeArticle(
    {
      id,
      title,
      body,
      publishedOn,
      publishedBasis: 'jsonl',
      url: fields.url,
      outlet: fields.outlet,
      origin,
    },
    detectLanguage,
  )
  return { ok: true, article }
}
