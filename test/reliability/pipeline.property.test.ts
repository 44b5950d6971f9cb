/**
 * issue-8: the whole pipeline, with the real dictionaries, on random text mixed with real names:
 * it never throws, and every event mention cites exactly the text its span points to.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Doc } from '../../src/doc.js'
import { processArticle } from '../../src/pipeline.js'
import { loadResources, type Resources } from '../../src/resources.js'
import { makeArticle } from '../helpers/make-article.js'
import { isoDay, isValidDay, newsText } from './arbitraries.js'

/** Sentences the coder codes, so the random text around them reaches every stage. */
const CODED = [
  'Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday.',
  'Venezuelan President Nicolás Maduro received the Iranian foreign minister in Caracas.',
  'Belarus and Iran signed an agreement on military cooperation in Minsk on Monday.',
  'Chile criticised Peru over the new fishing rules.',
  'The two countries will hold talks next week.',
]

const articleText = fc
  .array(fc.oneof(newsText(12), fc.constantFrom(...CODED), fc.constantFrom('\n', '\n\n')), {
    maxLength: 14,
  })
  .map((parts) => parts.join(' '))

/** What every processed Doc must satisfy. */
function expectConsistent(doc: Doc): void {
  const { text, id } = doc.article
  const sentences = doc.sentences ?? []
  for (const mention of doc.mentions ?? []) {
    expect(mention.span[0]).toBeGreaterThanOrEqual(0)
    expect(mention.span[1]).toBeLessThanOrEqual(text.length)
  }
  for (const e of doc.eventMentions ?? []) {
    const [start, end] = e.span
    expect(e.article).toBe(id)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeGreaterThan(start)
    expect(end).toBeLessThanOrEqual(text.length)
    expect(e.evidence).toBe(text.slice(start, end))
    const sentence = sentences[e.sentence]
    expect(sentence, `sentence ${e.sentence}`).toBeDefined()
    expect(start).toBeGreaterThanOrEqual(sentence!.span[0])
    expect(end).toBeLessThanOrEqual(sentence!.span[1])
    if (e.date !== null) expect(isValidDay(e.date), e.date).toBe(true)
    expect(e.confidence).toBeGreaterThanOrEqual(0)
    expect(e.confidence).toBeLessThanOrEqual(1)
  }
}

describe('issue-8: the pipeline on random text with real names', () => {
  let resources: Resources
  beforeAll(async () => {
    resources = await loadResources()
  })

  it('never throws, and every evidence is article.text.slice(span)', () => {
    let coded = 0
    fc.assert(
      fc.property(articleText, fc.oneof(isoDay, fc.constant(null)), (text, publishedOn) => {
        const doc = processArticle(makeArticle(text, publishedOn, 'random'), resources)
        expectConsistent(doc)
        coded += doc.eventMentions?.length ?? 0
      }),
      { numRuns: 200 },
    )
    // The property only means something if the coder found events along the way.
    expect(coded).toBeGreaterThan(0)
  })
})
