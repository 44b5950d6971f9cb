/**
 * Which day an event took place: the date its own clause names, else the day the story is on.
 * The guideline dates an event only where the text fixes its day, so a story's day carries to an
 * undated event only in a narrow way: never the publication day, never to events that last days
 * (visits) or are told inside one ("during his stay"), and a dateline dates the report, not its
 * events.
 */
import type { Doc, Modality, Sentence } from '../doc.js'
import type { Word } from '../nlp/match-words.js'
import { sentenceWords } from '../nlp/sentence-words.js'
import type { PhraseTrie } from '../nlp/phrase-trie.js'
import { findDates, type DateMention, type FindDatesOptions } from '../nlp/resolve-dates.js'
import type { DateCues } from '../nlp/date-cues.js'
import { addDays, isoDay, parseDay } from '../nlp/calendar.js'
import { isDateline } from '../nlp/dateline.js'

/** The words the date rules read (grammar.yaml): clause breaks, relative pronouns, reporting verbs, spans. */
export interface DateRules {
  readonly breaks: ReadonlySet<string>
  readonly relatives: ReadonlySet<string>
  readonly reporting: ReadonlySet<string>
  readonly spans: Spans
}

/** What the date rules read about one trigger and the event it codes. */
export interface Dating {
  readonly words: readonly Word[]
  /** The trigger's first word, and the text offset where it starts. */
  readonly trigger: number
  readonly triggerStart: number
  readonly type: string
  readonly modality: Modality
  /** The sides found tell no day ("landed in Caracas on Thursday from Managua": not Managua's). */
  readonly undated: boolean
  /** "the visiting Iranian minister": a visit going on, which tells no day. */
  readonly guest: boolean
  /** The sentence tells its events inside a span: "During his stay, ...". */
  readonly insideSpan: boolean
}

/**
 * The day the event's own words give, if any: the date nearest the trigger in its clause, a day
 * counted from the story's day ("a day after"), but not the day a plan was announced ("is set to
 * visit this week, a spokesperson said on Monday") nor the day a visit ends.
 */
export function ownDate(dates: readonly DateMention[], e: Dating, rules: DateRules, running: RunningDate): DateMention | null {
  if (e.undated) return null
  if (rules.spans.types.has(e.type) && isSpanEnd(e.words, e.trigger, rules.spans)) return null
  const candidates = e.modality === 'planned' ? dates.filter((d) => !isReportDay(d, e.words, rules.reporting)) : dates
  const picked = pickDate(candidates, e.triggerStart, e.words, rules.breaks, rules.relatives)
  if (picked?.date !== null) return picked
  // The story's day is read only for a count ("a day after"): reading it may parse earlier sentences.
  return countedFromStory(picked, e.triggerStart, () => running.story()) ?? picked
}

/**
 * The day an event with none of its own takes. News narrates one day at a time: an asserted
 * event happened on the last day the article named ("Earlier on Friday ... He also held talks
 * with ..."), unless it lasts days or is told inside such a span.
 */
export function carriedDate(e: Dating, rules: DateRules, running: RunningDate): DateMention | null {
  const carries = e.modality === 'asserted' && !e.guest && !e.undated && !rules.spans.types.has(e.type) && !e.insideSpan
  const day = carries ? running.story() : null
  return day ? { ...day, text: `${day.text}, said ${running.ahead ? 'next' : 'earlier'}` } : null
}

/**
 * The date mention nearest the trigger within its clause: in "arrived in Sri Lanka while he is
 * scheduled to stop in Madrid from Saturday", Saturday belongs to the stop, not the arrival.
 */
function pickDate(
  dates: readonly DateMention[],
  triggerStart: number,
  words: readonly Word[],
  breaks: ReadonlySet<string>,
  relatives: ReadonlySet<string> = new Set(),
): DateMention | null {
  let best: DateMention | null = null
  let bestDistance = Infinity
  // "After his trip to Nicaragua, he arrived in Caracas late on Thursday": an opening phrase
  // and the main clause after its comma keep their days apart.
  const mainStart = openingPhraseEnd(words, breaks)
  for (const d of dates) {
    if (mainStart !== null && d.span[0] < mainStart !== triggerStart < mainStart) continue
    const [from, to] = d.span[0] < triggerStart ? [d.span[1], triggerStart] : [triggerStart, d.span[0]]
    if (words.some((w) => w.start > from && w.end < to && breaks.has(w.key))) continue
    if (d.span[0] < triggerStart && inClosedRelative(d, triggerStart, words, relatives)) continue
    // A resolved date beats a vague one ("this week (March 10-12)", "a day after ...").
    const distance = Math.abs(d.span[0] - triggerStart) + (d.date === null ? 10_000 : 0)
    if (distance < bestDistance) [best, bestDistance] = [d, distance]
  }
  return best
}

/**
 * Where the main clause starts after an opening phrase that a clause break opens ("After his
 * trip to Nicaragua, ..."): the offset of the first word after its comma, or null.
 */
function openingPhraseEnd(words: readonly Word[], breaks: ReadonlySet<string>): number | null {
  if (!breaks.has(words[0]?.key ?? '')) return null
  const comma = words.findIndex((w) => /,/.test(w.after))
  return comma < 0 ? null : (words[comma + 1]?.start ?? null)
}

/** Is the date the day of a report: "a spokesperson said on Monday", "announced Tuesday"? */
function isReportDay(d: DateMention, words: readonly Word[], reporting: ReadonlySet<string>): boolean {
  const at = words.findIndex((w) => w.start >= d.span[0])
  if (at < 1) return false
  const before = words[at - 1]?.key === 'on' ? at - 2 : at - 1
  return reporting.has(words[before]?.key ?? '')
}

/**
 * Does the date stand in a relative clause closed before the trigger? In "Japan, which signed a
 * pact with Vietnam in March, criticized China" March dates the signing, not the criticism.
 */
function inClosedRelative(d: DateMention, triggerStart: number, words: readonly Word[], relatives: ReadonlySet<string>): boolean {
  const before = words.filter((w) => w.end <= d.span[0])
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i]
    if (!w || /[,;:]/.test(w.after)) return false
    if (relatives.has(w.key)) return words.some((x) => x.end >= d.span[1] && x.end <= triggerStart && /,/.test(x.after))
  }
  return false
}

/** A history event far older than the article is background, not news (guideline 2). */
export function isBackground(date: string | null, publishedOn: string | null): boolean {
  if (!date || !publishedOn) return false
  const age = (Date.parse(publishedOn) - Date.parse(date)) / 86_400_000
  return age > 400
}

/**
 * The dates a sentence names for its events. A dateline's is left out: "PARIS, March 18 - France
 * today protested" dates the report, and "today" dates the protest.
 */
export function eventDates(text: string, sentence: Sentence, publishedOn: string | null, options: FindDatesOptions): DateMention[] {
  const [start, end] = sentence.span
  // An embedded post's signature dates the post, not the story around it.
  if (POST_SIGNATURE.test(text.slice(start, end))) return []
  return findDates(text.slice(start, end), start, publishedOn, options).filter(
    (d) => !isDateline(text.slice(start, d.span[0]), text.slice(d.span[1], end)),
  )
}

/** An embedded post's signature line: "— Nicolás Maduro (@NicolasMaduro) February 4, 2023". */
const POST_SIGNATURE = /^\s*[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)/u

/** How many sentences after the one that introduces a post its signature may come. */
const POST_REACH = 2

/**
 * The day of the post a sentence introduces ("On Twitter, Maduro described the visit as
 * productive"): the date of the signature line that follows the post.
 */
export function postDay(
  doc: Doc,
  at: number,
  body: readonly Sentence[],
  postCues: ReadonlySet<string>,
  cues: DateCues | undefined,
): DateMention | null {
  const { text, publishedOn } = doc.article
  // The signature first: it is rare, and a cheap test, where splitting the sentence into words is not.
  const signature = body.slice(at + 1, at + 1 + POST_REACH).find((s) => POST_SIGNATURE.test(text.slice(s.span[0], s.span[1])))
  const here = body[at]
  if (!signature || !here || !sentenceWords(text, here.span).some((w) => postCues.has(w.key))) return null
  const line = text.slice(signature.span[0], signature.span[1])
  const day = findDates(line, signature.span[0], publishedOn, { cues }).find((d) => d.date !== null && d.precision === 'day')
  return day ? { ...day, text: `${day.text}, the post’s date` } : null
}

/** The first day a sentence names that is past, recent and not the dateline's. */
export function dayNamedIn(doc: Doc, sentence: Sentence | undefined, cues: DateCues | undefined): DateMention | null {
  if (!sentence) return null
  const { text, publishedOn } = doc.article
  const day = eventDates(text, sentence, publishedOn, { cues }).find(
    (d) => d.date !== null && d.precision === 'day' && (publishedOn === null || d.date <= publishedOn) && !isBackground(d.date, publishedOn),
  )
  return day ?? null
}

/** Events that last days, and what places an event inside one. */
export interface Spans {
  readonly types: ReadonlySet<string>
  readonly openers: ReadonlySet<string>
  readonly nouns: PhraseTrie<true>
  readonly endings: PhraseTrie<true>
}

/** How far after "during" the span noun may stand: "during his official visit". */
const SPAN_NOUN_REACH = 3

/** How far before a span's trigger its ending verb may stand: "concludes his first official visit". */
const ENDING_REACH = 3

/** Is the span told by its end: "Trudeau concludes his first official visit to Mexico today"? */
function isSpanEnd(words: readonly Word[], trigger: number, spans: Spans): boolean {
  return spans.endings.scan(words.slice(Math.max(0, trigger - ENDING_REACH), trigger)).length > 0
}

/** Does the sentence place its events inside a span: "During his stay in Venezuela, ..."? */
export function isInsideSpan(words: readonly Word[], spans: Spans): boolean {
  return words.some((w, i) => spans.openers.has(w.key) && spans.nouns.scan(words.slice(i + 1, i + 2 + SPAN_NOUN_REACH)).length > 0)
}

/** The running day at one moment, to put back after a loan. */
interface RunningState {
  readonly day: DateMention | null
  readonly age: number
  readonly ahead: boolean
}

/**
 * The last day an article named, carried from sentence to sentence. Each coded sentence hands in
 * the day it names as a function, read only when a later event asks for the story's day: most
 * sentences code no event, and parsing their dates for a day nobody reads was a large part of
 * the date parser's time. Reading goes from the newest sentence back and stops at the first day
 * found, or once any day found would be too old to carry.
 */
export class RunningDate {
  private day: DateMention | null = null
  /** Sentences since the day was named; past `RUNNING_DATE_REACH` the day is too far to carry. */
  private age = 0
  /** True while the day is the next sentence's, lent to a lead that names none. */
  private lent = false
  /** The days of the sentences coded since the last read, oldest first; null: none named. */
  private pending: (() => DateMention | null)[] = []

  /** True while the day is the next sentence's ("said next"). */
  get ahead(): boolean {
    this.settle()
    return this.lent
  }

  /** Has the article named a day yet? (Once named, a day stays: later ones only replace it.) */
  named(): boolean {
    if (this.day === null) this.settle()
    return this.day !== null
  }

  /** The day the story is on, while it is near enough to carry. */
  story(): DateMention | null {
    this.settle()
    return this.day && this.age <= RUNNING_DATE_REACH ? this.day : null
  }

  /** A sentence was coded; `named` gives the day it names (null for none), when asked. */
  passed(named: () => DateMention | null): void {
    this.pending.push(named)
  }

  /** The running day now, to `restore` after a loan. */
  save(): RunningState {
    this.settle()
    return { day: this.day, age: this.age, ahead: this.lent }
  }

  /** Lend the next sentence's day to a lead that names none. */
  lend(day: DateMention): void {
    this.settle()
    ;[this.day, this.age, this.lent] = [day, 0, true]
  }

  /** After a loan: the lent day goes back unless the sentence named its own. */
  endLoan(before: RunningState): void {
    this.settle()
    if (this.lent) [this.day, this.age, this.lent] = [before.day, before.age + 1, before.ahead]
  }

  private settle(): void {
    if (this.pending.length === 0) return
    const pending = this.pending
    this.pending = []
    let skipped = 0
    for (let i = pending.length - 1; i >= 0; i--) {
      const day = pending[i]?.() ?? null
      if (day !== null) {
        ;[this.day, this.age, this.lent] = [day, skipped, false]
        return
      }
      skipped++
      // Any older day would be past reach; all that is read of it then is that one was named.
      if (this.day !== null && skipped > RUNNING_DATE_REACH) break
    }
    this.age += skipped
  }
}

/** How many sentences a named day carries over to undated events. */
const RUNNING_DATE_REACH = 5

/** Counts a day offset may be written with: "a day after", "two days later". */
const COUNTS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 }

/** "a day after", "two days later", "the next day": a count of days and which way it runs. */
const OFFSET = /^(?:the\s+)?(?:(next)\s+day|(\w+)\s+days?\s+(after|later|earlier|before))$/i

/**
 * A day counted from the day the story is on, which the phrase alone does not give: "The move
 * came a day after France denounced the meeting" puts the denouncing the day before the story's
 * day; "Two days later, the ministers met" two days after it. "a day after" and "a day before"
 * date the event that follows them only: in "Iran warned the U.S., a day after Washington said
 * ...", the day is Washington's. Null when the phrase is no such count or no day is running.
 * `storyDay` is asked only when the phrase is a count.
 */
export function countedFromStory(
  d: DateMention,
  triggerStart: number,
  storyDay: () => DateMention | null,
): DateMention | null {
  const m = OFFSET.exec(d.text.trim())
  if (!m) return null
  const story = storyDay()
  const start = story?.date ? parseDay(story.date) : null
  if (!start || story?.precision !== 'day') return null
  const [, next, count, written] = m
  const n = next ? 1 : (COUNTS[count?.toLowerCase() ?? ''] ?? Number(count))
  if (!Number.isInteger(n) || n < 1) return null
  const way = written?.toLowerCase() ?? 'later'
  const sign = { later: 1, earlier: -1, after: -1, before: 1 }[way] ?? 1
  if ((way === 'after' || way === 'before') && d.span[1] > triggerStart) return null
  return { ...d, date: isoDay(addDays(start, sign * n)), precision: 'day', text: `${d.text}, counted from ${story.text}` }
}

