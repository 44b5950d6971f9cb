import { describe, expect, it } from 'vitest'

import { hashText } from '../compose-article.js'
import { readText } from './text.js'

/** The article of a text that must read, or a failed test. */
function articleOf(content: string, origin = 'fixtures/sample.txt', markdown = false) {
  const outcome = readText(content, origin, { markdown })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.article
}

describe('readers/text', () => {
  it('takes the first line as title and lays out title, blank line, paragraphs', () => {
    const content = 'Chile and Peru reopen talks\n\nThe ministers met.\nThey will meet again.\n'
    const article = articleOf(content)
    expect(article).toMatchObject({
      id: 'sample',
      title: 'Chile and Peru reopen talks',
      text: 'Chile and Peru reopen talks\n\nThe ministers met.\n\nThey will meet again.',
      origin: 'fixtures/sample.txt',
      url: null,
      outlet: null,
    })
    expect(article.contentHash).toBe(hashText(article.text))
  })

  it.each([
    ['a date line under the title', 'November 20, 2024 - 22:38\n\nThe envoy came.', '2024-11-20'],
    ['a dateline with its year', 'LIMA, Nov 20, 2024 (Reuters) - The envoy arrived.', '2024-11-20'],
    ['a dateline without a year', 'LIMA, Nov 20 (Reuters) - The envoy arrived.', null],
    [
      'a dateline whose year comes from a dated URL',
      'LIMA, Nov 20 (Reuters) - The envoy arrived.\n\nLink: https://example.org/2024/11/20/lima',
      '2024-11-20',
    ],
    ['a labelled date line', 'Published: 2024-11-20\nThe envoy arrived.', '2024-11-20'],
    ['no date at all', 'The envoy arrived on Friday.', null],
    ['a date only in a sentence', 'The envoy arrived on November 20, 2024 for talks.', null],
  ])('dates an article with %s', (_, body, expected) => {
    const article = articleOf(`Talks in Lima\n\n${body}`)
    expect(article.publishedOn).toBe(expected)
    expect(article.publishedBasis).toBe(expected === null ? null : 'dateline')
  })

  it('joins hard-wrapped lines into one paragraph', () => {
    const content = [
      'FRANCE PROTESTS OVER FISHING BAN',
      '',
      'PARIS, March 18 - France today protested over the decision to close',
      'the ports to French fishing boats and to bar further fishing off the',
      'coast, the foreign ministry said.',
    ].join('\n')
    expect(articleOf(content).text.split('\n\n')).toEqual([
      'FRANCE PROTESTS OVER FISHING BAN',
      'PARIS, March 18 - France today protested over the decision to close the ports to French' +
        ' fishing boats and to bar further fishing off the coast, the foreign ministry said.',
    ])
  })

  it('skips menu clutter above the title and drops a repeated title', () => {
    const content = 'Home | World | Politics\n\nTalks in Lima\n\nTalks in Lima\n\nThe envoy came.'
    expect(articleOf(content)).toMatchObject({
      title: 'Talks in Lima',
      text: 'Talks in Lima\n\nThe envoy came.',
    })
  })

  it('has no title when the first line is a long paragraph', () => {
    const content = [
      'The envoy of Chile arrived in Lima on Monday for talks with the foreign minister of Peru',
      'about fishing rights, border trade, river transport, a new railway line and the power grid',
      'that the two governments have discussed for many years without reaching a deal.',
    ].join(' ')
    expect(articleOf(content)).toMatchObject({ title: null, text: content })
  })

  it('strips Markdown marks', () => {
    const content = '# Envoys meet in **Hanoi**\n\nThey met in [Hanoi](https://example.org/h).'
    expect(articleOf(content, 'notes.md', true)).toMatchObject({
      id: 'notes',
      title: 'Envoys meet in Hanoi',
      text: 'Envoys meet in Hanoi\n\nThey met in Hanoi.',
    })
  })

  it.each([
    ['an empty text', ''],
    ['only whitespace', '  \n\n \t\n'],
  ])('refuses %s', (_, content) => {
    expect(readText(content, 'x.txt')).toEqual({
      ok: false,
      reason: 'empty: the file holds no text',
    })
  })

  it('uses the language detector it is given', () => {
    const detectLanguage = (): string => 'en'
    const outcome = readText('Talks in Lima\n\nThe envoy arrived.', 'x.txt', { detectLanguage })
    expect(outcome.ok && outcome.article.language).toBe('en')
  })
})
