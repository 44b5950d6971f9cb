import { createReadStream } from 'node:fs'
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'

import type { Article, Problem } from '../doc.js'
import { DyadError, type ErrorCode } from '../errors.js'
import { formatByteSize } from './byte-size.js'
import { checkArticle, todayUtc } from './check-article.js'
import type { DetectLanguage, ReaderOutcome } from './compose-article.js'
import { binaryReasonOf, decodeBytes, isUtf16 } from './decode.js'
import { loadArticleLanguageDetector } from './detect-language.js'
import { dayOf } from './find-published-date.js'
import { readHtml } from './readers/html.js'
import { readJsonlLine } from './readers/jsonl.js'
import { readText } from './readers/text.js'
import { isWebInput, readWebInput, type WebReadOptions } from '../monitor/web-inputs.js'

/**
 * Turns the paths a user gives (files, folders, '-' for stdin) into articles, one at a time and
 * in a fixed order. Trouble with one input is an `ok: false` result, never a throw: an empty,
 * binary or oversized file, a broken JSONL line, a file a reader chokes on. What is odd about an
 * article that is kept (bytes read as Latin-1, a date in the future, another language) comes with
 * it as a `Problem`.
 */

/** One input's answer. `origin` names the file (and line, for JSONL) that gave no article. */
export type ReadResult =
  | { ok: true; article: Article; problems: readonly Problem[] }
  | { ok: false; origin: string; reason: string; code: ErrorCode }

export interface ReadInputsOptions {
  /** `--published YYYY-MM-DD`: the published day of every article, over anything found. */
  readonly publishedOverride?: string | null
  /** Article language detector; loaded with eld when not given. */
  readonly detectLanguage?: DetectLanguage
  /** Where '-' reads from; process.stdin when not given. */
  readonly stdin?: AsyncIterable<string | Uint8Array>
  /**
   * `--max-size`: the most bytes one article may take, as a file, a JSONL line or stdin; larger
   * ones are skipped unread. `DEFAULT_MAX_BYTES` when not given.
   */
  readonly maxBytes?: number
  /** Today as YYYY-MM-DD (UTC), for the future-date check; the real today when not given. */
  readonly today?: string
  /** How URLs and feed files (.rss, .atom, .xml) are read: src/monitor/web-inputs.ts. */
  readonly web?: Omit<WebReadOptions, 'detectLanguage' | 'maxBytes'>
}

/** 10 MB: far above any news article (a long one is 50 KB of text, its page 2 MB of HTML). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/**
 * A UTF-16 JSONL file cannot be split into lines byte by byte; it is read whole, up to this size.
 * JSON Lines is UTF-8 by definition, so such files are rare.
 */
const MAX_UTF16_JSONL_BYTES = 256 * 1024 * 1024

type Kind = 'text' | 'markdown' | 'html' | 'jsonl'

/** File extensions and their readers. Inside a folder, files with other extensions are skipped. */
const KINDS: Readonly<Record<string, Kind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
}

/** What every file of a run is read with. */
interface Context {
  readonly detectLanguage: DetectLanguage
  readonly maxBytes: number
}

/**
 * Read every article the paths hold: folders recursively in sorted order, JSONL line by line.
 * @example for await (const r of readInputs(['corpus/', 'extra.html'], {})) console.log(r.ok)
 *   -> true, true, ... (one per article, or false with origin and reason)
 */
export async function* readInputs(
  paths: string[],
  opts: ReadInputsOptions = {},
): AsyncGenerator<ReadResult> {
  const override = overrideDayOf(opts.publishedOverride ?? null)
  const today = opts.today ?? todayUtc()
  const context: Context = {
    detectLanguage: opts.detectLanguage ?? (await loadArticleLanguageDetector()),
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
  }
  const finish = (result: ReadResult): ReadResult => {
    if (!result.ok) return result
    const article =
      override === null
        ? result.article
        : { ...result.article, publishedOn: override, publishedBasis: 'option' }
    return { ok: true, article, problems: [...result.problems, ...checkArticle(article, today)] }
  }

  for (const path of paths) {
    if (path === '-') {
      yield finish(await readStdin(opts.stdin ?? process.stdin, context))
      continue
    }
    if (isWebInput(path)) {
      const web = {
        ...opts.web,
        detectLanguage: context.detectLanguage,
        maxBytes: context.maxBytes,
      }
      for await (const result of readWebInput(path, web)) yield finish(result)
      continue
    }
    let isFolder: boolean
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      yield missing(path, error)
      continue
    }
    const files = isFolder ? listFolder(path) : single(path)
    for await (const file of files) {
      if (typeof file !== 'string') yield file
      else for await (const result of readOneFile(file, !isFolder, context)) yield finish(result)
    }
  }
}

/** The override as a day, or a usage error. @example overrideDayOf('2024-11-20') -> '2024-11-20' */
function overrideDayOf(value: string | null): string | null {
  if (value === null) return null
  const day = /^\d{4}-\d{2}-\d{2}/u.test(value.trim()) ? dayOf(value) : null
  if (day === null) {
    throw new DyadError('E_USAGE', `--published '${value}' is not a date; give it as YYYY-MM-DD.`)
  }
  return day
}

async function* single(path: string): AsyncGenerator<string> {
  yield path
}

/**
 * Every readable file under a folder, depth first, names sorted by code point (the same order
 * on every machine). Hidden files and folders ('.git') are skipped; a symlinked folder is read
 * once; a subfolder that cannot be listed is one failed result.
 */
async function* listFolder(
  folder: string,
  seen = new Set<string>(),
): AsyncGenerator<string | ReadResult> {
  let entries
  try {
    const real = await realpath(folder)
    if (seen.has(real)) return
    seen.add(real)
    entries = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  } catch (error) {
    yield unreadable(folder, `cannot list the folder (${codeOf(error)})`)
    return
  }
  for (const entry of entries) {
    const path = join(folder, entry.name)
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await isFolderPath(path)))
    if (isFolder) yield* listFolder(path, seen)
    else if (kindOfPath(path) !== null) yield path
  }
}

async function isFolderPath(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/**
 * One file's results (several for JSONL). A file named with an odd extension is read as text.
 * Only regular files are read: a FIFO or a device ('/dev/zero') would never end.
 */
async function* readOneFile(
  path: string,
  isExplicit: boolean,
  context: Context,
): AsyncGenerator<ReadResult> {
  const kind = kindOfPath(path) ?? (isExplicit ? 'text' : null)
  if (kind === null) return
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) {
      yield unreadable(path, 'not a regular file (a device, socket or pipe), not an article')
      return
    }
    size = info.size
  } catch (error) {
    yield unreadable(path, `cannot read the file (${codeOf(error)})`)
    return
  }
  if (size === 0) {
    yield unreadable(path, 'empty file')
    return
  }
  if (kind === 'jsonl') {
    yield* readJsonlFile(path, size, context)
    return
  }
  if (size > context.maxBytes) {
    yield unreadable(path, tooLarge(size, context.maxBytes))
    return
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    yield unreadable(path, `cannot read the file (${codeOf(error)})`)
    return
  }
  yield readBytes(bytes, path, kind, context, 'empty file')
}

/** One text, Markdown or HTML article from its bytes. */
function readBytes(
  bytes: Uint8Array,
  origin: string,
  kind: Exclude<Kind, 'jsonl'>,
  context: Context,
  emptyReason: string,
): ReadResult {
  const decoded = decodeBytes(bytes)
  if (!decoded.ok) return unreadable(origin, decoded.reason)
  if (decoded.text.trim() === '') return unreadable(origin, emptyReason)
  const { detectLanguage } = context
  let outcome: ReaderOutcome
  try {
    if (kind === 'html') outcome = readHtml(decoded.text, origin, { detectLanguage })
    else outcome = readText(decoded.text, origin, { detectLanguage, markdown: kind === 'markdown' })
  } catch (error) {
    return unreadable(origin, readerFailed(kind, error))
  }
  if (!outcome.ok) return unreadable(origin, outcome.reason)
  return { ok: true, article: outcome.article, problems: encodingProblems(decoded.note) }
}

/**
 * A JSONL file, one line at a time (a file of any size streams through; one line over the size
 * limit is skipped unread). A binary file is one failure, not one per "line".
 */
async function* readJsonlFile(
  path: string,
  size: number,
  context: Context,
): AsyncGenerator<ReadResult> {
  let head: Buffer
  try {
    head = await readHead(path, 4096)
  } catch (error) {
    yield unreadable(path, `cannot read the file (${codeOf(error)})`)
    return
  }
  const binary = binaryReasonOf(head)
  if (binary !== null) {
    yield unreadable(path, binary)
    return
  }
  let results = 0
  const lines = isUtf16(head) ? readUtf16Jsonl(path, size, context) : readUtf8Jsonl(path, context)
  for await (const result of lines) {
    results++
    yield result
  }
  // A file of blank lines gives no article and no broken line: it must still be named.
  if (results === 0) yield unreadable(path, 'empty file (only blank lines)')
}

async function* readUtf8Jsonl(path: string, context: Context): AsyncGenerator<ReadResult> {
  try {
    for await (const line of linesOf(path, context.maxBytes)) {
      const result = jsonlLineResult(line, path, context)
      if (result !== null) yield result
    }
  } catch (error) {
    yield unreadable(path, `cannot read the file (${codeOf(error)})`)
  }
}

/** One line of a JSONL file as read by `linesOf`. */
interface Line {
  /** 1-based. */
  readonly number: number
  /** The line's bytes without its line break; null when it was over the limit. */
  readonly bytes: Buffer | null
  readonly size: number
}

function jsonlLineResult(line: Line, path: string, context: Context): ReadResult | null {
  const origin = `${path}:${line.number}`
  if (line.bytes === null) return unreadable(origin, tooLarge(line.size, context.maxBytes))
  const decoded = decodeBytes(line.bytes, { utf16: false })
  if (!decoded.ok) return unreadable(origin, decoded.reason.replace(/^binary file/u, 'binary data'))
  return jsonlTextResult(decoded.text, line.number, path, context, decoded.note)
}

function jsonlTextResult(
  text: string,
  number: number,
  path: string,
  context: Context,
  note: string | null,
): ReadResult | null {
  const line = text.replace(/^\uFEFF/u, '').replace(/\r$/u, '')
  if (line.trim() === '') return null
  const origin = `${path}:${number}`
  try {
    const outcome = readJsonlLine(line, path, context.detectLanguage)
    if (!outcome.ok) return unreadable(origin, outcome.reason)
    return { ok: true, article: outcome.article, problems: encodingProblems(note) }
  } catch (error) {
    return unreadable(origin, readerFailed('jsonl', error))
  }
}

/** A UTF-16 JSONL file: decoded whole, then split into lines. */
async function* readUtf16Jsonl(
  path: string,
  size: number,
  context: Context,
): AsyncGenerator<ReadResult> {
  if (size > MAX_UTF16_JSONL_BYTES) {
    const limit = formatByteSize(MAX_UTF16_JSONL_BYTES)
    yield unreadable(path, `UTF-16 JSONL over ${limit}: convert it to UTF-8 (JSON Lines is UTF-8)`)
    return
  }
  let decoded
  try {
    decoded = decodeBytes(await readFile(path))
  } catch (error) {
    yield unreadable(path, `cannot read the file (${codeOf(error)})`)
    return
  }
  if (!decoded.ok) {
    yield unreadable(path, decoded.reason)
    return
  }
  const lines = decoded.text.split('\n')
  for (const [i, text] of lines.entries()) {
    const bytes = text.length * 2
    if (bytes > context.maxBytes) {
      yield unreadable(`${path}:${i + 1}`, tooLarge(bytes, context.maxBytes))
      continue
    }
    const result = jsonlTextResult(text, i + 1, path, context, null)
    if (result !== null) yield result
  }
}

/**
 * The lines of a file, streamed: a line longer than `maxBytes` is not kept in memory, only
 * counted, so one 2 GB line costs no more than a short one.
 */
async function* linesOf(path: string, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let size = 0
  let number = 1
  const take = (): Line => {
    const line = { number, bytes: size > maxBytes ? null : Buffer.concat(parts), size }
    parts = []
    size = 0
    number++
    return line
  }
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer
    let start = 0
    for (;;) {
      const end = buffer.indexOf(0x0a, start)
      const piece = buffer.subarray(start, end === -1 ? buffer.length : end)
      size += piece.length
      if (size <= maxBytes) parts.push(piece)
      else parts = []
      if (end === -1) break
      yield take()
      start = end + 1
    }
  }
  if (size > 0) yield take()
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await file.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

/** stdin as one plain-text article; more than `maxBytes` is drained and skipped. */
async function readStdin(
  stream: AsyncIterable<string | Uint8Array>,
  context: Context,
): Promise<ReadResult> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk)
    size += buffer.length
    // Past the limit, read on (the writer must not block or see a broken pipe) but keep nothing.
    if (size <= context.maxBytes) chunks.push(buffer)
    else chunks.length = 0
  }
  if (size > context.maxBytes) return unreadable('-', tooLarge(size, context.maxBytes))
  if (size === 0) return unreadable('-', 'empty input')
  return readBytes(Buffer.concat(chunks), '-', 'text', context, 'empty input')
}

/** The Problem of bytes read as Latin-1, when there were any. */
function encodingProblems(note: string | null): Problem[] {
  return note === null ? [] : [{ stage: 'ingest', code: 'W_ENCODING', message: note }]
}

/**
 * Why an input is skipped for its size.
 * @example tooLarge(52428800, 10485760)
 *   -> 'too large: 50 MB, over the limit of 10 MB per article (--max-size)'
 */
function tooLarge(size: number, maxBytes: number): string {
  const limit = formatByteSize(maxBytes)
  return `too large: ${formatByteSize(size)}, over the limit of ${limit} per article (--max-size)`
}

/** A reader that throws has a bug; the input is skipped with the error, and the run goes on. */
function readerFailed(kind: Kind, error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return `the ${kind} reader failed (${message.slice(0, 200)}); please report this input`
}

/** How a file is read, by its extension. @example kindOfPath('a/feed.JSONL') -> 'jsonl' */
export function kindOfPath(path: string): Kind | null {
  return KINDS[extname(path).toLowerCase()] ?? null
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}

function missing(path: string, error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
    ? { ok: false, origin: path, reason: 'no such file or folder', code: 'E_INPUT_MISSING' }
    : unreadable(path, `cannot read (${code ?? String(error)})`)
}

function unreadable(origin: string, reason: string): ReadResult {
  return { ok: false, origin, reason, code: 'E_INPUT_UNREADABLE' }
}
