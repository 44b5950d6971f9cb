import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

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
      'binary file (it holds NUL bytes), not an article',
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
})
