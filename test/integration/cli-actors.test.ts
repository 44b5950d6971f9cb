import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasStackTrace, linesOf, makeTempDir, runCli } from '../helpers/run-cli.js'
import { INTRODUCES_BOADU, NAMES_BOADU, type CodedLine } from '../helpers/learned-articles.js'

describe('dyad actors lookup', () => {
  it('names the office holder on the day asked', async () => {
    const run = await runCli(['actors', 'lookup', 'defence minister', '--country', 'IRN', '--date', '2019-01-10'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('IRNGOVMIL')
    expect(run.stdout).toContain('Amir Hatami')
    const later = await runCli(['actors', 'lookup', 'defence minister', '--country', 'IRN', '--date', '2024-11-20'])
    expect(later.stdout).toContain('Aziz Nasirzadeh')
  })

  it('lists the dated offices of a name written another way', async () => {
    const run = await runCli(['actors', 'lookup', 'Ossein Amir-Abdollahian'])
    expect(run.stdout).toContain('Hossein Amir-Abdollahian')
    expect(run.stdout).toMatch(/2021-08-25 → 2024-05-19/)
  })

  it('refuses a bad date or country with exit 2 and no stack trace', async () => {
    const bad = await runCli(['actors', 'lookup', 'president', '--country', 'XXX', '--date', '2020-01-01'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('XXX')
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/)
    const badDate = await runCli(['actors', 'lookup', 'president', '--country', 'USA', '--date', '2020-13-01'])
    expect(badDate.code).toBe(2)
  })

  it('exits 1 when nothing resolves', async () => {
    const run = await runCli(['actors', 'lookup', 'the weather'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('names no actor')
  })
})

describe('people learned from one article resolve in the next', () => {
  // The second article is ingested in a later run than the first.
  const [first, second] = [INTRODUCES_BOADU, NAMES_BOADU]

  it('stores the person from the apposition and codes the bare surname as Ghana’s minister', async () => {
    const tmp = makeTempDir()
    try {
      const db = join(tmp.dir, 'dyad.db')
      writeFileSync(join(tmp.dir, 'first.txt'), first)
      writeFileSync(join(tmp.dir, 'second.txt'), second)
      const before = await runCli(['actors', 'lookup', 'Boadu'])
      expect(before.code).toBe(1)
      expect((await runCli(['ingest', join(tmp.dir, 'first.txt'), '--db', db, '--quiet'])).code).toBe(0)
      expect((await runCli(['ingest', join(tmp.dir, 'second.txt'), '--db', db, '--quiet'])).code).toBe(0)

      const events = await runCli(['events', '--db', db, '--format', 'jsonl'])
      const meet = linesOf(events.stdout)
        .map((line) => JSON.parse(line) as CodedLine)
        .find((e) => e.article === 'second' && e.type === 'meet')
      expect(meet?.source).toMatchObject({ country: 'GHA', person: 'Kwame Asante Boadu', role: 'Minister of Foreign Affairs' })
      expect(meet?.why).toContain('learned from article first')

      const lookup = await runCli(['actors', 'lookup', 'Boadu', '--db', db, '--date', '2018-06-01'])
      expect(lookup.code).toBe(0)
      expect(lookup.stdout).toContain('GHAGOVDIP')
      expect(lookup.stdout).toContain("Ghana's Minister of Foreign Affairs, Kwame Asante Boadu")
    } finally {
      tmp.remove()
    }
  }, 120_000) // six CLI runs, each loading the dictionaries

  it('refuses --db naming no store, without creating one', async () => {
    const tmp = makeTempDir()
    try {
      const run = await runCli(['actors', 'lookup', 'Boadu', '--db', join(tmp.dir, 'none.db')])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('no database at')
      expect(hasStackTrace(run.stderr)).toBe(false)
      expect(existsSync(join(tmp.dir, 'none.db'))).toBe(false)
    } finally {
      tmp.remove()
    }
  })
})
