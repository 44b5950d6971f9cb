/**
 * Data remembered on disk between runs, so a start need not rebuild what an earlier one built
 * (parsed dictionary YAML, the language detector's packed database). An entry is named by the
 * sha256 of its key, and a key names everything its data depends on (a file's text, a package's
 * version, the stored format): a changed input is a new name, never a stale answer.
 *
 * The folder is $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else ~/.cache/dyad, one subfolder per
 * kind of entry; `DYAD_CACHE_DIR=` (empty) turns the cache off. A folder that cannot be read or
 * written only means no cache. Entries are V8's serialization (node:v8): plain data, Maps, typed
 * arrays and RegExps come back as they went in.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'

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

/** Remember `data` under `key` (written whole, then renamed: never half a file). */
export function rememberEntry(kind: string, key: string, data: unknown): void {
  const dir = folder(kind)
  if (dir === null) return
  try {
    mkdirSync(dir, { recursive: true })
    const file = fileOf(dir, key)
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
    writeFileSync(temporary, serialize(data))
    renameSync(temporary, file)
  } catch {
    // No cache this time; the caller has its data all the same.
  }
}
