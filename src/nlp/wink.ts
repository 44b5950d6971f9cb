/**
 * The shared wink-nlp instance and the article analysis the sentence splitter reads: tokens with
 * exact article offsets, which of them are spacing, and wink's sentence boundaries as token
 * ranges. wink tokens carry no offsets, so they are recovered by scanning the text forward.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

/** What one wink pass over an article gives: parallel arrays, one slot per wink token. */
export interface WinkAnalysis {
  readonly text: string
  /** Token strings exactly as in the text. @example ['Dr.', 'Lee', 'met'] */
  readonly values: readonly string[]
  /** Article offsets: token i covers `text.slice(starts[i], ends[i])`. */
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  /** True for spacing tokens (line breaks, tabs: wink's type 'tabCRLF', tagged 'SPACE'). */
  readonly spacing: readonly boolean[]
  /** wink's sentences as inclusive token ranges. @example [[0, 6], [7, 9]] */
  readonly sentences: readonly (readonly [number, number])[]
}

// The pipeline needs tokens and sentence boundaries only. POS tagging took ~40% of wink's time
// and served only to tell spacing tokens, which the token type tells as well; negation,
// sentiment and NER are not used either.
const PIPE = ['sbd']

let instance: WinkMethods | undefined
let tagging: WinkMethods | undefined

/**
 * The shared wink instance the pipeline reads with (tokens and sentences), built on first use.
 * The model is read-only after loading.
 * @example getNlp().readDoc('Iran protested.').tokens().length() -> 3
 */
export function getNlp(): WinkMethods {
  instance ??= winkNLP(model, PIPE)
  return instance
}

/**
 * Universal POS tags of the tokens `analyse(text)` gives, from a second instance that also tags
 * (built on first use; the pipeline itself never tags). @example tagPos('Iran protested.')
 *   -> ['PROPN', 'VERB', 'PUNCT']
 */
export function tagPos(text: string): string[] {
  tagging ??= winkNLP(model, ['sbd', 'pos'])
  return tagging.readDoc(text).tokens().out(tagging.its.pos) as string[]
}

// segment() and tokenize() run one after the other on the same article: remember the last pass
// so the article is read once. This is a cache of a pure function, not state a stage depends on.
let last: WinkAnalysis | undefined

/**
 * Read an article with wink once and recover every token's offsets.
 * @example analyse('Dr. Lee met the U.S. envoy.').values
 *   -> ['Dr.', 'Lee', 'met', 'the', 'U.S.', 'envoy', '.']
 */
export function analyse(text: string): WinkAnalysis {
  if (last !== undefined && last.text === text) return last
  const nlp = getNlp()
  const doc = nlp.readDoc(text)
  const values = doc.tokens().out(nlp.its.value) as string[]
  const spacing = (doc.tokens().out(nlp.its.type) as string[]).map((type) => type === 'tabCRLF')
  const spans = doc.sentences().out(nlp.its.span) as unknown as [number, number][]
  const { starts, ends } = locateTokens(text, values)
  last = { text, values, starts, ends, spacing, sentences: spans }
  return last
}

const SPACE = /\s/

// /\s/ on one character, without the regex for ASCII (nearly every character of the text).
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return c === c && SPACE.test(text[i] as string)
}

/**
 * Find each token in the text, left to right. wink keeps token strings verbatim but turns some
 * characters into spacing (NBSP, BOM, U+2028), so whitespace between tokens is skipped.
 * @example locateTokens('Iran\u00a0protested', ['Iran', 'protested']).starts -> [0, 5]
 */
export function locateTokens(
  text: string,
  values: readonly string[],
): { starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  let cursor = 0
  for (const value of values) {
    let at = cursor
    // Skip inter-token spacing, but not into a whitespace token such as '\n\n'.
    if (value === '' || !isSpaceAt(value, 0)) {
      while (at < text.length && isSpaceAt(text, at)) at++
    }
    if (!text.startsWith(value, at)) at = findNear(text, value, cursor)
    starts.push(at)
    ends.push(Math.min(text.length, at + value.length))
    cursor = ends[ends.length - 1] ?? cursor
  }
  return { starts, ends }
}

// How far ahead a token may be found when the plain scan misses; a guard against a runaway match.
const NEAR = 32

// Fallback when a token string is not at the cursor: look a short way ahead, then compare with
// quotes folded (“ ” ‘ ’ vs " '), and as a last resort assume it starts at the cursor.
function findNear(text: string, value: string, cursor: number): number {
  const found = text.indexOf(value, cursor)
  if (found >= 0 && found - cursor <= NEAR) return found
  const folded = foldQuotes(value)
  const window = foldQuotes(text.slice(cursor, cursor + NEAR + value.length))
  const near = window.indexOf(folded)
  return near >= 0 ? cursor + near : cursor
}

function foldQuotes(s: string): string {
  return s.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′`]/g, "'")
}
