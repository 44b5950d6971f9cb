/**
 * About how many articles some paths hold, for the progress bar's ETA: files the reader would
 * read (by extension, hidden ones left out) and the non-blank lines of JSONL files. Cheap (no
 * parsing) and never fails: what cannot be counted counts as one.
 */
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { kindOfPath } from './read-inputs.js'

/** @example await countInputs(['examples/articles']) -> 7 */
export async function countInputs(paths: readonly string[]): Promise<number> {
  let total = 0
  for (const path of paths) total += path === '-' ? 1 : await countPath(path, true)
  return total
}

async function countPath(path: string, isExplicit: boolean): Promise<number> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) {
      let count = 0
      for (const entry of await readdir(path)) {
        if (!entry.startsWith('.')) count += await countPath(join(path, entry), false)
      }
      return count
    }
    const kind = kindOfPath(path)
    if (kind === 'jsonl') return await countLines(path)
    return kind !== null || isExplicit ? 1 : 0
  } catch {
    return 1
  }
}

/** Lines holding anything but whitespace. */
async function countLines(path: string): Promise<number> {
  let count = 0
  let blank = true
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10) {
        if (!blank) count++
        blank = true
      } else if (byte !== 32 && byte !== 9 && byte !== 13) blank = false
    }
  }
  return blank ? count : count + 1
}
