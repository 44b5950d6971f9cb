/**
 * Deduplicated events as CSV: one row per event, flat columns an analyst can open in a
 * spreadsheet, with the ids of the articles that report it and their evidence sentences.
 */
import type { EventMention } from '../doc.js'
import type { Event, EventMember } from '../events/event.js'

export type Cell = string | number | null

/** What an event and an event mention both carry: what happened, between whom, how coded. */
type Coded = Pick<
  EventMention,
  'date' | 'date_precision' | 'type' | 'cameo' | 'modality' | 'source' | 'target' | 'quad' | 'goldstein' | 'plover'
>

/**
 * The columns an event and an event mention share, in order, so both CSV forms (`dyad export`
 * and `dyad events --format csv`) name and fill them alike.
 */
export const CODED_CSV_COLUMNS: readonly (readonly [string, (e: Coded) => Cell])[] = [
  ['date', (e) => e.date],
  ['date_precision', (e) => e.date_precision],
  ['type', (e) => e.type],
  ['cameo', (e) => e.cameo],
  ['modality', (e) => e.modality],
  ['source_country', (e) => e.source.country],
  ['source_code', (e) => e.source.code],
  ['source_person', (e) => e.source.person],
  ['target_country', (e) => e.target?.country ?? null],
  ['target_code', (e) => e.target?.code ?? null],
  ['target_person', (e) => e.target?.person ?? null],
  ['quad', (e) => e.quad],
  ['goldstein', (e) => e.goldstein],
  ['plover_event', (e) => e.plover.event],
]

/** The columns, in order: name and how to read it from an event and its mentions. */
export const EVENT_CSV_COLUMNS: readonly (readonly [
  string,
  (e: Event, m: readonly EventMember[]) => Cell,
])[] = [
  ['id', (e) => e.id],
  ...CODED_CSV_COLUMNS,
  ['plover_mode', (e) => e.plover.mode],
  ['location', (e) => e.location?.name ?? null],
  ['location_country', (e) => e.location?.country ?? null],
  ['lat', (e) => e.location?.lat ?? null],
  ['lon', (e) => e.location?.lon ?? null],
  ['sectors', (e) => e.sectors.join(';')],
  ['num_mentions', (e) => e.num_mentions],
  ['num_articles', (e) => e.num_articles],
  ['num_sources', (e) => e.num_sources],
  ['first_seen', (e) => e.first_seen],
  ['last_seen', (e) => e.last_seen],
  ['source_url', (e) => e.source_url],
  // "001_f5a7b2d0fe35e635;003_4994b00723488c54": every article, in ingest order.
  ['articles', (_e, m) => [...new Set(m.map((x) => x.mention.article))].join(';')],
  // The evidence sentences, distinct, joined by " | ".
  ['evidence', (_e, m) => [...new Set(m.map((x) => x.mention.evidence))].join(' | ')],
]

/** The header line. @example 'id,date,date_precision,type,...' */
export function eventCsvHeader(): string {
  return EVENT_CSV_COLUMNS.map(([name]) => name).join(',')
}

/** One event as a CSV line (RFC 4180 quoting). */
export function eventCsvLine(event: Event, members: readonly EventMember[]): string {
  return EVENT_CSV_COLUMNS.map(([, get]) => csvCell(get(event, members))).join(',')
}

/** One CSV cell, quoted when it holds a comma, quote or line break. @example csvCell('a,b') -> '"a,b"' */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
