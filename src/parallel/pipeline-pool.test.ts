import { afterAll, describe, expect, it } from 'vitest'
import type { Article } from '../doc.js'
import { readInputs } from '../ingest/read-inputs.js'
import { processArticle } from '../pipeline.js'
import { loadResources } from '../resources.js'
import { PipelinePool } from './pipeline-pool.js'

async function exampleArticles(): Promise<Article[]> {
  const articles: Article[] = []
  for await (const result of readInputs(['examples/articles'])) {
    if (result.ok) articles.push(result.article)
  }
  return articles
}

describe('PipelinePool', () => {
  const starting = PipelinePool.start(2)
  afterAll(async () => (await starting).close())

  it('answers each article with what processArticle gives in this thread', async () => {
    const articles = await exampleArticles()
    const resources = await loadResources()
    const pool = await starting
    const answers = await Promise.all(articles.map((article) => pool.run(article)))
    expect(answers.length).toBe(articles.length)
    answers.forEach((answer, i) => {
      const here = processArticle(articles[i]!, resources)
      expect(answer.kind).toBe('done')
      if (answer.kind !== 'done') return
      expect(answer.eventMentions).toEqual(here.eventMentions)
      expect(answer.problems).toEqual(here.problems)
    })
  }, 60_000)
})
