/**
 * `dyad dyad` and `dyad export` as a user meets them: the built binary on a store of
 * examples/articles. Needs `npm run build` (npm test runs it first).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DyadSummary } from '../../src/analytics/dyad-summary.js'
import { parseCsv } from '../helpers/parse-csv.js'
import {
  EXAMPLE_ARTICLES,
  hasStackTrace,
  linesOf,
  makeTempDir,
  runCli,
} from '../helpers/run-cli.js'

const temp = makeTempDir('dyad-cli-dyad-')
const db = join(temp.dir, 'store.db')
afterAll(() => temp.remove())

beforeAll(async () => {
  const run = await runCli(['ingest', ...EXAMPLE_ARTICLES, '--db', db, '--quiet'])
  expect(run.code, run.stderr).toBe(0)
})

describe('dyad dyad', () => {
  it('prints totals, a sparkline per measure and a table of months', async () => {
    const run = await runCli(['dyad', 'IRN', 'VEN', '--db', db])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^IRN–VEN: \d+ events \(\d+ mentions in \d+ articles\)/)
    expect(run.stdout).toMatch(/^events\/month +[▁▂▃▄▅▆▇█ ]+ /m)
    expect(run.stdout).toMatch(/^Goldstein\/month +[▁▂▃▄▅▆▇█ ]+ /m)
    expect(run.stdout).toMatch(/^month +events +q1 +q2 +q3 +q4 +Goldstein +mean +types$/m)
    expect(run.stdout).toMatch(/^2023-02 +\d+/m)
    expect(run.stdout).toMatch(/^first +\d{4}-\d{2}-\d{2}/m)
  })

  it('gives the same data as JSON, whichever way the pair is written', async () => {
    const [ab, ba] = await Promise.all([
      runCli(['dyad', 'IRN', 'VEN', '--db', db, '--format', 'json']),
      runCli(['dyad', 'ven', 'irn', '--db', db, '--format', 'json']),
    ])
    const summary = JSON.parse(ab.stdout) as DyadSummary
    const reversed = JSON.parse(ba.stdout) as DyadSummary
    expect(summary.totals.events).toBeGreaterThan(0)
    expect(reversed.totals).toEqual(summary.totals)
    expect(reversed.months).toEqual(summary.months)
    expect(summary.months.map((m) => m.month)).toContain('2023-02')
  })

  it('says so when a dyad has no events', async () => {
    const run = await runCli(['dyad', 'IRN', 'FRA', '--db', db])
    expect([run.code, run.stdout.trim()]).toEqual([0, 'IRN–FRA: no events'])
  })

  it.each([
    [['IRN', 'VEN', '--from', '2024-13'], /--from "2024-13" is not a date/],
    [['IRAN-1', 'VEN'], /"IRAN-1" is not a country code/],
  ])('exits 2 on %j with a clear message', async (args, message) => {
    const run = await runCli(['dyad', ...args, '--db', db])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it('names a missing database and does not create it', async () => {
    const missing = join(temp.dir, 'none.db')
    const run = await runCli(['dyad', 'IRN', 'VEN', '--db', missing])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(missing)
    expect(existsSync(missing)).toBe(false)
  })
})

describe('dyad export', () => {
  it('writes GDELT events: 61 tab-separated columns, event codes with leading zeros', async () => {
    const run = await runCli(['export', '--db', db, '--format', 'gdelt'])
    expect(run.code, run.stderr).toBe(0)
    const rows = linesOf(run.stdout).map((line) => line.split('\t'))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row).toHaveLength(61)
      const [code, base, root] = [row[26]!, row[27]!, row[28]!]
      expect(code).toMatch(/^\d{3,4}$/)
      expect([base, root]).toEqual([code.slice(0, 3), code.slice(0, 2)])
    }
    expect(rows.map((r) => r[26])).toContain('042')
  })

  it('writes the GDELT Mentions table with --mentions', async () => {
    const run = await runCli([
      'export',
      '--db',
      db,
      '--format',
      'gdelt',
      '--mentions',
      '--dyad',
      'IRN-VEN',
    ])
    expect(run.code, run.stderr).toBe(0)
    for (const line of linesOf(run.stdout)) expect(line.split('\t')).toHaveLength(16)
  })

  it('writes PLOVER JSON lines for one dyad', async () => {
    const run = await runCli(['export', '--db', db, '--format', 'plover', '--dyad', 'VEN-IRN'])
    expect(run.code, run.stderr).toBe(0)
    const events = linesOf(run.stdout).map((l) => JSON.parse(l) as Record<string, string>)
    expect(events.length).toBeGreaterThan(0)
    for (const e of events) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(['id', 'date', 'actor', 'event', 'coder']),
      )
      expect([e['actor']?.slice(0, 3), e['recipient']?.slice(0, 3)].sort()).toEqual(['IRN', 'VEN'])
    }
  })

  it('writes CSV to a file with --out', async () => {
    const out = join(temp.dir, 'events.csv')
    const run = await runCli([
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--from',
      '2024-01-01',
      '--out',
      out,
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('')
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'))
    expect(header).toContain('articles')
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row[1]! >= '2024-01-01').toBe(true)
  })

  it("writes JSON lines with each event's articles and mentions", async () => {
    const run = await runCli(['export', '--db', db])
    const events = linesOf(run.stdout).map(
      (l) => JSON.parse(l) as { articles: string[]; mentions: unknown[] },
    )
    expect(events.length).toBeGreaterThan(0)
    for (const e of events) expect(e.mentions.length).toBeGreaterThanOrEqual(e.articles.length)
  })

  it.each([
    [['--format', 'csv', '--mentions'], /--mentions goes with --format gdelt/],
    [['--format', 'jsonl', '--modality', 'negated'], /--modality "negated"/],
    [['--dyad', 'IRAN'], /--dyad "IRAN"/],
  ])('exits 2 on %j', async (args, message) => {
    const run = await runCli(['export', '--db', db, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
  })

  it.each([
    [['dyad'], ['--db', '--from', '--to', '--format', '--planned']],
    [
      ['export'],
      ['--format', 'gdelt', 'plover', '--dyad', '--from', '--to', '--mentions', '--out'],
    ],
  ])('dyad %j --help lists its options', async (command, options) => {
    const run = await runCli([...command, '--help'])
    expect(run.code).toBe(0)
    for (const option of options) expect(run.stdout).toContain(option)
  })
})
