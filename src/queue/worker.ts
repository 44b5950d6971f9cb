/**
 * `dyad worker`: take articles off the queue, run the pipeline (in `workers` threads), store
 * each one in its own transaction. Many workers on many machines may share one queue and one
 * store. A worker killed mid-job loses nothing: the job's lock runs out, another worker's stalled
 * check puts the job back, and the store's content-hash check makes the second save of an
 * article that was committed just before the kill a no-op. So each article is stored once.
 */
import { Worker, type Job } from 'bullmq'
import type { Doc } from '../doc.js'
import { isCodable } from '../ingest/check-article.js'
import { PipelinePool } from '../parallel/pipeline-pool.js'
import { processArticle } from '../pipeline.js'
import { loadResources, type Resources } from '../resources.js'
import { PeopleRegistry } from '../actors/learned-people.js'
import type { DocWriter } from '../store/open-writer.js'
import { QUEUE_NAME, redisClient, waitForRedis } from './connection.js'
import type { ArticleJob } from './job.js'

export interface WorkerOptions {
  /** redis://HOST:PORT */
  readonly queue: string
  /** Pipeline threads; 1 runs the pipeline in this thread. */
  readonly workers: number
  /**
   * How long a job's lock lasts without renewal, and how often stalled jobs are looked for: a
   * killed worker's job is taken up again after at most about twice this. BullMQ's default is
   * 30 s.
   */
  readonly stallMs: number
  /** Print `stored <id>` on stdout after each commit. */
  readonly logStored?: boolean
  /** Lines for stderr. */
  readonly log: (line: string) => void
}

/** What a worker did, for its last line. */
export interface WorkerTally {
  stored: number
  duplicates: number
  skipped: number
}

/** A running worker; `stop` finishes the jobs in hand and closes everything. */
export interface RunningWorker {
  readonly tally: WorkerTally
  stop(): Promise<void>
}

/** Times a job may stall (its worker killed) before it counts as failed. */
const MAX_STALLED = 5

/**
 * Start consuming the queue into `writer`.
 * @example const worker = await startWorker(writer, { queue: 'redis://127.0.0.1:6379', ... })
 */
export async function startWorker(writer: DocWriter, opts: WorkerOptions): Promise<RunningWorker> {
  const tally: WorkerTally = { stored: 0, duplicates: 0, skipped: 0 }
  // People the store learned before this worker started resolve bare names ("Botchway"), as in
  // `dyad ingest`; what this worker learns serves the workers started after it.
  const registry = new PeopleRegistry(await writer.learned())
  const pool = opts.workers > 1 ? await PipelinePool.start(opts.workers, registry.people) : null
  const loaded = pool === null ? await loadResources() : null
  const resources = loaded ? { ...loaded, registry } : null
  const process_ = async (job: Job<ArticleJob>): Promise<string> => {
    const { article, problems } = job.data
    const coded = await runPipeline(article, pool, resources)
    if (!coded.ok) {
      // The pipeline is deterministic: trying again would fail again. Skip, as ingest does.
      tally.skipped++
      opts.log(`skipped ${article.origin} (article ${article.id}): the pipeline failed (${coded.message.slice(0, 200)}); please report this input`)
      return 'skipped'
    }
    const doc: Doc = { ...coded.doc, problems: [...problems, ...coded.doc.problems] }
    // A store failure throws: BullMQ tries the job again later (attempts, backoff).
    const result = await writer.save(doc)
    if (result.stored) {
      tally.stored++
      if (opts.logStored === true) process.stdout.write(`stored ${article.id}\n`)
    } else tally.duplicates++
    return result.stored ? 'stored' : 'duplicate'
  }
  const redis = redisClient(opts.queue)
  const worker = new Worker<ArticleJob, string>(QUEUE_NAME, process_, {
    connection: redis,
    // Enough jobs in hand to keep every pipeline thread busy while one is being saved.
    concurrency: pool === null ? 1 : opts.workers * 2,
    lockDuration: opts.stallMs,
    stalledInterval: opts.stallMs,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  })
  worker.on('failed', (job, error) => {
    opts.log(`retry ${job?.data.article.id ?? '?'}: ${error.message.split('\n')[0]}`)
  })
  // Connection trouble after start: said once per kind, the worker keeps trying.
  const said = new Set<string>()
  worker.on('error', (error) => {
    if (said.has(error.message)) return
    said.add(error.message)
    opts.log(`queue: ${error.message}`)
  })
  try {
    await waitForRedis(worker, redis, opts.queue)
  } catch (error) {
    await worker.close(true)
    redis.disconnect()
    await pool?.close()
    throw error
  }
  void worker.run()
  return {
    tally,
    async stop() {
      await worker.close()
      redis.disconnect()
      await pool?.close()
    },
  }
}

type Coded = { ok: true; doc: Doc } | { ok: false; message: string }

async function runPipeline(
  article: ArticleJob['article'],
  pool: PipelinePool | null,
  resources: Resources | null,
): Promise<Coded> {
  if (!isCodable(article)) return { ok: true, doc: { article, eventMentions: [], problems: [] } }
  if (pool !== null) {
    const answer = await pool.run(article)
    if (answer.kind === 'failed') return { ok: false, message: `${answer.name}: ${answer.message}` }
    return { ok: true, doc: { article, eventMentions: answer.eventMentions, problems: answer.problems } }
  }
  try {
    return { ok: true, doc: processArticle(article, resources!) }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { ok: false, message }
  }
}
