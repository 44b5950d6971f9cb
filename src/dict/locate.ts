/**
 * Where things are in a dictionary file: YAML is parsed with a LineCounter so that any path into
 * the data (['entries', 42, 'roles', 0, 'from']) can be named as
 * `file:line: entry "Ebrahim Raisi": field roles[0].from`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import { recall, remember } from './parse-cache.js'

/** A path into a file's data, as zod reports it. @example ['entries', 3, 'roles', 0, 'from'] */
export type DataPath = readonly (string | number)[]

/** One parsed dictionary file. */
export interface ParsedFile {
  /** The file as shown in messages. @example 'dictionaries/people/asia.yaml' */
  readonly display: string
  /** The plain data (undefined when the YAML itself is broken). */
  readonly data: unknown
  /** YAML syntax errors, already worded as `file:line: ...`. */
  readonly problems: readonly string[]
  /** Name a place. @example where(['entries', 3, 'name']) -> 'x.yaml:20: entry "Iran"' */
  where(path: DataPath): string
}

/** Parse one file's text. @example parseDictionaryFile('dictionaries/roles.yaml', text).data */
export function parseDictionaryFile(display: string, source: string): ParsedFile {
  // A file parsed before (parse-cache.ts) is read back; its positions are parsed when a
  // message needs one.
  const known = recall(source)
  let parsed = known === undefined ? parseWithPositions(source) : null
  const positions = (): Positioned => (parsed ??= parseWithPositions(source))
  const problems = parsed === null ? [] : parsed.doc.errors.map((error) => {
    const line = error.linePos?.[0].line ?? 1
    const message = error.message.split('\n')[0] ?? error.message
    return `${display}:${line}: YAML syntax: ${message}`
  })
  const data: unknown = known !== undefined ? known.data : problems.length === 0 ? parsed?.doc.toJS() : undefined
  if (known === undefined && problems.length === 0) remember(source, data)
  return {
    display,
    data,
    problems,
    where: (path) => {
      const { doc, lineCounter } = positions()
      const line = lineCounter.linePos(offsetOf(doc, path)).line
      return `${display}:${line}${describePath(data, path)}`
    },
  }
}

interface Positioned {
  readonly doc: Document
  readonly lineCounter: LineCounter
}

function parseWithPositions(source: string): Positioned {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true })
  return { doc, lineCounter }
}

/** The start offset of the deepest node the path reaches (a key's line for map fields). */
function offsetOf(doc: Document, path: DataPath): number {
  let node: unknown = doc.contents
  let offset = rangeStart(node) ?? 0
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment)
      if (!pair) break
      offset = rangeStart(pair.key) ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (item === undefined) break
      offset = rangeStart(item) ?? offset
      node = item
    } else {
      break
    }
  }
  return offset
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null)?.range
  return range?.[0]
}

/** ': entry "Ebrahim Raisi": field roles[0].from' for ['entries', 3, 'roles', 0, 'from']. */
function describePath(data: unknown, path: DataPath): string {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') {
    return path.length > 0 ? `: field ${formatField(path)}` : ''
  }
  const entries = (data as { entries?: unknown[] } | undefined)?.entries
  const label = entryLabel(entries?.[path[1]], path[1])
  const field = path.slice(2)
  return field.length > 0 ? `: ${label}: field ${formatField(field)}` : `: ${label}`
}

/** 'entry "Iran"' from the entry's name, code or id; 'entry 4' when it has none. */
function entryLabel(entry: unknown, index: number): string {
  const record = (entry ?? {}) as Record<string, unknown>
  for (const key of ['name', 'code', 'id']) {
    const value = record[key]
    if (typeof value === 'string') return `entry "${value}"`
  }
  return `entry ${index + 1}`
}

/** ['roles', 0, 'from'] -> 'roles[0].from' */
export function formatField(path: DataPath): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`
      return i === 0 ? segment : `.${segment}`
    })
    .join('')
}

/** Remembers which file and entry each loaded entry came from, for cross-reference messages. */
export interface Locator {
  remember(entry: object, file: ParsedFile, index: number): void
  /**
   * Name a place in a loaded entry.
   * @example where(raisi, ['roles', 0, 'role'])
   *   -> 'people/asia.yaml:42: entry "Ebrahim Raisi": field roles[0].role'
   */
  where(entry: object, path?: DataPath): string
}

/** A Locator backed by a WeakMap from entry objects to their origin. */
export function createLocator(): Locator {
  const origins = new WeakMap<object, { file: ParsedFile; index: number }>()
  return {
    remember: (entry, file, index) => origins.set(entry, { file, index }),
    where: (entry, path = []) => {
      const origin = origins.get(entry)
      if (!origin) return '(unknown place)'
      return origin.file.where(['entries', origin.index, ...path])
    },
  }
}
