/**
 * Abbreviations after which wink sometimes ends a sentence that goes on. Small closed word lists
 * for the sentence splitter; they belong in dictionaries/ once the loader reads nlp lists.
 */

/** Titles that always precede a name. @example 'Adm. Kirby', 'Pres. Biden' */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'Adm Amb Brig Capt Cdr Cmdr Col Cpl Dr Gen Gov Hon Lt Maj Messrs Mme Mlle Mr Mrs Ms Msgr Ph ' +
    'Pres Prof Rep Reps Rev Sen Sens Sgt St Supt'
  ).split(' '),
)

/** Abbreviations that precede a number. @example 'Jan. 5', 'No. 10', 'Art. 5' */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Art Vol Fig p pp'.split(' '),
)
