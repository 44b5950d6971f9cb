/**
 * The `dyad` binary as a user meets it: what each command prints, its exit codes (0 done, 1 error,
 * 2 bad usage, 3 some inputs skipped) and its messages. Spawns dist/src/cli/main.js, so it needs
 * `npm run build` (npm test runs it first).
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, EventMention } from '../../src/doc.js'
import { readInputs } from '../../src/ingest/read-inputs.js'
import { parseCsv } from '../helpers/parse-csv.js'
import {
  EXAMPLE_ARTICLES,
  REPO_ROOT,
  hasStackTrace,
  linesOf,
  makeTempDir,
  runCli,
  type CliRun,
} from '../helpers/run-cli.js'

/** The keys of one event mention, in the order of design.md "Event mentions". */
const EVENT_MENTION_KEYS = [
  'article',
  'sentence',
  'span',
  'evidence',
  'source',
  'target',
  'cameo',
  'quad',
  'goldstein',
  'plover',
  'type',
  'modality',
  'date',
  'date_precision',
  'location',
  'sectors',
  'rule',
  'why',
  'confidence',
]

const parseJsonl = (run: CliRun): EventMention[] =>
  linesOf(run.stdout).map((line) => JSON.parse(line) as EventMention)

/** The countries of an event mention as an unordered pair. @example 'IRN-VEN' */
const pairOf = (e: EventMention): string =>
  [e.source.country, e.target?.country ?? '∅'].sort().join('-')

/** A short identity for comparing runs: article, sentence, type and direction. */
const keyOf = (e: EventMention): string =>
  `${e.article}#${e.sentence} ${e.type} ${e.source.country}>${e.target?.country ?? '∅'}`

const temp = makeTempDir('dyad-cli-')
afterAll(() => temp.remove())

describe('dyad extract', () => {
  let jsonl: CliRun
  let csv: CliRun
  let table: CliRun
  let mentions: EventMention[]
  const articles = new Map<string, Article>()

  beforeAll(async () => {
    const extract = (format: string) => runCli(['extract', ...EXAMPLE_ARTICLES, '--format', format])
    ;[jsonl, csv, table] = await Promise.all([extract('jsonl'), extract('csv'), extract('table')])
    mentions = parseJsonl(jsonl)
    for await (const result of readInputs(EXAMPLE_ARTICLES.map((p) => join(REPO_ROOT, p)))) {
      if (result.ok) articles.set(result.article.id, result.article)
    }
  })

  it('reads the seven articles of examples/articles and exits 0', () => {
    expect(jsonl.stderr).toBe('')
    expect(jsonl.code).toBe(0)
    expect(articles.size).toBe(7)
  })

  it('prints one JSON event mention per line with exactly the design.md keys', () => {
    expect(mentions.length).toBeGreaterThan(0)
    for (const e of mentions) expect(Object.keys(e)).toEqual(EVENT_MENTION_KEYS)
  })

  it('gives every event mention the evidence its span points to in the article text', () => {
    for (const e of mentions) {
      const [start, end] = e.span
      expect(end, keyOf(e)).toBeGreaterThan(start)
      expect(e.evidence.trim(), keyOf(e)).not.toBe('')
      expect(articles.get(e.article)?.text.slice(start, end), keyOf(e)).toBe(e.evidence)
    }
  })

  it('names articles by file name without extension or by JSONL id', () => {
    const ids = new Set(mentions.map((e) => e.article))
    expect(ids).toContain('nasirzadeh-arrives-caracas-2024-11-20')
    for (const id of ids) expect([...articles.keys()]).toContain(id)
  })

  it('finds the Iranian defence minister visiting Venezuela on 20 November 2024', () => {
    const visits = mentions.filter(
      (e) => e.type === 'visit' && e.source.country === 'IRN' && e.target?.country === 'VEN',
    )
    expect(visits.map((e) => e.date)).toContain('2024-11-20')
  })

  it('leaves negated and hypothetical event mentions out unless --all is given', () => {
    for (const e of mentions) expect(['asserted', 'planned']).toContain(e.modality)
  })

  it('prints CSV with a header and one row per event mention', () => {
    expect(csv.code).toBe(0)
    const [header, ...rows] = parseCsv(csv.stdout)
    expect(header?.slice(0, 5)).toEqual(['article', 'sentence', 'date', 'date_precision', 'type'])
    expect(header).toContain('evidence')
    expect(rows).toHaveLength(mentions.length)
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0)
  })

  it('prints a table with a header line and a summary on stderr', () => {
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(/^date\s+type\s+source → target\s+people/)
    expect(table.stderr).toMatch(/^7 articles, \d+ event mentions$/m)
  })
})

describe('dyad extract: inputs it cannot use', () => {
  it('exits 3 and names a missing file, printing the events of the other inputs', async () => {
    const missing = join(temp.dir, 'nope.txt')
    const run = await runCli([
      'extract',
      'examples/articles/text/nasirzadeh-arrives-caracas-2024-11-20.txt',
      missing,
      '--format',
      'jsonl',
    ])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(missing)
    expect(run.stderr).toMatch(/no such file/)
    expect(linesOf(run.stdout).length).toBeGreaterThan(0)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it('exits 3 and names an empty file', async () => {
    const empty = join(temp.dir, 'empty.txt')
    writeFileSync(empty, '\n  \n')
    const run = await runCli(['extract', empty, '--format', 'jsonl'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(empty)
    expect(run.stderr).toMatch(/empty/)
    expect(run.stdout).toBe('')
  })

  it.each([['2024-99-99'], ['2024-9-9'], ['yesterday']])(
    'exits 2 on --published %s with a message naming the value',
    async (value) => {
      const run = await runCli(['extract', 'examples/articles', '--published', value])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(value)
      expect(run.stderr).toMatch(/--published/)
      expect(hasStackTrace(run.stderr)).toBe(false)
      expect(run.stdout).toBe('')
    },
  )

  const badUsage = [
    [['--format', 'xml'], /'xml' is invalid/],
    [['--bogus'], /unknown option '--bogus'/],
  ] as const

  it.each(badUsage)(
    'rejects bad usage %j with a message and a non-zero exit',
    async (args, message) => {
      const run = await runCli(['extract', 'examples/articles', ...args])
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toMatch(/--help/)
      expect(run.code).not.toBe(0)
      expect(run.stdout).toBe('')
    },
  )

  // Known bug: commander errors inside a subcommand (bad choice, unknown option, missing
  // argument) exit 1, not 2, because program.ts calls exitOverride() only after adding the
  // commands. Turn into `it` once fixed.
  it.each(badUsage)('exits 2 on bad usage %j', async (args) => {
    const run = await runCli(['extract', 'examples/articles', ...args])
    expect(run.code).toBe(2)
  })
})

describe('dyad ingest and dyad events', () => {
  const db = join(temp.dir, 'store.db')
  let first: CliRun
  let second: CliRun
  let afterFirst: EventMention[]
  let afterSecond: EventMention[]
  let extracted: EventMention[]

  const events = async (...args: string[]): Promise<EventMention[]> => {
    const run = await runCli(['events', '--db', db, '--format', 'jsonl', ...args])
    expect(run.code, run.stderr).toBe(0)
    return parseJsonl(run)
  }

  beforeAll(async () => {
    first = await runCli(['ingest', ...EXAMPLE_ARTICLES, '--db', db])
    afterFirst = await events()
    second = await runCli(['ingest', ...EXAMPLE_ARTICLES, '--db', db])
    afterSecond = await events()
    extracted = parseJsonl(await runCli(['extract', ...EXAMPLE_ARTICLES, '--format', 'jsonl']))
  })

  it('stores the seven articles on the first run', () => {
    expect(first.code).toBe(0)
    expect(first.stderr).toMatch(/7 new articles/)
    expect(existsSync(db)).toBe(true)
  })

  it('stores nothing new when the same articles are ingested again', () => {
    expect(second.code).toBe(0)
    expect(second.stderr).toMatch(/\b0 new articles/)
    expect(second.stderr).toMatch(/7 already stored/)
    expect(afterSecond.length).toBe(afterFirst.length)
    expect(afterSecond.map(keyOf)).toEqual(afterFirst.map(keyOf))
  })

  it('gives back the event mentions extract prints for the same articles', () => {
    expect(afterFirst.length).toBeGreaterThan(0)
    expect(afterFirst.map(keyOf).sort()).toEqual(extracted.map(keyOf).sort())
    for (const e of afterFirst) expect(Object.keys(e)).toEqual(EVENT_MENTION_KEYS)
  })

  it.each([['IRN-VEN'], ['VEN-IRN'], ['irn-ven']])(
    '--dyad %s returns only events between Iran and Venezuela, in either direction',
    async (dyad) => {
      const found = await events('--dyad', dyad)
      expect(found.length).toBeGreaterThan(0)
      for (const e of found) expect(pairOf(e), keyOf(e)).toBe('IRN-VEN')
      const expected = afterFirst.filter((e) => pairOf(e) === 'IRN-VEN')
      expect(found.map(keyOf).sort()).toEqual(expected.map(keyOf).sort())
      expect(new Set(found.map((e) => e.source.country))).toEqual(new Set(['IRN', 'VEN']))
    },
  )

  it('--type visit returns only visits, and --type visit,meet both', async () => {
    const visits = await events('--type', 'visit')
    expect(visits.length).toBeGreaterThan(0)
    for (const e of visits) expect(e.type).toBe('visit')
    const both = await events('--type', 'visit,meet')
    expect(new Set(both.map((e) => e.type))).toEqual(new Set(['visit', 'meet']))
    expect(both.length).toBe(afterFirst.filter((e) => ['visit', 'meet'].includes(e.type)).length)
  })

  it('--from and --to keep only dated events inside the bounds, both days included', async () => {
    const found = await events('--from', '2024-01-01', '--to', '2024-12-31')
    expect(found.length).toBeGreaterThan(0)
    for (const e of found) {
      expect(e.date, keyOf(e)).not.toBeNull()
      expect(e.date! >= '2024-01-01' && e.date! <= '2024-12-31', keyOf(e)).toBe(true)
    }
    const day = found[0]!.date!
    const oneDay = await events('--from', day, '--to', day)
    expect(oneDay.length).toBeGreaterThan(0)
    for (const e of oneDay) expect(e.date).toBe(day)
    expect(found.length).toBeLessThan(afterFirst.length)
  })

  it('combines --dyad, --type and --from', async () => {
    const found = await events('--dyad', 'IRN-VEN', '--type', 'visit', '--from', '2024-01-01')
    expect(found.map((e) => [e.type, e.source.country, e.target?.country, e.date])).toContainEqual(
      ['visit', 'IRN', 'VEN', '2024-11-20'],
    )
    for (const e of found) expect([e.type, pairOf(e)]).toEqual(['visit', 'IRN-VEN'])
  })

  it.each([
    [['--from', '2024-13'], /--from "2024-13" is not a date/],
    [['--to', '20241231'], /--to "20241231" is not a date/],
    [['--dyad', 'IRAN'], /--dyad "IRAN"/],
  ])('exits 2 on %j with a clear message and no stack trace', async (args, message) => {
    const run = await runCli(['events', '--db', db, ...args])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(hasStackTrace(run.stderr)).toBe(false)
    expect(run.stdout).toBe('')
  })

  it('exits non-zero naming a missing database file, and does not create it', async () => {
    const missing = join(temp.dir, 'missing.db')
    const run = await runCli(['events', '--db', missing])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain(missing)
    expect(run.stderr).toMatch(/dyad ingest/)
    expect(hasStackTrace(run.stderr)).toBe(false)
    expect(existsSync(missing)).toBe(false)
  })
})

describe('dyad --help', () => {
  it.each([
    [[], ['extract', 'ingest', 'events', 'eval', '--version']],
    [['extract'], ['--format', '--published', '--all', 'jsonl', 'csv', 'table']],
    [['ingest'], ['--db', '--published', '--quiet']],
    [['events'], ['--db', '--dyad', '--type', '--from', '--to', '--format', '--limit']],
    [['eval'], ['--articles', '--format', '--max-list']],
  ])('dyad %j --help exits 0 and lists its options', async (command, options) => {
    const run = await runCli([...command, '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: dyad/)
    for (const option of options) expect(run.stdout).toContain(option)
  })

  it('exits 2 on an unknown command and points to --help', async () => {
    const run = await runCli(['extrakt', 'examples/articles'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/unknown command 'extrakt'/)
    expect(run.stderr).toMatch(/--help/)
  })
})

describe('dyad eval', () => {
  const visit = 'Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday.'
  const talks = 'Nasirzadeh will hold talks with Venezuelan ministers before he leaves.'
  const article = [
    'Iran sends defence minister to Caracas',
    'November 20, 2024 - 21:40',
    visit,
    talks,
  ]
  const event = { source: 'IRN', target: 'VEN', location: null }
  const gold = {
    id: 'tiny-visit',
    published: '2024-11-20',
    events: [
      { ...event, type: 'visit', date: '2024-11-20', evidence: visit, status: 'occurred' },
      // The text gives no day for the talks, so a gold day makes this event a miss whatever
      // the coder finds: the report must list it with its sentence.
      { ...event, type: 'meet', date: '2024-11-22', evidence: talks, status: 'planned' },
    ],
  }
  const articlePath = join(temp.dir, 'tiny-visit.txt')
  const goldPath = join(temp.dir, 'tiny.gold.jsonl')

  beforeAll(() => {
    writeFileSync(articlePath, `${article.join('\n\n')}\n`)
    writeFileSync(goldPath, `${JSON.stringify(gold)}\n`)
  })

  it('prints precision and recall and lists a miss with its sentence', async () => {
    const run = await runCli(['eval', goldPath, '--articles', articlePath])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^P \d\.\d{3} {2}R \d\.\d{3} {2}F1 \d\.\d{3}/)
    expect(run.stdout).toMatch(/Misses \([1-9]\d*\)/)
    expect(run.stdout).toContain('tiny-visit')
    expect(run.stdout).toMatch(/meet\s+IRN→VEN\s+2024-11-22\s+planned/)
    expect(run.stdout).toContain(`“${talks}”`)
  })

  it('prints the same scores as JSON with --format json', async () => {
    const run = await runCli(['eval', goldPath, '--articles', articlePath, '--format', 'json'])
    expect(run.code, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as {
      overall: { gold: number; precision: number; recall: number }
      misses: { evidence: string }[]
    }
    expect(report.overall.gold).toBe(2)
    expect(report.overall.recall).toBeLessThanOrEqual(0.5)
    expect(report.misses.map((m) => m.evidence)).toContain(talks)
  })

  it('exits 1 naming a gold file that does not exist', async () => {
    const missing = join(temp.dir, 'no.gold.jsonl')
    const run = await runCli(['eval', missing, '--articles', articlePath])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(missing)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it('exits 1 naming the line of a malformed gold file', async () => {
    const bad = join(temp.dir, 'bad.gold.jsonl')
    writeFileSync(bad, `${JSON.stringify(gold)}\n{"id": "x", "events": [{"type": "hug"}]}\n`)
    const run = await runCli(['eval', bad, '--articles', articlePath])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${bad}:2`)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })

  it('rejects a run without --articles, naming the option', async () => {
    const run = await runCli(['eval', goldPath])
    expect(run.stderr).toMatch(/--articles/)
    expect(run.code).not.toBe(0)
  })

  // Known bug: exits 1 (see "exits 2 on bad usage" above). Turn into `it` once fixed.
  it('exits 2 when --articles is missing', async () => {
    const run = await runCli(['eval', goldPath])
    expect(run.code).toBe(2)
  })
})
