/**
 * `dyad extract PATH...`: print event mentions without storing anything.
 */
import type { EventMention } from '../../doc.js'
import { csvHeader, toCsvLine, toJsonLine, toTable, type OutputFormat } from '../format-events.js'
import { autoWorkers } from '../../parallel/auto-workers.js'
import { readDocs, type ReadOptions, type RunTally } from '../read-docs.js'
import { progressFor } from '../run-progress.js'

export interface ExtractOptions extends ReadOptions {
  readonly format: OutputFormat
  readonly all?: boolean
}

/** Run extraction and print; returns the run's tally for the exit code. */
export async function extractCommand(paths: string[], opts: ExtractOptions): Promise<RunTally> {
  const tally: RunTally = { articles: 0, skipped: 0, undated: 0 }
  const kept = (e: EventMention) =>
    opts.all || e.modality === 'asserted' || e.modality === 'planned'
  const table: EventMention[] = []
  if (opts.format === 'csv') process.stdout.write(`${csvHeader()}\n`)
  const progress = progressFor('extract', paths)
  const workers = opts.workers ?? (await autoWorkers(paths))
  for await (const doc of readDocs(paths, { ...opts, workers, progress }, tally)) {
    for (const e of (doc.eventMentions ?? []).filter(kept)) {
      if (opts.format === 'jsonl') process.stdout.write(`${toJsonLine(e)}\n`)
      else if (opts.format === 'csv') process.stdout.write(`${toCsvLine(e)}\n`)
      else table.push(e)
    }
  }
  if (opts.format === 'table') {
    process.stdout.write(`${toTable(table)}\n`)
    process.stderr.write(`${tally.articles} articles, ${table.length} event mentions\n`)
  }
  return tally
}
