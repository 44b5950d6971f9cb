/**
 * The compiled language detector's packed database remembered on disk (src/disk-cache.ts).
 * Building it means importing eld's ~70 MB database module, about half a second of every start;
 * reading the pack back takes a few tens of ms. An entry is named by eld's version, the
 * database's name and the scorer's code, and a pack read back is checked by `scorerFromPack`
 * against the answers it was packed with before it is used.
 */
import { codeOf, recallEntry, rememberEntry } from '../disk-cache.js'
import { eldVersion, type PackedEld } from './eld-scorer.js'

/** Bumped if PackedEld changes shape. */
const FORMAT = 'eld-pack-1'

/**
 * The key of a database's pack: eld's version, the database, and the scorer's code that packs
 * and reads it; null when either cannot be read (no cache then).
 */
function keyOf(database: string): string | null {
  const version = eldVersion()
  const code = codeOf(import.meta.url, ['./eld-scorer'])
  if (version === null || code === null) return null
  return `${FORMAT}\0eld@${version}\0${database}\0${code}`
}

/** The pack remembered for eld's `database`, or undefined. */
export function recallPack(database: string): PackedEld | undefined {
  const key = keyOf(database)
  const entry = key === null ? undefined : recallEntry('eld', key)
  return entry === undefined ? undefined : (entry.data as PackedEld)
}

/** Remember the pack of eld's `database`. */
export function rememberPack(database: string, pack: PackedEld): void {
  const key = keyOf(database)
  if (key !== null) rememberEntry('eld', key, pack, 2)
}
