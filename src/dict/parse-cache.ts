/**
 * Parsed dictionary YAML remembered on disk (src/disk-cache.ts). Parsing the dictionaries' 600 KB
 * of YAML (with the positions kept for messages) is about a second of every start, cold; reading
 * the parsed data back is ~10 ms. An entry is named by the file's text and the yaml package's
 * version, so it can only ever hold what parsing that very text gives. Only files that parse
 * without error are remembered; their positions, needed only for a message, are parsed again
 * when asked for.
 */
import { createRequire } from 'node:module'
import { recallEntry, rememberEntry } from '../disk-cache.js'

/** Bumped if what is stored changes shape. */
const FORMAT = 'dict-yaml-1'

const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version

const keyOf = (source: string): string => `${FORMAT}\0yaml@${yamlVersion}\0${source}`

/** The data parsing `source` gave before, or undefined when it is not remembered. */
export function recall(source: string): { data: unknown } | undefined {
  return recallEntry('yaml', keyOf(source))
}

/** Remember what parsing `source` gave. */
export function remember(source: string, data: unknown): void {
  rememberEntry('yaml', keyOf(source), data)
}
