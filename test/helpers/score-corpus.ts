/**
 * Score a gold file in-process, the way `dyad eval GOLD --articles PATH...` does: read the
 * articles, run the pipeline on each, and match the event mentions against the gold events.
 */
import { readFileSync } from 'node:fs'
import type { EventMention } from '../../src/doc.js'
import { parseGold } from '../../src/eval/gold.js'
import { scoreArticles, type EvalReport } from '../../src/eval/score.js'
import { readInputs } from '../../src/ingest/read-inputs.js'
import { processArticle } from '../../src/pipeline.js'
import { loadResources } from '../../src/resources.js'

export interface CorpusScore {
  readonly report: EvalReport
  /** Inputs that gave no article, as `origin: reason` (a broken corpus should not pass silently). */
  readonly skipped: readonly string[]
}

/**
 * @example await scoreCorpus('../shared/corpus/dev/gold.jsonl', ['../shared/corpus/dev/articles.jsonl'])
 *   -> { report: { overall: { precision: 0.587, recall: 0.332, ... }, ... }, skipped: [] }
 */
export async function scoreCorpus(
  goldPath: string,
  articlePaths: readonly string[],
): Promise<CorpusScore> {
  const gold = parseGold(readFileSync(goldPath, 'utf8'), goldPath)
  const resources = await loadResources()
  const extracted = new Map<string, EventMention[]>()
  const skipped: string[] = []
  for await (const result of readInputs([...articlePaths])) {
    if (!result.ok) {
      skipped.push(`${result.origin}: ${result.reason}`)
      continue
    }
    const doc = processArticle(result.article, resources)
    extracted.set(doc.article.id, [...(doc.eventMentions ?? [])])
  }
  return { report: scoreArticles(gold, extracted), skipped }
}
