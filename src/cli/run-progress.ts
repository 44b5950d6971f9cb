/**
 * The progress bar of a command that reads articles: drawn on a terminal unless `--quiet`, with
 * the total counted beside the work so the ETA appears once it is known.
 */
import { countInputs } from '../ingest/count-inputs.js'
import { startProgress, type Progress } from './progress.js'

/** @example const progress = progressFor('ingest', paths, opts.quiet) */
export function progressFor(
  label: string,
  paths: readonly string[],
  quiet = false,
): Progress | undefined {
  if (quiet || process.stderr.isTTY !== true) return undefined
  const progress = startProgress(label)
  void countInputs(paths).then((total) => progress.setTotal(total))
  return progress
}
