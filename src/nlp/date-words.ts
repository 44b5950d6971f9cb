/**
 * Word lists for resolve-dates.ts. Small closed lists; they belong in dictionaries/ once the
 * loader reads nlp lists.
 */

/** Words before a month name that make it a date. @example 'in June', 'since January' */
export const MONTH_CUES: readonly string[] = (
  'in since last next this until till by during from before after through between early late ' +
  'mid of'
).split(' ')

/** Words before a bare year that make it a date. @example 'in 2022', 'since 2019' */
export const YEAR_CUES: readonly string[] = (
  'in since during by until till through throughout from before after between of'
).split(' ')

/** Words that make a weekday part of a name. @example 'Good Friday', 'Super Tuesday' */
export const DAY_NAME_PREFIXES: readonly string[] =
  'Good Black Ash Super Holy Easter Bloody Palm Cyber Maundy'.split(' ')

/** Words after a weekday that make it a newspaper's name. @example 'the Sunday Times' */
export const DAY_NAME_SUFFIXES: readonly string[] =
  'Times Telegraph Express Mirror Herald Post Mail Observer'.split(' ')
