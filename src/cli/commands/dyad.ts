/**
 * `dyad dyad IRN VEN [--db FILE] [--from D] [--to D] [--format text|json]`: what happened between
 * two countries. Text: totals, a sparkline per measure (events and Goldstein per month), a compact
 * table of the months with events, sectors, people, first and last event. JSON: the same data.
 */
import {
  summarizeDyad,
  type DyadMonth,
  type DyadSummary,
  type EventBrief,
} from '../../analytics/dyad-summary.js'
import { DyadError } from '../../errors.js'
import { requireStoreFile } from '../require-store.js'
import { checkDays } from '../check-days.js'
import { closeStore, openStore } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'

export interface DyadOptions {
  readonly db: string
  readonly from?: string
  readonly to?: string
  readonly format: 'text' | 'json'
  /** Count planned events too (by default they are only counted apart). */
  readonly planned?: boolean
}

const COUNTRY = /^[A-Z]{2,5}$/

/** Summarize a dyad from the store and print it; returns the summary. */
export async function dyadCommand(a: string, b: string, opts: DyadOptions): Promise<DyadSummary> {
  const dyad = [a.toUpperCase(), b.toUpperCase()] as const
  for (const code of dyad) {
    if (!COUNTRY.test(code)) {
      throw new DyadError(
        'E_USAGE',
        `"${code}" is not a country code like IRN or an organisation like EU`,
      )
    }
  }
  checkDays({ '--from': opts.from, '--to': opts.to })
  requireStoreFile(opts.db)
  const store = openStore(opts.db)
  try {
    await migrateStore(store)
    const summary = summarizeDyad(store, dyad, {
      from: opts.from,
      to: opts.to,
      modality: opts.planned ? ['asserted', 'planned'] : ['asserted'],
    })
    const text =
      opts.format === 'json'
        ? JSON.stringify(summary, null, 2)
        : formatDyadSummary(summary, process.stdout.columns ?? 100)
    process.stdout.write(`${text}\n`)
    return summary
  } finally {
    closeStore(store)
  }
}

const BLOCKS = '▁▂▃▄▅▆▇█'

/**
 * A sparkline of Unicode blocks, scaled from min(0, lowest) to max(0, highest); null is a gap.
 * @example sparkline([0, 1, 4, null, 2]) -> '▁▃█ ▅'
 */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null)
  const low = Math.min(0, ...known)
  const high = Math.max(0, ...known)
  return values
    .map((v) => {
      if (v === null) return ' '
      const level = high === low ? 0 : Math.round(((v - low) / (high - low)) * (BLOCKS.length - 1))
      return BLOCKS[level]
    })
    .join('')
}

/**
 * Sum consecutive values into `width` buckets or fewer, so a long series fits a line; a bucket
 * with only nulls stays null. @example bucket([1, 2, 3, 4, 5], 3) -> { values: [3, 7, 5], size: 2 }
 */
export function bucket(values: readonly (number | null)[], width: number) {
  const size = Math.max(1, Math.ceil(values.length / Math.max(1, width)))
  const out: (number | null)[] = []
  for (let i = 0; i < values.length; i += size) {
    const part = values.slice(i, i + size).filter((v): v is number => v !== null)
    out.push(part.length === 0 ? null : Math.round(part.reduce((s, v) => s + v, 0) * 100) / 100)
  }
  return { values: out, size }
}

/** The text report of `dyad dyad`. */
export function formatDyadSummary(summary: DyadSummary, width = 100): string {
  const { dyad, totals, months } = summary
  const name = `${dyad[0]}–${dyad[1]}`
  if (totals.events === 0) {
    const planned = totals.planned > 0 ? ` (${totals.planned} planned)` : ''
    return `${name}: no events${planned}${rangeNote(summary)}`
  }
  const span =
    summary.first && summary.last ? `, ${summary.first.date} to ${summary.last.date}` : ''
  const lines = [
    `${name}: ${plural(totals.events, 'event')} (${plural(totals.mentions, 'mention')} in ` +
      `${plural(totals.articles, 'article')})${span}${rangeNote(summary)}`,
    `  cooperative ${totals.cooperative} · conflictual ${totals.conflictual} · ` +
      `undated ${totals.undated} · planned ${totals.planned}` +
      (summary.types.length > 0
        ? ` · ${summary.types.map((t) => `${t.type} ${t.events}`).join(', ')}`
        : ''),
    '',
    ...sparklines(months, width),
    '',
    ...monthTable(months),
  ]
  if (summary.sectors.length > 0) {
    lines.push(
      '',
      ...wrap(
        'sectors',
        summary.sectors.map((s) => `${s.sector} ${s.events}`),
        width,
      ),
    )
  }
  if (summary.people.length > 0) {
    const people = summary.people.map(
      (p) => `${p.person} (${[p.country, ...p.roles].join('; ')}) ${p.events}`,
    )
    lines.push(...wrap('people', people, width))
  }
  lines.push(
    '',
    ...briefLines('first', summary.first, width),
    ...briefLines('last', summary.last, width),
  )
  return lines.join('\n')
}

/** Events and Goldstein per month, each as a labelled sparkline. */
function sparklines(months: readonly DyadMonth[], width: number): string[] {
  if (months.length === 0) return ['(no dated events)']
  const room = Math.max(12, width - 40)
  const events = bucket(
    months.map((m) => m.events),
    room,
  )
  const goldstein = bucket(
    months.map((m) => (m.events === 0 ? null : m.goldstein_sum)),
    room,
  )
  const first = months[0]!.month
  const last = months.at(-1)!.month
  const each = events.size === 1 ? 'month' : `${events.size} months`
  const counts = events.values.map((v) => v ?? 0)
  const known = goldstein.values.filter((v): v is number => v !== null)
  const [low, high] = [fixed(Math.min(...known)), fixed(Math.max(...known))]
  return [
    `events/month     ${sparkline(events.values)}  max ${Math.max(...counts)} per mark`,
    `Goldstein/month  ${sparkline(goldstein.values)}  min ${low}, max ${high}`,
    `                 ${first} … ${last}, one mark per ${each}`,
  ]
}

/** One row per month with events: counts by quad class, Goldstein sum and mean, types. */
function monthTable(months: readonly DyadMonth[]): string[] {
  const rows = months
    .filter((m) => m.events > 0)
    .map((m) =>
      [
        m.month,
        String(m.events),
        m.by_quad['1'],
        m.by_quad['2'],
        m.by_quad['3'],
        m.by_quad['4'],
        fixed(m.goldstein_sum),
        m.goldstein_mean === null ? '' : fixed(m.goldstein_mean),
        Object.entries(m.by_type)
          .map(([type, n]) => `${type} ${n}`)
          .join(', '),
      ].map(String),
    )
  const head = ['month', 'events', 'q1', 'q2', 'q3', 'q4', 'Goldstein', 'mean', 'types']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  // Text columns to the left, numbers to the right.
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd()
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)]
}

/** A label and items joined by ' · ', wrapped to the width under the first item. */
function wrap(label: string, items: readonly string[], width: number): string[] {
  const indent = ' '.repeat(9)
  const lines = [`${label.padEnd(7)}  `]
  for (const [i, item] of items.entries()) {
    const piece = i === 0 ? item : ` · ${item}`
    if (i > 0 && lines.at(-1)!.length + piece.length > width) lines.push(`${indent}${item}`)
    else lines[lines.length - 1] += piece
  }
  return lines
}

function briefLines(label: string, event: EventBrief | null, width: number): string[] {
  if (event === null) return []
  const sides = `${event.source} → ${event.target ?? '—'}`
  const place = event.location ? `  ${event.location}` : ''
  const room = width - 12
  const evidence =
    event.evidence.length > room ? `${event.evidence.slice(0, room - 1)}…` : event.evidence
  const articles = plural(event.num_articles, 'article')
  return [
    `${label.padEnd(5)}  ${event.date}  ${event.type}  ${sides}${place}  ${articles}`,
    `       “${evidence}”`,
  ]
}

function rangeNote(summary: DyadSummary): string {
  if (summary.from === null && summary.to === null) return ''
  return ` [${summary.from ?? '…'} – ${summary.to ?? '…'}]`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const fixed = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1))
