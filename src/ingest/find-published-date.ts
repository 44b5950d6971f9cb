import * as chrono from 'chrono-node'
import { isDateline } from '../nlp/dateline.js'

/**
 * Finds the publication day an article states about itself: a date line or a dateline near the
 * top, a metadata value, a date in the URL path. Never today's date, never a file time.
 */

/** How many non-empty lines from the top may hold the date line. */
export const DATE_LINE_WINDOW = 6

/**
 * Parsers tried in order. Strict mode only: "today" or "Friday" alone never sets a date.
 * English first; the others read date lines such as '20 de noviembre de 2024'.
 */
const PARSERS = [
  chrono.strict,
  chrono.es.strict,
  chrono.fr.strict,
  chrono.de.strict,
  chrono.pt.strict,
  chrono.it.strict,
  chrono.nl.strict,
]

/** A fixed reference: a year chrono guesses is ignored anyway, and runs stay deterministic. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1))

/**
 * Words that may stand before the date on a date line.
 * @example 'Published: 2024-11-20', 'Last updated on Nov. 20, 2024', 'Publicado el 20 de ...'
 */
const DATE_LABELS = new Set([
  'published',
  'posted',
  'updated',
  'last',
  'modified',
  'date',
  'dated',
  'on',
  'at',
  'first',
  'created',
  'publication',
  'issued',
  'released',
  'filed',
  'publicado',
  'publicada',
  'actualizado',
  'fecha',
  'el',
  'publié',
  'publiée',
  'le',
  'mis',
  'à',
  'jour',
  'veröffentlicht',
  'aktualisiert',
  'am',
  'atualizado',
  'em',
  'pubblicato',
  'il',
  'gepubliceerd',
  'op',
])

/** At most this many words may follow the date on a date line. @example '| By Jane Roe' */
const MAX_WORDS_AFTER_DATE = 5

/**
 * What may follow the date on a date line: nothing, a time zone, or a separator and a few words.
 * A word right after the date makes it a sentence: 'On March 5, 2025 the ministers met.'
 * @example ' GMT', ' | By Jane Roe', ' - 22:38'
 */
const DATE_LINE_TAIL = /^\s*(?:$|[|\-–—•·/(]|[\d:.+\s]*\p{Lu}{2,4}[\d:.+\s]*$)/u

/** What the date finder found. */
export interface FoundDate {
  /** @example '2024-11-20' */
  readonly publishedOn: string
  /** The line it came from. @example 'November 20, 2024 - 22:38' */
  readonly line: string
}

export interface FindDateOptions {
  /**
   * A year known from elsewhere (the URL path, page metadata). Only with it does a dateline
   * without a year ('PARIS, March 18 - ...') give a date.
   */
  readonly yearHint?: number | null
}

/**
 * The publication day stated by a date line or dateline among the first lines of an article.
 * @example findPublishedDate(['Envoy visits Lima', 'November 20, 2024 - 22:38'])
 *   -> { publishedOn: '2024-11-20', line: 'November 20, 2024 - 22:38' }
 * @example findPublishedDate(['PARIS, March 18 - France today protested ...']) -> null (no year)
 */
export function findPublishedDate(
  lines: readonly string[],
  opts: FindDateOptions = {},
): FoundDate | null {
  const top = lines.map((line) => line.trim()).filter((line) => line !== '')
  for (const line of top.slice(0, DATE_LINE_WINDOW)) {
    const publishedOn = dateOfLine(line, opts.yearHint ?? null)
    if (publishedOn !== null) return { publishedOn, line }
  }
  return null
}

/**
 * The day a date line or dateline states, or null when the line is not one.
 * @example dateOfLine('CARACAS, Jan 11 (Reuters) - Iran said ...', 2019) -> '2019-01-11'
 * @example dateOfLine('Iran to visit Caracas on March 5, 2025', null) -> null (a sentence)
 */
export function dateOfLine(line: string, yearHint: number | null): string | null {
  for (const parser of PARSERS) {
    const result = parser.parse(line, REFERENCE)[0]
    if (result === undefined) continue
    const { start } = result
    if (!start.isCertain('month') || !start.isCertain('day')) continue
    const prefix = line.slice(0, result.index)
    const suffix = line.slice(result.index + result.text.length)
    if (!isDateLine(prefix, suffix) && !isDateline(prefix, suffix)) continue
    const year = start.isCertain('year') ? start.get('year') : yearHint
    if (year === null || year === undefined) continue
    return isoDay(year, start.get('month') ?? 0, start.get('day') ?? 0)
  }
  return null
}

/** 'Published: 2024-11-20', 'Monday, 4 February 2023', 'May 17, 2006 | By Jane Roe' */
function isDateLine(prefix: string, suffix: string): boolean {
  const before = wordsOf(prefix)
  return (
    before.every((word) => DATE_LABELS.has(word.toLowerCase())) &&
    DATE_LINE_TAIL.test(suffix) &&
    wordsOf(suffix).length <= MAX_WORDS_AFTER_DATE
  )
}

function wordsOf(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? []
}

/**
 * The day of an ISO date or datetime as written (no time-zone shift), or of a written full date.
 * @example dayOf('2024-11-20T22:38:00-05:00') -> '2024-11-20'
 * @example dayOf('November 20, 2024') -> '2024-11-20'
 * @example dayOf('November 20') -> null
 */
export function dayOf(value: string): string | null {
  const text = value.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/u.exec(text)
  if (iso !== null) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  if (/^\d{4}-\d{2}-\d{2}/u.test(text) || text === '') return null
  const result = chrono.strict.parse(text, REFERENCE)[0]
  if (result === undefined) return null
  const { start } = result
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null
  return isoDay(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0)
}

/**
 * The day and the year a URL path carries.
 * @example dateOfUrl('https://example.org/2024/12/5/talks') -> { day: '2024-12-05', year: 2024 }
 * @example dateOfUrl('https://example.org/2019-06/06/c_1.htm') -> { day: '2019-06-06', year: 2019 }
 */
export function dateOfUrl(url: string): { day: string | null; year: number | null } {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return { day: null, year: null }
  }
  const full = /(?:^|[/_-])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=$|[/_.-])/u.exec(path)
  if (full !== null) {
    const day = isoDay(Number(full[1]), Number(full[2]), Number(full[3]))
    if (day !== null) return { day, year: Number(full[1]) }
  }
  const month = /(?:^|\/)((?:19|20)\d{2})[/-](\d{1,2})(?=\/)/u.exec(path)
  if (month !== null && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return { day: null, year: Number(month[1]) }
  }
  return { day: null, year: null }
}

/** 'YYYY-MM-DD' for a real calendar day, else null. @example isoDay(2023, 2, 29) -> null */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  const isReal =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  if (!isReal) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
