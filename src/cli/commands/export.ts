/**
 * `dyad export --format gdelt|plover|csv|jsonl [--dyad A-B] [--from D] [--to D] [--out FILE]`:
 * write the store's deduplicated events in an exchange format (src/export/).
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { loadDictionaries } from '../../dict/load.js'
import { DyadError } from '../../errors.js'
import { requireStoreFile } from '../require-store.js'
import { checkDays } from '../check-days.js'
import { exportEvents, type ExportFormat } from '../../export/export-events.js'
import { namesFromDictionaries } from '../../export/names.js'
import { closeStore, openStore } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'
import { parseDyad } from './events.js'

export interface ExportCommandOptions {
  readonly db: string
  readonly format: ExportFormat
  readonly dyad?: string
  readonly from?: string
  readonly to?: string
  readonly type?: string
  readonly modality?: string
  readonly mentions?: boolean
  readonly header?: boolean
  readonly out?: string
}

const MODALITIES = new Set(['asserted', 'planned'])

/** Export events; returns how many lines were written (header included). */
export async function exportCommand(opts: ExportCommandOptions): Promise<number> {
  checkOptions(opts)
  requireStoreFile(opts.db)
  const names = namesFromDictionaries(loadDictionaries())
  const store = openStore(opts.db)
  const out: Writable = opts.out === undefined ? process.stdout : await openOut(opts.out)
  let lines = 0
  try {
    await migrateStore(store)
    const filter = {
      ...(opts.dyad ? { dyad: parseDyad(opts.dyad) } : {}),
      ...(opts.type ? { type: opts.type.split(',') } : {}),
      ...(opts.modality ? { modality: opts.modality.split(',') } : {}),
      from: opts.from,
      to: opts.to,
    }
    const run = { format: opts.format, filter, mentions: opts.mentions, header: opts.header, names }
    for (const line of exportEvents(store, run)) {
      // Respect back-pressure so a large export to a file or a pipe does not pile up in memory.
      if (!out.write(`${line}\n`)) await once(out, 'drain')
      lines++
    }
  } finally {
    closeStore(store)
    if (out !== process.stdout) {
      out.end()
      await once(out, 'close')
    }
  }
  if (opts.out !== undefined) process.stderr.write(`exported ${lines} lines to ${opts.out}\n`)
  return lines
}

function checkOptions(opts: ExportCommandOptions): void {
  checkDays({ '--from': opts.from, '--to': opts.to })
  if ((opts.mentions || opts.header) && opts.format !== 'gdelt') {
    const option = opts.mentions ? '--mentions' : '--header'
    throw new DyadError(
      'E_USAGE',
      `${option} goes with --format gdelt, not --format ${opts.format}`,
    )
  }
  for (const modality of opts.modality?.split(',') ?? []) {
    if (!MODALITIES.has(modality)) {
      throw new DyadError('E_USAGE', `--modality "${modality}": events are asserted or planned`)
    }
  }
  if (opts.dyad !== undefined) parseDyad(opts.dyad)
}

/** A file to write to, opened before any work so a bad path fails at once with its reason. */
async function openOut(path: string): Promise<Writable> {
  const stream = createWriteStream(path)
  try {
    await once(stream, 'open')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DyadError('E_USAGE', `--out "${path}" cannot be written: ${reason}`)
  }
  return stream
}
