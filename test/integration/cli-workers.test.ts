/**
 * `--workers N` runs the pipeline in N threads; the user must not be able to tell from the
 * output: the same event mentions, the same skipped and note lines on stderr, in the same order,
 * and the same store. Spawns dist/src/cli/main.js (`npm test` builds it first).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linesOf, makeTempDir, runCli, type CliRun } from '../helpers/run-cli.js'

/** Examples plus inputs that are skipped or noted (empty, binary, broken lines, Spanish). */
const INPUTS = ['examples/articles', 'test/fixtures/ingest', 'test/fixtures/reliability']

const temp = makeTempDir('dyad-workers-')
afterAll(() => temp.remove())

describe('dyad extract --workers', () => {
  let one: CliRun
  let three: CliRun
  beforeAll(async () => {
    const args = ['extract', ...INPUTS, '--format', 'jsonl', '--all']
    ;[one, three] = await Promise.all([
      runCli([...args, '--workers', '1']),
      runCli([...args, '--workers', '3']),
    ])
  }, 120_000)

  it('prints the same event mentions in the same order as one thread', () => {
    expect(linesOf(one.stdout).length).toBeGreaterThan(20)
    expect(three.stdout).toBe(one.stdout)
  })

  it('names the same skipped inputs and notes, in the same order, with the same exit code', () => {
    expect(linesOf(one.stderr).some((line) => line.startsWith('skipped '))).toBe(true)
    expect(three.stderr).toBe(one.stderr)
    expect(one.code).toBe(3)
    expect(three.code).toBe(3)
  })
})

describe('dyad ingest --workers', () => {
  const stores = { one: join(temp.dir, 'one.db'), three: join(temp.dir, 'three.db') }
  let one: CliRun
  let three: CliRun
  beforeAll(async () => {
    const args = ['ingest', ...INPUTS, '--log-stored']
    one = await runCli([...args, '--db', stores.one, '--workers', '1'])
    three = await runCli([...args, '--db', stores.three, '--workers', '3'])
  }, 120_000)

  it('commits the articles in input order, as one thread does', () => {
    expect(linesOf(one.stdout).length).toBeGreaterThan(7)
    expect(three.stdout).toBe(one.stdout)
    expect(three.stderr.replaceAll(stores.three, 'DB')).toBe(one.stderr.replaceAll(stores.one, 'DB'))
  })

  it('stores the same events and event mentions', async () => {
    for (const command of ['events', 'export']) {
      const [a, b] = await Promise.all([
        runCli([command, '--format', 'jsonl', '--db', stores.one]),
        runCli([command, '--format', 'jsonl', '--db', stores.three]),
      ])
      expect(a.code).toBe(0)
      expect(linesOf(a.stdout).length).toBeGreaterThan(10)
      // Only the ingest timestamps may differ between the two stores.
      const untimed = (text: string) => text.replace(/"added_at":"[^"]*"/g, '')
      expect(untimed(b.stdout)).toBe(untimed(a.stdout))
    }
  })
})

describe('--workers usage', () => {
  it('refuses a number of threads that is not a whole number of at least 1', async () => {
    const run = await runCli(['extract', 'examples/articles', '--workers', '0'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--workers "0"')
  })
})
