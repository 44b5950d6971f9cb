/**
 * The throughput benchmark (issue 7, first part: one process, one thread). In one run, on the same
 * generated articles:
 *
 *   1. bare       bareTokenize(text): wink-nlp's pass as the pipeline makes it (tokens, sentences)
 *   2. extract    processArticle(article): every pipeline stage, nothing stored
 *   3. ingest     processArticle + saveDoc into a fresh SQLite file in a temp folder, committed
 *                 in groups as `dyad ingest` does (src/store/group-commit.ts)
 *
 * (plus wink's tokenizer alone, with bare) and reports articles/s, MB/s (10^6 bytes of UTF-8
 * article text per second), extract/bare, and peak memory. The corpus is generated 500 articles
 * at a time, untimed, and every measure runs on each chunk, so memory stays flat however many
 * articles are asked for. Loading the dictionaries is not part of any rate; each measure is warmed
 * up first on articles of another seed.
 *
 *   npx tsx bench/run.ts [--articles 2000] [--seed 1] [--out bench/results] [--warmup 100]
 *                        [--measures bare,extract,ingest]
 */
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

import { loadDictionaries } from '../src/dict/load.js'
import type { Article } from '../src/doc.js'
import { bareTokenize } from '../src/nlp/tokenize.js'
import { processArticle } from '../src/pipeline.js'
import { loadResources, type Resources } from '../src/resources.js'
import { closeStore, openStore } from '../src/store/database.js'
import { migrateStore } from '../src/store/migrate.js'
import { GroupCommit } from '../src/store/group-commit.js'
import { generateCorpus, streamCorpus } from './generate-corpus.js'

/** One timed measure. */
interface Measure {
  readonly name: string
  readonly articles: number
  readonly seconds: number
  readonly articlesPerSecond: number
  readonly mbPerSecond: number
  /** Highest RSS seen while it ran (sampled every few articles), in MB. */
  readonly peakRssMb: number
  /** Per-article milliseconds. */
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number }
}

const MB = 1_000_000

/** Sample the RSS every this many articles (the loops are synchronous, so no timer can fire). */
const RSS_EVERY = 25

/** Articles generated at a time; every measure runs on one chunk before the next is made. */
const CHUNK = 500

function parse(): { articles: number; seed: number; out: string; warmup: number; measures: string[] } {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results' },
      warmup: { type: 'string', default: '100' },
      measures: { type: 'string', default: 'bare,extract,ingest' },
    },
  })
  const articles = Number(values.articles)
  const seed = Number(values.seed)
  const warmup = Number(values.warmup)
  const measures = values.measures.split(',').map((m) => m.trim())
  const known = measures.every((m) => ['bare', 'extract', 'ingest'].includes(m))
  if (![articles, seed, warmup].every(Number.isInteger) || articles < 1 || warmup < 0 || !known) {
    process.stderr.write(
      'usage: run.ts [--articles 2000] [--seed 1] [--out bench/results] [--warmup 100] ' +
        '[--measures bare,extract,ingest]\n',
    )
    process.exit(2)
  }
  return { articles, seed, out: values.out, warmup, measures }
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? 0
}

function rssMb(): number {
  return process.memoryUsage.rss() / MB
}

/**
 * A measure timed chunk by chunk: `run` times `work` over one chunk of articles, one clock per
 * chunk; the chunks' times add up. Latencies go in a preallocated array, nothing else per article.
 */
class Timer {
  private seconds = 0
  private done = 0
  private peak = 0
  private readonly latencies: Float64Array

  constructor(
    readonly name: string,
    total: number,
    private readonly work: (article: Article) => void,
    /** Timed too, once at the end of each chunk: the last commit of an ingest's group. */
    private readonly finish: () => void = () => {},
  ) {
    this.latencies = new Float64Array(total)
  }

  run(articles: readonly Article[]): void {
    this.peak = Math.max(this.peak, rssMb())
    const start = performance.now()
    for (let i = 0; i < articles.length; i++) {
      const t0 = performance.now()
      this.work(articles[i] as Article)
      this.latencies[this.done++] = performance.now() - t0
      if (i % RSS_EVERY === 0) this.peak = Math.max(this.peak, rssMb())
    }
    this.finish()
    this.seconds += (performance.now() - start) / 1000
    this.peak = Math.max(this.peak, rssMb())
  }

  result(bytes: number): Measure {
    const sorted = this.latencies.subarray(0, this.done).sort()
    return {
      name: this.name,
      articles: this.done,
      seconds: this.seconds,
      articlesPerSecond: this.done / this.seconds,
      mbPerSecond: bytes / MB / this.seconds,
      peakRssMb: this.peak,
      latencyMs: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted[sorted.length - 1] ?? 0,
      },
    }
  }
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
  } catch {
    return null
  }
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits))

async function main(): Promise<void> {
  const options = parse()
  const runs = new Set(options.measures)

  // Untimed set-up: dictionaries, coder, language detector and the place gazetteer (which the
  // pipeline otherwise reads on first use, inside a timed loop).
  let t = performance.now()
  const resources: Resources = await loadResources()
  resources.places()
  const resourcesMs = performance.now() - t
  const dictionaries = loadDictionaries()
  const words = winkNLP(model, [])
  const tokensOnly = (text: string): number => words.readDoc(text).tokens().length()

  // Warm-up: JIT, wink's model, the coder's indexes, SQLite's statements.
  t = performance.now()
  const warmArticles = generateCorpus({
    articles: options.warmup,
    seed: options.seed + 1_000_000,
    dictionaries,
    idPrefix: 'warmup',
  }).map((g) => g.article)
  let generateMs = performance.now() - t
  for (const article of warmArticles) {
    tokensOnly(article.text)
    bareTokenize(article.text)
    processArticle(article, resources)
  }

  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'))
  const file = join(dir, 'bench.db')
  const store = openStore(file)
  const group = new GroupCommit(store, () => {})
  let tokens = 0
  let eventMentions = 0
  let problems = 0
  let stored = 0
  let bytes = 0
  let sentencesHint = 0
  let closeMs = 0
  let dbMb = 0
  const rssTrend: { articles: number; rssMb: number }[] = []
  const n = options.articles
  const timers = {
    words: new Timer('wink tokenizer alone (pipe [])', n, (article) => {
      tokensOnly(article.text)
    }),
    bare: new Timer('bare tokenisation (bareTokenize)', n, (article) => {
      tokens += bareTokenize(article.text)
    }),
    extract: new Timer('extraction (processArticle)', n, (article) => {
      const doc = processArticle(article, resources)
      eventMentions += doc.eventMentions?.length ?? 0
      problems += doc.problems.length
    }),
    ingest: new Timer(
      'ingest (processArticle + saveDoc)',
      n,
      (article) => {
        const doc = processArticle(article, resources)
        if (group.save(doc).stored) stored++
        // Counted here only when extraction is not measured (--measures ingest).
        if (!runs.has('extract')) {
          eventMentions += doc.eventMentions?.length ?? 0
          problems += doc.problems.length
        }
      },
      () => group.commit(),
    ),
  }
  // The tokenizer alone runs second: first in a chunk, it would pay for the chunk's generation
  // garbage.
  const order = (['bare', 'words', 'extract', 'ingest'] as const).filter(
    (m) => runs.has(m === 'words' ? 'bare' : m),
  )
  const rssAfterSetupMb = rssMb()
  process.stderr.write(
    `${n} articles in chunks of ${CHUNK}; resources ${Math.round(resourcesMs)} ms (untimed); ` +
      `measures: ${order.join(', ')}\n`,
  )
  try {
    await migrateStore(store)
    if (runs.has('ingest')) {
      for (const a of warmArticles) group.save(processArticle(a, resources))
      group.commit()
    }
    // The corpus is generated a chunk at a time (untimed) and each measure runs on the chunk, so
    // memory does not grow with the number of articles.
    const corpus = streamCorpus({ articles: n, seed: options.seed, dictionaries })
    let done = 0
    let nextReport = 0
    for (;;) {
      t = performance.now()
      const chunk: Article[] = []
      for (let r = corpus.next(); ; r = corpus.next()) {
        if (r.done) break
        chunk.push(r.value.article)
        if (chunk.length === CHUNK) break
      }
      generateMs += performance.now() - t
      if (chunk.length === 0) break
      for (const a of chunk) {
        bytes += Buffer.byteLength(a.text, 'utf8')
        sentencesHint += a.text.match(/[.!?]["”]?(\s|$)/gu)?.length ?? 0
      }
      for (const m of order) timers[m].run(chunk)
      done += chunk.length
      if (done >= nextReport || done === n) {
        rssTrend.push({ articles: done, rssMb: round(rssMb()) })
        process.stderr.write(`  ${done} articles, RSS ${round(rssMb())} MB\n`)
        nextReport += Math.max(CHUNK, Math.ceil(n / 10 / CHUNK) * CHUNK)
      }
    }
    t = performance.now()
    closeStore(store)
    closeMs = performance.now() - t
    dbMb = statSync(file).size / MB
  } finally {
    closeStore(store)
    rmSync(dir, { recursive: true, force: true })
  }
  const measures = Object.fromEntries(order.map((m) => [m, timers[m].result(bytes)])) as Partial<
    Record<(typeof order)[number], Measure>
  >
  for (const m of order) {
    process.stderr.write(`${m}: ${round(measures[m]?.articlesPerSecond ?? 0)} articles/s\n`)
  }
  const ratio = (a: Measure | undefined, b: Measure | undefined): number | null =>
    a && b ? round(a.seconds / b.seconds, 2) : null

  const maxRssMb = (process.resourceUsage().maxRSS * 1024) / MB
  const result: Result = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: { model: cpus()[0]?.model ?? 'unknown', count: cpus().length },
    totalMemoryMb: Math.round(totalmem() / MB),
    threads: 1,
    corpus: {
      seed: options.seed,
      articles: n,
      warmupArticles: warmArticles.length,
      megabytes: round(bytes / MB, 3),
      meanArticleBytes: Math.round(bytes / n),
      approxSentences: sentencesHint,
      winkTokens: tokens,
    },
    untimedMs: { loadResources: Math.round(resourcesMs), generateCorpus: Math.round(generateMs) },
    measures,
    extractOverBare: ratio(measures.extract, measures.bare),
    extractOverWords: ratio(measures.extract, measures.words),
    ingestOverExtract: ratio(measures.ingest, measures.extract),
    output: { eventMentions, problems, stored, dbMegabytes: round(dbMb, 2), closeMs: Math.round(closeMs) },
    memory: { rssAfterSetupMb: round(rssAfterSetupMb), peakRssMb: round(maxRssMb), rssTrend },
  }

  const markdown = toMarkdown(result)
  mkdirSync(options.out, { recursive: true })
  writeFileSync(join(options.out, 'latest.json'), JSON.stringify(result, null, 2) + '\n')
  writeFileSync(join(options.out, 'latest.md'), markdown)
  process.stdout.write(markdown)
}

type Result = {
  date: string
  commit: string | null
  node: string
  platform: string
  cpu: { model: string; count: number }
  totalMemoryMb: number
  threads: number
  corpus: {
    seed: number
    articles: number
    warmupArticles: number
    megabytes: number
    meanArticleBytes: number
    approxSentences: number
    winkTokens: number
  }
  untimedMs: { loadResources: number; generateCorpus: number }
  measures: Partial<Record<'words' | 'bare' | 'extract' | 'ingest', Measure>>
  extractOverBare: number | null
  extractOverWords: number | null
  ingestOverExtract: number | null
  output: { eventMentions: number; problems: number; stored: number; dbMegabytes: number; closeMs: number }
  memory: {
    rssAfterSetupMb: number
    peakRssMb: number
    rssTrend: readonly { articles: number; rssMb: number }[]
  }
}

function toMarkdown(r: Result): string {
  const { words, bare, extract, ingest } = r.measures
  const rows = [words, bare, extract, ingest].flatMap((m) =>
    m
      ? [
          `| ${m.name} | ${round(m.articlesPerSecond)} | ${round(m.mbPerSecond, 3)} | ` +
            `${round(m.seconds, 2)} | ${round(m.latencyMs.p50, 2)} | ${round(m.latencyMs.p95, 2)} | ` +
            `${round(m.latencyMs.max, 1)} | ${round(m.peakRssMb)} |`,
        ]
      : [],
  )
  const percent = (a: Measure | undefined, b: Measure | undefined): string =>
    a && b ? `${round((100 * a.articlesPerSecond) / b.articlesPerSecond)} %` : 'n/a'
  const trend = r.memory.rssTrend.map((p) => `${p.articles}: ${p.rssMb}`).join(', ')
  return [
    `# dyad benchmark`,
    ``,
    `${r.date} · commit ${r.commit ?? '?'} · Node ${r.node} · ${r.cpu.count} × ${r.cpu.model} · one thread`,
    ``,
    `Corpus: ${r.corpus.articles} synthetic articles (seed ${r.corpus.seed}), ` +
      `${r.corpus.megabytes} MB of text, ${r.corpus.meanArticleBytes} bytes per article on average. ` +
      `Dictionary loading is not timed.`,
    ``,
    `| measure | articles/s | MB/s | seconds | p50 ms | p95 ms | max ms | peak RSS MB |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    ...rows,
    ``,
    r.extractOverBare === null
      ? `- extraction / bare tokenisation: not measured in this run`
      : `- extraction / bare tokenisation: **${r.extractOverBare}×** the time ` +
        `(extraction runs at ${percent(extract, bare)} of bare tokenisation's rate; ` +
        `${percent(extract, words)} of the tokenizer alone's)`,
    `- ingest / extraction: ${r.ingestOverExtract === null ? 'not measured in this run' : `${r.ingestOverExtract}×`}`,
    `- event mentions found: ${r.output.eventMentions}; articles stored: ${r.output.stored}; ` +
      `SQLite file: ${r.output.dbMegabytes} MB`,
    `- RSS after loading resources: ${r.memory.rssAfterSetupMb} MB; ` +
      `peak RSS of the process (maxRSS): **${r.memory.peakRssMb} MB**`,
    `- RSS (MB) by articles done: ${trend}`,
    ``,
  ].join('\n')
}

await main()
