/**
 * What `dyad watch` remembers about each item link: stored, a duplicate of stored text, failed
 * (tried again after a backoff), or given up after too many failures. A link is fetched again
 * only when it failed and its next try is due.
 */
import type { Store } from '../store/database.js'
import { runWrite, selectRows } from '../store/execute.js'
import type { MonitorUrlsTable } from './tables.js'

/** Failures of one link before it is given up. */
export const MAX_ATTEMPTS = 5

/**
 * The wait after the n-th failure (of a feed or a page): the poll interval, doubled with each
 * failure, at most an hour (or one interval, when that is longer).
 * @example backoffMs(1, 900_000) -> 1_800_000 (30 minutes)
 * @example backoffMs(4, 900_000) -> 3_600_000 (the cap)
 */
export function backoffMs(failures: number, everyMs: number): number {
  const cap = Math.max(everyMs, 3_600_000)
  return Math.min(everyMs * 2 ** Math.max(0, failures), cap)
}

/** Seen links, loaded once per poll: a Map lookup per item instead of a query. */
export type SeenUrls = ReadonlyMap<
  string,
  Pick<MonitorUrlsTable, 'status' | 'attempts' | 'next_try_at'>
>

/** Every remembered link (of any feed: two feeds may list one story). */
export function loadSeenUrls(store: Store): SeenUrls {
  const query = store.db
    .selectFrom('monitor_urls')
    .select(['url', 'status', 'attempts', 'next_try_at'])
  return new Map(selectRows(store, query).map((row) => [row.url, row]))
}

/** True when a link should be fetched now: never seen, or failed and due again. */
export function isDue(seen: SeenUrls, url: string, now: Date): boolean {
  const row = seen.get(url)
  if (row === undefined) return true
  return row.status === 'failed' && row.next_try_at !== null && row.next_try_at <= now.toISOString()
}

/** Remember a link that gave an article (stored now, or its text already was). */
export function markSettled(
  store: Store,
  feed: string,
  url: string,
  status: 'stored' | 'duplicate',
  articleId: string,
  now: Date,
): void {
  const at = now.toISOString()
  runWrite(
    store,
    store.db
      .insertInto('monitor_urls')
      .values({
        url,
        feed,
        status,
        article_id: articleId,
        attempts: 1,
        last_error: null,
        first_seen_at: at,
        last_tried_at: at,
        next_try_at: null,
      })
      .onConflict((oc) =>
        oc.column('url').doUpdateSet((eb) => ({
          status,
          article_id: articleId,
          attempts: eb('monitor_urls.attempts', '+', 1),
          last_error: null,
          last_tried_at: at,
          next_try_at: null,
        })),
      ),
  )
}

/**
 * Remember a failure; the link's attempts so far and when it is tried again (null: given up).
 * @example markFailed(store, feed, url, 'HTTP 500', 900_000, now) -> { attempts: 1, nextTryAt: '…' }
 */
export function markFailed(
  store: Store,
  feed: string,
  url: string,
  reason: string,
  everyMs: number,
  now: Date,
): { attempts: number; nextTryAt: string | null } {
  const at = now.toISOString()
  const before = selectRows(
    store,
    store.db.selectFrom('monitor_urls').select('attempts').where('url', '=', url),
  )[0]
  const attempts = (before?.attempts ?? 0) + 1
  const givenUp = attempts >= MAX_ATTEMPTS
  const nextTryAt = givenUp
    ? null
    : new Date(now.getTime() + backoffMs(attempts, everyMs)).toISOString()
  const row = {
    status: givenUp ? ('given_up' as const) : ('failed' as const),
    attempts,
    last_error: reason,
    last_tried_at: at,
    next_try_at: nextTryAt,
  }
  runWrite(
    store,
    store.db
      .insertInto('monitor_urls')
      .values({ url, feed, article_id: null, first_seen_at: at, ...row })
      .onConflict((oc) => oc.column('url').doUpdateSet(row)),
  )
  return { attempts, nextTryAt }
}
