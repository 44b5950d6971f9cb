/**
 * The queue past one machine, with real servers (Debian's redis-server and PostgreSQL, started
 * on free ports by test/helpers/servers.ts): `dyad ingest --queue` enqueues generated articles,
 * two `dyad worker`s store them in PostgreSQL, one is killed with SIGKILL mid-run and a third
 * takes over. Every article must be stored exactly once, with the event mentions and events a
 * single-process SQLite ingest of the same articles gives. Skips, saying why, where the servers
 * are not installed; `.ci/run` installs them.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Queue } from 'bullmq'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus, toJsonlRecord } from '../../bench/generate-corpus.js'
import { QUEUE_NAME, redisClient } from '../../src/queue/connection.js'
import { CLI_PATH, REPO_ROOT, linesOf, makeTempDir, runCli } from '../helpers/run-cli.js'
import { serversMissing, startPostgres, startRedis, type TestServer } from '../helpers/servers.js'
import { INTRODUCES_BOADU, NAMES_BOADU, type CodedLine } from '../helpers/learned-articles.js'

const ARTICLES = 200
const missing = serversMissing()
if (missing !== null) console.warn(`queue tests ${missing}`)

/** A running `dyad worker` and everything it printed so far. */
interface WorkerRun {
  readonly child: ChildProcess
  stdout: string
  stderr: string
  readonly exited: Promise<number | null>
}

function startWorkerProcess(queue: string, db: string): WorkerRun {
  const args = ['worker', '--queue', queue, '--db', db, '--workers', '1', '--stall-ms', '1000', '--log-stored']
  const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: REPO_ROOT })
  const run: WorkerRun = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  }
  child.stdout!.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()))
  return run
}

/** Poll until `check` is true, or fail after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Wait until the queue has no job waiting or running; resolves with the number that failed. */
async function drained(url: string, what: string): Promise<number> {
  const redisConnection = redisClient(url)
  const queue = new Queue(QUEUE_NAME, { connection: redisConnection })
  try {
    await until(async () => {
      const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized')
      return Object.values(counts).every((n) => n === 0)
    }, 120_000, what)
    return (await queue.getJobCounts('failed')).failed ?? 0
  } finally {
    await queue.close()
    redisConnection.disconnect()
  }
}

const storedIds = (run: WorkerRun): string[] =>
  linesOf(run.stdout).filter((l) => l.startsWith('stored ')).map((l) => l.slice('stored '.length))

describe.skipIf(missing !== null)('dyad ingest --queue and dyad worker', () => {
  const temp = makeTempDir('dyad-queue-')
  const corpus = join(temp.dir, 'corpus.jsonl')
  const reference = join(temp.dir, 'reference.db')
  let postgres: TestServer
  let redis: TestServer
  let client: pg.Client
  const workers: WorkerRun[] = []

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    client = new pg.Client({ connectionString: postgres.url })
    await client.connect()
    const generated = generateCorpus({ articles: ARTICLES, seed: 11, idPrefix: 'queue' })
    writeFileSync(corpus, generated.map((g) => `${toJsonlRecord(g)}\n`).join(''))
    const single = await runCli(['ingest', corpus, '--db', reference, '--workers', '1', '--quiet'])
    expect(single.code).toBe(0)
  }, 120_000)

  afterAll(async () => {
    for (const run of workers) if (run.child.exitCode === null) run.child.kill('SIGKILL')
    await client?.end()
    await Promise.all([postgres?.stop(), redis?.stop()])
    temp.remove()
  })

  it('stores every article exactly once though a worker is killed mid-run', async () => {
    const enqueued = await runCli(['ingest', corpus, '--queue', redis.url])
    expect(enqueued.code).toBe(0)
    expect(enqueued.stderr).toContain(`queued ${ARTICLES} articles`)

    workers.push(startWorkerProcess(redis.url, postgres.url), startWorkerProcess(redis.url, postgres.url))
    const [killed] = workers as [WorkerRun, WorkerRun]
    await until(() => storedIds(killed).length >= 10, 90_000, 'the first worker to store 10 articles')
    killed.child.kill('SIGKILL')
    expect(await killed.exited).toBe(null)
    workers.push(startWorkerProcess(redis.url, postgres.url))

    expect(await drained(redis.url, 'the queue to drain')).toBe(0)
    // The survivors stop cleanly on SIGTERM.
    for (const run of workers.slice(1)) run.child.kill('SIGTERM')
    for (const run of workers.slice(1)) {
      expect(await run.exited).toBe(0)
      expect(run.stderr).toContain('worker: stopped')
    }

    // Each article was committed once: no id is reported stored twice, by any worker.
    const reported = workers.flatMap(storedIds)
    expect(reported.length).toBe(ARTICLES)
    expect(new Set(reported).size).toBe(ARTICLES)
    expect(storedIds(workers[1]!).length + storedIds(workers[2]!).length).toBeGreaterThan(0)

    const count = async (table: string): Promise<number> =>
      Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
    const sqlite = new BetterSqlite3(reference, { readonly: true })
    const expected = (table: string): number =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    try {
      expect(await count('articles')).toBe(ARTICLES)
      expect(await count('event_mentions')).toBe(expected('event_mentions'))
      expect(await count('events')).toBe(expected('events'))
      expect(await count('problems')).toBe(expected('problems'))
    } finally {
      sqlite.close()
    }
  }, 300_000)

  it('lists the same event mentions from PostgreSQL as from the SQLite store', async () => {
    const [fromPostgres, fromSqlite] = await Promise.all([
      runCli(['events', '--db', postgres.url, '--format', 'jsonl']),
      runCli(['events', '--db', reference, '--format', 'jsonl']),
    ])
    expect(fromPostgres.code).toBe(0)
    expect(linesOf(fromPostgres.stdout).length).toBeGreaterThan(ARTICLES)
    expect(fromPostgres.stdout).toBe(fromSqlite.stdout)
  })

  it('enqueueing the same articles again stores nothing new', async () => {
    const again = await runCli(['ingest', corpus, '--queue', redis.url])
    expect(again.code).toBe(0)
    const run = startWorkerProcess(redis.url, postgres.url)
    workers.push(run)
    await drained(redis.url, 'the queue to drain again')
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(storedIds(run)).toEqual([])
    expect(run.stderr).toMatch(/already stored/)
    expect(Number((await client.query('SELECT count(*) AS n FROM articles')).rows[0].n)).toBe(ARTICLES)
  }, 180_000)

  it('resolves a surname a worker learned in an earlier run, as ingest does', async () => {
    const drain = async (file: string, name: string): Promise<void> => {
      writeFileSync(join(temp.dir, `${name}.txt`), file)
      expect((await runCli(['ingest', join(temp.dir, `${name}.txt`), '--queue', redis.url])).code).toBe(0)
      const run = startWorkerProcess(redis.url, postgres.url)
      workers.push(run)
      await until(() => storedIds(run).includes(name), 60_000, `a worker to store ${name}`)
      run.child.kill('SIGTERM')
      expect(await run.exited).toBe(0)
    }
    await drain(INTRODUCES_BOADU, 'first')
    await drain(NAMES_BOADU, 'second')
    const events = await runCli(['events', '--db', postgres.url, '--format', 'jsonl'])
    const meet = linesOf(events.stdout)
      .map((line) => JSON.parse(line) as CodedLine)
      .find((e) => e.article === 'second' && e.type === 'meet')
    expect(meet?.source).toMatchObject({ country: 'GHA', person: 'Kwame Asante Boadu' })
    expect(meet?.why).toContain('learned from article first')
  }, 180_000)

  it('stops cleanly when asked to while it is still starting', async () => {
    const args = ['worker', '--queue', redis.url, '--db', postgres.url, '--workers', '1']
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: REPO_ROOT })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    await until(() => stderr.includes('worker: starting'), 30_000, 'the worker to start')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toContain('worker: stopped; 0 articles stored')
  }, 60_000)
})

describe('dyad worker usage', () => {
  it('says it cannot reach Redis, without a stack trace', async () => {
    const temp = makeTempDir('dyad-queue-usage-')
    try {
      const run = await runCli(['ingest', 'examples/articles', '--queue', 'redis://127.0.0.1:1'])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('error [E_QUEUE]')
      expect(run.stderr).not.toMatch(/^\s+at /m)
    } finally {
      temp.remove()
    }
  }, 30_000)

  it('refuses a --queue that is not a redis:// URL', async () => {
    const run = await runCli(['ingest', 'examples/articles', '--queue', 'http://example.org'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('not a redis:// URL')
  })
})
