/**
 * Date expressions in a sentence, resolved against the article's publication day with the news
 * rules of the annotation guideline. chrono-node finds the expressions and reads their explicit
 * parts; every relative part is resolved here, because chrono ignores "last" in "last June" and
 * resolves bare weekdays forward, while news reports the past.
 *
 * Dates are ISO days whatever the precision: a month is its first day and a year its 1 January.
 * `date: '2022-06-01', precision: 'month'` means "June 2022"; `'2022-01-01'` with `'year'` means
 * "2022". An expression that names a time but fixes no day ('last week') is still returned, with
 * `date: null`, so the coder knows a date was said.
 */
import * as chrono from 'chrono-node'
import type { DatePrecision, Span } from '../doc.js'
import { addDays, daysBetween, isoDay, isoMonth, isoYear, makeDay, parseDay } from './calendar.js'
import { DAY_NAME_PREFIXES, DAY_NAME_SUFFIXES, MONTH_CUES, YEAR_CUES } from './date-words.js'
import type { DateCues } from './date-cues.js'

/** A date expression in a sentence and what it resolves to. */
export interface DateMention {
  /** Article offsets of the expression. @example the span of 'last June' */
  readonly span: Span
  /** ISO day; for month and year precision the first day of that month or year. */
  readonly date: string | null
  readonly precision: DatePrecision | null
  /** True when it depends on the publication day ('yesterday', 'on Friday', 'March 18'). */
  readonly relative: boolean
  /** The expression as written. @example 'late on Thursday' -> 'Thursday' */
  readonly text: string
}

/** How to resolve expressions whose direction the words leave open. */
export interface FindDatesOptions {
  /**
   * Resolve bare weekdays, bare months and days without a year forward, for planned events:
   * "will visit on Friday" is the next Friday on or after the publication day.
   */
  readonly future?: boolean
  /**
   * The cheap test of dictionaries/dates.yaml: a sentence it rejects holds no date chrono can
   * find, and is not parsed. Without it every sentence is parsed.
   */
  readonly cues?: DateCues
}

type Resolution = Pick<DateMention, 'date' | 'precision' | 'relative'>

interface Found {
  start: number
  end: number
  resolution: Resolution
}

/**
 * Find the date expressions of one sentence. `offset` is the sentence's start in the article, so
 * the spans are article offsets.
 * @example findDates('Maduro received Abdollahian on Friday evening.', 0, '2023-02-04')
 *   -> [{ span: [31, 45], date: '2023-02-03', precision: 'day', relative: true,
 *         text: 'Friday evening' }]
 * @example findDates('On a visit to Tehran last June, ...', 0, '2023-02-04')
 *   -> [{ span: [21, 30], date: '2022-06-01', precision: 'month', relative: true,
 *         text: 'last June' }]
 */
export function findDates(
  text: string,
  offset: number,
  publishedOn: string | null,
  options: FindDatesOptions = {},
): DateMention[] {
  // No cue, no digit: chrono would find nothing kept, and findYears needs digits.
  if (options.cues !== undefined && !options.cues.test(text)) return []
  const published = publishedOn === null ? null : parseDay(publishedOn)
  const context: Context = { text, published, future: options.future === true }
  const found: Found[] = []
  const taken: [number, number][] = []
  for (const result of parseChrono(text, referenceFor(published), options.cues)) {
    const start = result.index
    const end = result.index + result.text.length
    taken.push([start, end])
    // 'April of last year' took in chrono's next result, 'last year'.
    const previous = found[found.length - 1]
    if (previous !== undefined && start < previous.end) continue
    const hit = resolveChrono(result, start, end, context)
    if (hit !== null) found.push(hit)
  }
  found.push(...findYears(text, taken))
  return found
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, resolution }) => ({
      span: [offset + start, offset + end] as const,
      ...resolution,
      text: text.slice(start, end),
    }))
}

// The coder reads a sentence's dates for past events and, when an event is planned, again for
// the future; while an article has named no day, it also reads the next sentence's ahead of
// coding it. chrono's results are the same each time (only their resolution differs, and it only
// reads them), so the last two parses are kept for the next calls.
const recentParses: { text: string; reference: number; results: chrono.ParsedResult[] }[] = []

function parseChrono(
  text: string,
  reference: Date,
  cues: DateCues | undefined,
): chrono.ParsedResult[] {
  const kept = recentParses.find((p) => p.text === text && p.reference === reference.getTime())
  if (kept) return kept.results
  const results = cues ? cues.parse(text, reference) : chrono.casual.parse(text, reference)
  recentParses.unshift({ text, reference: reference.getTime(), results })
  recentParses.length = Math.min(recentParses.length, 2)
  return results
}

/**
 * The day a weekday names, seen from the publication day: 'past' gives the most recent such day on
 * or before it, 'future' the next one on or after it. Weekdays count from Sunday = 0.
 * @example resolveWeekday(5, '2023-02-04', 'past') -> '2023-02-03'
 * @example resolveWeekday(5, '2023-02-04', 'future') -> '2023-02-10'
 * @example resolveWeekday(5, '2019-12-13', 'future') -> '2019-12-13' ('will meet on Friday (13)')
 */
export function resolveWeekday(
  weekday: number,
  publishedOn: string,
  direction: 'past' | 'future',
): string | null {
  const published = parseDay(publishedOn)
  if (published === null || !Number.isInteger(weekday) || weekday < 0 || weekday > 6) return null
  return isoDay(weekdayFrom(published, weekday, direction === 'past' ? 'onOrBefore' : 'onOrAfter'))
}

interface Context {
  readonly text: string
  readonly published: Date | null
  readonly future: boolean
}

const UNRESOLVED: Resolution = { date: null, precision: null, relative: true }

// chrono reads explicit parts the same whatever the reference; only implied parts depend on it,
// and those are recomputed here. Noon keeps local time zones from moving the day.
function referenceFor(published: Date | null): Date {
  const day = published ?? new Date(Date.UTC(2000, 0, 1))
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12)
}

// Each chrono result goes through the rules below in order; the first that applies decides.
function resolveChrono(
  result: chrono.ParsedResult,
  rawStart: number,
  rawEnd: number,
  context: Context,
): Found | null {
  const [start, end] = trimExpression(context.text, rawStart, rawEnd)
  const words = context.text.slice(start, end)
  const c = result.start
  const rules = [
    () => casualDay(words, context),
    () => relativeUnit(words, start, context),
    () => weekdayOnly(c, words, start, end, context),
    () => timeOnly(c),
    () => monthOnly(c, words, start, end, context),
    () => dayAndMonth(c, words, context),
  ]
  for (const rule of rules) {
    const outcome = rule()
    if (outcome === undefined) continue
    if (outcome === null) return null
    // 'last June': chrono leaves "last" out of its match; the mention includes it.
    const { resolution } = outcome
    return { start: outcome.start ?? start, end: outcome.end ?? end, resolution }
  }
  return null
}

/** undefined: rule does not apply; null: not a date mention; otherwise the resolution. */
type Outcome = { resolution: Resolution; start?: number; end?: number } | null | undefined

// Leading prepositions and trailing punctuation are not part of the expression.
// @example 'on Monday,' -> 'Monday'; 'March 18 ' -> 'March 18'; 'April of' -> 'April'
function trimExpression(text: string, start: number, end: number): [number, number] {
  const matched = text.slice(start, end)
  const lead = /^(?:on|at|in)\s+/i.exec(matched)?.[0].length ?? 0
  const trail = /(?:\s+of)?[\s,;:–—-]*$/.exec(matched.slice(lead))?.[0].length ?? 0
  return [start + lead, end - trail]
}

// 1. 'today', 'tonight', 'this morning' = publication day; 'yesterday', 'last night', 'the day
//    before' = the day before; 'tomorrow' = the day after. ('now' dates nothing: "Iran now supplies ...")
const CASUAL_DAYS: Record<string, number> = {
  today: 0,
  tonight: 0,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
  yesterday: -1,
  'last night': -1,
  // A report's "the day before" is, as a rule, the day before it was filed.
  'the day before': -1,
  tomorrow: 1,
}

function casualDay(words: string, context: Context): Outcome {
  const lower = words.toLowerCase()
  if (lower === 'now') return null
  const shift = CASUAL_DAYS[lower]
  if (shift === undefined) return undefined
  return { resolution: dayFrom(context.published, shift) }
}

// 2. Expressions counted in days, weeks, months or years from the publication day.
//    @example 'two days ago' -> day; 'last week' -> null; 'for five months' -> not a date
const NUMBER_WORDS = new Map(
  'one two three four five six seven eight nine ten eleven twelve'
    .split(' ')
    .map((word, i) => [word, i + 1] as const)
    .concat([['a', 1], ['an', 1]]),
)

type Unit = 'day' | 'week' | 'month' | 'year'

function relativeUnit(words: string, start: number, context: Context): Outcome {
  const lower = words.toLowerCase().replace(/\s+/g, ' ')
  // 'an hour later', '30 minutes ago': a time, not a day.
  if (/\b(?:hours?|minutes?|seconds?)\b/.test(lower)) return null
  if (!/\b(?:days?|weeks?|weekends?|months?|years?)\b/.test(lower)) return undefined
  // 'for five months', 'over the past month', 'within a month', 'the next few months': spans of
  // time, not dates.
  const before = context.text.slice(Math.max(0, start - 16), start).toLowerCase()
  if (/^(?:for|within|over|during|throughout)\b/.test(lower)) return null
  if (/\b(?:for|within|over|during|throughout)\s+(?:the\s+)?$/.test(before)) return null
  if (/\b(?:few|several|coming)\b/.test(lower)) return null
  // 'two days ago' / 'in three days' (the leading 'in' was trimmed off the expression)
  const counted = /^(\w+) (day|week|month|year)s?( ago)?$/.exec(lower)
  const isAhead = counted !== null && counted[3] === undefined && /\bin\s+$/i.test(before)
  if (counted !== null && (counted[3] !== undefined || isAhead)) {
    const amount = NUMBER_WORDS.get(counted[1] ?? '') ?? Number(counted[1])
    if (!Number.isInteger(amount)) return { resolution: UNRESOLVED }
    const unit = counted[2] as Unit
    return { resolution: shifted(context.published, unit, isAhead ? amount : -amount) }
  }
  // 'last year', 'next month', 'this week'
  const named = /^(last|this|next|past) (week|weekend|month|year)$/.exec(lower)
  if (named !== null) {
    return { resolution: namedPeriod(context.published, named[1] ?? '', named[2] ?? '') }
  }
  // 'a day earlier', 'the next day', 'three days later', 'end of the month': tied to another event
  // or too vague to fix a day.
  return { resolution: UNRESOLVED }
}

// The guideline's table for 'last/this/next/past' + period. Weeks never fix a day; 'last month'
// and 'this month' stay null as in the gold; 'next month' and years resolve.
function namedPeriod(published: Date | null, which: string, period: string): Resolution {
  if (period === 'month' && which === 'next') return shifted(published, 'month', 1)
  if (period === 'year' && which !== 'past') {
    return shifted(published, 'year', which === 'last' ? -1 : which === 'next' ? 1 : 0)
  }
  return UNRESOLVED
}

// 3. A weekday without a day of the month: the most recent one on or before the publication day
//    ('on Friday', 'late on Thursday', 'Friday evening'); for planned events the next one on or
//    after it (a Friday article's "will meet on Friday (13)" is that day, as in the gold).
//    'last Friday' is strictly before the publication day, 'next Friday' strictly after it.
const WEEKDAY_NAME = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/
// 'Good Friday', 'Super Tuesday', 'the Sunday Times' are names, not dates.
const WEEKDAY_NAME_BEFORE = new RegExp(`\\b(?:${DAY_NAME_PREFIXES.join('|')})\\s+$`)
const WEEKDAY_NAME_AFTER = new RegExp(`^\\s+(?:${DAY_NAME_SUFFIXES.join('|')})\\b`)

function weekdayOnly(
  c: chrono.ParsedComponents,
  words: string,
  start: number,
  end: number,
  context: Context,
): Outcome {
  if (!c.isCertain('weekday') || c.isCertain('day') || c.isCertain('month')) return undefined
  const weekday = c.get('weekday')
  // Full capitalised names only: 'Sun' (the newspaper), 'sat' (the verb), 'Wed' are not dates.
  if (weekday === null || !WEEKDAY_NAME.test(words)) return null
  const before = context.text.slice(Math.max(0, start - 12), start)
  if (WEEKDAY_NAME_BEFORE.test(before) || WEEKDAY_NAME_AFTER.test(context.text.slice(end))) {
    return null
  }
  if (context.published === null) return { resolution: UNRESOLVED }
  const lower = words.toLowerCase()
  const direction = /\blast\b/.test(lower)
    ? 'before'
    : /\bnext\b/.test(lower)
      ? 'after'
      : context.future
        ? 'onOrAfter'
        : 'onOrBefore'
  const date = isoDay(weekdayFrom(context.published, weekday, direction))
  return { resolution: { date, precision: 'day', relative: true } }
}

function weekdayFrom(
  published: Date,
  weekday: number,
  direction: 'onOrBefore' | 'before' | 'onOrAfter' | 'after',
): Date {
  const today = published.getUTCDay()
  const ahead = (weekday - today + 7) % 7
  if (direction === 'onOrAfter') return addDays(published, ahead)
  if (direction === 'after') return addDays(published, ahead || 7)
  const back = (today - weekday + 7) % 7
  return addDays(published, direction === 'before' ? -(back || 7) : -back)
}

// 4. A time alone fixes no day: '22:38', 'at noon', 'in the evening'.
function timeOnly(c: chrono.ParsedComponents): Outcome {
  const dated = ['day', 'month', 'year', 'weekday'] as const
  return dated.some((part) => c.isCertain(part)) ? undefined : null
}

// 5. A month without a day. With a year it is explicit ('June 2021'); without one it needs a cue
//    ('in June', 'last June', 'since January', 'mid-March'), because 'May' and 'March' are also
//    names and words ('Theresa May', 'the Long March').
const PART = '(?:(?:early|mid|late)[\\s-]+)?'
const MONTH_CUE = new RegExp(`(?:\\b(?:${MONTH_CUES.join('|')})\\s+|mid-)${PART}$`, 'i')
const MONTH_MODIFIER = new RegExp(`\\b(last|next|this)\\s+${PART}$`, 'i')

function monthOnly(
  c: chrono.ParsedComponents,
  words: string,
  start: number,
  end: number,
  context: Context,
): Outcome {
  if (!c.isCertain('month') || c.isCertain('day')) return undefined
  const month = c.get('month') ?? 1
  const year = c.get('year')
  if (c.isCertain('year') && year !== null) {
    return { resolution: { date: isoMonth(year, month), precision: 'month', relative: false } }
  }
  const before = context.text.slice(Math.max(0, start - 20), start)
  if (!/^\p{Lu}/u.test(words) || !MONTH_CUE.test(before)) return null
  const modifier = MONTH_MODIFIER.exec(before)
  const from = modifier === null ? start : start - modifier[0].length
  const published = context.published
  if (published === null) return { resolution: UNRESOLVED, start: from }
  const which = modifier?.[1]?.toLowerCase()
  const now = published.getUTCMonth() + 1
  const thisYear = published.getUTCFullYear()
  // 'in April of last year': one mention, though chrono reads 'last year' on its own.
  const ofYear = /^\s+of\s+(last|this|next)\s+year\b/i.exec(context.text.slice(end))
  if (ofYear !== null) {
    const ofWhich = ofYear[1]?.toLowerCase()
    const date = isoMonth(thisYear + (ofWhich === 'last' ? -1 : ofWhich === 'next' ? 1 : 0), month)
    const resolution: Resolution = { date, precision: 'month', relative: true }
    return { resolution, start: from, end: end + ofYear[0].length }
  }
  const direction = which ?? (context.future ? '+' : '-')
  const date = isoMonth(yearOfMonth(month, now, thisYear, direction), month)
  return { resolution: { date, precision: 'month', relative: true }, start: from }
}

// 'last June': strictly before the publication month; 'next June': strictly after it; a bare
// 'in June': on or before it ('-'), or on or after it for planned events ('+').
function yearOfMonth(month: number, now: number, year: number, which: string): number {
  if (which === 'last') return month < now ? year : year - 1
  if (which === 'next') return month > now ? year : year + 1
  if (which === '+') return month >= now ? year : year + 1
  return month <= now ? year : year - 1
}

// 6. A day of a month. With a year it is explicit ('November 20, 2024', '2024-11-20'); without
//    one ('March 18') it is in the publication year, or the year before when that would put it
//    more than two months after publication (the year after, more than two months before, for
//    planned events). Bare numbers ('24/7', '3/4') are not dates.
const NEAR_DAYS = 61

function dayAndMonth(c: chrono.ParsedComponents, words: string, context: Context): Outcome {
  if (!c.isCertain('day') || !c.isCertain('month')) return null
  const day = c.get('day') ?? 1
  const month = c.get('month') ?? 1
  const year = c.get('year')
  if (c.isCertain('year') && year !== null) {
    return { resolution: onDay(makeDay(year, month, day), false) }
  }
  if (!/\p{L}/u.test(words)) return null
  const published = context.published
  if (published === null) return { resolution: UNRESOLVED }
  const now = published.getUTCFullYear()
  const candidates = [now - 1, now, now + 1]
    .map((y) => makeDay(y, month, day))
    .filter((d): d is Date => d !== null)
  const chosen = context.future
    ? candidates.find((d) => daysBetween(published, d) >= -NEAR_DAYS)
    : candidates.reverse().find((d) => daysBetween(published, d) <= NEAR_DAYS)
  return { resolution: onDay(chosen ?? null, true) }
}

// 7. A year alone after a cue ('in 2022', 'since 2019', 'in early 2022'), where chrono found
//    nothing. Ranges ('2019-2025'), decades ('1990s') and compounds ('2022-23') give no mention.
const YEAR_AFTER_CUE = `(?<=\\b(?:${YEAR_CUES.join('|')})\\s+${PART}|\\bmid-)`
const NO_RANGE = `(?![\\w'’-]|\\s*[-–—/]\\s*\\d)`
const YEAR = new RegExp(`${YEAR_AFTER_CUE}(?:18|19|20)\\d\\d${NO_RANGE}`, 'gi')

// A year as YEAR can match it, for a cheap test first: YEAR's lookbehind makes it slow to run.
const ANY_YEAR = /(?:18|19|20)\d\d/

function findYears(text: string, taken: readonly [number, number][]): Found[] {
  const found: Found[] = []
  if (!ANY_YEAR.test(text)) return found
  for (const m of text.matchAll(YEAR)) {
    const start = m.index ?? 0
    const end = start + m[0].length
    if (taken.some(([s, e]) => start < e && end > s)) continue
    const date = isoYear(Number(m[0]))
    found.push({ start, end, resolution: { date, precision: 'year', relative: false } })
  }
  return found
}

// A day n days from publication. @example dayFrom(2023-02-04, -1) -> '2023-02-03'
function dayFrom(published: Date | null, shift: number): Resolution {
  return published === null ? UNRESOLVED : onDay(addDays(published, shift), true)
}

// A resolved day; null for days that do not exist ('February 30').
function onDay(date: Date | null, relative: boolean): Resolution {
  if (date === null) return { date: null, precision: null, relative }
  return { date: isoDay(date), precision: 'day', relative }
}

// A day, month or year a number of units from publication; weeks fix nothing.
function shifted(published: Date | null, unit: Unit, amount: number): Resolution {
  if (published === null || unit === 'week') return UNRESOLVED
  if (unit === 'day') return dayFrom(published, amount)
  if (unit === 'year') {
    const year = published.getUTCFullYear() + amount
    return { date: isoYear(year), precision: 'year', relative: true }
  }
  const months = published.getUTCFullYear() * 12 + published.getUTCMonth() + amount
  const date = isoMonth(Math.floor(months / 12), (months % 12) + 1)
  return { date, precision: 'month', relative: true }
}
