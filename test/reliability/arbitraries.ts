/**
 * fast-check arbitraries for text that looks like news, or like a broken version of it: real
 * country, capital and people names, role nouns, event verbs and dates, mixed with HTML, JSON,
 * line breaks, odd spacing and any Unicode, so the property tests reach the code's real branches.
 */
import fc from 'fast-check'

/** Names and phrases the dictionaries and patterns know, '|' between them. */
const NEWS_WORDS = [
  'Iran|Venezuela|Belarus|Chile|Peru|China|Russia|the United States|Iranian|Venezuelan',
  'Belarusian|Chinese|U.S.|Tehran|Caracas|Minsk|Lima|Nicolás Maduro|Maduro|Aziz Nasirzadeh',
  'Nasirzadeh|Hossein Amir-Abdollahian|Alexander Lukashenko|Defence Minister|foreign minister',
  'the president|his counterpart|Brigadier General|the two countries|both sides|the navy|Dr.',
  'Adm.|Gen.|met|visited|arrived in|signed an agreement with|criticised|condemned|will visit',
  'did not meet|may sign|agreed to cooperate with|sanctioned|hosted|on Friday|on Monday',
  'yesterday|last June|next week|on March 18|in 2023|November 20, 2024 - 22:38',
  'PARIS, March 18 -|said|on|in|and|the|of',
]
  .join('|')
  .split('|')

/** Pieces of structure: sentence ends, paragraph breaks, quotes, markup, JSON, odd characters. */
const PUNCTUATION = [
  '.|. |, | |  |\n|\n\n|\r\n|\t|"|“|”|\'|(|)|-| – |:|;|!|?|...',
  '<p>|</p>|<div>|<br>|<script>|<!--|&amp;|&nbsp;|{|}|[|]|":"|\\',
  '\u00a0|\u200b|\u00ad|\u2028|\ufeff|\u0301|\ud83c\uddee\ud83c\uddf7|مرحبا|中国|Ωmega',
  '\u0000|\u001b[2J|\ud800',
]
  .join('|')
  .split('|')

/** Any single UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit))

/** One piece of text: mostly news words, some structure, some noise. */
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...NEWS_WORDS), weight: 6 },
  { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.string({ unit: codeUnit, maxLength: 4 }), weight: 1 },
)

/**
 * Text that looks like news, more or less.
 * @example 'Iranian Defence Minister met\n\nMaduro on Friday.<p>中国'
 */
export const newsText = (maxPieces = 60): fc.Arbitrary<string> =>
  fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(' ').replace(/ {3,}/g, ' '))

/** Any string at all, including lone surrogates and control characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  newsText(),
)

/** A publication day between 1950 and 2050, as YYYY-MM-DD. */
export const isoDay: fc.Arbitrary<string> = fc
  .integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2050, 11, 31) / 86_400_000 })
  .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10))

/** True for a real calendar day written YYYY-MM-DD. @example isValidDay('2023-02-29') -> false */
export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day
}
