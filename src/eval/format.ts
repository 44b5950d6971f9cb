/**
 * Text and JSON renderings of an EvalReport for `dyad eval` (`--format text|json`).
 */
import type { Agreement, EvalReport, FalsePositive, MatchedPair, Miss, Scores } from './score.js'
import type { Calibration } from './calibration.js'

export interface FormatOptions {
  /** ANSI colours (for a terminal). Default false. */
  readonly color?: boolean
  /** At most this many misses and this many false positives are listed. Default: all. */
  readonly maxList?: number
}

const EVIDENCE_MAX = 200

interface Paint {
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  yellow(text: string): string
  green(text: string): string
}

function paint(color: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
  }
}

function fixed(value: number): string {
  return value.toFixed(3)
}

/** The summary line, e.g. `P 0.812  R 0.774  F1 0.793  (tp 149, fp 35, fn 44)`. */
export function summaryLine(scores: Scores): string {
  return (
    `P ${fixed(scores.precision)}  R ${fixed(scores.recall)}  F1 ${fixed(scores.f1)}  ` +
    `(tp ${scores.tp}, fp ${scores.fp}, fn ${scores.fn})`
  )
}

/** Collapse whitespace and cut to about `max` characters at a word boundary. */
export function trimEvidence(text: string, max = EVIDENCE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.7 ? cut.slice(0, space) : cut}…`
}

function agreementText(a: Agreement): string {
  return a.accuracy === null ? 'n/a (no pairs)' : `${a.right}/${a.total} (${fixed(a.accuracy)})`
}

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length)
    })
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0
        return rightAligned.has(i) ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd(),
  )
}

function typeTable(report: EvalReport): string[] {
  const dash = '–'
  const rows: string[][] = [['type', 'gold', 'extracted', 'tp', 'P', 'R', 'F1']]
  const line = (name: string, s: Scores) => [
    name,
    String(s.gold),
    String(s.extracted),
    String(s.tp),
    s.extracted === 0 ? dash : fixed(s.precision),
    s.gold === 0 ? dash : fixed(s.recall),
    s.gold === 0 && s.extracted === 0 ? dash : fixed(s.f1),
  ]
  for (const t of report.byType) rows.push(line(t.type, t))
  rows.push(line('all', report.overall))
  return table(rows, new Set([1, 2, 3, 4, 5, 6]))
}

function groupByArticle<T extends { readonly article: string }>(
  items: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.article)
    if (group) group.push(item)
    else groups.set(item.article, [item])
  }
  return groups
}

interface Listed {
  readonly article: string
  readonly evidence: string
  readonly hint: string | null
}

function listSection<T extends Listed>(
  title: string,
  items: readonly T[],
  head: (item: T) => string,
  maxList: number,
  p: Paint,
): string[] {
  const out = [p.bold(`${title} (${items.length})`)]
  if (items.length === 0) {
    out.push('  none')
    return out
  }
  const shown = items.slice(0, Math.max(0, maxList))
  for (const [article, group] of groupByArticle(shown)) {
    out.push(`  ${p.bold(article)}`)
    for (const item of group) {
      out.push(`    - ${head(item)}`)
      if (item.evidence !== '') out.push(`      “${trimEvidence(item.evidence)}”`)
      if (item.hint !== null) out.push(p.dim(`      ↳ ${item.hint}`))
    }
  }
  if (shown.length < items.length) {
    out.push(p.dim(`  … ${items.length - shown.length} more (use --format json for all)`))
  }
  return out
}

function pair(source: string, target: string | null): string {
  return `${source}→${target ?? '∅'}`
}

function missHead(m: Miss, p: Paint): string {
  const status = m.status === 'planned' ? '  planned' : ''
  return `${p.red(m.type)}  ${pair(m.source, m.target)}  ${m.date ?? 'no date'}${status}`
}

function falsePositiveHead(f: FalsePositive, p: Paint): string {
  return (
    `${p.yellow(f.type)}  ${pair(f.source, f.target)}  ${f.date ?? 'no date'}  ${f.modality}` +
    `  rule ${f.rule}`
  )
}

/** A matched event whose date disagrees with the gold's, shown as a list item with its reason. */
function dateDisagreement(m: MatchedPair): Listed & { readonly head: string } {
  const from = /date from “([^”]*)”/.exec(m.extracted.why)?.[1]
  return {
    article: m.article,
    evidence: m.extracted.evidence,
    hint: from ? `dated from “${from}”` : null,
    head: `${m.type}  ${pair(m.extracted.source, m.extracted.target)}  gold ${m.gold.date ?? 'no date'}, extracted ${m.extracted.date ?? 'no date'}`,
  }
}

function share(right: number, total: number): string {
  return total === 0 ? '–' : (right / total).toFixed(3)
}

/** Confidence bands: how many extractions fall in each and how many of those are right. */
function calibrationTable(c: Calibration): string[] {
  const rows = c.bands.map(
    (b) =>
      `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}`.padEnd(14) +
      `${b.extracted}`.padStart(9) +
      `${b.right}`.padStart(7) +
      share(b.right, b.extracted).padStart(10),
  )
  const high = c.atLeast
  return [
    'Confidence    extracted  right  precision',
    ...rows,
    `  ≥ ${high.threshold.toFixed(1)}`.padEnd(14) +
      `${high.extracted}`.padStart(9) +
      `${high.right}`.padStart(7) +
      share(high.right, high.extracted).padStart(10),
  ]
}

/**
 * A compact human-readable report: summary line, per-type table, date/actor/evidence agreement,
 * then the matched events whose date disagrees, the misses and the false positives, grouped by
 * article with their (trimmed) sentences.
 */
export function formatReport(report: EvalReport, opts: FormatOptions = {}): string {
  const p = paint(opts.color ?? false)
  const maxList = opts.maxList ?? Infinity
  const out: string[] = []
  const { articles, excluded } = report

  out.push(p.bold(summaryLine(report.overall)))
  const excludedParts = Object.entries(excluded.byModality).map(([m, n]) => `${n} ${m}`)
  out.push(
    p.dim(
      `${articles.gold} gold articles (${articles.negative} negative); scored modalities ` +
        `${report.modalities.join(', ')}` +
        (excludedParts.length > 0 ? `; left out ${excludedParts.join(', ')}` : ''),
    ),
  )
  if (articles.notExtracted.length > 0) {
    const ids = articles.notExtracted
    const listed = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ')
    out.push(p.yellow(`warning: ${ids.length} gold article(s) had no extraction: ${listed}`))
  }
  if (articles.notInGold > 0) {
    out.push(
      p.dim(
        `${articles.notInGold} extracted article(s) not in the gold file were ignored ` +
          `(${excluded.notInGold} events)`,
      ),
    )
  }
  out.push('')
  out.push(...typeTable(report))
  out.push('')
  out.push(
    `Dates     all matched ${agreementText(report.dates.allMatched)}; ` +
      `gold-dated ${agreementText(report.dates.goldDated)}`,
  )
  out.push(`Actors    direction right ${agreementText(report.actors)}`)
  out.push(
    `          countries right ${agreementText(report.actorCountries)} ` +
      p.dim('(sides of gold events paired by type and sentence, countries not required)'),
  )
  out.push(`Evidence  overlapping ${agreementText(report.evidence)}`)
  out.push('')
  out.push(...calibrationTable(report.calibration))
  out.push('')
  const disagreements = report.matches.filter((m) => !m.dateRight).map(dateDisagreement)
  out.push(...listSection('Matched, date disagrees', disagreements, (d) => d.head, maxList, p))
  out.push('')
  out.push(...listSection('Misses', report.misses, (m) => missHead(m, p), maxList, p))
  out.push('')
  out.push(
    ...listSection(
      'False positives',
      report.falsePositives,
      (f) => falsePositiveHead(f, p),
      maxList,
      p,
    ),
  )
  return out.join('\n') + '\n'
}

/** The full report as pretty-printed JSON (for `--format json`). */
export function toJson(report: EvalReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}
