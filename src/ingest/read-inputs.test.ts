import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

import { afterAll, describe, expect, it } from 'vitest'

import { makeTempDir } from '../../test/helpers/run-cli.js'

import { isDyadError } from '../errors.js'
import { readInputs, type ReadInputsOptions, type ReadResult } from './read-inputs.js'

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url))
const fixture = (name: string): string => `${FIXTURES}${name}`

/** A stand-in detector: the tests here are about reading, not about languages. */
const OPTIONS: ReadInputsOptions = { detectLanguage: () => 'en' }

async function readAll(paths: string[], opts: ReadInputsOptions = OPTIONS): Promise<ReadResult[]> {
  const results: ReadResult[] = []
  for await (const result of readInputs(paths, opts)) results.push(result)
  return results
}

/** An article's id, or the origin and reason of a failure. */
const summary = (result: ReadResult): string =>
  result.ok ? result.article.id : `${result.origin.replace(FIXTURES, '')}: ${result.reason}`

describe('read-inputs', () => {
  it('reads a folder recursively in sorted order, skipping other and hidden files', async () => {
    const results = await readAll([fixture('folder')])
    expect(results.map(summary)).toEqual([
      'a-dateline',
      'b-page',
      'batch-1',
      'folder/nested/c-batch.jsonl:2: invalid JSON: Unterminated string in JSON at position 31',
      'folder/nested/c-batch.jsonl:4: field "id" is required (a non-empty string)',
      'batch-3',
      'd-notes',
    ])
  })

  it('gives each reader its files and a published basis', async () => {
    const results = await readAll([fixture('folder')])
    const articles = results.flatMap((r) => (r.ok ? [r.article] : []))
    expect(articles.map((a) => [a.id, a.publishedOn, a.publishedBasis])).toEqual([
      ['a-dateline', '2024-11-20', 'dateline'],
      ['b-page', '2023-06-14', 'html-meta'],
      ['batch-1', '2023-03-02', 'jsonl'],
      ['batch-3', null, null],
      ['d-notes', '2022-09-05', 'dateline'],
    ])
  })

  it.each([
    ['a missing path', 'nothing-here.txt', 'E_INPUT_MISSING', 'no such file or folder'],
    ['an empty file', 'empty.txt', 'E_INPUT_UNREADABLE', 'empty file'],
    [
      'a binary file',
      'binary.txt',
      'E_INPUT_UNREADABLE',
      'binary file (a ZIP archive, or a .docx, .xlsx or .epub), not an article',
    ],
  ])('reports %s and goes on', async (_, name, code, reason) => {
    const results = await readAll([fixture(name), fixture('no-date.txt')])
    expect(results[0]).toEqual({ ok: false, origin: fixture(name), reason, code })
    expect(results[1]?.ok).toBe(true)
  })

  it('reads a file with an unknown extension as text when it is named explicitly', async () => {
    const [result] = await readAll([fixture('odd.story')])
    expect(result).toMatchObject({
      ok: true,
      article: { id: 'odd', title: 'Uruguay hosts Paraguayan foreign minister' },
    })
  })

  it('leaves the published day null when the article has none (no file time)', async () => {
    const [result] = await readAll([fixture('no-date.txt')])
    expect(result).toMatchObject({ ok: true, article: { publishedOn: null, publishedBasis: null } })
  })

  it('lets --published win over every date found', async () => {
    const opts = { ...OPTIONS, publishedOverride: '2020-01-31' }
    const results = await readAll([fixture('folder')], opts)
    const articles = results.flatMap((r) => (r.ok ? [r.article] : []))
    expect(new Set(articles.map((a) => `${a.publishedOn} ${a.publishedBasis}`))).toEqual(
      new Set(['2020-01-31 option']),
    )
  })

  it('refuses a --published value that is not a date', async () => {
    const opts = { ...OPTIONS, publishedOverride: 'yesterday' }
    const error = await readAll([fixture('no-date.txt')], opts).catch((e: unknown) => e)
    expect(isDyadError(error) && error.code).toBe('E_USAGE')
  })

  it("reads '-' from stdin as plain text", async () => {
    const input = 'Envoys meet in Hanoi\n\nPublished: 2022-09-05\n\nThey met.'
    const stdin = Readable.from([Buffer.from(input)])
    const [result] = await readAll(['-'], { ...OPTIONS, stdin })
    expect(result).toMatchObject({
      ok: true,
      article: {
        id: 'stdin',
        origin: '-',
        title: 'Envoys meet in Hanoi',
        publishedOn: '2022-09-05',
      },
    })
  })

  it('detects the document language with eld when no detector is given', async () => {
    const [result] = await readAll([fixture('no-date.txt')], {})
    expect(result).toMatchObject({ ok: true, article: { language: 'en' } })
  })

  describe('inputs that are odd, too big or not text', () => {
    const temp = makeTempDir('dyad-read-inputs-')
    afterAll(() => temp.remove())
    const file = (name: string, content: string | Buffer): string => {
      const path = join(temp.dir, name)
      writeFileSync(path, content)
      return path
    }
    const story = 'Talks in Lima\n\nPublished: 2024-11-20\n\nThe envoy arrived in Lima.'

    it('skips a file over the size limit unread, naming its size and the limit', async () => {
      const path = file('big.txt', story.padEnd(3000, ' x'))
      expect(await readAll([path], { ...OPTIONS, maxBytes: 2048 })).toEqual([
        {
          ok: false,
          origin: path,
          reason: 'too large: 2.9 KB, over the limit of 2 KB per article (--max-size)',
          code: 'E_INPUT_UNREADABLE',
        },
      ])
    })

    it('streams JSONL: a line over the limit is skipped, the lines around it are read', async () => {
      const line = (id: string, text: string): string => JSON.stringify({ id, text })
      const lines = [line('a', 'One.'), line('b', 'x'.repeat(5000)), line('c', 'Three.')]
      const path = file('feed.jsonl', lines.join('\n'))
      const results = await readAll([path], { ...OPTIONS, maxBytes: 1024 })
      expect(results.map(summary)).toEqual([
        'a',
        `${path.replace(FIXTURES, '')}:2: too large: 4.9 KB, over the limit of 1 KB per article (--max-size)`,
        'c',
      ])
    })

    it('reads a UTF-16 JSONL file', async () => {
      const content = `\ufeff${JSON.stringify({ id: 'u16', text: 'Café talks.' })}\n`
      const [result] = await readAll([file('utf16.jsonl', Buffer.from(content, 'utf16le'))])
      expect(result).toMatchObject({ ok: true, article: { id: 'u16', text: 'Café talks.' } })
    })

    it('names a file of blank lines and a binary JSONL file once each', async () => {
      const blank = file('blank.jsonl', '\n \n')
      const binary = file('binary.jsonl', Buffer.from([0x7b, 0, 0, 0x7d, 0x0a, 0x7b, 0, 0x7d]))
      expect((await readAll([blank, binary])).map(summary)).toEqual([
        `${blank}: empty file (only blank lines)`,
        `${binary}: binary file (it holds NUL bytes), not an article`,
      ])
    })

    it('refuses a device instead of reading it forever', async () => {
      expect(await readAll(['/dev/zero'])).toEqual([
        {
          ok: false,
          origin: '/dev/zero',
          reason: 'not a regular file (a device, socket or pipe), not an article',
          code: 'E_INPUT_UNREADABLE',
        },
      ])
    })

    it('reads Latin-1 and UTF-16 text, noting the Latin-1', async () => {
      const latin1 = file('latin1.txt', Buffer.from(story.replace('Lima', 'Bogotá'), 'latin1'))
      const utf16 = file('utf16.txt', Buffer.from(`\ufeff${story}`, 'utf16le'))
      const [first, second] = await readAll([latin1, utf16])
      expect(first).toMatchObject({
        ok: true,
        article: { title: 'Talks in Bogotá' },
        problems: [{ stage: 'ingest', code: 'W_ENCODING' }],
      })
      expect(second).toMatchObject({ ok: true, article: { title: 'Talks in Lima' }, problems: [] })
    })

    it('keeps an article dated in the future or in another language, with a problem', async () => {
      const future = file('future.txt', story.replace('2024-11-20', '2031-01-01'))
      const spanish = file('spanish.txt', 'Conversaciones en Lima\n\nEl enviado llegó a Lima.')
      const detectLanguage = (text: string): string => (text.includes('llegó') ? 'es' : 'en')
      const results = await readAll([future, spanish], { detectLanguage, today: '2025-01-01' })
      expect(results.map((r) => r.ok && r.problems.map((p) => p.code))).toEqual([
        ['W_FUTURE_DATE'],
        ['W_LANGUAGE'],
      ])
    })

    it('skips stdin over the size limit after reading it to the end', async () => {
      const stdin = Readable.from([Buffer.from('x'.repeat(700)), Buffer.from('y'.repeat(700))])
      const [result] = await readAll(['-'], { ...OPTIONS, stdin, maxBytes: 1024 })
      expect(result).toMatchObject({ ok: false, origin: '-', reason: /^too large: 1\.4 KB/ })
    })
  })
})
