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

/**
 * Split text into words with article offsets. The words are those of `WORD` (letter and digit
 * runs, a prefix compound taken whole), found by a scan rather than the regex: splitting every
 * sentence was one of the pipeline's larger costs, and the Unicode regex with its lookbehind
 * was most of it. match-words.test.ts checks the scan against `WORD`.
 * @example splitWords('Iran’s FM', 0).length -> 3
 */
export function splitWords(text: string, offset: number): Word[] {
  const words: Word[] = []
  let pending: { index: number; raw: string; key: string } | null = null
  const n = text.length
  let i = 0
  while (i < n) {
    const size = wordCharSize(text, i)
    if (size === 0) {
      i++
      continue
    }
    const from = i
    i = runEnd(text, i + size)
    // 'co-operation', 'counter-part': a prefix before a hyphen and a letter joins the next run.
    const hyphen = text.charCodeAt(i)
    let compound = false
    const isHyphen = hyphen === 0x2d || hyphen === 0x2010
    if (isHyphen && isLetterAt(text, i + 1) && isPrefix(text, from, i)) {
      i = runEnd(text, i + 1)
      compound = true
    }
    if (pending !== null) words.push(wordOf(text, offset, pending, from))
    const raw = text.slice(from, i)
    pending = { index: from, raw, key: compound ? keyOf(raw) : foldKey(raw) }
  }
  if (pending !== null) words.push(wordOf(text, offset, pending, n))
  return words
}

// One word, with `after`: the punctuation between it and the next word (whitespace removed).
function wordOf(
  text: string,
  offset: number,
  found: { index: number; raw: string; key: string },
  gapEnd: number,
): Word {
  const { index, raw, key } = found
  const start = offset + index
  const end = index + raw.length
  // Most gaps are one space: nothing to strip, no regex to run.
  const isOneSpace = gapEnd === end + 1 && text.charCodeAt(end) === 32
  const between = gapEnd > end && !isOneSpace ? text.slice(end, gapEnd) : ''
  const gap = between === '' ? '' : between.replace(/\s+/g, '')
  return { start, end: start + raw.length, raw, key, isCapitalized: isUpperAt(raw), after: gap }
}

const PREFIX = /^(?:co|re|non|anti|pre|post|inter|counter)$/iu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const LETTER = /\p{L}/u
const UPPER = /^\p{Lu}/u

// ASCII letters and digits by code; anything else is asked of the Unicode classes.
const ASCII_WORD = new Uint8Array(128)
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0

// The UTF-16 length of the letter or digit at i (2 for an astral one), or 0 when it is neither.
function wordCharSize(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return ASCII_WORD[c] as number
  const cp = text.codePointAt(i) as number
  const size = cp > 0xffff ? 2 : 1
  return LETTER_OR_DIGIT.test(text.slice(i, i + size)) ? size : 0
}

function runEnd(text: string, i: number): number {
  let at = i
  for (let size = wordCharSize(text, at); size > 0; size = wordCharSize(text, at)) at += size
  return at
}

function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  const cp = text.codePointAt(i) as number
  return LETTER.test(String.fromCodePoint(cp))
}

function isPrefix(text: string, from: number, to: number): boolean {
  const length = to - from
  return length >= 2 && length <= 7 && PREFIX.test(text.slice(from, to))
}

function isUpperAt(raw: string): boolean {
  const c = raw.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER.test(raw)
}

// The folded key of a word, its prefix hyphen dropped ('co-operation' -> 'cooperation').
function keyOf(raw: string): string {
  return foldKey(raw.replace(/[-‐]/, ''))
}

/** Split a dictionary phrase into folded keys. @example phraseKeys('U.S.') -> ['u', 's'] */
export function phraseKeys(phrase: string): string[] {
  return [...foldKey(phrase).matchAll(WORD)].map((m) => m[0].replace(/[-‐]/, ''))
}

/** Does a possessive "'s" stand at `at`: "Iran's" is ["Iran", "s"], the apostrophe in between? */
export function isPossessiveAt(words: readonly Word[], at: number): boolean {
  return words[at]?.key === 's' && /['’]$/.test(words[at - 1]?.after ?? '')
}

