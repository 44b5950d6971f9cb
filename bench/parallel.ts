/**
 * The benchmark of issue 7's second part: `dyad ingest` end to end (read the JSONL, run the
 * pipeline in N threads, save into a fresh SQLite file) for each `--workers` value, on the same
 * generated corpus, in alternating rounds so a busy machine weighs on every value alike. Reports
 * articles/s (wall clock) and the CPU seconds the process used. run.ts measures one thread's
 * stages apart; this measures the command as a user runs it.
 *
 * Each ingest runs in a fresh process, as a user's would. A run pays a fixed cost before its rate
 * settles: resources load, threads start and compile the dictionaries, and the JIT compiles the
 * hot code in each of them. So each round also ingests the corpus's first fifth, and the
 * difference between the two runs gives the steady rate (articles/s once warm) and the startup
 * (the seconds the whole run took beyond its articles at the steady rate).
 *
 *   node dist/bench/parallel.js [--articles 10000] [--seed 1] [--workers 1,2] [--rounds 1]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ingestCommand } from '../src/cli/commands/ingest.js'
import { writeJsonl, generateCorpus } from './generate-corpus.js'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
    rounds: { type: 'string', default: '1' },
    // Internal: ingest this corpus once into --db with --workers and print the Run as JSON.
    once: { type: 'string' },
    db: { type: 'string' },
  },
})
const counts = values.workers.split(',').map(Number)
const rounds = Number(values.rounds)

interface Run {
  readonly seconds: number
  readonly cpu: number
  readonly articles: number
}

if (values.once !== undefined) {
  // Timed from the start of the process: loading the code and the resources is part of a run.
  const tally = await ingestCommand([values.once], {
    db: values.db ?? '',
    workers: Number(values.workers),
    quiet: true,
  })
  const cpu = process.cpuUsage()
  const run: Run = {
    seconds: performance.now() / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
    articles: tally.stored,
  }
  process.stdout.write(JSON.stringify(run))
  process.exit(0)
}

/** Time `dyad ingest` of a corpus file into a new store with `workers` threads, in a new process. */
function timeIngest(corpus: string, db: string, workers: number): Run {
  const self = fileURLToPath(import.meta.url)
  const args = [self, '--once', corpus, '--db', db, '--workers', String(workers)]
  const stdio = ['ignore', 'pipe', 'inherit'] as const
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: [...stdio] })
  rmSync(db, { force: true })
  return JSON.parse(out) as Run
}

const folder = mkdtempSync(join(tmpdir(), 'dyad-bench-parallel-'))
try {
  const corpus = join(folder, 'corpus.jsonl')
  writeJsonl(generateCorpus({ articles: Number(values.articles), seed: Number(values.seed) }), corpus)
  // The same articles' first fifth: the short run of the steady-rate difference.
  const lines = readFileSync(corpus, 'utf8').split('\n').filter((line) => line !== '')
  const short = join(folder, 'short.jsonl')
  writeFileSync(short, lines.slice(0, Math.max(1, Math.floor(lines.length / 5))).join('\n') + '\n')

  const results = new Map<number, { full: Run; short: Run }[]>()
  for (let round = 0; round < rounds; round++) {
    for (const workers of counts) {
      const full = timeIngest(corpus, join(folder, `w${workers}-r${round}.db`), workers)
      const part = timeIngest(short, join(folder, `w${workers}-r${round}-short.db`), workers)
      results.set(workers, [...(results.get(workers) ?? []), { full, short: part }])
    }
  }
  process.stdout.write(
    '| workers | articles | seconds | articles/s | CPU s | steady articles/s | startup s |\n' +
      '|---|---|---|---|---|---|---|\n',
  )
  for (const [workers, list] of results) {
    for (const { full, short: part } of list) {
      const steady = (full.articles - part.articles) / (full.seconds - part.seconds)
      const startup = full.seconds - full.articles / steady
      process.stdout.write(
        `| ${workers} | ${full.articles} | ${full.seconds.toFixed(1)} | ` +
          `${(full.articles / full.seconds).toFixed(0)} | ${full.cpu.toFixed(1)} | ` +
          `${steady.toFixed(0)} | ${startup.toFixed(1)} |\n`,
      )
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
