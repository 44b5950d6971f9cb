/**
 * Turns the bytes of an input into text. UTF-8 is the default; UTF-16 is read by its byte-order
 * mark, or without one by the zero bytes of mostly-Latin text; bytes that are not valid UTF-8 are
 * read as Latin-1 (Windows-1252) one by one, so a UTF-8 file with a few stray Latin-1 bytes keeps
 * its UTF-8 characters. Binary files (a PDF, an image, an archive, anything holding NUL bytes) are
 * refused, named by kind where their first bytes tell.
 */

/** How the text was encoded. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/** The text of some bytes, or why they hold none. `note` says when bytes were read as Latin-1. */
export type DecodeOutcome =
  | { ok: true; text: string; encoding: TextEncoding; note: string | null }
  | { ok: false; reason: string }

export interface DecodeOptions {
  /**
   * Look for UTF-16 (by BOM or zero bytes). Off for one line of a JSONL file, which is UTF-8
   * (or Latin-1) by definition once the file as a whole was found not to be UTF-16.
   */
  readonly utf16?: boolean
}

/**
 * First bytes of common binary formats, so the skip names what the file is.
 * @example '%PDF-1.7 ...' -> 'a PDF document'
 */
const BINARY_SIGNATURES: readonly { readonly kind: string; readonly bytes: readonly number[] }[] = [
  { kind: 'a PDF document', bytes: ascii('%PDF-') },
  { kind: 'a ZIP archive, or a .docx, .xlsx or .epub', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: ascii('GIF8') },
  { kind: 'an old Word or Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1] },
  { kind: 'an SQLite database', bytes: ascii('SQLite format 3\u0000') },
  { kind: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
]

/** More control characters than this share of the text (a few are fine): binary, not text. */
const MAX_CONTROL_SHARE = 0.05

/** How much of the start is looked at to tell UTF-16 and binary data. */
const SNIFF_BYTES = 4096

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/gu

/**
 * Windows-1252 (what the web means by 'latin1') for 0x80-0x9F: curly quotes, dashes, the euro.
 * The five bytes it leaves undefined stay C1 controls. Node's TextDecoder('windows-1252') gives
 * ISO-8859-1 instead, hence the table.
 */
const WINDOWS_1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]

/** Windows-1252 for the bytes 0x80-0xFF, one string per byte (0xA0-0xFF are Latin-1 itself). */
const LATIN1_HIGH: readonly string[] = Array.from({ length: 128 }, (_, i) =>
  String.fromCharCode(WINDOWS_1252_80_9F[i] ?? 0x80 + i),
)

/**
 * The text of an input's bytes.
 * @example decodeBytes(Buffer.from('Caf\xe9 talks', 'latin1'))
 *   -> { ok: true, text: 'Café talks', encoding: 'utf-8',
 *        note: 'not valid UTF-8: 1 byte read as Latin-1 (Windows-1252), the first at byte 3' }
 * @example decodeBytes(Buffer.from('%PDF-1.7 ...'))
 *   -> { ok: false, reason: 'binary file (a PDF document), not an article' }
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeOutcome {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes))
  if (signature !== undefined) return binary(signature.kind)

  const utf16 = opts.utf16 === false ? null : utf16Of(bytes)
  let text: string
  let encoding: TextEncoding = 'utf-8'
  let note: string | null = null
  if (utf16 !== null) {
    encoding = utf16.encoding
    // An odd last byte (a stray newline a tool appended) is not half of a character: it goes.
    const end = utf16.bomLength + Math.floor((bytes.length - utf16.bomLength) / 2) * 2
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
        bytes.subarray(utf16.bomLength, end),
      )
    } catch {
      return binary(`broken ${encoding.toUpperCase()}: unpaired surrogates`)
    }
  } else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes
    const decoded = decodeUtf8OrLatin1(body)
    text = decoded.text
    if (decoded.latin1Bytes > 0) {
      const count = `${decoded.latin1Bytes} byte${decoded.latin1Bytes === 1 ? '' : 's'}`
      const at = (decoded.firstLatin1At ?? 0) + bytes.length - body.length
      note = `not valid UTF-8: ${count} read as Latin-1 (Windows-1252), the first at byte ${at}`
    }
  }

  if (text.includes('\u0000')) return binary('it holds NUL bytes')
  const start = text.slice(0, SNIFF_BYTES)
  const controls = start.match(CONTROL)?.length ?? 0
  if (controls > 0 && controls / start.length > MAX_CONTROL_SHARE) {
    return binary(`${Math.round((100 * controls) / start.length)}% control characters`)
  }
  return { ok: true, text, encoding, note }
}

/**
 * UTF-16 by its byte-order mark, or by zero bytes: Latin text in UTF-16LE has a zero in every odd
 * byte ('I\0r\0a\0n\0'), in UTF-16BE in every even one; binary data has zeros in both.
 */
function utf16Of(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } | null {
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 }
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 }
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2)
  if (pairs < 2) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const isMost = (n: number): boolean => n >= pairs * 0.3
  const isFew = (n: number): boolean => n <= pairs * 0.02
  if (isMost(oddZeros) && isFew(evenZeros)) return { encoding: 'utf-16le', bomLength: 0 }
  if (isMost(evenZeros) && isFew(oddZeros)) return { encoding: 'utf-16be', bomLength: 0 }
  return null
}

/**
 * Valid UTF-8 sequences as UTF-8, every other byte as its Windows-1252 character.
 * @example decodeUtf8OrLatin1(Buffer.from([0x4c, 0xe9, 0x6f, 0x6e])).text -> 'Léon'
 */
export function decodeUtf8OrLatin1(bytes: Uint8Array): {
  text: string
  latin1Bytes: number
  firstLatin1At: number | null
} {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  try {
    return { text: utf8.decode(bytes), latin1Bytes: 0, firstLatin1At: null }
  } catch {
    // Some bytes are not UTF-8: walk the bytes, below.
  }
  const parts: string[] = []
  let latin1Bytes = 0
  let firstLatin1At: number | null = null
  let runStart = 0
  let i = 0
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i)
    if (length > 0) {
      i += length
      continue
    }
    if (runStart < i) parts.push(utf8.decode(bytes.subarray(runStart, i)))
    parts.push(LATIN1_HIGH[(bytes[i] ?? 0x80) - 0x80] ?? '\ufffd')
    latin1Bytes++
    firstLatin1At ??= i
    i++
    runStart = i
  }
  if (runStart < bytes.length) parts.push(utf8.decode(bytes.subarray(runStart)))
  return { text: parts.join(''), latin1Bytes, firstLatin1At }
}

/**
 * The length of the valid UTF-8 sequence starting at `i` (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or 0 when the byte there starts none.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0
  if (b0 < 0x80) return 1
  const continuation = (k: number, low = 0x80, high = 0xbf): boolean => {
    const b = bytes[i + k]
    return b !== undefined && b >= low && b <= high
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(1) ? 2 : 0
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80
    const high = b0 === 0xed ? 0x9f : 0xbf
    return continuation(1, low, high) && continuation(2) ? 3 : 0
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80
    const high = b0 === 0xf4 ? 0x8f : 0xbf
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0
  }
  return 0
}

/**
 * True when the first bytes look like a binary format or hold NUL bytes that are not UTF-16.
 * Used on the head of a JSONL file before it is read line by line.
 * @example binaryReasonOf(Buffer.from([0x1f, 0x8b, 8, 0]))
 *   -> 'binary file (a gzip archive), not an article'
 */
export function binaryReasonOf(head: Uint8Array): string | null {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(head, s.bytes))
  if (signature !== undefined) return binary(signature.kind).reason
  if (utf16Of(head) === null && head.includes(0)) return binary('it holds NUL bytes').reason
  return null
}

/** Whether some bytes (the head of a file) are UTF-16 text. */
export function isUtf16(head: Uint8Array): boolean {
  return utf16Of(head) !== null
}

function binary(what: string): { ok: false; reason: string } {
  return { ok: false, reason: `binary file (${what}), not an article` }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
}

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0))
}
