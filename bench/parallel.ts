/**
 * The benchmark of issue 7's second part: `dyad ingest` end to end (read the JSONL, run the
 * pipeline in N threads, save into a fresh SQLite file) for each `--workers` value, on the same
 * generated corpus, in alternating rounds so a busy machine weighs on every value alike. Reports
 * articles/s (wall clock) and the CPU seconds the process used. run.ts measures one thread's
 * stages apart; this measures the command as a user runs it.
 *
 *   npx tsx bench/parallel.ts [--articles 2000] [--seed 1] [--workers 1,2] [--rounds 1]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ingestCommand } from '../src/cli/commands/ingest.js'
import { writeJsonl, generateCorpus } from './generate-corpus.js'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
    rounds: { type: 'string', default: '1' },
  },
})
const counts = values.workers.split(',').map(Number)
const rounds = Number(values.rounds)
const folder = mkdtempSync(join(tmpdir(), 'dyad-bench-parallel-'))
try {
  const corpus = join(folder, 'corpus.jsonl')
  writeJsonl(generateCorpus({ articles: Number(values.articles), seed: Number(values.seed) }), corpus)
  const results = new Map<number, { seconds: number; cpu: number; articles: number }[]>()
  for (let round = 0; round < rounds; round++) {
    for (const workers of counts) {
      const db = join(folder, `w${workers}-r${round}.db`)
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const tally = await ingestCommand([corpus], { db, workers, quiet: true })
      const seconds = (performance.now() - t0) / 1000
      const cpu = process.cpuUsage(cpu0)
      const list = results.get(workers) ?? []
      list.push({ seconds, cpu: (cpu.user + cpu.system) / 1e6, articles: tally.stored })
      results.set(workers, list)
      rmSync(db, { force: true })
    }
  }
  process.stdout.write('| workers | articles | seconds | articles/s | CPU s |\n|---|---|---|---|---|\n')
  for (const [workers, list] of results) {
    for (const r of list) {
      process.stdout.write(
        `| ${workers} | ${r.articles} | ${r.seconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(0)} | ${r.cpu.toFixed(1)} |\n`,
      )
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
