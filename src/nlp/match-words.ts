/**
 * Words for dictionary matching: letters and digits runs with their offsets, folded to lower
 * case without diacritics, so 'Nicolás' and 'Nicolas' meet in one key. Punctuation is dropped but
 * remembered (`after`), so matchers can see commas and apostrophes between words.
 */

/** One word of a sentence. `key` is the folded form used by every dictionary lookup. */
export interface Word {
  /** Article offsets. */
  readonly start: number
  readonly end: number
  /** The word as written. @example 'Nicolás' */
  readonly raw: string
  /** Lower case, no diacritics. @example 'nicolas' */
  readonly key: string
  /** True when the word starts with a capital letter. */
  readonly isCapitalized: boolean
  /** Non-space characters between this word and the next one. @example "'" in "Iran's" */
  readonly after: string
}

// Prefixed compounds are one word, so "co-operation" meets "cooperation" and "counter-part"
// meets "counterpart"; other hyphens split ("Iran-Venezuela" is two names).
const WORD = /(?:(?<![\p{L}\p{N}])(?:co|re|non|anti|pre|post|inter|counter)[-‐](?=\p{L}))?[\p{L}\p{N}]+/giu

const ASCII = /^[\x00-\x7f]*$/

/** Fold a phrase for lookups. @example foldKey('Nicolás') -> 'nicolas' */
export function foldKey(text: string): string {
  // ASCII has nothing to decompose: lower case is the whole fold (most text, and much faster).
  if (ASCII.test(text)) return text.toLowerCase()
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** Split text into words with article offsets. @example splitWords('Iran’s FM', 0).length -> 3 */
export function splitWords(text: string, offset: number): Word[] {
  const found: { index: number; raw: string }[] = []
  for (const m of text.matchAll(WORD)) found.push({ index: m.index ?? 0, raw: m[0] })
  const words: Word[] = []
  for (let i = 0; i < found.length; i++) {
    const { index, raw } = found[i] as { index: number; raw: string }
    const start = offset + index
    // `after`: the punctuation between this word and the next one (whitespace removed).
    const gapEnd = i + 1 < found.length ? (found[i + 1] as { index: number }).index : text.length
    const between = gapEnd > index + raw.length ? text.slice(index + raw.length, gapEnd) : ''
    // Most gaps are one space: nothing to strip, no regex to run.
    const gap = between === '' || between === ' ' ? '' : between.replace(/\s+/g, '')
    words.push({
      start,
      end: start + raw.length,
      raw,
      key: keyOf(raw),
      isCapitalized: /^\p{Lu}/u.test(raw),
      after: gap,
    })
  }
  return words
}

// The folded key of a word, its prefix hyphen dropped ('co-operation' -> 'cooperation').
function keyOf(raw: string): string {
  return foldKey(raw.replace(/[-‐]/, ''))
}

/** Split a dictionary phrase into folded keys. @example phraseKeys('U.S.') -> ['u', 's'] */
export function phraseKeys(phrase: string): string[] {
  return [...foldKey(phrase).matchAll(WORD)].map((m) => m[0].replace(/[-‐]/, ''))
}
