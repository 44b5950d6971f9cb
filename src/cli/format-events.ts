/**
 * Print event mentions as a table, JSONL (the design.md shape) or CSV.
 */
import type { EventMention } from '../doc.js'
import { CODED_CSV_COLUMNS, csvCell, type Cell } from '../export/csv.js'

export type OutputFormat = 'table' | 'jsonl' | 'csv'
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'jsonl', 'csv']

/** CSV columns, in order: flat fields an analyst can open in a spreadsheet. */
const CSV_COLUMNS: readonly (readonly [string, (e: EventMention) => Cell])[] = [
  ['article', (e) => e.article],
  ['sentence', (e) => e.sentence],
  ...CODED_CSV_COLUMNS,
  ['location', (e) => e.location?.name ?? null],
  ['sectors', (e) => e.sectors.join(';')],
  ['rule', (e) => e.rule],
  ['confidence', (e) => e.confidence],
  ['span_start', (e) => e.span[0]],
  ['span_end', (e) => e.span[1]],
  ['evidence', (e) => e.evidence],
  ['why', (e) => e.why],
]

/** The CSV header line. */
export function csvHeader(): string {
  return CSV_COLUMNS.map(([name]) => name).join(',')
}

/** One event mention as a CSV line. */
export function toCsvLine(e: EventMention): string {
  return CSV_COLUMNS.map(([, get]) => csvCell(get(e))).join(',')
}

/** One event mention as a JSONL line, exactly the design.md shape. */
export function toJsonLine(e: EventMention): string {
  return JSON.stringify(e)
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** An aligned text table for a terminal. */
export function toTable(events: readonly EventMention[], width = process.stdout.columns ?? 120): string {
  if (events.length === 0) return '(no events)'
  const rows = events.map((e) => [
    e.date ?? '—',
    e.type + (e.modality === 'asserted' ? '' : ` (${e.modality})`),
    `${e.source.code} → ${e.target?.code ?? '—'}`,
    [e.source.person, e.target?.person].filter(Boolean).join(' / ') || '',
    e.location?.name ?? '',
    e.article,
  ])
  const head = ['date', 'type', 'source → target', 'people', 'place', 'article']
  const widths = head.map((h, i) => Math.min(36, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => clip(c, widths[i] ?? 10).padEnd(widths[i] ?? 10)).join('  ').trimEnd()
  const out = [line(head), line(widths.map((w) => '─'.repeat(w)))]
  for (const [i, r] of rows.entries()) {
    out.push(line(r))
    const e = events[i]
    if (e) out.push(`    “${clip(e.evidence, Math.max(40, width - 6))}”`)
  }
  return out.join('\n')
}
