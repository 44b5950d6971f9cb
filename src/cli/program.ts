/**
 * The `dyad` command tree: a thin layer over the pipeline and the store. Errors dyad raises on purpose
 * print their message and advice, never a stack trace; exit codes: 0 done, 1 error, 2 bad usage,
 * 3 done but some inputs were skipped.
 */
import { Command, CommanderError, Option } from 'commander'
import { isDyadError } from '../errors.js'
import { isIsoDay } from '../nlp/calendar.js'
import { extractCommand } from './commands/extract.js'
import { ingestCommand } from './commands/ingest.js'
import { workerCommand } from './commands/worker.js'
import { eventsCommand } from './commands/events.js'
import { evalCommand } from './commands/eval.js'
import { dyadCommand } from './commands/dyad.js'
import { exportCommand } from './commands/export.js'
import { EXPORT_FORMATS } from '../export/export-events.js'
import { serveCommand } from './commands/serve.js'
import { actorsLookupCommand } from './commands/actors.js'
import { OUTPUT_FORMATS } from './format-events.js'
import { parseByteSize } from '../ingest/byte-size.js'
import { DEFAULT_MAX_BYTES } from '../ingest/read-inputs.js'
import {
  addMonitorCommands,
  concurrencyOption,
  followOption,
  timeoutOption,
  webOptionsOf,
} from './monitor-commands.js'
import { ARTICLES_PER_THREAD } from '../parallel/auto-workers.js'
import { defaultWorkers } from '../parallel/pipeline-pool.js'
import { SCOPE_OPTIONS } from '../pipeline.js'

const DEFAULT_DB = 'dyad.db'

const formatOption = () =>
  new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table')
const publishedOption = () =>
  new Option('--published <YYYY-MM-DD>', 'publication date for every input, overriding what the article says').argParser(
    (v) => {
      if (!isIsoDay(v)) throw new CommanderError(2, 'E_USAGE', `--published "${v}" is not a date like 2024-11-20`)
      return v
    },
  )
/** `--strict` and `--max-size`: how a run treats inputs it cannot use. */
const scopeOption = (what: string) =>
  new Option(
    '--scope <scope>',
    `core: the ${what} of the annotation guideline's 14 types; all: also the other CAMEO roots (statements, appeals, force, violence, ...)`,
  )
    .choices([...SCOPE_OPTIONS])
    .default('core')
const strictOption = () =>
  new Option('--strict', 'stop with exit code 1 at the first input that has to be skipped')
const maxSizeOption = () =>
  new Option(
    '--max-size <size>',
    'skip any article larger than this (a file, a JSONL line or stdin)',
  )
    .default(DEFAULT_MAX_BYTES, '10MB')
    .argParser((v) => {
      const bytes = parseByteSize(v)
      if (bytes !== null) return bytes
      const message = `--max-size "${v}" is not a size like 10MB, 512KB or 2000000`
      throw new CommanderError(2, 'E_USAGE', message)
    })

/** `--workers N`: pipeline threads; by default one per core, as many as the inputs keep busy. */
const workersOption = (
  description = `pipeline threads (default: one per core, ${defaultWorkers()} here, one per ${ARTICLES_PER_THREAD} articles at most; 1 runs all in one thread)`,
) =>
  new Option('--workers <n>', description)
    .argParser((v) => {
      const n = Number(v)
      if (Number.isInteger(n) && n >= 1 && n <= 256) return n
      throw new CommanderError(2, 'E_USAGE', `--workers "${v}" is not a whole number from 1 to 256`)
    })

/** Build the command tree (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('dyad')
    .description(
      'Turn news articles about relations between states into sourced, dated event data.\n\n' +
        'Inputs are files or folders: plain text (first line = title, a dateline sets the date),\n' +
        'HTML pages, or JSONL with {id, title, text, published, url, outlet} per line; "-" reads stdin.',
    )
    .version('0.1.0')
    // Set before the commands are added so each inherits it: bad usage anywhere exits 2.
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  dyad extract examples/articles/             print the events found, as a table
  dyad extract article.txt --format jsonl     one JSON event mention per line
  dyad ingest examples/articles --db dyad.db  store articles and events (re-ingest is a no-op)
  dyad events --dyad IRN-VEN --type visit     query stored events of one dyad
  dyad eval gold.jsonl --articles corpus/     precision, recall and F1 against a gold file
  dyad serve --db dyad.db                     the workbench at http://127.0.0.1:8787
  dyad watch --feeds feeds.txt --every 15m    poll RSS/Atom feeds, store what is new, fire alerts`,
    )

  program
    .command('extract')
    .description('print the event mentions found in articles, without storing them')
    .argument('<paths...>', 'files or folders of articles ("-" for stdin)')
    .addOption(formatOption())
    .addOption(publishedOption())
    .option('--all', 'include negated and hypothetical event mentions too')
    .addOption(scopeOption('event mentions'))
    .addOption(strictOption())
    .addOption(maxSizeOption())
    .addOption(workersOption())
    .action(async (paths: string[], opts) => {
      const tally = await extractCommand(paths, opts)
      if (tally.skipped > 0) process.exitCode = 3
    })

  program
    .command('ingest')
    .description('read articles, code their events and store both (each article exactly once, committed in small groups)')
    .argument('<paths...>', 'files or folders of articles ("-" for stdin)')
    .option('--db <file|url>', 'SQLite database file (created when missing) or postgres:// URL', DEFAULT_DB)
    .addOption(publishedOption())
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(scopeOption('events stored'))
    .addOption(strictOption())
    .addOption(maxSizeOption())
    .option('--log-stored', 'print "stored <article id>" on stdout as each article is committed')
    .addOption(followOption())
    .addOption(timeoutOption())
    .addOption(concurrencyOption())
    .addHelpText(
      'after',
      '\nA path may be a URL (an article page or a feed) or an RSS/Atom file (.rss, .atom, .xml):\n' +
        '  dyad ingest https://news.example/2024/11/20/iran-venezuela.html\n' +
        '  dyad ingest https://news.example/world.rss --follow\n' +
        'Alerts set with `dyad alerts add` fire on the events stored.',
    )
    .addOption(workersOption())
    .option('--queue <redis-url>', 'enqueue the articles on Redis for `dyad worker`s instead (e.g. redis://HOST:6379)')
    .action(async (paths: string[], opts) => {
      const tally = await ingestCommand(paths, { ...opts, web: webOptionsOf(opts) })
      if (tally.skipped > 0) process.exitCode = 3
    })

  program
    .command('worker')
    .description('store articles queued by `dyad ingest --queue`, until stopped (run one per machine)')
    .requiredOption('--queue <redis-url>', 'the Redis the articles are queued on, e.g. redis://HOST:6379')
    .option('--db <file|url>', 'postgres:// URL (shared by all workers) or SQLite database file', DEFAULT_DB)
    .addOption(workersOption(`pipeline threads (default: one per core, ${defaultWorkers()} here)`))
    .addOption(
      new Option('--stall-ms <ms>', 'a killed worker\'s article is taken up again after about twice this')
        .default(30_000)
        .argParser((v) => {
          const n = Number(v)
          if (Number.isInteger(n) && n >= 100) return n
          throw new CommanderError(2, 'E_USAGE', `--stall-ms "${v}" is not a whole number of milliseconds (at least 100)`)
        }),
    )
    .option('--log-stored', 'print "stored <article id>" on stdout as each article is committed')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      '\nExample:\n  dyad ingest feed.jsonl --queue redis://queue:6379\n' +
        '  dyad worker --queue redis://queue:6379 --db postgres://dyad@db/dyad   (on each machine)\n' +
        'Ctrl-C (SIGINT) or SIGTERM finishes the articles in hand, then stops.',
    )
    .action(async (opts) => {
      await workerCommand(opts)
    })

  program
    .command('events')
    .description('query stored event mentions')
    .option('--db <file|url>', 'SQLite database file or postgres:// URL', DEFAULT_DB)
    .option('--dyad <A-B>', 'only events between two countries, either direction (e.g. IRN-VEN)')
    .option('--type <types>', 'comma-separated event types (visit, meet, sign_agreement, ...)')
    .option('--from <YYYY-MM-DD>', 'only events on or after this day')
    .option('--to <YYYY-MM-DD>', 'only events on or before this day')
    .option('--modality <list>', 'comma-separated modalities (default: asserted,planned)')
    .addOption(scopeOption('events shown (unless --type names types)'))
    .option('--limit <n>', 'at most this many events')
    .addOption(formatOption())
    .action(async (opts) => eventsCommand(opts))

  program
    .command('eval')
    .description('score extraction against a gold file (precision, recall, F1, misses, false positives)')
    .argument('<gold>', 'gold JSONL: {id, published, events:[{source, target, type, date, ...}]} per line')
    .requiredOption('--articles <paths...>', 'the articles the gold file describes (files, folders or JSONL)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--max-list <n>', 'list at most this many misses and false positives')
    .addOption(publishedOption())
    .action(async (gold: string, opts) => {
      await evalCommand(gold, opts)
    })

  program
    .command('serve')
    .description('serve the HTTP API and the analyst workbench page over a store')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--port <n>', 'TCP port (0 picks a free one)', '8787')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addHelpText(
      'after',
      '\nPOST /api/articles stores articles only when DYAD_TOKEN is set; send it as\n' +
        '`Authorization: Bearer <token>`. The API is documented at /api/openapi.json.',
    )
    .action(async (opts) => {
      await serveCommand(opts)
    })

  program
    .command('dyad')
    .description('what happened between two countries: events and Goldstein per month, sectors, people')
    .argument('<a>', 'first country code (e.g. IRN)')
    .argument('<b>', 'second country code (e.g. VEN); either direction counts')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--from <YYYY-MM-DD>', 'only events on or after this day')
    .option('--to <YYYY-MM-DD>', 'only events on or before this day')
    .option('--planned', 'count planned events too (by default only asserted ones)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (a: string, b: string, opts) => {
      await dyadCommand(a, b, opts)
    })

  program
    .command('export')
    .description('write the deduplicated events as GDELT 2.0, PLOVER, CSV or JSON lines')
    .addOption(new Option('-f, --format <format>', 'export format').choices([...EXPORT_FORMATS]).default('jsonl'))
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--dyad <A-B>', 'only events between two countries, either direction (e.g. IRN-VEN)')
    .option('--from <YYYY-MM-DD>', 'only events on or after this day')
    .option('--to <YYYY-MM-DD>', 'only events on or before this day')
    .option('--type <types>', 'comma-separated event types (visit, meet, sign_agreement, ...)')
    .option('--modality <list>', 'asserted,planned (default: asserted for gdelt and plover, both for csv and jsonl)')
    .option('--mentions', 'gdelt: write the Mentions table (one row per event and article) instead')
    .option('--header', 'gdelt: start with a line of column names')
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action(async (opts) => {
      await exportCommand(opts)
    })

  addMonitorCommands(program, { db: DEFAULT_DB, maxSizeOption })

  const actors = program.command('actors').description('inspect how dyad resolves actors')
  actors
    .command('lookup')
    .description('explain how a phrase resolves: a role on a day, a name and its offices, a capital')
    .argument('<phrase>', 'e.g. "defence minister", "Amir-Abdollahian", "Tehran"')
    .option('--country <code>', 'the country a bare role belongs to (ISO alpha-3, e.g. IRN)')
    .option('--date <YYYY-MM-DD>', 'the day that picks the office holder (the article date)')
    .option('--db <file>', 'also use the people this store learned from earlier articles ("Ghana\'s Foreign Minister, Kwame Boadu")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      '\nExamples:\n  dyad actors lookup "defence minister" --country IRN --date 2019-01-10\n  dyad actors lookup "Amir-Abdollahian"\n  dyad actors lookup "Boadu" --db dyad.db      # a person learned by ingest, with where from',
    )
    .action(async (phrase: string, opts) => {
      await actorsLookupCommand(phrase, opts)
    })

  return program
}

/** Run the CLI with process arguments. */
export async function main(argv: readonly string[]): Promise<void> {
  // `dyad extract ... | head` closes the pipe early: stop quietly instead of a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  const program = buildProgram()
  try {
    await program.parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; commander has printed them already.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return
      if (error.code === 'E_USAGE') process.stderr.write(`error: ${error.message}\n`)
      process.exitCode = 2
      return
    }
    if (isDyadError(error)) {
      process.stderr.write(`error [${error.code}]: ${error.message}\n`)
      process.exitCode = error.code === 'E_USAGE' ? 2 : 1
      return
    }
    throw error
  }
}
