/**
 * The words of a sentence of an article, split once: the recogniser reads every sentence twice
 * (learning names, then resolving) and the coder once more, and splitting was a large share of
 * their time. Only the article read last is kept, so memory does not grow with the run.
 */
import type { Span } from '../doc.js'
import { splitWords, type Word } from './match-words.js'

let lastText: string | undefined
let bySpan = new Map<string, readonly Word[]>()

/**
 * `splitWords` of `text.slice(span[0], span[1])` at offset `span[0]`, remembered for the article.
 * The words are shared: callers must not change them (they are read-only by type).
 * @example sentenceWords('Iran protested. Chad too.', [16, 25]).map((w) => w.raw) -> ['Chad', 'too']
 */
export function sentenceWords(text: string, span: Span): readonly Word[] {
  if (text !== lastText) {
    lastText = text
    bySpan = new Map()
  }
  const key = `${span[0]}:${span[1]}`
  let words = bySpan.get(key)
  if (words === undefined) {
    words = splitWords(text.slice(span[0], span[1]), span[0])
    bySpan.set(key, words)
  }
  return words
}
