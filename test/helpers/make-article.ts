import { createHash } from 'node:crypto'
import type { Article } from '../../src/doc.js'

/** A hand-made article for stage tests. @example makeArticle('Iran protested.', '2024-01-02') */
export function makeArticle(text: string, publishedOn: string | null = null, id = 'test'): Article {
  return {
    id,
    title: null,
    text,
    publishedOn,
    publishedBasis: publishedOn ? 'option' : null,
    url: null,
    outlet: null,
    language: 'en',
    origin: `${id}.txt`,
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
}
