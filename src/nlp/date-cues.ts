/**
 * A cheap test run before the date parser: could this sentence hold a date? chrono-node runs some
 * twenty regexes over every sentence it is given, most sentences name no date, and a sentence
 * without any cue of dictionaries/dates.yaml (and without a digit) can give chrono nothing the
 * coder keeps (see resolve-dates.ts: every kept date has a day, month, year or weekday chrono is
 * sure of, or says 'today', 'last week', ...). The words are data; how they combine mirrors the
 * shapes of chrono's English patterns, loosely, so the test errs towards parsing. The same file
 * names what each of chrono's parsers needs, so a sentence that passes is given only to the
 * parsers that could match it.
 */
import * as chrono from 'chrono-node'
import { z } from 'zod'

/** The word lists of dictionaries/dates.yaml. */
export interface DateCueLists {
  /** Cues anywhere in a sentence. @example 'day' (today, Friday, days) */
  readonly words: readonly string[]
  /** Cues as whole words. @example 'now' ('Sat now') */
  readonly whole_words: readonly string[]
  /** Month names and abbreviations, cues before a non-letter or an ordinal. @example 'jan' */
  readonly months: readonly string[]
  /** Ordinal words (or their starts) chrono reads right after a month. @example 'first', 'twent' */
  readonly ordinals: readonly string[]
  /** Counts of a duration. @example 'a', 'the', 'few' */
  readonly counts: readonly string[]
  /** Abbreviated units of a duration. @example 'hrs', 'w' */
  readonly units: readonly string[]
  /** Words chrono reads right after a duration's unit. @example 'ago', 'later' */
  readonly followers: readonly string[]
  /** Words chrono reads before a unit without a count. @example 'next' in 'next mo' */
  readonly modifiers: readonly string[]
  /** Full unit words that give a date only when a word touches them. @example 'seconds' */
  readonly unit_words: readonly string[]
  /** Full unit words that give a date after a count, modifier or digit. @example 'weeks' */
  readonly periods: readonly string[]
  /**
   * What each of chrono's parsers needs to match at all: a sentence holding none of a parser's
   * strings is not given to it. Parsers not named always run.
   * @example { ENTimeUnitAgoFormatParser: ['ago', 'before', 'earlier'] }
   */
  readonly parsers: Readonly<Partial<Record<string, readonly string[]>>>
}

/** chrono's English parsers, by class name, in the order chrono runs them. */
const CASUAL_PARSERS: readonly chrono.Parser[] = chrono.casual.parsers
const PARSER_NAMES = CASUAL_PARSERS.map((p) => p.constructor.name)

const lowerWords = z.array(
  z
    .string()
    .regex(/^[a-z]+$/, { error: 'expected one lower-case word (letters a-z only)' }),
  { error: 'expected a list of words' },
)

/** dictionaries/dates.yaml, without its header. */
export const dateCueListsSchema = z.strictObject({
  words: lowerWords.min(1),
  whole_words: lowerWords,
  months: lowerWords.min(1),
  ordinals: lowerWords,
  counts: lowerWords,
  units: lowerWords,
  followers: lowerWords,
  modifiers: lowerWords,
  unit_words: lowerWords,
  periods: lowerWords,
  parsers: z.partialRecord(
    // A name chrono does not have (a typo, a parser renamed in an upgrade) is an unknown field.
    z.enum(PARSER_NAMES),
    z
      .array(z.string().regex(/^[a-z0-9 +-]+$/, { error: 'expected lower-case text' }), {
        error: 'expected a list of strings',
      })
      .min(1),
  ),
})

/** The compiled test, and chrono's parse that skips the parsers a sentence cannot feed. */
export interface DateCues {
  /** True when the sentence may hold a date; false only when chrono can find none there. */
  test(sentence: string): boolean
  /** `chrono.casual.parse`, with the same results: parsers whose strings are absent do not run. */
  parse(sentence: string, reference: Date): chrono.ParsedResult[]
}

/**
 * Build the test from the lists.
 * @example compileDateCues(lists).test('He left on Friday.') -> true
 * @example compileDateCues(lists).test('Neither side gave a timetable.') -> false
 */
export function compileDateCues(lists: DateCueLists): DateCues {
  const any = (words: readonly string[]): string =>
    words.length === 0 ? '(?!)' : `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`
  const unit = any(lists.units)
  const anyUnit = any([...lists.units, ...lists.unit_words, ...lists.periods])
  // chrono's multi-word counts, which may touch the unit: 'a few', 'half an', '(a) couple of'.
  const phrase = '(?:an?\\s{1,2}few|half\\s{0,2}an?|couple\\s{0,2}(?:of)?)'
  // After a unit: a non-letter, a follower ('ago', 'later', 'and'), or the next count and unit
  // ('the m one y'); chrono allows no space before them.
  const next = `(?=[^a-z]|$|${any(lists.followers)}|${any(lists.counts)}\\s{0,3}${anyUnit})`
  // Several small regexes, cheapest and likeliest first, run faster than their alternation.
  const regexes = [
    // Digits that can be part of a date: '2024-11-20', '3/4', '2024', '10:30' (no day alone, but a
    // four-digit run can be a year), '3 hrs ago'; not '3 agreements' or '$5 billion'.
    '[0-9][-./:][0-9]|[0-9]{4}',
    `[0-9]\\s{0,3}${anyUnit}${next}`,
    any(lists.words),
    `\\b${any(lists.whole_words)}\\b`,
    `${any(lists.months)}(?=[^a-z]|$|${any(lists.ordinals)})`,
    `${any(lists.modifiers)}\\s*${anyUnit}(?=[^a-z]|$)`,
    `${phrase}\\s{0,3}${anyUnit}${next}`,
    `${any(lists.counts)}\\s{1,3}${unit}${next}`,
  ].map((source) => new RegExp(source, 'i'))
  // A count before a period ('two weeks', 'the year'), looked for only where a period is: counts
  // include 'a' and 'the', which start a match at almost every word.
  const period = new RegExp(any(lists.periods), 'i')
  const countedPeriod = new RegExp(`${any(lists.counts)}\\s{0,3}${any(lists.periods)}${next}`, 'i')
  return {
    test: (sentence) =>
      regexes.some((regex) => regex.test(sentence)) ||
      (period.test(sentence) && countedPeriod.test(sentence)),
    parse: compileGatedParse(lists.parsers),
  }
}

/**
 * chrono runs each of its eighteen parsers' regexes over the whole sentence; most of them cannot
 * match a given sentence, and looking for a few plain strings costs far less than their regexes.
 * A parser that is not run is one that would have found nothing, so the results are chrono's.
 */
function compileGatedParse(
  needs: DateCueLists['parsers'],
): (sentence: string, reference: Date) => chrono.ParsedResult[] {
  // Parsers that need the same strings share one test: one regex per distinct list, run once.
  const tests: RegExp[] = []
  const testOf = new Map<string, number>()
  const gates = PARSER_NAMES.map((name) => {
    const strings = needs[name]
    if (strings === undefined) return -1
    const source = [...strings].map((s) => s.replace(/[+-]/g, '\\$&')).join('|')
    if (!testOf.has(source)) testOf.set(source, tests.push(new RegExp(source, 'i')) - 1)
    return testOf.get(source) ?? -1
  })
  const refiners = chrono.casual.refiners
  // One chrono per set of tests passed, with the parsers they let run.
  const byPassed = new Map<string, chrono.Chrono>()
  return (sentence, reference) => {
    const passed = tests.map((test) => test.test(sentence))
    const key = passed.map(Number).join('')
    let parser = byPassed.get(key)
    if (parser === undefined) {
      const runs = (gate: number) => gate < 0 || passed[gate] === true
      const parsers = CASUAL_PARSERS.filter((_, i) => runs(gates[i] ?? -1))
      parser = new chrono.Chrono({ parsers, refiners })
      byPassed.set(key, parser)
    }
    return parser.parse(sentence, reference)
  }
}
