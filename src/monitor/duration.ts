/**
 * Durations as people write them on a command line: '30s', '15m', '1h', '1h30m', '500ms'.
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

/**
 * The milliseconds a duration names, or null when it names none (no unit, zero, garbage).
 * @example parseDuration('15m') -> 900000
 * @example parseDuration('1h30m') -> 5400000
 * @example parseDuration('15') -> null
 */
export function parseDuration(value: string): number | null {
  const text = value.trim().toLowerCase()
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/u.test(text)) return null
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/gu)) {
    total += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN)
  }
  const ms = Math.round(total)
  return Number.isSafeInteger(ms) && ms > 0 ? ms : null
}

/**
 * A duration for a log line, in its largest whole unit.
 * @example formatDuration(900000) -> '15m'
 * @example formatDuration(1500) -> '1.5s'
 */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit] ?? 1
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`
  }
  if (ms >= 1000) return `${Math.round(ms / 100) / 10}s`
  return `${ms}ms`
}
