/**
 * Tokens with article offsets, UPOS tags and a lower-case form, from wink-nlp passes over the
 * whole article (not one per sentence). Spacing tokens (line breaks, tabs) are left out.
 */
import type { Sentence, Token } from '../doc.js'
import { need } from '../doc.js'
import { defineStage } from '../stage.js'
import { analyse, getNlp, tagPos } from './wink.js'

/**
 * Tokenize text and give each token the index of the sentence it starts in. Tokens outside every
 * sentence (only spacing, when the sentences come from `segment`) are dropped.
 * @example tokenize('Iran protested.', [{ index: 0, span: [0, 15], language: 'en' }])
 *   -> norms ['iran', 'protested', '.'], spans [0, 4], [5, 14], [14, 15]
 */
export function tokenize(text: string, sentences: readonly Sentence[]): Token[] {
  const wink = analyse(text)
  const tags = tagPos(text)
  const tokens: Token[] = []
  let s = 0
  for (let i = 0; i < wink.values.length; i++) {
    const pos = tags[i] ?? 'X'
    if (pos === 'SPACE') continue
    const start = wink.starts[i] ?? 0
    const end = wink.ends[i] ?? start
    // Sentences are in text order, so one pointer walks them alongside the tokens.
    while (s < sentences.length && (sentences[s]?.span[1] ?? 0) <= start) s++
    const sentence = sentences[s]
    if (sentence === undefined) break
    if (start < sentence.span[0]) continue
    const value = wink.values[i] ?? ''
    tokens.push({ span: [start, end], sentence: sentence.index, pos, norm: value.toLowerCase() })
  }
  return tokens
}

/**
 * Tokenize the sentences of an article.
 * @example 'Maduro received Abdollahian.' -> Maduro/PROPN received/VERB Abdollahian/PROPN ./PUNCT
 */
export const tokenizeStage = defineStage({
  name: 'tokenize',
  requires: ['sentences'],
  provides: 'tokens',
  run: (doc) => tokenize(doc.article.text, need(doc, 'sentences')),
})

/**
 * Only wink's own pass as the pipeline makes it (tokens and sentence boundaries), with nothing done
 * to its output: the throughput floor the benchmark compares extraction against. Returns the
 * token count (spacing included).
 * @example bareTokenize('Iran protested.') -> 3
 */
export function bareTokenize(text: string): number {
  return getNlp().readDoc(text).tokens().length()
}
