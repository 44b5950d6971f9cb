import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'

import type { Article } from '../doc.js'
import { DyadError, type ErrorCode } from '../errors.js'
import type { DetectLanguage, ReaderOutcome } from './compose-article.js'
import { loadLanguageDetector } from './detect-language.js'
import { dayOf } from './find-published-date.js'
import { readHtml } from './readers/html.js'
import { readJsonl } from './readers/jsonl.js'
import { readText } from './readers/text.js'

/**
 * Turns the paths a user gives (files, folders, '-' for stdin) into articles, one at a time and
 * in a fixed order. Trouble with one input is an `ok: false` result, never a throw.
 */

/** One input's answer. `origin` names the file (and line, for JSONL) that gave no article. */
export type ReadResult =
  | { ok: true; article: Article }
  | { ok: false; origin: string; reason: string; code: ErrorCode }

export interface ReadInputsOptions {
  /** `--published YYYY-MM-DD`: the published day of every article, over anything found. */
  readonly publishedOverride?: string | null
  /** Language detector; loaded with eld when not given. */
  readonly detectLanguage?: DetectLanguage
  /** Where '-' reads from; process.stdin when not given. */
  readonly stdin?: AsyncIterable<string | Uint8Array>
}

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
  const detectLanguage = opts.detectLanguage ?? (await loadLanguageDetector())
  const finish = (result: ReadResult): ReadResult => {
    if (!result.ok || override === null) return result
    const article = { ...result.article, publishedOn: override, publishedBasis: 'option' }
    return { ok: true, article }
  }

  for (const path of paths) {
    if (path === '-') {
      const content = await readAll(opts.stdin ?? process.stdin)
      yield finish(readContent(content, '-', 'text', detectLanguage))
      continue
    }
    let isFolder: boolean
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      yield missing(path, error)
      continue
    }
    const files = isFolder ? await listFolder(path) : [path]
    for (const file of files) {
      for (const result of await readOneFile(file, !isFolder, detectLanguage)) yield finish(result)
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

/**
 * Every readable file under a folder, depth first, names sorted by code point (the same order
 * on every machine). Hidden files and folders ('.git') are skipped; a symlinked folder is read
 * once.
 */
async function listFolder(folder: string, seen = new Set<string>()): Promise<string[]> {
  const real = await realpath(folder)
  if (seen.has(real)) return []
  seen.add(real)
  const entries = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    const path = join(folder, entry.name)
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await isFolderPath(path)))
    if (isFolder) files.push(...(await listFolder(path, seen)))
    else if (kindOfPath(path) !== null) files.push(path)
  }
  return files
}

async function isFolderPath(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** One file's results (several for JSONL). A file named with an odd extension is read as text. */
async function readOneFile(
  path: string,
  isExplicit: boolean,
  detectLanguage: DetectLanguage,
): Promise<ReadResult[]> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return [unreadable(path, `cannot read the file (${code})`)]
  }
  if (bytes.includes(0)) {
    return [unreadable(path, 'binary file (it holds NUL bytes), not an article')]
  }
  const content = bytes.toString('utf8')
  if (content.replace(/^\uFEFF/u, '').trim() === '') return [unreadable(path, 'empty file')]

  const kind = kindOfPath(path) ?? (isExplicit ? 'text' : null)
  if (kind === null) return []
  if (kind === 'jsonl') {
    return readJsonl(content, path, { detectLanguage }).map((outcome) =>
      outcome.ok ? outcome : { ...outcome, code: 'E_INPUT_UNREADABLE' as const },
    )
  }
  return [readContent(content, path, kind, detectLanguage)]
}

function readContent(
  content: string,
  origin: string,
  kind: Exclude<Kind, 'jsonl'>,
  detectLanguage: DetectLanguage,
): ReadResult {
  if (content.replace(/^\uFEFF/u, '').trim() === '') return unreadable(origin, 'empty input')
  let outcome: ReaderOutcome
  if (kind === 'html') outcome = readHtml(content, origin, { detectLanguage })
  else outcome = readText(content, origin, { detectLanguage, markdown: kind === 'markdown' })
  return outcome.ok ? outcome : unreadable(origin, outcome.reason)
}

function kindOfPath(path: string): Kind | null {
  return KINDS[extname(path).toLowerCase()] ?? null
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
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
