import { describe, expect, it } from 'vitest'

import { readJsonl, readJsonlLine } from './jsonl.js'

/** One JSONL line for a record. */
const line = (record: Record<string, unknown>): string => JSON.stringify(record)

function articleOf(record: Record<string, unknown>) {
  const outcome = readJsonlLine(line(record), 'batch.jsonl')
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.article
}

describe('readers/jsonl', () => {
  it('lays out exactly title, blank line, text, keeping every character', () => {
    const text = 'Kenya pledged maize to Malawi.  \n\n  The trucks leave next week.\nMore soon.'
    const article = articleOf({ id: 'k1', title: 'Kenya pledges aid', text, published: null })
    expect(article).toMatchObject({
      id: 'k1',
      title: 'Kenya pledges aid',
      text: `Kenya pledges aid\n\n${text}`,
    })
  })

  it('is just the text when the title is null or empty', () => {
    expect(articleOf({ id: 'k2', title: null, text: 'Body.' }).text).toBe('Body.')
    expect(articleOf({ id: 'k3', title: '', text: 'Body.' })).toMatchObject({
      title: null,
      text: 'Body.',
    })
  })

  it('drops whole boilerplate paragraphs only', () => {
    const text = [
      'Kenya pledged maize.  ',
      'Share this article',
      'Related news',
      'Ports strike ends',
      'The trucks left.',
    ].join('\n\n')
    expect(articleOf({ id: 'k4', title: 'T', text }).text).toBe(
      'T\n\nKenya pledged maize.  \n\nThe trucks left.',
    )
  })

  it.each([
    ['2023-03-02', '2023-03-02'],
    ['2023-03-02T23:59:00-05:00', '2023-03-02'],
    [null, null],
    [undefined, null],
  ])('keeps the day of published %j', (published, expected) => {
    const article = articleOf({ id: 'k5', title: 'T', text: 'Body.', published })
    expect(article.publishedOn).toBe(expected)
    expect(article.publishedBasis).toBe(expected === null ? null : 'jsonl')
  })

  it('keeps url and outlet', () => {
    const url = 'https://example.org/a'
    const article = articleOf({ id: 'k6', text: 'Body.', url, outlet: 'Example' })
    expect(article).toMatchObject({ url, outlet: 'Example', origin: 'batch.jsonl' })
  })

  it.each([
    ['{"id": "x", "text": ', /^invalid JSON/],
    ['[1, 2]', /not a JSON object/],
    [line({ title: 'T', text: 'Body.' }), /"id" is required/],
    [line({ id: 'x', title: 'T' }), /"text" must be a string/],
    [
      line({ id: 'x', text: 'Body.', published: 'March 2023' }),
      /"published" must be null or an ISO date/,
    ],
    [line({ id: 'x', text: 'Body.', outlet: 7 }), /"outlet" must be a string or null/],
    [line({ id: 'a\nstored b', text: 'Body.' }), /"id" must not hold control characters/],
  ])('refuses %s', (input, reason) => {
    const outcome = readJsonlLine(input, 'batch.jsonl')
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.reason).toMatch(reason)
  })

  it('turns control characters in the text into spaces, one for one', () => {
    const outcome = readJsonlLine(line({ id: 'x', text: 'Iran\u001b[2J met\u0007 Iraq.' }), 'a')
    expect(outcome.ok && outcome.article.text).toBe('Iran [2J met  Iraq.')
  })

  it('names file:line for a broken line and reads the lines after it', () => {
    const content = [
      line({ id: 'a', text: 'One.' }),
      '{"id": "b", "te',
      '',
      line({ id: 'c', text: 'Three.' }),
    ].join('\n')
    const outcomes = readJsonl(content, 'batch.jsonl')
    expect(outcomes.map((o) => (o.ok ? o.article.id : o.origin))).toEqual([
      'a',
      'batch.jsonl:2',
      'c',
    ])
  })
})
