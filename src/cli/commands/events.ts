/**
 * `dyad events [--dyad IRN-VEN] [--type visit] [--from DATE] [--to DATE]`: query the store.
 */
import { CORE_EVENT_TYPES } from '../../doc.js'
import { DyadError } from '../../errors.js'
import type { ScopeOption } from '../../pipeline.js'
import { requireStoreFile } from '../require-store.js'
import { checkDays } from '../check-days.js'
import { closeStore, openStore } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'
import type { EventMention } from '../../doc.js'
import { closePgStore, isPostgresUrl, openPgStore } from '../../store/pg/database.js'
import { migratePgStore } from '../../store/pg/migrate.js'
import { runOpsPg } from '../../store/pg/run-ops.js'
import type { PagedEventFilter } from '../../store/queries/event-filter.js'
import { queryEventMentions, queryEventMentionsOps } from '../../store/queries/event-mentions.js'
import { csvHeader, toCsvLine, toJsonLine, toTable, type OutputFormat } from '../format-events.js'

export interface EventsOptions {
  readonly db: string
  readonly dyad?: string
  readonly type?: string
  readonly from?: string
  readonly to?: string
  readonly modality?: string
  readonly limit?: string
  /** `core` (default) shows the guideline's types only; `all` adds the extended CAMEO roots. */
  readonly scope?: ScopeOption
  readonly format: OutputFormat
}


/** Parse "IRN-VEN" into a pair of codes. */
export function parseDyad(value: string): [string, string] {
  const parts = value.toUpperCase().split(/[-–:,/]/)
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new DyadError('E_USAGE', `--dyad "${value}" is not a pair of country codes like IRN-VEN`)
  }
  return [parts[0], parts[1]]
}

/** Query and print stored event mentions. */
export async function eventsCommand(opts: EventsOptions): Promise<void> {
  checkDays({ '--from': opts.from, '--to': opts.to })
  if (isPostgresUrl(opts.db)) return printEvents(opts, await readPgMentions(opts.db, opts))
  requireStoreFile(opts.db)
  const store = openStore(opts.db)
  try {
    await migrateStore(store)
    printEvents(opts, queryEventMentions(store, filterOf(opts)))
  } finally {
    closeStore(store)
  }
}

/** The same query on a PostgreSQL store. */
async function readPgMentions(url: string, opts: EventsOptions): Promise<EventMention[]> {
  const filter = filterOf(opts)
  const store = await openPgStore(url)
  try {
    await migratePgStore(store)
    return await runOpsPg(store.db, queryEventMentionsOps(store.db, filter))
  } finally {
    await closePgStore(store)
  }
}

function filterOf(opts: EventsOptions): PagedEventFilter {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit)
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new DyadError('E_USAGE', `--limit "${opts.limit}" is not a positive whole number`)
  }
  return {
    ...(opts.dyad ? { dyad: parseDyad(opts.dyad) } : {}),
    ...(opts.type
      ? { type: opts.type.split(',') }
      : opts.scope === 'all'
        ? {}
        : { type: [...CORE_EVENT_TYPES] }),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
    modality: opts.modality ? opts.modality.split(',') : ['asserted', 'planned'],
    ...(limit ? { limit } : {}),
  }
}

function printEvents(opts: EventsOptions, events: readonly EventMention[]): void {
  if (opts.format === 'jsonl') for (const e of events) process.stdout.write(`${toJsonLine(e)}\n`)
  else if (opts.format === 'csv') {
    process.stdout.write(`${csvHeader()}\n`)
    for (const e of events) process.stdout.write(`${toCsvLine(e)}\n`)
  } else process.stdout.write(`${toTable([...events])}\n`)
}
