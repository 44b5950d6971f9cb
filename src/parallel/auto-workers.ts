/**
 * How many pipeline threads a run gets when `--workers` is not given: one per core, but only
 * as many as the inputs keep busy. A thread costs about a second and a half (and some 400 MB)
 * to load the dictionaries, which pays off only over a few hundred articles; a handful of
 * files runs in one thread, as fast as before.
 */
import { countInputs } from '../ingest/count-inputs.js'
import { defaultWorkers } from './pipeline-pool.js'

/** Articles that make a second thread worth its start. */
export const ARTICLES_PER_THREAD = 200

/**
 * @example await autoWorkers(['examples/articles']) -> 1
 *   await autoWorkers(['corpus-2000.jsonl']) -> 2 (on two cores)
 */
export async function autoWorkers(paths: readonly string[], cores = defaultWorkers()): Promise<number> {
  const articles = await countInputs(paths)
  return Math.max(1, Math.min(cores, Math.floor(articles / ARTICLES_PER_THREAD)))
}
