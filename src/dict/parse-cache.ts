/**
 * Parsed dictionary YAML remembered on disk. Parsing the dictionaries' 600 KB of YAML (with the
 * positions kept for messages) is about a second of every start, cold; reading the parsed data
 * back is ~10 ms. An entry is named by the sha256 of the file's text and the yaml package's
 * version, so it can only ever hold what parsing that very text gives: an edited file is a new
 * name, never a stale answer. Only files that parse without error are remembered; their
 * positions, needed only for a message, are parsed again when asked for.
 *
 * The folder is $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else ~/.cache/dyad; `DYAD_CACHE_DIR=`
 * (empty) turns the cache off. A folder that cannot be read or written only means no cache.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'

/** Bumped if what is stored changes shape. */
const FORMAT = 'dict-yaml-1'

const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version

/** The cache folder, or null when turned off. */
function folder(): string | null {
  const set = process.env['DYAD_CACHE_DIR']
  if (set !== undefined) return set === '' ? null : join(set, 'yaml')
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache')
  return join(base, 'dyad', 'yaml')
}

function fileOf(dir: string, source: string): string {
  const hash = createHash('sha256').update(`${FORMAT}\0yaml@${yamlVersion}\0`).update(source).digest('hex')
  return join(dir, `${hash}.v8`)
}

/** The data parsing `source` gave before, or undefined when it is not remembered. */
export function recall(source: string): { data: unknown } | undefined {
  const dir = folder()
  if (dir === null) return undefined
  try {
    return { data: deserialize(readFileSync(fileOf(dir, source))) as unknown }
  } catch {
    return undefined
  }
}

/** Remember what parsing `source` gave (written whole, then renamed: never half a file). */
export function remember(source: string, data: unknown): void {
  const dir = folder()
  if (dir === null) return
  try {
    mkdirSync(dir, { recursive: true })
    const file = fileOf(dir, source)
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
    writeFileSync(temporary, serialize(data))
    renameSync(temporary, file)
  } catch {
    // No cache this time; the data was parsed all the same.
  }
}
