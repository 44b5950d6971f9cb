/**
 * Load and validate everything under dictionaries/. Each file kind is one row of FILE_KINDS; every
 * entry is checked by its zod schema (src/dict/schema.ts), then the cross-references between files
 * are checked (src/dict/check.ts). Any failure raises one E_DICT_SCHEMA that lists every problem as
 * `file:line: entry "name": field path: what is wrong`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { DyadError } from '../errors.js'
import { checkDictionaries } from './check.js'
import { createLocator, parseDictionaryFile, type Locator, type ParsedFile } from './locate.js'
import {
  countryEntrySchema,
  fileSchema,
  headerSchema,
  personEntrySchema,
  roleEntrySchema,
} from './schema.js'
import type { Dictionaries } from './types.js'
import { cameoSchema, eventPatternSchema, grammarSchema } from '../coding/pattern-schema.js'
import { dateCueListsSchema } from '../nlp/date-cues.js'

/** A kind made of `entries:` lists, possibly spread over several files. */
interface EntriesKind<T> {
  /** Files or folders under dictionaries/; a folder (ending in '/') contributes all its *.yaml. */
  readonly paths: readonly string[]
  readonly entry: z.ZodType<T>
  /** What names an entry in messages and orders a file. @example (e) => e.code */
  readonly key: (entry: T) => string
  /** False for files whose order means something (patterns: most specific first). Default true. */
  readonly sorted?: boolean
}

/** A kind that is one file whose body (all but the header) is one value, such as a word-list map. */
interface DocumentKind<T> {
  readonly path: string
  readonly document: z.ZodType<T>
}

/** List-valued `Dictionaries` fields are entries kinds; anything else is a document kind. */
type FileKind<V> = V extends readonly (infer E)[] ? EntriesKind<E> : DocumentKind<V>
type AnyKind = EntriesKind<unknown> | DocumentKind<unknown>

/**
 * The file kinds, one row each. Adding a kind is one row here plus its field in `Dictionaries`
 * (the type refuses a `Dictionaries` field without a row). For example, the CAMEO table would be
 * `cameo: { paths: ['cameo/codes.yaml'], entry: cameoEntrySchema, key: (e) => e.code }` and a
 * word-list file `grammar: { path: 'patterns/grammar.yaml', document: grammarSchema }`.
 */
const FILE_KINDS: { readonly [K in keyof Dictionaries]: FileKind<Dictionaries[K]> } = {
  countries: {
    paths: ['countries/', 'organisations.yaml'],
    entry: countryEntrySchema,
    key: (e) => e.code,
  },
  people: { paths: ['people/'], entry: personEntrySchema, key: (e) => e.name },
  roles: { paths: ['roles.yaml'], entry: roleEntrySchema, key: (e) => e.id },
  cameo: { paths: ['cameo/'], entry: cameoSchema, key: (e) => e.code },
  patterns: { paths: ['patterns/events.yaml'], entry: eventPatternSchema, key: (e) => e.id, sorted: false },
  grammar: { path: 'patterns/grammar.yaml', document: grammarSchema },
  dates: { path: 'dates.yaml', document: dateCueListsSchema },
}

/**
 * Load and validate the dictionaries. `dir` defaults to $DYAD_DICTIONARIES, else the package's own
 * dictionaries/ folder (found from src/dict/ under tsx and from dist/src/dict/ after a build).
 * @example loadDictionaries().countries.find((c) => c.code === 'IRN')?.name -> 'Iran'
 */
export function loadDictionaries(dir?: string): Dictionaries {
  const root = resolve(dir ?? process.env['DYAD_DICTIONARIES'] ?? findPackageDictionaries())
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new DyadError('E_DICT_MISSING', `dictionary folder not found: ${root}`)
  }
  const problems: string[] = []
  const locator = createLocator()
  const loaded: Record<string, unknown> = {}
  for (const [field, kind] of Object.entries(FILE_KINDS) as unknown as [string, AnyKind][]) {
    loaded[field] =
      'document' in kind
        ? readDocument(root, kind, problems)
        : readEntries(root, kind, locator, problems)
  }
  if (problems.length > 0) throw schemaError(problems)
  const dictionaries = loaded as unknown as Dictionaries
  problems.push(...checkDictionaries(dictionaries, locator))
  if (problems.length > 0) throw schemaError(problems)
  return dictionaries
}

/** The package's dictionaries/: walk up from this module (src/dict/ or dist/src/dict/). */
function findPackageDictionaries(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(folder, 'dictionaries')
    if (existsSync(candidate) && existsSync(join(folder, 'package.json'))) return candidate
    const parent = dirname(folder)
    if (parent === folder) {
      throw new DyadError('E_DICT_MISSING', 'no dictionaries/ folder found above the dyad module')
    }
    folder = parent
  }
}

/** Read every file of an entries kind; entries that fail their schema become problems. */
function readEntries<T>(
  root: string,
  kind: EntriesKind<T>,
  locator: Locator,
  problems: string[],
): T[] {
  const entries: T[] = []
  for (const file of filesOf(root, kind.paths)) {
    const parsed = parseFile(file, problems)
    if (!parsed) continue
    const result = fileSchemaOf(kind).safeParse(parsed.data)
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(describeIssue(parsed, issue))
      continue
    }
    const fileEntries = result.data.entries
    fileEntries.forEach((entry, index) => locator.remember(entry as object, parsed, index))
    if (kind.sorted !== false) problems.push(...checkSorted(fileEntries, kind.key, locator))
    entries.push(...fileEntries)
  }
  return entries
}

/** Read a document kind: the header is checked like any file's, the body by the kind's schema. */
function readDocument<T>(root: string, kind: DocumentKind<T>, problems: string[]): T | undefined {
  const [file] = filesOf(root, [kind.path])
  const parsed = file === undefined ? null : parseFile(file, problems)
  if (!parsed) return undefined
  const { source, licence, updated, ...body } = (parsed.data ?? {}) as Record<string, unknown>
  const header = z.strictObject(headerSchema).safeParse({ source, licence, updated })
  const result = kind.document.safeParse(body)
  for (const issue of [...(header.error?.issues ?? []), ...(result.error?.issues ?? [])]) {
    problems.push(describeIssue(parsed, issue))
  }
  return result.success ? result.data : undefined
}

/** Parse one file's YAML; syntax errors become problems and give null. */
function parseFile(file: string, problems: string[]): ParsedFile | null {
  const parsed = parseDictionaryFile(displayPath(file), readFileSync(file, 'utf8'))
  problems.push(...parsed.problems)
  return parsed.problems.length > 0 ? null : parsed
}

/** 'countries/' -> every countries/*.yaml in name order; 'roles.yaml' -> that file. */
function filesOf(root: string, paths: readonly string[]): string[] {
  const files: string[] = []
  for (const path of paths) {
    const full = join(root, path)
    if (!existsSync(full)) throw new DyadError('E_DICT_MISSING', `missing ${full}`)
    if (!path.endsWith('/')) {
      files.push(full)
      continue
    }
    const yamls = readdirSync(full).filter((name) => /\.ya?ml$/.test(name)).sort()
    if (yamls.length === 0) throw new DyadError('E_DICT_MISSING', `no .yaml files in ${full}`)
    files.push(...yamls.map((name) => join(full, name)))
  }
  return files
}

// Cached per kind: the whole-file schema (header + entries) for its entry schema.
const fileSchemas = new WeakMap<object, z.ZodType<{ entries: unknown[] }>>()

function fileSchemaOf<T>(kind: EntriesKind<T>): z.ZodType<{ entries: T[] }> {
  let schema = fileSchemas.get(kind)
  if (!schema) {
    schema = fileSchema(kind.entry) as unknown as z.ZodType<{ entries: unknown[] }>
    fileSchemas.set(kind, schema)
  }
  return schema as z.ZodType<{ entries: T[] }>
}

/** One zod issue as `file:line: entry "Ebrahim Raisi": field roles[0].from: message`. */
function describeIssue(file: ParsedFile, issue: z.core.$ZodIssue): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => `${file.where([...path, key])}: unknown field (check the spelling)`)
      .join('\n')
  }
  return `${file.where(path)}: ${issue.message}`
}

/** Entries must be in order (by code, id or name) so files diff cleanly. */
function checkSorted<T>(
  entries: readonly T[],
  key: (entry: T) => string,
  locator: Locator,
): string[] {
  for (let i = 1; i < entries.length; i++) {
    const previous = entries[i - 1] as T
    const entry = entries[i] as T
    if (sortKey(key(previous)) > sortKey(key(entry))) {
      const where = locator.where(entry as object)
      return [`${where}: entries must be sorted: "${key(entry)}" belongs before "${key(previous)}"`]
    }
  }
  return []
}

/** Order by folded text: 'Élisabeth Borne' sorts with 'Elisabeth'. */
export function sortKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Paths in messages: relative to the working folder when inside it ('dictionaries/roles.yaml'). */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel.startsWith('..') || rel === '' ? file : rel.split(sep).join('/')
}

function schemaError(problems: readonly string[]): DyadError {
  const shown = problems.slice(0, 50)
  const hidden = problems.length - shown.length
  const more = hidden > 0 ? `\n... and ${hidden} more` : ''
  return new DyadError('E_DICT_SCHEMA', shown.join('\n') + more)
}
