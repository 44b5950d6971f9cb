/**
 * How many pipeline threads a run gets when `--workers` is not given: one per core, but only
 * as many as the inputs keep busy. A thread costs about a second of CPU (and some 120 MB) to
 * start, even with the dictionaries and the language detector handed over by the main thread,
 * and saving stays on the main thread, so it pays off only over a few thousand articles; a
 * smaller run stays in one thread.
 */
import { countInputs } from '../ingest/count-inputs.js'
import { defaultWorkers } from './pipeline-pool.js'

/**
 * Articles that make a second thread worth its start. Measured with bench/parallel.ts on two
 * cores (24 Nov 2026): at 2,000 articles two threads were no faster than one, at 4,000 they were
 * 1.2× faster, at 10,000 1.55×.
 */
export const ARTICLES_PER_THREAD = 1000

/**
 * @example await autoWorkers(['examples/articles']) -> 1
 *   await autoWorkers(['corpus-2000.jsonl']) -> 2 (on two cores; 1 below 2,000 articles)
 */
export async function autoWorkers(paths: readonly string[], cores = defaultWorkers()): Promise<number> {
  const articles = await countInputs(paths)
  return Math.max(1, Math.min(cores, Math.floor(articles / ARTICLES_PER_THREAD)))
}
