/**
 * Run an async function over items with at most `limit` running at once, yielding the answers
 * in the items' order as soon as each one (and all before it) is done. Page fetches of a feed go
 * through this, so a feed of 200 items opens at most a few connections to its site.
 */

/**
 * @example for await (const page of mapLimit(urls, 4, fetchPage)) save(page)
 */
export async function* mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  const width = Math.max(1, Math.floor(limit))
  const running: Promise<R>[] = []
  let next = 0
  const start = (): void => {
    const index = next++
    const answer = run(items[index] as T, index)
    // A failure is thrown when its turn comes, not reported early as an unhandled rejection.
    answer.catch(() => undefined)
    running.push(answer)
  }
  while (next < items.length && running.length < width) start()
  while (running.length > 0) {
    const answer = await (running.shift() as Promise<R>)
    if (next < items.length) start()
    yield answer
  }
}
