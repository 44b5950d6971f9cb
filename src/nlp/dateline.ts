/**
 * A dateline: the place and date a news story opens with ("PARIS, March 18 - ..."). The reader
 * takes the publication day from it (src/ingest/find-published-date.ts); the coder knows its date
 * dates the report, not the events in it (src/coding/event-dates.ts).
 */

/**
 * A dateline's place: capitalised words, then a comma (once or twice).
 * @example 'PARIS, ', 'CALGARY, Alberta, ', 'New Delhi, ', 'RIO DE JANEIRO, ', 'VIENNA/DOHA, '
 */
const PLACE_PREFIX =
  /^(?:\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|do|del|la|el|al|of|the|upon|sur|am))*(?:\s*\/\s*\p{Lu}[\p{L}.'’-]*)*,\s*){1,2}$/u

/** After a dateline's date: an agency in brackets and/or a dash. @example ' (Reuters) - ', ' - ' */
const DATELINE_TAIL = /^\s*(?:\([^()]{1,40}\)|(?:\([^()]{1,40}\)\s*)?(?:-{1,2}|[–—:])|$)/u

/**
 * Do the text before a date and the text after it make it a dateline's?
 * @example isDateline('PARIS, ', ' - France today protested') -> true
 * @example isDateline('', ' – ...') -> true ('October 19 – ...')
 */
export function isDateline(prefix: string, suffix: string): boolean {
  const place = prefix.trimStart()
  return (place === '' || PLACE_PREFIX.test(place)) && DATELINE_TAIL.test(suffix)
}
