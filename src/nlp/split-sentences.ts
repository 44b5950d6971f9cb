/**
 * Split an article into sentences. wink-nlp proposes the boundaries; every line break is a hard
 * boundary on top (titles, datelines and tweet lines stand alone); a few boundaries wink puts
 * after an abbreviation are undone ('Adm. Kirby', 'pic.twitter.com').
 */
import type { Sentence, Span } from '../doc.js'
import { defineStage } from '../stage.js'
import { NUMBER_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './abbreviations.js'
import { analyse, type WinkAnalysis } from './wink.js'

/** Guesses the language of one sentence: an ISO 639-1 code, or null when unsure. */
export type DetectLanguage = (sentence: string) => string | null

/** What split-sentences takes from the stage context. */
export interface SplitSentencesContext {
  /** Sentence-level language detector (ingest/detect-language.ts); languages stay null without. */
  readonly detectLanguage?: DetectLanguage
}

/**
 * Split text into trimmed, non-empty sentences with exact offsets, indexed from 0 in text order.
 * @example segment('Dr. Lee met the U.S. envoy. He left.').length -> 2
 * @example segment('TEHRAN, Nov 20\n\nIran protested.').map((s) => s.span) -> [[0, 14], [16, 31]]
 */
export function segment(text: string, detectLanguage?: DetectLanguage): Sentence[] {
  const cuts = keptCuts(analyse(text))
  const sentences: Sentence[] = []
  for (const [start, end] of splitLines(text, cuts)) {
    const span = trimSpan(text, start, end)
    if (span === null) continue
    const language = detectLanguage?.(withoutNames(text.slice(span[0], span[1]))) ?? null
    sentences.push({ index: sentences.length, span, language })
  }
  return sentences
}

/**
 * A sentence with its capitalised words after the first taken out, for the language detector:
 * names say nothing of the language and tip a sentence about "Juan Manuel Santos" and "Hugo
 * Chavez" to Spanish. What is left is the sentence's own words ("met ... on"); too few letters
 * and the detector answers null, which the coder reads as English.
 * @example withoutNames('Colombian President Juan Manuel Santos met Hugo Chavez.') -> 'Colombian met'
 * @example withoutNames('El presidente Maduro recibió al canciller.') -> 'El presidente recibió al canciller.'
 */
export function withoutNames(sentence: string): string {
  // One scan for the words (runs of NAME_CHAR), copying the text between the names it drops;
  // every sentence passes here, and a regex replace with a callback per word was slow.
  let kept = ''
  let copiedTo = 0
  let first = true
  const n = sentence.length
  for (let i = 0; i < n; ) {
    let size = nameCharSize(sentence, i)
    if (size === 0) {
      i++
      continue
    }
    const from = i
    while (size > 0) {
      i += size
      size = nameCharSize(sentence, i)
    }
    if (first) first = false
    else if (startsUpper(sentence, from)) {
      kept += sentence.slice(copiedTo, from)
      copiedTo = i
    }
  }
  kept = copiedTo === 0 ? sentence : kept + sentence.slice(copiedTo)
  if (kept.includes('  ')) kept = kept.replace(/ {2,}/g, ' ')
  if (SPACED_PUNCTUATION.test(kept)) kept = kept.replace(/ ([.,;:!?])/g, '$1')
  return kept.trim()
}

const SPACED_PUNCTUATION = / [.,;:!?]/

// The characters of a word for withoutNames: letters, marks, apostrophes, dots and hyphens.
const NAME_CHAR = /[\p{L}\p{M}'’.-]/u
const UPPER = /^\p{Lu}/u

// The UTF-16 length of the word character at i (2 for an astral one), 0 for any other character.
function nameCharSize(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45 ? 1 : 0
  }
  if (Number.isNaN(c)) return 0
  const cp = text.codePointAt(i) as number
  const size = cp > 0xffff ? 2 : 1
  return NAME_CHAR.test(text.slice(i, i + size)) ? size : 0
}

function startsUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER.test(text.slice(i, i + 2))
}

/**
 * Split the article's text into sentences.
 * @example 'Gen. Smith arrived on Jan. 5.\nHe left.' -> sentences [0, 29] and [30, 38]
 */
export const splitSentences = defineStage<'sentences', SplitSentencesContext>({
  name: 'split-sentences',
  requires: ['article'],
  provides: 'sentences',
  run: (doc, ctx) => segment(doc.article.text, ctx.detectLanguage),
})

// 1. wink's boundaries, as the offset where each sentence after the first begins, minus those
//    that follow an abbreviation. @example 'Lt. Col. Smith and Adm.| Kirby spoke.' -> no cut
function keptCuts(wink: WinkAnalysis): number[] {
  const cuts: number[] = []
  for (let i = 1; i < wink.sentences.length; i++) {
    const [first, last] = wink.sentences[i] ?? [0, 0]
    const before = lastWord(wink, (wink.sentences[i - 1] ?? [0, 0])[1])
    const after = firstWord(wink, first)
    if (before < 0 || after < 0 || after > last) continue
    if (isOnlyPunctuation(wink, after, last)) continue
    if (!continuesAfterAbbreviation(wink, before, after)) cuts.push(wink.starts[after] ?? 0)
  }
  return cuts
}

// 2. A 'sentence' of closing marks belongs to the one before. @example 'File now!!!|"'
function isOnlyPunctuation(wink: WinkAnalysis, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (/[\p{L}\p{N}]/u.test(wink.values[i] ?? '')) return false
  return true
}

// Capitalised function words that do not open a sentence; Reuters capitalises the word after
// 'U.S.'. @example 'warned the U.S.| Not to intervene in the Gulf'
const NEVER_FIRST = new Set(
  'Not To And Or Of Is Are Was Were Has Have Had Will Would Could Should Must Can'.split(' '),
)

// 3. Undo a boundary when the sentence before ends in an abbreviation that cannot end it.
function continuesAfterAbbreviation(wink: WinkAnalysis, before: number, after: number): boolean {
  const next = wink.values[after] ?? ''
  const previous = wink.values[before] ?? ''
  const abbreviation = abbreviationEndingAt(wink, before)
  // 'Adm.| Kirby', 'Pres.| Biden': a title always has a name after it.
  if (TITLE_ABBREVIATIONS.has(abbreviation)) return true
  // 'Jan.| 5', 'No.| 10'
  if (NUMBER_ABBREVIATIONS.has(abbreviation) && /^\d/.test(next)) return true
  // 'pic.|twitter.com', '<CAWL.|L>': nothing between the two, and no capitalised word after.
  const glued = (wink.ends[before] ?? 0) === (wink.starts[after] ?? 0)
  if (glued && !/^\p{Lu}\p{Ll}/u.test(next)) return true
  const dotted = /\p{L}\.\p{L}\.$/u.test(previous)
  // 'at 5 a.m.| local time', 'the U.S.| Not to intervene'
  return dotted && (/^\p{Ll}/u.test(next) || NEVER_FIRST.has(next))
}

// The abbreviation a sentence ends with, without its dot, whether wink kept the dot on the word
// ('Adm.') or split it off ('Pres', '.'). @example 'Adm.' -> 'Adm'
function abbreviationEndingAt(wink: WinkAnalysis, last: number): string {
  const value = wink.values[last] ?? ''
  if (value !== '.') return value.endsWith('.') ? value.slice(0, -1) : ''
  const previous = wink.values[last - 1] ?? ''
  const touching = (wink.ends[last - 1] ?? -1) === (wink.starts[last] ?? 0)
  return touching ? previous : ''
}

function lastWord(wink: WinkAnalysis, from: number): number {
  for (let i = from; i >= 0; i--) if (wink.spacing[i] !== true) return i
  return -1
}

function firstWord(wink: WinkAnalysis, from: number): number {
  for (let i = from; i < wink.values.length; i++) if (wink.spacing[i] !== true) return i
  return -1
}

const LINE_BREAK = /[\n\r\u2028\u2029]/g

// 4. Cut every line at the kept boundaries inside it; a line break always ends a sentence.
//    @example 'PARIS, March 18 - France protested.\nIt said...' -> two spans
function splitLines(text: string, cuts: readonly number[]): Span[] {
  const spans: Span[] = []
  let next = 0
  let lineStart = 0
  const ends = [...text.matchAll(LINE_BREAK)].map((m) => m.index ?? 0)
  ends.push(text.length)
  for (const lineEnd of ends) {
    let start = lineStart
    while (next < cuts.length && (cuts[next] ?? 0) <= lineStart) next++
    while (next < cuts.length && (cuts[next] ?? 0) < lineEnd) {
      const cut = cuts[next++] ?? lineEnd
      spans.push([start, cut])
      start = cut
    }
    spans.push([start, lineEnd])
    lineStart = lineEnd + 1
  }
  return spans
}

const SPACE = /\s/

// 5. Trim spacing off both ends; null when nothing is left.
function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start
  let e = end
  while (s < e && SPACE.test(text[s] ?? '')) s++
  while (e > s && SPACE.test(text[e - 1] ?? '')) e--
  return s < e ? [s, e] : null
}
