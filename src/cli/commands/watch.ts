/**
 * `dyad watch --feeds FILE [--every 15m]`: poll feeds, store what is new, fire alerts, log one
 * line per poll on stderr (alerts go to stdout). Ctrl-C stops cleanly: the wait ends at once, a
 * poll stops at its next item, the store is closed, and the exit code is 0. A second Ctrl-C
 * stops at once.
 */
import { closeStore, openStore } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'
import { formatDuration } from '../../monitor/duration.js'
import { readFeedList } from '../../monitor/feed-list.js'
import { watchFeeds, type WatchSummary } from '../../monitor/watch.js'

export interface WatchCommandOptions {
  readonly db: string
  readonly feeds: string
  readonly every: number
  readonly once?: boolean
  readonly polls?: number
  readonly follow?: boolean
  readonly concurrency?: number
  readonly timeout?: number
  readonly maxSize?: number
}

/** Watch until Ctrl-C (SIGINT) or SIGTERM. */
export async function watchCommand(opts: WatchCommandOptions): Promise<WatchSummary> {
  const feeds = readFeedList(opts.feeds) // a bad feeds file is a usage error before anything starts
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`)
  }
  const stop = new AbortController()
  let stopping = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130) // asked twice: the user wants out now
    stopping = true
    log(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping after the current article`)
    stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const store = openStore(opts.db)
  try {
    await migrateStore(store)
    const polls = opts.once === true ? 1 : opts.polls
    log(
      `watching ${feeds.length} feed${feeds.length === 1 ? '' : 's'} from ${opts.feeds} ` +
        `every ${formatDuration(opts.every)} into ${opts.db}` +
        (polls === undefined ? '; Ctrl-C stops' : ''),
    )
    const total = await watchFeeds(store, {
      feedsFile: opts.feeds,
      everyMs: opts.every,
      signal: stop.signal,
      log,
      print: (line) => process.stdout.write(`${line}\n`),
      ...(polls === undefined ? {} : { polls }),
      ...(opts.follow === undefined ? {} : { follow: opts.follow }),
      ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
      ...(opts.timeout === undefined ? {} : { timeoutMs: opts.timeout }),
      ...(opts.maxSize === undefined ? {} : { maxBytes: opts.maxSize }),
    })
    log(
      `stopped after ${total.polls} poll${total.polls === 1 ? '' : 's'}: ${total.articles} new articles, ` +
        `${total.newEvents} new events, ${total.failures} failed, ${total.alerts} alert${total.alerts === 1 ? '' : 's'}`,
    )
    return total
  } finally {
    closeStore(store)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
