/**
 * Export the store's deduplicated events in one format, line by line: GDELT 2.0 (Events or
 * Mentions table), PLOVER JSON lines, CSV or JSON lines. `dyad export` and the API call this.
 */
import type { Store } from '../store/database.js'
import type { PagedEventFilter } from '../store/queries/event-filter.js'
import { queryEventMembers, queryEvents } from '../store/queries/events.js'
import { eventCsvHeader, eventCsvLine } from './csv.js'
import {
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  gdeltEventRow,
  gdeltMentionRows,
  toTsvLine,
} from './gdelt.js'
import { eventJsonLine } from './jsonl.js'
import type { ExportNames } from './names.js'
import { toPlover } from './plover.js'

export type ExportFormat = 'gdelt' | 'plover' | 'csv' | 'jsonl'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['gdelt', 'plover', 'csv', 'jsonl']

/**
 * Modalities exported when none are asked for: GDELT and PLOVER have no place for "planned",
 * so they carry asserted events only; CSV and JSON lines say the modality in a column.
 */
export const DEFAULT_MODALITIES: Readonly<Record<ExportFormat, readonly string[]>> = {
  gdelt: ['asserted'],
  plover: ['asserted'],
  csv: ['asserted', 'planned'],
  jsonl: ['asserted', 'planned'],
}

export interface ExportOptions {
  readonly format: ExportFormat
  /** Which events; `modality` defaults to `DEFAULT_MODALITIES[format]`. */
  readonly filter?: PagedEventFilter
  /** GDELT only: write the Mentions table instead of the Events table. */
  readonly mentions?: boolean
  /** GDELT only: start with a line of column names (GDELT's own files have none). */
  readonly header?: boolean
  readonly names: ExportNames
}

/**
 * The export's lines, without line breaks, in event order (by date, undated last, then id).
 * @example [...exportEvents(store, { format: 'gdelt', names })][0]?.split('\t').length -> 61
 */
export function* exportEvents(store: Store, options: ExportOptions): Generator<string> {
  const { format, names } = options
  const filter: PagedEventFilter = {
    ...options.filter,
    modality: options.filter?.modality ?? DEFAULT_MODALITIES[format],
  }
  if (format === 'csv') yield eventCsvHeader()
  if (format === 'gdelt' && options.header) {
    yield (options.mentions ? GDELT_MENTION_COLUMNS : GDELT_EVENT_COLUMNS).join('\t')
  }
  for (const event of queryEvents(store, filter)) {
    const members = queryEventMembers(store, event.id)
    if (format === 'gdelt' && options.mentions) {
      for (const row of gdeltMentionRows(event, members)) yield toTsvLine(row)
    } else if (format === 'gdelt') yield toTsvLine(gdeltEventRow(event, members, names))
    else if (format === 'plover') yield JSON.stringify(toPlover(event, members, names))
    else if (format === 'csv') yield eventCsvLine(event, members)
    else yield eventJsonLine(event, members)
  }
}
