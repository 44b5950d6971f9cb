/**
 * issue-8: the readers never throw, whatever the string or the bytes, and what they answer is
 * well-formed: an article with text, id and hash that agree, or a reason naming the input.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { Article } from '../../src/doc.js'
import { hashText } from '../../src/ingest/compose-article.js'
import { decodeBytes } from '../../src/ingest/decode.js'
import { readInputs, type ReadResult } from '../../src/ingest/read-inputs.js'
import { readHtml } from '../../src/ingest/readers/html.js'
import { readJsonl } from '../../src/ingest/readers/jsonl.js'
import { readText } from '../../src/ingest/readers/text.js'
import { makeTempDir } from '../helpers/run-cli.js'
import { anyText, isValidDay, newsText } from './arbitraries.js'

const detectLanguage = (): string => 'en'

/** Everything an article must satisfy, whichever reader made it. */
function expectWellFormed(article: Article): void {
  expect(article.id.trim()).not.toBe('')
  expect(article.text.trim()).not.toBe('')
  expect(article.contentHash).toBe(hashText(article.text))
  if (article.title !== null) expect(article.text.startsWith(article.title)).toBe(true)
  if (article.publishedOn !== null) expect(isValidDay(article.publishedOn)).toBe(true)
  // No control character survives into the text (tab and line breaks aside).
  expect(article.text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/)
}

function expectWellFormedResult(result: ReadResult, path: string): void {
  if (result.ok) {
    expectWellFormed(result.article)
    for (const problem of result.problems) expect(problem.message).not.toBe('')
  } else {
    expect(result.origin.startsWith(path)).toBe(true)
    expect(result.reason.trim()).not.toBe('')
  }
}

/** An HTML page built from random pieces: tags (closed or not) around news-like text. */
const htmlPage = fc
  .array(
    fc.oneof(
      newsText(8),
      fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<title>', '</title>', '<head>', '<body>'),
      fc.constantFrom('<meta property="article:published_time" content="2024-11-20">', '<b>'),
      fc.constantFrom('<script>', '</script>', '<!--', '-->', '<table><tr><td>', '<', '>', '&'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

describe('issue-8: readers on arbitrary input', () => {
  it('readText never throws and answers an article or a reason', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (content, markdown) => {
        const outcome = readText(content, 'input.txt', { detectLanguage, markdown })
        if (outcome.ok) expectWellFormed(outcome.article)
        else expect(outcome.reason).not.toBe('')
      }),
      { numRuns: 300 },
    )
  })

  it('readHtml never throws on broken pages', () => {
    fc.assert(
      fc.property(fc.oneof(htmlPage, anyText), (content) => {
        const outcome = readHtml(content, 'page.html', { detectLanguage })
        if (outcome.ok) expectWellFormed(outcome.article)
        else expect(outcome.reason).not.toBe('')
      }),
      { numRuns: 150 },
    )
  })

  it('readJsonl never throws and names the line of each broken one', () => {
    const jsonLine = fc
      .record({
        id: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.integer(), fc.constant(null)),
        title: fc.oneof(newsText(6), fc.constant(null)),
        text: fc.oneof(newsText(), fc.integer()),
        published: fc.oneof(
          fc.constantFrom('2024-11-20', '2024-02-30', 'yesterday'),
          fc.constant(null),
        ),
      })
      .map((record) => JSON.stringify(record))
    const line = fc.oneof(
      jsonLine,
      anyText,
      jsonLine.map((l) => l.slice(0, l.length >> 1)),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const content = lines.join('\n')
        const outcomes = readJsonl(content, 'feed.jsonl', { detectLanguage })
        const lineCount = content.split('\n').length
        let previous = 0
        for (const outcome of outcomes) {
          if (outcome.ok) {
            expectWellFormed(outcome.article)
            continue
          }
          const number = Number(/^feed\.jsonl:(\d+)$/.exec(outcome.origin)?.[1])
          expect(number).toBeGreaterThan(previous)
          expect(number).toBeLessThanOrEqual(lineCount)
          expect(outcome.reason).not.toBe('')
          previous = number
        }
      }),
      { numRuns: 200 },
    )
  })

  describe('decodeBytes', () => {
    /** Text with no control characters (those make binary verdicts, tested apart). */
    const plainText = anyText.map((text) =>
      text
        .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''),
    )

    it('never throws on any bytes, and never gives text holding a NUL', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
          const decoded = decodeBytes(bytes)
          if (decoded.ok) expect(decoded.text).not.toContain('\u0000')
          else expect(decoded.reason).toMatch(/^binary file \(.+\), not an article$/)
        }),
        { numRuns: 300 },
      )
    })

    it('gives back any UTF-8 text exactly, with no note', () => {
      fc.assert(
        fc.property(plainText, (text) => {
          fc.pre(!text.startsWith('\ufeff'))
          expect(decodeBytes(Buffer.from(text, 'utf8'))).toEqual({
            ok: true,
            text,
            encoding: 'utf-8',
            note: null,
          })
        }),
        { numRuns: 300 },
      )
    })

    it('gives back UTF-16 text with a byte-order mark, either byte order', () => {
      fc.assert(
        fc.property(plainText, fc.boolean(), (text, isBigEndian) => {
          const bytes = Buffer.from(`\ufeff${text}`, 'utf16le')
          const decoded = decodeBytes(isBigEndian ? bytes.swap16() : bytes)
          expect(decoded).toMatchObject({ ok: true, text, note: null })
        }),
        { numRuns: 200 },
      )
    })

    it('reads Latin-1 text as Latin-1 and counts the bytes it had to', () => {
      // Each accented letter is followed by ASCII, so no two bytes can pass for UTF-8.
      const ascii = fc
        .string({ unit: 'binary-ascii', maxLength: 3 })
        .map((text) => text.replace(/[\u0000-\u001f\u007f]/g, '') || 'a')
      const latin1Word = fc
        .tuple(fc.integer({ min: 0xa0, max: 0xff }), ascii)
        .map(([code, rest]) => `${String.fromCharCode(code)}${rest}`)
      fc.assert(
        fc.property(fc.array(latin1Word, { minLength: 1, maxLength: 20 }), (words) => {
          const text = words.join(' ')
          const decoded = decodeBytes(Buffer.from(text, 'latin1'))
          expect(decoded).toMatchObject({ ok: true, text })
          expect(decoded.ok && decoded.note).toMatch(
            new RegExp(
              `^not valid UTF-8: ${words.length} bytes? read as Latin-1 \\(Windows-1252\\)`,
            ),
          )
        }),
        { numRuns: 200 },
      )
    })
  })

  describe('readInputs on files of arbitrary bytes', () => {
    const temp = makeTempDir('dyad-bytes-')
    afterAll(() => temp.remove())
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      newsText().map((text) => new Uint8Array(Buffer.from(text, 'utf8'))),
      newsText().map((text) => new Uint8Array(Buffer.from(text, 'latin1'))),
      newsText().map((text) => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'))),
    )

    it('never throws, and answers every file with articles or named failures', async () => {
      let run = 0
      await fc.assert(
        fc.asyncProperty(
          bytes,
          fc.constantFrom('txt', 'md', 'html', 'jsonl'),
          async (content, ext) => {
            const path = join(temp.dir, `input-${run++}.${ext}`)
            writeFileSync(path, content)
            const results: ReadResult[] = []
            for await (const result of readInputs([path], { detectLanguage, maxBytes: 1500 })) {
              results.push(result)
            }
            expect(results.length).toBeGreaterThan(0)
            for (const result of results) expectWellFormedResult(result, path)
          },
        ),
        { numRuns: 150 },
      )
    })
  })
})
