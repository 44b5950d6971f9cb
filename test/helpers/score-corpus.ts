/**
 * Score a gold file with the built `dyad eval --format json`, so the quality ratchet measures
 * exactly what a user's `dyad eval` reports (including how eval merges an article's mentions).
 */
import type { EvalReport } from '../../src/eval/score.js'
import { hasStackTrace, runCli } from './run-cli.js'

/**
 * @example await scoreCorpus('corpus/dev/gold.jsonl', ['corpus/dev/articles.jsonl'])
 *   -> { overall: { precision: 0.778, recall: 0.472, ... }, misses: [...], ... }
 */
export async function scoreCorpus(
  goldPath: string,
  articlePaths: readonly string[],
): Promise<EvalReport> {
  const run = await runCli(['eval', goldPath, '--articles', ...articlePaths, '--format', 'json'])
  if (run.code !== 0 || hasStackTrace(run.stderr)) {
    throw new Error(`dyad eval ${goldPath} exited ${run.code}:\n${run.stderr}`)
  }
  return JSON.parse(run.stdout) as EvalReport
}
