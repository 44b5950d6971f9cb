import { describe, expect, it } from 'vitest'

import { splitWords } from './match-words.js'

// The definition of a word the scan in splitWords implements: letter and digit runs, with a
// prefix compound ('co-operation') taken whole.
const WORD = /(?:(?<![\p{L}\p{N}])(?:co|re|non|anti|pre|post|inter|counter)[-‐](?=\p{L}))?[\p{L}\p{N}]+/giu

function byRegex(text: string): { raw: string; start: number; after: string }[] {
  const found = [...text.matchAll(WORD)]
  return found.map((m, i) => {
    const end = (m.index ?? 0) + m[0].length
    const next = found[i + 1]?.index ?? text.length
    return { raw: m[0], start: m.index ?? 0, after: text.slice(end, next).replace(/\s+/g, '') }
  })
}

describe('splitWords', () => {
  it('finds the words the regex definition finds, with their offsets and punctuation', () => {
    const texts = [
      'Iran’s FM met the U.S. envoy in São Paulo on 20 Nov.',
      'co-operation Co-Operation CO-op re-elect re‐elect pre-2020 anti- counter-part xco-op',
      'non-état inter-état re-1 re--x Re-Elected post-𝔸bc 𝔸𝔹 x𝟙y — “don’t”',
      'ſo Kelvin K \ud800 a\udc00b  double  space ,\t tab',
    ]
    for (const text of texts) {
      const words = splitWords(text, 5)
      expect(words.map((w) => ({ raw: w.raw, start: w.start - 5, after: w.after }))).toEqual(byRegex(text))
    }
  })

  it('folds keys and tells capitalised words', () => {
    const [a, b, c] = splitWords('Nicolás co-Operation ÉLAN', 0)
    expect([a?.key, b?.key, c?.key]).toEqual(['nicolas', 'cooperation', 'elan'])
    expect([a?.isCapitalized, b?.isCapitalized, c?.isCapitalized]).toEqual([true, false, true])
  })
})
