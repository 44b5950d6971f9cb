/**
 * `dyad eval GOLD.jsonl --articles PATH`: extract events from the articles and score them
 * against the gold file: precision, recall, F1 overall and per type, every miss and false positive.
 */
import { readFileSync, existsSync } from 'node:fs'
import type { EventMention } from '../../doc.js'
import { DyadError } from '../../errors.js'
import { parseGold } from '../../eval/gold.js'
import { scoreArticles, type EvalReport } from '../../eval/score.js'
import { formatReport, toJson } from '../../eval/format.js'
import { readDocs, type RunTally } from '../read-docs.js'
import { mergeInArticle, representative } from '../../events/merge-in-article.js'

export interface EvalOptions {
  readonly articles: string[]
  readonly format: 'text' | 'json'
  readonly maxList?: string
  readonly published?: string
}

/** Score extraction against a gold file; prints the report and returns it. */
export async function evalCommand(goldPath: string, opts: EvalOptions): Promise<EvalReport> {
  if (!existsSync(goldPath)) throw new DyadError('E_INPUT_MISSING', `gold file not found: ${goldPath}`)
  const gold = parseGold(readFileSync(goldPath, 'utf8'), goldPath)
  const extracted = new Map<string, EventMention[]>()
  const tally: RunTally = { articles: 0, skipped: 0, undated: 0 }
  // Skipped inputs are named on stderr; notes about undated articles are not news here.
  const log = (line: string) => {
    if (line.startsWith('skipped')) process.stderr.write(`${line}\n`)
  }
  for await (const doc of readDocs(opts.articles, opts, tally, log)) {
    // Score events, not sentences: mentions of one event within the article count once.
    // Only what is stored as events is merged; negated and hypothetical mentions stay apart.
    const scored = (doc.eventMentions ?? []).filter((e) => e.modality === 'asserted' || e.modality === 'planned')
    extracted.set(doc.article.id, mergeInArticle(scored).map(representative))
  }
  if (tally.skipped > 0) process.exitCode = 3
  const report = scoreArticles(gold, extracted)
  if (opts.format === 'json') process.stdout.write(`${toJson(report)}\n`)
  else {
    const maxList = opts.maxList === undefined ? undefined : Number(opts.maxList)
    process.stdout.write(
      `${formatReport(report, { color: process.stdout.isTTY === true, ...(maxList !== undefined ? { maxList } : {}) })}\n`,
    )
  }
  return report
}
