/**
 * The monitoring commands (`dyad watch`, `dyad alerts add|list|remove`) and the web options
 * `dyad ingest` shares with them (`--follow`, `--timeout`, `--concurrency`), kept apart from
 * program.ts so the command tree stays short. See docs/monitoring.md.
 */
import { Command, CommanderError, Option } from 'commander'
import { parseDuration } from '../monitor/duration.js'
import { DEFAULT_TIMEOUT_MS } from '../monitor/fetch-page.js'
import { DEFAULT_CONCURRENCY } from '../monitor/web-inputs.js'
import { alertsAddCommand, alertsListCommand, alertsRemoveCommand } from './commands/alerts.js'
import { watchCommand } from './commands/watch.js'
import type { ReadOptions } from './read-docs.js'

/** `--follow`, `--timeout`, `--concurrency`: how URLs and feeds are fetched. */
export const followOption = () =>
  new Option(
    '--follow',
    "feeds: fetch each item's page for the full text (else the item's summary)",
  )
export const timeoutOption = () =>
  new Option('--timeout <duration>', 'give up on a page or feed after this long (e.g. 20s, 1m)')
    .default(DEFAULT_TIMEOUT_MS, '20s')
    .argParser(durationParser('--timeout', '20s, 500ms or 1m'))
export const concurrencyOption = () =>
  new Option('--concurrency <n>', 'feeds with --follow: pages fetched at once')
    .default(DEFAULT_CONCURRENCY)
    .argParser(positiveInteger('--concurrency'))

function durationParser(name: string, examples: string): (v: string) => number {
  return (v) => {
    const ms = parseDuration(v)
    if (ms !== null) return ms
    throw new CommanderError(2, 'E_USAGE', `${name} "${v}" is not a duration like ${examples}`)
  }
}

function positiveInteger(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v)
    if (Number.isInteger(n) && n >= 1) return n
    throw new CommanderError(2, 'E_USAGE', `${name} "${v}" is not a positive whole number`)
  }
}

/** The web options of a parsed command line. */
export function webOptionsOf(opts: {
  follow?: boolean
  timeout?: number
  concurrency?: number
}): NonNullable<ReadOptions['web']> {
  return {
    follow: opts.follow === true,
    ...(opts.timeout === undefined ? {} : { timeoutMs: opts.timeout }),
    ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
  }
}

/** What program.ts lends: the default store and its `--max-size` option. */
export interface SharedOptions {
  readonly db: string
  readonly maxSizeOption: () => Option
}

/** Add `watch` and `alerts` to the command tree. */
export function addMonitorCommands(program: Command, shared: SharedOptions): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds, store new articles, fire alerts; one log line per poll')
    .requiredOption('--feeds <file>', 'the feeds to poll: one URL or file per line, # comments')
    .addOption(
      new Option('--every <duration>', 'time between polls (e.g. 30s, 15m, 1h)')
        .default(15 * 60_000, '15m')
        .argParser(durationParser('--every', '30s, 15m or 1h')),
    )
    .option('--db <file>', 'SQLite database file (created when missing)', shared.db)
    .option('--once', 'poll once and stop (for cron)')
    .addOption(followOption())
    .addOption(timeoutOption())
    .addOption(concurrencyOption())
    .addOption(shared.maxSizeOption())
    .addHelpText(
      'after',
      '\nEach poll stores only items whose link was not seen and whose text is not stored yet.\n' +
        'A feed or page that fails is named on one line and tried again later (waiting longer\n' +
        'after each failure; a page is given up after 5 tries). Alerts print on stdout, the log\n' +
        'goes to stderr. Ctrl-C stops cleanly.\n\n' +
        'Example:\n' +
        '  dyad alerts add --dyad IRN-VEN --type sign_agreement --jsonl alerts.jsonl\n' +
        '  dyad watch --feeds feeds.txt --every 15m --follow',
    )
    .action(async (opts) => {
      await watchCommand(opts)
    })

  const alerts = program
    .command('alerts')
    .description('alerts on a dyad: told when newly ingested events match')
  alerts
    .command('add')
    .description('alert on new events between two countries')
    .requiredOption('--dyad <A-B>', 'the two countries, either direction (e.g. IRN-VEN)')
    .option(
      '--type <types>',
      'only these event types, comma-separated (e.g. sign_agreement,cooperate_military)',
    )
    .option('--modality <list>', 'asserted, planned or both (default both)')
    .addOption(
      new Option('--min-sources <n>', 'only once the event is reported by this many outlets')
        .default(1)
        .argParser(positiveInteger('--min-sources')),
    )
    .option('--on-new-source', 'fire again each time the event gains a source')
    .option('--jsonl <file>', 'append each firing to this JSONL file')
    .option('--webhook <url>', 'POST each firing as JSON to this URL')
    .option('--db <file>', 'SQLite database file', shared.db)
    .addHelpText(
      'after',
      '\nAn alert fires once per event (and again on a new source with --on-new-source), when\n' +
        '`dyad ingest` or `dyad watch` stores an article reporting it. It prints a line on stdout.\n\n' +
        'Example:\n' +
        '  dyad alerts add --dyad IRN-VEN --type sign_agreement,cooperate_military --min-sources 2',
    )
    .action(async (opts) => {
      await alertsAddCommand(opts)
    })
  alerts
    .command('list')
    .description('list the alerts')
    .option('--db <file>', 'SQLite database file', shared.db)
    .action(async (opts) => {
      await alertsListCommand(opts)
    })
  alerts
    .command('remove')
    .description('remove an alert and its history')
    .argument('<id>', 'the alert id (`dyad alerts list`)')
    .option('--db <file>', 'SQLite database file', shared.db)
    .action(async (id: string, opts) => {
      await alertsRemoveCommand(id, opts)
    })
}
