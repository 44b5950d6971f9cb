/**
 * A cheap test run before the date parser: could this sentence hold a date? chrono-node runs some
 * twenty regexes over every sentence it is given, most sentences name no date, and a sentence
 * without any cue of dictionaries/dates.yaml (and without a digit) can give chrono nothing the
 * coder keeps (see resolve-dates.ts: every kept date has a day, month, year or weekday chrono is
 * sure of, or says 'today', 'last week', ...). The words are data; how they combine mirrors the
 * shapes of chrono's English patterns, loosely, so the test errs towards parsing.
 */
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
}

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
})

/** The compiled test. */
export interface DateCues {
  /** True when the sentence may hold a date; false only when chrono can find none there. */
  test(sentence: string): boolean
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
  const anyUnit = any([...lists.units, ...lists.unit_words])
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
  return { test: (sentence) => regexes.some((regex) => regex.test(sentence)) }
}
