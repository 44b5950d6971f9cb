/**
 * A timeout that counts only time the event loop was free to wait. `dyad` codes articles on the
 * same thread that waits for the next pages; a page whose answer arrived while the coder was busy
 * must not be blamed for the coder's time (AbortSignal.timeout would abort it).
 */

/** How often the clock is checked. */
const STEP_MS = 100

export interface LoopTimeout {
  readonly signal: AbortSignal
  /** Stop the clock (call when the work is done). */
  clear(): void
}

/**
 * A signal that aborts after `ms` of waiting; a stretch in which the loop was blocked counts as
 * at most two steps.
 * @example const timeout = loopTimeout(20_000); await fetch(url, { signal: timeout.signal }); timeout.clear()
 */
export function loopTimeout(ms: number): LoopTimeout {
  const controller = new AbortController()
  const step = Math.max(1, Math.min(STEP_MS, ms))
  let remaining = ms
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    remaining -= Math.min(now - last, 2 * step)
    last = now
    if (remaining <= 0) {
      clearInterval(timer)
      controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError'))
    }
  }, step)
  // A pending timeout must not keep the process alive on its own.
  timer.unref()
  return { signal: controller.signal, clear: () => clearInterval(timer) }
}
