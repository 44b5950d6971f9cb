/**
 * `--scope`: the default output keeps the annotation guideline's types; `--scope all` adds the
 * extended CAMEO roots (here an air strike, CAMEO 195) in extract, ingest and events.
 * Spawns dist/src/cli/main.js, so it needs `npm run build` (npm test runs it first).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMention } from '../../src/doc.js'
import { linesOf, makeTempDir, runCli } from '../helpers/run-cli.js'

const temp = makeTempDir('dyad-scope-')
afterAll(() => temp.remove())

// Written for this test: one core event (a visit) and one extended (air strikes).
const ARTICLE = `Strikes and visits

November 20, 2024 - Israel launched air strikes on Syria on Monday. The Turkish foreign minister paid a visit to Baku on Tuesday.
`
let article: string
beforeAll(() => {
  article = join(temp.dir, 'article.txt')
  writeFileSync(article, ARTICLE)
})

const typesOf = (stdout: string) =>
  linesOf(stdout)
    .map((line) => (JSON.parse(line) as EventMention).type)
    .sort()

describe('dyad extract --scope', () => {
  it('keeps the guideline types by default and adds the extended roots with --scope all', async () => {
    const core = await runCli(['extract', article, '--format', 'jsonl'])
    const all = await runCli(['extract', article, '--format', 'jsonl', '--scope', 'all'])
    expect(core.code).toBe(0)
    expect(typesOf(core.stdout)).toEqual(['visit'])
    expect(typesOf(all.stdout)).toEqual(['fight', 'visit'])
  })
  it('refuses an unknown scope with a usage error', async () => {
    const run = await runCli(['extract', article, '--scope', 'everything'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('core')
  })
})

describe('dyad ingest --scope all, then events', () => {
  it('stores the extended events; events shows them only with --scope all', async () => {
    const db = join(temp.dir, 'scope.db')
    expect((await runCli(['ingest', article, '--db', db, '--scope', 'all', '--quiet'])).code).toBe(0)
    const core = await runCli(['events', '--db', db, '--format', 'jsonl'])
    const all = await runCli(['events', '--db', db, '--format', 'jsonl', '--scope', 'all'])
    expect(typesOf(core.stdout)).toEqual(['visit'])
    expect(typesOf(all.stdout)).toEqual(['fight', 'visit'])
  })
  it('stores only the guideline types by default', async () => {
    const db = join(temp.dir, 'core.db')
    expect((await runCli(['ingest', article, '--db', db, '--quiet'])).code).toBe(0)
    const all = await runCli(['events', '--db', db, '--format', 'jsonl', '--scope', 'all'])
    expect(typesOf(all.stdout)).toEqual(['visit'])
  })
})
