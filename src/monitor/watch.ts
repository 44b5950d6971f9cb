/**
 * `dyad watch`: poll a list of feeds forever (or a number of times), store what is new, fire
 * alerts, and log one line per poll. New means a link not seen before (monitor_urls) and a text
 * not stored before (saveDoc's content hash). A feed or a page that fails is logged, one line
 * each, and tried again after a backoff; nothing stops the loop but the signal.
 */
import { codeResults, printable, type RunTally } from '../cli/read-docs.js'
import type { Doc } from '../doc.js'
import { checkArticle, todayUtc } from '../ingest/check-article.js'
import { loadArticleLanguageDetector } from '../ingest/detect-language.js'
import type { ReadResult } from '../ingest/read-inputs.js'
import type { Store } from '../store/database.js'
import { selectRows } from '../store/execute.js'
import { saveDoc } from '../store/queries/articles.js'
import { formatDuration } from './duration.js'
import { readFeedList } from './feed-list.js'
import { deliverFirings, eventsOfArticles, recordFirings, retryWebhooks } from './fire-alerts.js'
import { backoffMs, isDue, loadSeenUrls, markFailed, markSettled } from './seen-urls.js'
import { readWebItems, type CachedFeed, type WebReadOptions } from './web-inputs.js'

export interface WatchOptions {
  /** The feeds file; read again at each poll, so edits apply without a restart. */
  readonly feedsFile: string
  readonly everyMs: number
  /** Stop after this many polls (`--once` is 1); forever when not given. */
  readonly polls?: number
  readonly follow?: boolean
  readonly concurrency?: number
  readonly timeoutMs?: number
  readonly maxBytes?: number
  /** Ctrl-C: ends the wait at once, and the poll at the next item (nothing half-stored). */
  readonly signal: AbortSignal
  /** Log lines (polls, failures); stderr in the CLI. */
  readonly log: (line: string) => void
  /** Alert lines; stdout in the CLI. */
  readonly print: (line: string) => void
  /** The clock (tests). */
  readonly now?: () => Date
}

/** What one poll did. */
export interface PollSummary {
  readonly feeds: number
  /** Feeds passed over this time because they failed lately. */
  readonly waiting: number
  readonly articles: number
  readonly duplicates: number
  readonly eventMentions: number
  readonly newEvents: number
  readonly failures: number
  readonly alerts: number
}

/** Totals of a whole watch. */
export interface WatchSummary {
  polls: number
  articles: number
  newEvents: number
  failures: number
  alerts: number
}

/** A feed's trouble, kept between polls. */
interface FeedState {
  failures: number
  nextPollAt: number
}

/**
 * Poll until the signal (or `polls`) says stop.
 * @example await watchFeeds(store, { feedsFile: 'feeds.txt', everyMs: 900_000, signal, log, print })
 */
export async function watchFeeds(store: Store, opts: WatchOptions): Promise<WatchSummary> {
  const total: WatchSummary = { polls: 0, articles: 0, newEvents: 0, failures: 0, alerts: 0 }
  const states = new Map<string, FeedState>()
  const feedCache = new Map<string, CachedFeed>()
  const now = opts.now ?? (() => new Date())
  let feeds = readFeedList(opts.feedsFile)
  while (!opts.signal.aborted) {
    try {
      feeds = readFeedList(opts.feedsFile)
    } catch (error) {
      // An edit gone wrong mid-watch: keep polling the last good list, and say so.
      opts.log(`${stamp(now())} ${printable(firstLine(error))}; polling the previous list`)
    }
    const poll = await pollOnce(store, feeds, { states, feedCache }, opts, now)
    total.polls++
    total.articles += poll.articles
    total.newEvents += poll.newEvents
    total.failures += poll.failures
    total.alerts += poll.alerts
    const last = opts.polls !== undefined && total.polls >= opts.polls
    const next = opts.signal.aborted || last ? '' : `; next poll in ${formatDuration(opts.everyMs)}`
    opts.log(`${stamp(now())} poll ${total.polls}: ${describePoll(poll)}${next}`)
    if (last) break
    await sleep(opts.everyMs, opts.signal)
  }
  return total
}

/**
 * @example describePoll(poll)
 *   -> '2 feeds, 3 new articles (1 already stored), 7 event mentions, 4 new events, 2 failed, 1 alert'
 */
export function describePoll(poll: PollSummary): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  const parts = [
    plural(poll.feeds, 'feed') +
      (poll.waiting > 0 ? ` (${poll.waiting} waiting after failures)` : ''),
    `${plural(poll.articles, 'new article')}` +
      (poll.duplicates > 0 ? ` (${poll.duplicates} already stored)` : ''),
    plural(poll.eventMentions, 'event mention'),
    plural(poll.newEvents, 'new event'),
    `${poll.failures} failed`,
    plural(poll.alerts, 'alert'),
  ]
  return parts.join(', ')
}

async function pollOnce(
  store: Store,
  feeds: readonly string[],
  memory: { states: Map<string, FeedState>; feedCache: Map<string, CachedFeed> },
  opts: WatchOptions,
  now: () => Date,
): Promise<PollSummary> {
  const detectLanguage = await loadArticleLanguageDetector()
  const lastEventId = maxEventId(store)
  const stored: string[] = []
  let duplicates = 0
  let eventMentions = 0
  let failures = 0
  let waiting = 0
  const fail = (origin: string, reason: string, retry: string): void => {
    failures++
    opts.log(`${stamp(now())} failed ${printable(origin)}: ${printable(reason)}${retry}`)
  }
  const alertLog = {
    log: (line: string) => opts.log(`${stamp(now())} ${line}`),
    signal: opts.signal,
  }
  // Webhooks that failed at an earlier poll (the receiver was down) are sent again first.
  await retryWebhooks(store, alertLog)
  for (const feed of feeds) {
    if (opts.signal.aborted) break
    const { states, feedCache } = memory
    const state = states.get(feed) ?? { failures: 0, nextPollAt: 0 }
    if (state.nextPollAt > now().getTime()) {
      waiting++
      continue
    }
    const seen = loadSeenUrls(store)
    const web: WebReadOptions = {
      detectLanguage,
      follow: opts.follow ?? false,
      signal: opts.signal,
      wanted: (url) => isDue(seen, url, now()),
      feedCache,
      feedsOnly: true,
      ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
      ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
    }
    let feedFailed = false
    for await (const item of readWebItems(feed, web)) {
      if (opts.signal.aborted) break
      const { result } = item
      if (!result.ok) {
        if (result.origin === feed) {
          // The feed itself: wait longer before the next try, doubling each time.
          feedFailed = true
          state.failures++
          const wait = backoffMs(state.failures - 1, opts.everyMs)
          state.nextPollAt = now().getTime() + wait
          fail(feed, result.reason, `; next try in ${formatDuration(wait)}`)
        } else if (item.url !== null) {
          const { attempts, nextTryAt } = markFailed(
            store,
            feed,
            item.url,
            result.reason,
            opts.everyMs,
            now(),
          )
          const retry =
            nextTryAt === null
              ? `; given up after ${attempts} tries`
              : `; try ${attempts}, next after ${nextTryAt.slice(0, 19)}Z`
          fail(result.origin, result.reason, retry)
        } else fail(result.origin, result.reason, '')
        continue
      }
      const doc = await codeOne(result, (origin, reason) => fail(origin, reason, ''))
      if (doc === null) continue
      const saved = saveDoc(store, doc, now())
      if (saved.stored) {
        stored.push(doc.article.id)
        eventMentions += doc.eventMentions?.length ?? 0
      } else duplicates++
      if (item.url !== null) {
        markSettled(
          store,
          feed,
          item.url,
          saved.stored ? 'stored' : 'duplicate',
          doc.article.id,
          now(),
        )
      }
    }
    if (!feedFailed) states.set(feed, { failures: 0, nextPollAt: 0 })
    else states.set(feed, state)
  }
  const firings = recordFirings(store, eventsOfArticles(store, stored), now())
  await deliverFirings(store, firings, { ...alertLog, print: opts.print })
  return {
    feeds: feeds.length,
    waiting,
    articles: stored.length,
    duplicates,
    eventMentions,
    newEvents: maxEventId(store) - lastEventId,
    failures,
    alerts: firings.length,
  }
}

/** Run the pipeline on one read article; null (reported) when it fails. */
async function codeOne(
  result: ReadResult & { ok: true },
  fail: (origin: string, reason: string) => void,
): Promise<Doc | null> {
  const checked: ReadResult = {
    ...result,
    problems: [...result.problems, ...checkArticle(result.article, todayUtc())],
  }
  const tally: RunTally = { articles: 0, skipped: 0, undated: 0 }
  // Notes (no date found, another language) are for `ingest`; a watch log keeps to one line a poll.
  const log = (line: string): void => {
    const skipped = /^skipped (.*?): (.*)$/u.exec(line)
    if (skipped !== null) fail(skipped[1] ?? '', skipped[2] ?? '')
  }
  for await (const doc of codeResults(one(checked), {}, tally, log)) return doc
  return null
}

async function* one<T>(value: T): AsyncGenerator<T> {
  yield value
}

/** Events are numbered in insert order: those above the highest id before a poll are new. */
function maxEventId(store: Store): number {
  const query = store.db
    .selectFrom('events')
    .select((eb) => eb.fn.max<number | null>('id').as('id'))
  return selectRows(store, query)[0]?.id ?? 0
}

/** Wait, or stop waiting as soon as the signal fires. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) return done()
    const timer = setTimeout(finish, ms)
    function finish(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', finish)
      done()
    }
    signal.addEventListener('abort', finish, { once: true })
  })
}

/** @example stamp(new Date('2026-11-24T15:00:00.123Z')) -> '2026-11-24T15:00:00Z' */
function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
