/**
 * A one-line progress bar on stderr for long runs: articles done (of about how many), the rate
 * and the time left. Drawn only when stderr is a terminal; elsewhere (a pipe, a log file, CI)
 * `startProgress` returns a bar that draws nothing, so output stays exactly what it was.
 * Other lines go through `log`, which clears the bar first so the two never mix.
 */
import type { WriteStream } from 'node:tty'

export interface Progress {
  /** One more article (or skipped input) done. */
  tick(): void
  /** The total, once known (counting the inputs runs beside the work). */
  setTotal(total: number): void
  /** Print a line above the bar. */
  log(line: string): void
  /** Clear the bar for good. */
  done(): void
}

/** Redraw at most this often: drawing on every article would cost more than the article. */
const REDRAW_MS = 100

/** A bar on `stream` when it is a TTY, else one that only passes `log` lines through. */
export function startProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = () => performance.now(),
): Progress {
  const write = (line: string): void => void stream.write(`${line}\n`)
  if (stream.isTTY !== true) {
    return { tick() {}, setTotal() {}, log: write, done() {} }
  }
  const tty = stream as WriteStream
  // The clock starts at the first article: loading the dictionaries is not part of the rate.
  let started = 0
  let count = 0
  let total: number | null = null
  let drawnAt = -Infinity
  let shown = false
  const draw = (): void => {
    const width = Math.max(20, (tty.columns || 80) - 1)
    tty.write(`\r${progressLine(label, count, total, (now() - started) / 1000).slice(0, width)}\x1b[K`)
    shown = true
    drawnAt = now()
  }
  const clear = (): void => {
    if (shown) tty.write('\r\x1b[K')
    shown = false
  }
  return {
    tick() {
      if (count === 0) started = now()
      count++
      if (now() - drawnAt >= REDRAW_MS) draw()
    },
    setTotal(value) {
      total = value
    },
    log(line) {
      clear()
      write(line)
      draw()
    },
    done() {
      clear()
    },
  }
}

/**
 * The bar's text.
 * @example progressLine('ingest', 500, 2000, 2) -> 'ingest  500/2000 articles  250/s  ETA 0:06'
 */
export function progressLine(
  label: string,
  count: number,
  total: number | null,
  seconds: number,
): string {
  const rate = seconds > 0 ? count / seconds : 0
  const done = total === null ? `${count}` : `${count}/${Math.max(total, count)}`
  const parts = [`${label}  ${done} articles`, `${Math.round(rate)}/s`]
  if (total !== null && rate > 0) parts.push(`ETA ${clock(Math.max(0, total - count) / rate)}`)
  return parts.join('  ')
}

/** @example clock(75) -> '1:15'; clock(3725) -> '1:02:05' */
function clock(seconds: number): string {
  const s = Math.round(seconds)
  const two = (n: number) => String(n).padStart(2, '0')
  const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)]
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`
}
