import { describe, expect, it } from 'vitest'

import { binaryReasonOf, decodeBytes, decodeUtf8OrLatin1 } from './decode.js'

const text = 'Iran and Iraq met in Baghdad.'

describe('decode', () => {
  it.each([
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.from(`\ufeff${text}`), 'utf-8'],
    ['UTF-16LE with a BOM', Buffer.from(`\ufeff${text}`, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with a BOM', Buffer.from(`\ufeff${text}`, 'utf16le').swap16(), 'utf-16be'],
    ['UTF-16LE without a BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE without a BOM', Buffer.from(text, 'utf16le').swap16(), 'utf-16be'],
    [
      'UTF-16LE with a stray last byte',
      Buffer.from(`\ufeff${text}\n`, 'utf16le').subarray(0, -1),
      'utf-16le',
    ],
  ])('reads %s', (_, bytes, encoding) => {
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, encoding, note: null })
    expect(decodeBytes(bytes).ok && decodeBytes(bytes).text).toMatch(
      /^Iran and Iraq met in Baghdad\.\n?$/,
    )
  })

  it('reads bytes that are not UTF-8 as Latin-1 and says where', () => {
    const bytes = Buffer.from('Caf\u00e9 talks in S\u00e3o Paulo', 'latin1')
    expect(decodeBytes(bytes)).toEqual({
      ok: true,
      text: 'Café talks in São Paulo',
      encoding: 'utf-8',
      note: 'not valid UTF-8: 2 bytes read as Latin-1 (Windows-1252), the first at byte 3',
    })
  })

  it('keeps the UTF-8 characters of a file with one stray Latin-1 byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('Bogotá “talks” '),
      Buffer.from([0xe9]),
      Buffer.from('!'),
    ])
    expect(decodeUtf8OrLatin1(bytes)).toEqual({
      text: 'Bogotá “talks” é!',
      latin1Bytes: 1,
      firstLatin1At: 20,
    })
  })

  it('reads 0x80-0x9F as Windows-1252 (curly quotes, dashes), not as C1 controls', () => {
    const bytes = Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0x20, 0x96, 0x20, 0x80])
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, text: '“OK” – €' })
  })

  it.each([
    ['%PDF-1.7\n', 'a PDF document'],
    ['PK\u0003\u0004', 'a ZIP archive, or a .docx, .xlsx or .epub'],
    ['\u001f\u008b\u0008', 'a gzip archive'],
    ['\u0089PNG\r\n', 'a PNG image'],
    ['SQLite format 3\u0000', 'an SQLite database'],
    ['Iran\u0000Iraq', 'it holds NUL bytes'],
    ['\u0001\u0002\u0003\u0004 Iran and Iraq met', '18% control characters'],
  ])('refuses %j as %s', (start, kind) => {
    const outcome = decodeBytes(Buffer.from(start, 'latin1'))
    expect(outcome).toEqual({ ok: false, reason: `binary file (${kind}), not an article` })
  })

  it('keeps a text with a few control characters (an old DOS end-of-file mark)', () => {
    expect(decodeBytes(Buffer.from(`${text.repeat(3)}\u001a`))).toMatchObject({ ok: true })
  })

  it('refuses UTF-16 with unpaired surrogates', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, reason: /broken UTF-16LE/ })
  })

  it.each([
    ['a gzip head', [0x1f, 0x8b, 0x08, 0x00], 'binary file (a gzip archive), not an article'],
    [
      'NUL bytes',
      [0x7b, 0x00, 0x00, 0x7d, 0x00, 0x00, 0x01, 0x02],
      'binary file (it holds NUL bytes), not an article',
    ],
    ['UTF-16 text', [...Buffer.from('{"id": "a"}', 'utf16le')], null],
    ['UTF-8 text', [...Buffer.from('{"id": "a"}')], null],
  ])('tells binary from text by the head of a JSONL file: %s', (_, head, reason) => {
    expect(binaryReasonOf(Uint8Array.from(head))).toBe(reason)
  })
})
