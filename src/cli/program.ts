/**
 * The `dyad` command tree: a thin layer over the pipeline and the store. Errors dyad raises on purpose
 * print their message and advice, never a stack trace; exit codes: 0 done, 1 error, 2 bad usage,
 * 3 done but some inputs were skipped.
 */
import { Command, CommanderError, Option } from 'commander'
import { isDyadError } from '../errors.js'
import { extractCommand } from './commands/extract.js'
import { ingestCommand } from './commands/ingest.js'
import { eventsCommand } from './commands/events.js'
import { evalCommand } from './commands/eval.js'
import { OUTPUT_FORMATS } from './format-events.js'

const DEFAULT_DB = 'dyad.db'

const formatOption = () =>
  new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table')
const publishedOption = () =>
  new Option('--published <YYYY-MM-DD>', 'publication date for every input, overriding what the article says').argParser(
    (v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new CommanderError(2, 'E_USAGE', `--published "${v}" is not a date like 2024-11-20`)
      return v
    },
  )

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
  dyad eval gold.jsonl --articles corpus/     precision, recall and F1 against a gold file`,
    )

  program
    .command('extract')
    .description('print the event mentions found in articles, without storing them')
    .argument('<paths...>', 'files or folders of articles ("-" for stdin)')
    .addOption(formatOption())
    .addOption(publishedOption())
    .option('--all', 'include negated and hypothetical event mentions too')
    .action(async (paths: string[], opts) => {
      const tally = await extractCommand(paths, opts)
      if (tally.skipped > 0) process.exitCode = 3
    })

  program
    .command('ingest')
    .description('read articles, code their events and store both (each article one transaction)')
    .argument('<paths...>', 'files or folders of articles ("-" for stdin)')
    .option('--db <file>', 'SQLite database file (created when missing)', DEFAULT_DB)
    .addOption(publishedOption())
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (paths: string[], opts) => {
      const tally = await ingestCommand(paths, opts)
      if (tally.skipped > 0) process.exitCode = 3
    })

  program
    .command('events')
    .description('query stored event mentions')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--dyad <A-B>', 'only events between two countries, either direction (e.g. IRN-VEN)')
    .option('--type <types>', 'comma-separated event types (visit, meet, sign_agreement, ...)')
    .option('--from <YYYY-MM-DD>', 'only events on or after this day')
    .option('--to <YYYY-MM-DD>', 'only events on or before this day')
    .option('--modality <list>', 'comma-separated modalities (default: asserted,planned)')
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
