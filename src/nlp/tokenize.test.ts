import { describe, expect, it } from 'vitest'
import type { Article, Doc } from '../doc.js'
import { runStages } from '../stage.js'
import { segment } from './split-sentences.js'
import { bareTokenize, tokenize, tokenizeStage } from './tokenize.js'
import { locateTokens } from './wink.js'

const tokensOf = (text: string) => {
  const sentences = segment(text)
  return tokenize(text, sentences).map((t) => [text.slice(t.span[0], t.span[1]), t.sentence])
}

describe('tokenize', () => {
  // prettier-ignore
  it.each([
    ['Dr. Lee met the U.S. envoy.', [['Dr.', 0], ['Lee', 0], ['met', 0], ['the', 0], ['U.S.', 0], ['envoy', 0], ['.', 0]]],
    ['Iran protested.\n\nCanada did not.', [['Iran', 0], ['protested', 0], ['.', 0], ['Canada', 1], ['did', 1], ['not', 1], ['.', 1]]],
    ['“No,” he said.', [['“', 0], ['No', 0], [',', 0], ['”', 0], ['he', 0], ['said', 0], ['.', 0]]],
    ['Iran’s FM didn’t go', [['Iran', 0], ['’s', 0], ['FM', 0], ['did', 0], ['n’t', 0], ['go', 0]]],
    ['A\u00a0B\tC', [['A', 0], ['B', 0], ['C', 0]]],
    ['e\u0301t\u00e9 \u2028x', [['e\u0301t\u00e9', 0], ['x', 1]]],
    ['$5.3bn in 2019-2025, at 22:38', [['$', 0], ['5.3', 0], ['bn', 0], ['in', 0], ['2019-2025', 0], [',', 0], ['at', 0], ['22:38', 0]]],
  ])('finds exact offsets in %j', (text, expected) => {
    expect(tokensOf(text)).toEqual(expected)
  })

  it('gives UPOS tags and lower-case norms', () => {
    const text = 'Maduro received Abdollahian on Friday.'
    const tokens = tokenize(text, segment(text))
    expect(tokens.map((t) => `${t.norm}/${t.pos}`)).toEqual([
      'maduro/PROPN',
      'received/VERB',
      'abdollahian/PROPN',
      'on/ADP',
      'friday/PROPN',
      './PUNCT',
    ])
  })

  it('keeps only tokens inside the given sentences', () => {
    const text = 'Iran protested. Canada did not.'
    const tokens = tokenize(text, [{ index: 0, span: [16, 31], language: null }])
    expect(tokens.map((t) => t.norm)).toEqual(['canada', 'did', 'not', '.'])
  })

  it.each([
    ['Iran\u00a0protested', ['Iran', 'protested'], [0, 5]],
    ['say “no”', ['say', '"', 'no', '"'], [0, 4, 5, 7]],
    ['a\n\n b', ['a', '\n\n', 'b'], [0, 1, 4]],
  ])('locates token strings in %j', (text, values, starts) => {
    expect(locateTokens(text, values).starts).toEqual(starts)
  })

  it('runs as a stage after the sentences', () => {
    const text = 'Iran protested.\nCanada did not.'
    const article = { id: 'a', text } as Article
    const doc: Doc = { article, sentences: segment(text), problems: [] }
    const out = runStages(doc, [tokenizeStage], {})
    expect(out.tokens?.filter((t) => t.sentence === 1).map((t) => t.norm)).toEqual([
      'canada',
      'did',
      'not',
      '.',
    ])
  })

  it('counts tokens with the bare tokenizer', () => {
    expect(bareTokenize('Iran protested.')).toBe(3)
  })
})
