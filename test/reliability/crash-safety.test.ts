/**
 * issue-8: `kill -9` during `dyad ingest` loses no article that was reported stored, leaves the
 * database consistent, and the next run stores exactly the articles still missing. Spawns the
 * built CLI (dist/), so `npm run build` must have run.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CLI_PATH,
  REPO_ROOT,
  linesOf,
  makeTempDir,
  runCli,
  type CliRun,
} from '../helpers/run-cli.js'
import { generateArticles, type GeneratedArticles } from './generate-articles.js'

/** Kill the first run after this many articles were reported stored (of 300). */
const KILL_AFTER = 60

/** What a store holds, article by article. */
interface StoreState {
  readonly integrity: string
  readonly ftsIntegrity: string
  readonly foreignKeyErrors: number
  /** Event mentions and problems per stored article id. */
  readonly articles: ReadonlyMap<string, { mentions: number; problems: number }>
  readonly articleRows: number
}

function readStore(file: string): StoreState {
  const db = new Database(file)
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    let ftsIntegrity = 'ok'
    try {
      db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run()
    } catch (error) {
      ftsIntegrity = (error as Error).message
    }
    const foreignKeyErrors = (db.pragma('foreign_key_check') as unknown[]).length
    const rows = db
      .prepare(
        `SELECT a.id AS id,
           (SELECT count(*) FROM event_mentions e WHERE e.article_id = a.id) AS mentions,
           (SELECT count(*) FROM problems p WHERE p.article_id = a.id) AS problems
         FROM articles a`,
      )
      .all() as { id: string; mentions: number; problems: number }[]
    const articles = new Map(
      rows.map((r) => [r.id, { mentions: r.mentions, problems: r.problems }]),
    )
    return { integrity, ftsIntegrity, foreignKeyErrors, articles, articleRows: rows.length }
  } finally {
    db.close()
  }
}

/** What a killed run printed: the ids it reported stored, and how it ended. */
interface KilledRun {
  readonly storedIds: readonly string[]
  readonly signal: NodeJS.Signals | null
  readonly stderr: string
}

/**
 * Run `dyad ingest --log-stored` and SIGKILL it once `killAfter` articles were reported stored.
 * Every line that reaches us before the process is gone counts: each was printed after a commit.
 */
function ingestUntilKilled(folder: string, db: string, killAfter: number): Promise<KilledRun> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [CLI_PATH, 'ingest', folder, '--db', db, '--log-stored'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const stored = stdout.split('\n').filter((line) => line.startsWith('stored ')).length
      if (stored >= killAfter && child.exitCode === null) child.kill('SIGKILL')
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (_, signal) => {
      const storedIds = linesOf(stdout)
        .filter((line) => line.startsWith('stored '))
        .map((line) => line.slice('stored '.length))
      done({ storedIds, signal, stderr })
    })
  })
}

const storedIdsOf = (run: CliRun): string[] =>
  linesOf(run.stdout)
    .filter((line) => line.startsWith('stored '))
    .map((line) => line.slice('stored '.length))

describe('issue-8: kill -9 during dyad ingest', () => {
  const temp = makeTempDir('dyad-crash-')
  afterAll(() => temp.remove())
  const db = join(temp.dir, 'killed.db')
  const referenceDb = join(temp.dir, 'reference.db')
  let articles: GeneratedArticles
  let reference: StoreState
  let killed: KilledRun
  let afterKill: StoreState
  let resumed: CliRun
  let final: StoreState

  beforeAll(async () => {
    articles = generateArticles(join(temp.dir, 'articles'), 250, 50)
    // An uninterrupted run, alongside, gives the expected event mentions and problems of each.
    const referenceRun = runCli(['ingest', articles.folder, '--db', referenceDb])
    killed = await ingestUntilKilled(articles.folder, db, KILL_AFTER)
    afterKill = readStore(db)
    resumed = await runCli(['ingest', articles.folder, '--db', db, '--log-stored'])
    final = readStore(db)
    const { code, stderr } = await referenceRun
    expect(code, stderr).toBe(0)
    reference = readStore(referenceDb)
  }, 120_000)

  it('really killed the first run part of the way through', () => {
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.storedIds.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(afterKill.articleRows).toBeLessThan(articles.ids.length)
    expect(reference.articleRows).toBe(articles.ids.length)
  })

  it('keeps every article it reported stored, with all its event mentions and problems', () => {
    for (const id of killed.storedIds) {
      expect(afterKill.articles.get(id), id).toEqual(reference.articles.get(id))
    }
  })

  it('leaves no half-written article: each stored row has exactly its event mentions', () => {
    for (const [id, counts] of afterKill.articles) {
      expect(counts, id).toEqual(reference.articles.get(id))
    }
  })

  it('leaves the database consistent (integrity, foreign keys, full-text index)', () => {
    expect(afterKill.integrity).toBe('ok')
    expect(afterKill.foreignKeyErrors).toBe(0)
    expect(afterKill.ftsIntegrity).toBe('ok')
  })

  it('resumes: the next run stores exactly the missing articles, without duplicates', () => {
    expect(resumed.code, resumed.stderr).toBe(0)
    const missing = articles.ids.filter((id) => !afterKill.articles.has(id))
    expect(storedIdsOf(resumed).sort()).toEqual(missing.sort())
    expect(resumed.stderr).toContain(`${afterKill.articleRows} already stored`)
    expect(final.articleRows).toBe(articles.ids.length)
    expect([...final.articles.keys()].sort()).toEqual([...articles.ids].sort())
    expect(final.integrity).toBe('ok')
    expect(final.ftsIntegrity).toBe('ok')
    for (const [id, counts] of final.articles)
      expect(counts, id).toEqual(reference.articles.get(id))
  })
})
