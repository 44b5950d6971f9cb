/**
 * The article queue past one machine: BullMQ on Redis. `dyad ingest --queue redis://HOST`
 * reads and checks articles and enqueues them; `dyad worker --queue redis://HOST --db ...`
 * runs the pipeline on them and stores them, on as many machines as there are workers.
 */
import { Redis } from 'ioredis'
import { DyadError } from '../errors.js'

/** The BullMQ queue of articles. */
export const QUEUE_NAME = 'dyad-articles'

/** The job name of one article. */
export const ARTICLE_JOB = 'article'

/**
 * A Redis client for BullMQ (workers need `maxRetriesPerRequest: null`). BullMQ loads no Redis
 * client itself under ESM, so it gets this one; the caller quits it after closing the queue.
 * @example const redis = redisClient('redis://:secret@queue.example:6380/2')
 */
export function redisClient(url: string): Redis {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new DyadError('E_USAGE', `--queue "${url}" is not a URL like redis://HOST:6379`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new DyadError('E_USAGE', `--queue "${url}" is not a redis:// URL`)
  }
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false })
  // Connection trouble is reported by waitForRedis (with the last error) and BullMQ's 'error'
  // events, not thrown.
  redis.on('error', (error: Error) => lastErrors.set(redis, error.message))
  return redis
}

/** The last connection error of each client, for the message when Redis cannot be reached. */
const lastErrors = new WeakMap<Redis, string>()

/** A URL fit for messages: the password replaced by ***. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@')
}

/** How long to wait for Redis before saying it cannot be reached. */
export const CONNECT_TIMEOUT_MS = 10_000

/** Wait for a BullMQ client to be connected, or fail with E_QUEUE naming the URL. */
export async function waitForRedis(
  client: { waitUntilReady(): Promise<unknown> },
  redis: Redis,
  url: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const last = lastErrors.get(redis)
      const detail = `no answer from Redis at ${redactRedisUrl(url)} in ${CONNECT_TIMEOUT_MS / 1000} s`
      reject(new DyadError('E_QUEUE', last === undefined ? detail : `${detail} (${last})`))
    }, CONNECT_TIMEOUT_MS)
  })
  try {
    await Promise.race([client.waitUntilReady(), timeout])
  } finally {
    clearTimeout(timer)
  }
}
