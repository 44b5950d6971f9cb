/**
 * Data remembered on disk between runs, so a start need not rebuild what an earlier one built
 * (parsed dictionary YAML, the language detector's packed database, the gazetteer). An entry is named by the
 * sha256 of its key, and a key names everything its data depends on (a file's text, a package's
 * version, the code that builds it, the stored format): a changed input is a new name, never a
 * stale answer.
 *
 * The folder is $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else ~/.cache/dyad, one subfolder per
 * kind of entry; `DYAD_CACHE_DIR=` (empty) turns the cache off. A folder that cannot be read or
 * written only means no cache. Entries are V8's serialization (node:v8): plain data, Maps, typed
 * arrays and RegExps come back as they went in.
 */
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { homedir } from 'node:os'
import { basename, join } from 'node:path'
import { deserialize, serialize } from 'node:v8'

/**
 * A fingerprint of the code that builds an entry: the sha256 of its modules' files, named
 * relative to the caller's module (`import.meta.url`) without extension and read with the
 * caller's own (src/*.ts under tsx and the tests, dist/*.js otherwise: two fingerprints, two
 * entries). Put in a key, it makes changed code a new entry, never a stale one. Null when a file
 * cannot be read: the caller then goes without the cache.
 * @example codeOf(import.meta.url, ['./gazetteer', '../nlp/match-words']) -> '3f9a…'
 */
export function codeOf(from: string, modules: readonly string[]): string | null {
  const ext = from.endsWith('.ts') ? 'ts' : 'js'
  const hash = createHash('sha256')
  try {
    for (const module of modules) hash.update(readFileSync(new URL(`${module}.${ext}`, from)))
  } catch {
    return null
  }
  return hash.digest('hex')
}

// Remove all but the `keep` newest entries of a folder, never `written`.
function prune(dir: string, written: string, keep: number): void {
  const others = readdirSync(dir)
    .filter((name) => name.endsWith('.v8') && name !== basename(written))
    .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
  for (const old of others.slice(Math.max(0, keep - 1))) rmSync(old.path, { force: true })
}

/** The folder of one kind of entry, or null when the cache is off. */
function folder(kind: string): string | null {
  const set = process.env['DYAD_CACHE_DIR']
  if (set !== undefined) return set === '' ? null : join(set, kind)
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache')
  return join(base, 'dyad', kind)
}

function fileOf(dir: string, key: string): string {
  return join(dir, `${createHash('sha256').update(key).digest('hex')}.v8`)
}

/**
 * What was remembered under `key`, or undefined when nothing was (or it cannot be read back).
 * @example recallEntry('yaml', 'dict-yaml-1\0yaml@2.6.0\0countries: ...') -> { data: {...} }
 */
export function recallEntry(kind: string, key: string): { data: unknown } | undefined {
  const dir = folder(kind)
  if (dir === null) return undefined
  try {
    return { data: deserialize(readFileSync(fileOf(dir, key))) as unknown }
  } catch {
    return undefined
  }
}

/**
 * Remember `data` under `key` (written whole, then renamed: never half a file). With `keep`, only
 * the kind's `keep` newest entries stay: a kind with one current entry per build of the code (a
 * package's packed data: one for dist/, one for the TypeScript the tests run) does not pile up a
 * stale copy at every upgrade.
 */
export function rememberEntry(kind: string, key: string, data: unknown, keep?: number): void {
  const dir = folder(kind)
  if (dir === null) return
  try {
    mkdirSync(dir, { recursive: true })
    const file = fileOf(dir, key)
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
    writeFileSync(temporary, serialize(data))
    renameSync(temporary, file)
    if (keep !== undefined) prune(dir, file, keep)
  } catch {
    // No cache this time (or an old entry left); the caller has its data all the same.
  }
}
