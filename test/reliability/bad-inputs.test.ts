/**
 * issue-8: bad input never crashes a run and never passes silently. Each input below gets one
 * line on stderr naming the file and the reason (or none when it reads cleanly), the run goes on,
 * exit 3 says something was skipped, and `--strict` stops at the first skip. Spawns the built CLI.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasStackTrace, linesOf, makeTempDir, runCli, type CliRun } from '../helpers/run-cli.js'
import { REPO_ROOT } from '../helpers/run-cli.js'

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'reliability')

/** An English article that codes to at least one event, distinct per `n`. */
const article = (title: string, n: number): string =>
  `${title}\n\nPublished: 2024-11-${String(10 + n).padStart(2, '0')}\n\n` +
  `The foreign minister of Chile met his Peruvian counterpart in Lima on Friday (${n}).\n`

/** A folder of awkward inputs; the big and binary ones are made here, not committed. */
function writeBadInputs(dir: string): void {
  for (const name of readdirSync(FIXTURES).filter((name) => name !== 'README.md')) {
    copyFileSync(join(FIXTURES, name), join(dir, name))
  }
  const write = (name: string, content: string | Buffer): void =>
    writeFileSync(join(dir, name), content)
  write('empty.txt', '')
  write('blank.txt', ' \n\n\t \n')
  write('bom-only.txt', '\ufeff')
  write('blank-lines.jsonl', '\n  \n\n')
  // Random bytes with a NUL every 100 so the verdict does not depend on the draw.
  const noise = Buffer.alloc(4000, 0)
  for (let i = 0; i < noise.length; i++) noise[i] = i % 100 === 0 ? 0 : (i * 7919 + 13) % 256
  write('noise.txt', noise)
  write('report.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise]))
  write('archive.jsonl', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), noise]))
  write('photo.html', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), noise]))
  // 50 MB: skipped by its size, never read.
  write('huge.txt', Buffer.alloc(50 * 1024 * 1024, article('Huge', 0)))
  // A JSONL feed whose second line alone is over the limit: the lines around it still count.
  const line = (id: string, text: string): string =>
    JSON.stringify({ id, text, published: '2024-11-20' })
  write(
    'big-line.jsonl',
    [
      line('small-1', 'The foreign minister of Chile met his Peruvian counterpart in Lima.'),
      line('giant', 'x'.repeat(11 * 1024 * 1024)),
      line('small-3', 'The foreign minister of Peru met his Chilean counterpart in Santiago.'),
    ].join('\n'),
  )
  write('latin1.txt', Buffer.from(article('Caf\u00e9 diplomacy in Lima', 1), 'latin1'))
  write(
    'utf16le-bom.txt',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article('Talks A', 2), 'utf16le')]),
  )
  write('utf16le.txt', Buffer.from(article('Talks B', 3), 'utf16le'))
  write('utf16be-bom.txt', Buffer.from(`\ufeff${article('Talks C', 4)}`, 'utf16le').swap16())
  // A name and a title that would recolour and clear the terminal; no date, so it gets a note.
  const undated = 'The foreign minister of Chile met his Peruvian counterpart in Lima on Friday.'
  write('control\u001b[31m.txt', `Talks D \u001b[2J\n\n${undated}\n`)
}

/** The stderr lines that name a file of the folder. */
const linesNaming = (run: CliRun, name: string): string[] =>
  linesOf(run.stderr).filter((line) => line.includes(`/${name}`))

describe('issue-8: dyad ingest on bad inputs', () => {
  const temp = makeTempDir('dyad-bad-')
  afterAll(() => temp.remove())
  const inputs = join(temp.dir, 'inputs')
  const db = join(temp.dir, 'bad.db')
  let run: CliRun

  beforeAll(async () => {
    mkdirSync(inputs)
    writeBadInputs(inputs)
    run = await runCli(['ingest', inputs, '--db', db, '--log-stored'])
  })

  it('goes on past every bad input and exits 3, without a stack trace', () => {
    expect(run.code, run.stderr).toBe(3)
    expect(hasStackTrace(run.stderr)).toBe(false)
    expect(run.stderr).toMatch(
      /ingested into .*: 12 new articles, \d+ event mentions, 14 inputs skipped/,
    )
  })

  it.each([
    ['empty.txt', /^skipped .*: empty file$/],
    ['blank.txt', /^skipped .*: empty file$/],
    ['bom-only.txt', /^skipped .*: empty file$/],
    ['blank-lines.jsonl', /^skipped .*: empty file \(only blank lines\)$/],
    ['noise.txt', /^skipped .*: binary file \(it holds NUL bytes\), not an article$/],
    ['report.txt', /^skipped .*: binary file \(a PDF document\), not an article$/],
    ['archive.jsonl', /^skipped .*: binary file \(a gzip archive\), not an article$/],
    ['photo.html', /^skipped .*: binary file \(a JPEG image\), not an article$/],
    [
      'huge.txt',
      /^skipped .*: too large: 50 MB, over the limit of 10 MB per article \(--max-size\)$/,
    ],
    ['big-line.jsonl:2', /^skipped .*: too large: 11 MB, over the limit of 10 MB per article/],
    ['broken-lines.jsonl:2', /^skipped .*: invalid JSON: /],
    ['broken-lines.jsonl:3', /^skipped .*: article wire-3: field "text" must be a string$/],
    ['broken-lines.jsonl:4', /^skipped .*: not a JSON object$/],
    ['broken-lines.jsonl:5', /^skipped .*: field "published" must be null or an ISO date/],
    ['latin1.txt', /^note .*: not valid UTF-8: 1 byte read as Latin-1 \(Windows-1252\)/],
    ['future-date.txt', /^note .*: published 2999-03-04, after today \(\d{4}-\d{2}-\d{2}\): kept/],
    ['spanish-article.txt', /^note .*: written in Spanish \(es\), not English: stored, not coded$/],
    ['control\\u001b[31m.txt', /^note .*control\\u001b\[31m\.txt: no publication date found/],
  ])('names %s on one stderr line: %s', (name, line) => {
    const lines = linesNaming(run, name.replace(/:\d+$/, ''))
    const own = name.includes(':') ? lines.filter((l) => l.includes(`/${name}:`)) : lines
    expect(own, run.stderr).toHaveLength(1)
    expect(own[0]).toMatch(line)
  })

  it.each([['broken-page.html'], ['utf16le-bom.txt'], ['utf16le.txt'], ['utf16be-bom.txt']])(
    'reads %s cleanly: stored, and not a word on stderr',
    (name) => {
      expect(linesNaming(run, name)).toEqual([])
      expect(run.stdout).toContain(`stored ${name.replace(/\.\w+$/, '')}\n`)
    },
  )

  it('never lets an input write a control character to the terminal', () => {
    expect(run.stderr).not.toMatch(/\u001b/)
    expect(run.stdout).not.toMatch(/\u001b/)
  })

  describe('what the store holds', () => {
    let store: Database.Database
    beforeAll(() => {
      store = new Database(db, { readonly: true })
    })
    afterAll(() => store.close())

    const articleOf = (id: string) =>
      store.prepare('SELECT text, language, published_on FROM articles WHERE id = ?').get(id) as
        { text: string; language: string | null; published_on: string | null } | undefined
    const mentionsOf = (id: string): number =>
      (
        store.prepare('SELECT count(*) AS n FROM event_mentions WHERE article_id = ?').get(id) as {
          n: number
        }
      ).n
    const problemsOf = (id: string): string[] =>
      (
        store.prepare('SELECT code FROM problems WHERE article_id = ?').all(id) as {
          code: string
        }[]
      ).map((row) => row.code)

    it('decodes Latin-1 and keeps the note as a W_ENCODING problem', () => {
      expect(articleOf('latin1')?.text).toMatch(/^Café diplomacy in Lima\n\n/)
      expect(problemsOf('latin1')).toEqual(['W_ENCODING'])
      expect(mentionsOf('latin1')).toBeGreaterThan(0)
    })

    it.each([
      ['utf16le-bom', 'Talks A'],
      ['utf16le', 'Talks B'],
      ['utf16be-bom', 'Talks C'],
    ])('decodes UTF-16 (%s) and codes it', (id, title) => {
      expect(articleOf(id)?.text).toMatch(
        new RegExp(`^${title}\\n\\nPublished: 2024-11-\\d\\d\\n\\n`),
      )
      expect(articleOf(id)?.published_on).toMatch(/^2024-11-\d\d$/)
      expect(mentionsOf(id)).toBeGreaterThan(0)
      expect(problemsOf(id)).toEqual([])
    })

    it('keeps an article dated in the future, with a W_FUTURE_DATE problem', () => {
      expect(articleOf('future-date')?.published_on).toBe('2999-03-04')
      expect(problemsOf('future-date')).toEqual(['W_FUTURE_DATE'])
    })

    it('stores an article in another language without coding it', () => {
      expect(articleOf('spanish-article')?.language).toBe('es')
      expect(mentionsOf('spanish-article')).toBe(0)
      expect(problemsOf('spanish-article')).toEqual(['W_LANGUAGE'])
    })

    it('reads broken HTML as far as it goes', () => {
      const page = articleOf('broken-page')
      expect(page?.published_on).toBe('2024-05-14')
      expect(page?.text).toContain('signed a fisheries agreement')
      expect(page?.text).not.toContain('Home | World')
    })

    it('stores the good lines of a JSONL file around its broken and oversized ones', () => {
      for (const id of ['wire-1', 'wire-7', 'small-1', 'small-3'])
        expect(articleOf(id), id).toBeDefined()
      expect(articleOf('giant')).toBeUndefined()
    })

    it('turns control characters in the text into spaces and in ids into underscores', () => {
      const rows = store
        .prepare("SELECT id, text FROM articles WHERE id LIKE 'control%'")
        .all() as {
        id: string
        text: string
      }[]
      expect(rows.map((row) => row.id)).toEqual(['control_[31m'])
      expect(rows[0]?.text).toMatch(/^Talks D \[2J\n/)
    })
  })
})

describe('issue-8: --strict, --max-size and stdin', () => {
  const temp = makeTempDir('dyad-strict-')
  afterAll(() => temp.remove())
  const folder = join(temp.dir, 'mixed')
  const db = join(temp.dir, 'strict.db')
  let strict: CliRun
  let notesOnly: CliRun
  let small: CliRun
  let badSize: CliRun

  beforeAll(async () => {
    mkdirSync(folder)
    writeFileSync(join(folder, '1-first.txt'), article('First talks', 1))
    writeFileSync(join(folder, '2-empty.txt'), '')
    writeFileSync(join(folder, '3-third.txt'), article('Third talks', 3))
    const future = join(FIXTURES, 'future-date.txt')
    const spanish = join(FIXTURES, 'spanish-article.txt')
    ;[strict, notesOnly, small, badSize] = await Promise.all([
      runCli(['ingest', folder, '--db', db, '--strict', '--log-stored']),
      runCli(['extract', future, spanish, '--strict', '--format', 'jsonl']),
      runCli(['extract', '-', folder, '--max-size', '100', '--format', 'jsonl'], {
        stdin: 'x'.repeat(5000),
      }),
      runCli(['ingest', folder, '--db', db, '--max-size', 'lots']),
    ])
  })

  it('--strict stops at the first skipped input with exit 1, storing nothing after it', () => {
    expect(strict.code).toBe(1)
    expect(linesOf(strict.stdout)).toEqual(['stored 1-first'])
    expect(strict.stderr).toMatch(
      /^error \[E_INPUT_SKIPPED\]: --strict: stopped at .*2-empty\.txt: empty file$/m,
    )
    expect(hasStackTrace(strict.stderr)).toBe(false)
    const store = new Database(db, { readonly: true })
    const ids = store.prepare('SELECT id FROM articles').all() as { id: string }[]
    store.close()
    expect(ids.map((row) => row.id)).toEqual(['1-first'])
  })

  it('--strict does not stop at notes: a future date and another language are not skips', () => {
    expect(notesOnly.code, notesOnly.stderr).toBe(0)
    expect(linesOf(notesOnly.stderr).filter((line) => line.startsWith('note '))).toHaveLength(2)
  })

  it('--max-size skips larger files with their size, and goes on', () => {
    expect(small.code).toBe(3)
    expect(small.stderr).toMatch(
      /^skipped .*1-first\.txt: too large: \d+ bytes, over the limit of 100 bytes/m,
    )
    expect(small.stderr).toMatch(/^skipped .*2-empty\.txt: empty file$/m)
  })

  it('--max-size applies to stdin too', () => {
    expect(small.stderr).toMatch(/^skipped -: too large: 4\.9 KB, over the limit of 100 bytes/m)
    expect(small.stdout).toBe('')
  })

  it('refuses a --max-size that is not a size with exit 2', () => {
    expect(badSize.code).toBe(2)
    expect(badSize.stderr).toMatch(/--max-size "lots" is not a size/)
  })
})
