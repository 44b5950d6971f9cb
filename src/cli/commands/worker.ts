/**
 * `dyad worker --queue redis://HOST --db postgres://...`: process queued articles until stopped.
 * SIGINT or SIGTERM finishes the articles in hand, then closes the queue and the store; what
 * was not started stays queued for the other workers.
 */
import { defaultWorkers } from '../../parallel/pipeline-pool.js'
import { redactRedisUrl } from '../../queue/connection.js'
import { startWorker } from '../../queue/worker.js'
import { openWriter } from '../../store/open-writer.js'

export interface WorkerCommandOptions {
  readonly queue: string
  readonly db: string
  /** Pipeline threads; one per core when not given. */
  readonly workers?: number
  readonly stallMs: number
  readonly logStored?: boolean
  readonly quiet?: boolean
}

/** Run until SIGINT/SIGTERM; resolves after a clean stop. */
export async function workerCommand(opts: WorkerCommandOptions): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  // Listen before starting: loading the dictionaries takes seconds, and a stop asked for then
  // must still be a clean one (the worker starts, takes nothing, and stops).
  const stopAsked = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  if (opts.quiet !== true) log('worker: starting (loading the dictionaries)')
  const writer = await openWriter(opts.db)
  try {
    const worker = await startWorker(writer, { ...opts, workers: opts.workers ?? defaultWorkers(), log })
    if (opts.quiet !== true) {
      log(`worker: taking articles from ${redactRedisUrl(opts.queue)} into ${writer.name} (stop with Ctrl-C)`)
    }
    await stopAsked
    await worker.stop()
    const { stored, duplicates, skipped } = worker.tally
    if (opts.quiet !== true) {
      log(`worker: stopped; ${stored} articles stored` +
        (duplicates ? `, ${duplicates} already stored` : '') +
        (skipped ? `, ${skipped} skipped` : ''))
    }
  } finally {
    await writer.close()
  }
}
