/**
 * `dyad ingest PATH... --queue redis://HOST`: read and check the articles here (skipped inputs
 * are named on stderr as in a local ingest) and enqueue them for `dyad worker`s. No pipeline
 * runs here.
 */
import { Queue } from 'bullmq'
import type { Doc } from '../doc.js'
import { ARTICLE_JOB, QUEUE_NAME, redisClient, waitForRedis } from './connection.js'
import { jobIdOf, type ArticleJob } from './job.js'

/** Jobs sent to Redis in one round trip. */
const BATCH = 500

/** How often a job whose store write failed is tried, with exponential backoff from 1 s. */
const ATTEMPTS = 5

/** Enqueue every Doc (article and reading problems); returns how many were sent. */
export async function enqueueDocs(url: string, docs: AsyncIterable<Doc>): Promise<number> {
  const redis = redisClient(url)
  const queue = new Queue<ArticleJob>(QUEUE_NAME, {
    connection: redis,
    defaultJobOptions: {
      attempts: ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: false,
    },
  })
  try {
    // Errors surface through waitForRedis and the awaited calls; unheard, BullMQ prints them.
    queue.on('error', () => {})
    await waitForRedis(queue, redis, url)
    let sent = 0
    let batch: Doc[] = []
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return
      await queue.addBulk(
        batch.map((doc) => ({
          name: ARTICLE_JOB,
          data: { article: doc.article, problems: doc.problems },
          opts: { jobId: jobIdOf(doc.article) },
        })),
      )
      sent += batch.length
      batch = []
    }
    for await (const doc of docs) {
      batch.push(doc)
      if (batch.length >= BATCH) await flush()
    }
    await flush()
    return sent
  } finally {
    await queue.close()
    redis.disconnect()
  }
}
