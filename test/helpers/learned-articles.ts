/**
 * Two articles written for the tests of learned people: a foreign minister no dictionary lists,
 * introduced by apposition in the first and named only by surname in the second.
 */
export const INTRODUCES_BOADU =
  'Ghana minister in Abuja\nFebruary 1, 2018 - Ghana\'s Minister of Foreign Affairs, Kwame Asante Boadu, ' +
  'arrived in Abuja on Monday for talks with Nigerian President Muhammadu Buhari.\n'

export const NAMES_BOADU =
  'Talks in Accra\nMay 10, 2018 - Boadu met Nigerian Foreign Minister Geoffrey Onyeama in Accra on Tuesday to discuss trade.\n'

/** The fields of an `events --format jsonl` line these tests read. */
export interface CodedLine {
  readonly type: string
  readonly article: string
  readonly source: { country: string; person: string | null; role: string | null }
  readonly why: string
}
