/**
 * The throughput benchmark (issue 7, first part: one process, one thread). In one run, on the same
 * generated articles:
 *
 *   1. bare       bareTokenize(text): wink-nlp's pass as the pipeline makes it (tokens, sentences)
 *   2. extract    processArticle(article): every pipeline stage, nothing stored
 *   3. ingest     processArticle + saveDoc into a fresh SQLite file in a temp folder
 *
 * and reports articles/s, MB/s (10^6 bytes of UTF-8 article text per second), extract/bare, and
 * peak memory. Loading the dictionaries and generating the corpus are timed separately and are not
 * part of any rate; each measure is warmed up first on articles of another seed.
 *
 *   npx tsx bench/run.ts [--articles 2000] [--seed 1] [--out bench/results] [--warmup 100]
 */
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import { loadDictionaries } from '../src/dict/load.js'
import type { Article } from '../src/doc.js'
import { bareTokenize } from '../src/nlp/tokenize.js'
import { processArticle } from '../src/pipeline.js'
import { loadResources, type Resources } from '../src/resources.js'
import { closeStore, openStore } from '../src/store/database.js'
import { migrateStore } from '../src/store/migrate.js'
import { saveDoc } from '../src/store/queries/articles.js'
import { generateCorpus } from './generate-corpus.js'

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

function parse(): { articles: number; seed: number; out: string; warmup: number } {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results' },
      warmup: { type: 'string', default: '100' },
    },
  })
  const articles = Number(values.articles)
  const seed = Number(values.seed)
  const warmup = Number(values.warmup)
  if (![articles, seed, warmup].every(Number.isInteger) || articles < 1 || warmup < 0) {
    process.stderr.write(
      'usage: run.ts [--articles 2000] [--seed 1] [--out bench/results] [--warmup 100]\n',
    )
    process.exit(2)
  }
  return { articles, seed, out: values.out, warmup }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? 0
}

function rssMb(): number {
  return process.memoryUsage.rss() / MB
}

/** Run `work` on every article and time it, one clock for the whole loop. */
function measure(
  name: string,
  articles: readonly Article[],
  bytes: number,
  work: (article: Article) => void,
): Measure {
  const latencies = new Float64Array(articles.length)
  let peak = rssMb()
  const start = performance.now()
  for (let i = 0; i < articles.length; i++) {
    const t0 = performance.now()
    work(articles[i] as Article)
    latencies[i] = performance.now() - t0
    if (i % RSS_EVERY === 0) peak = Math.max(peak, rssMb())
  }
  const seconds = (performance.now() - start) / 1000
  peak = Math.max(peak, rssMb())
  const sorted = Array.from(latencies).sort((a, b) => a - b)
  return {
    name,
    articles: articles.length,
    seconds,
    articlesPerSecond: articles.length / seconds,
    mbPerSecond: bytes / MB / seconds,
    peakRssMb: peak,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] ?? 0,
    },
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

  // Untimed set-up: dictionaries, coder and language detector; then the corpus.
  let t = performance.now()
  const resources: Resources = await loadResources()
  const resourcesMs = performance.now() - t
  t = performance.now()
  const dictionaries = loadDictionaries()
  const corpus = generateCorpus({ articles: options.articles, seed: options.seed, dictionaries })
  const warm = generateCorpus({
    articles: options.warmup,
    seed: options.seed + 1_000_000,
    dictionaries,
    idPrefix: 'warmup',
  })
  const generateMs = performance.now() - t
  const articles = corpus.map((g) => g.article)
  const warmArticles = warm.map((g) => g.article)
  const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text, 'utf8'), 0)
  const sentencesHint = articles.reduce((sum, a) => sum + (a.text.match(/[.!?]["”]?(\s|$)/gu)?.length ?? 0), 0)
  const rssAfterSetupMb = rssMb()
  process.stderr.write(
    `corpus: ${articles.length} articles, ${round(bytes / MB, 2)} MB; resources ${Math.round(resourcesMs)} ms, ` +
      `generation ${Math.round(generateMs)} ms (both untimed)\n`,
  )

  // Warm-up: JIT, wink's model, the coder's indexes, SQLite's statements.
  for (const article of warmArticles) {
    bareTokenize(article.text)
    processArticle(article, resources)
  }

  // 1. The floor.
  let tokens = 0
  const bare = measure('bare tokenisation (bareTokenize)', articles, bytes, (article) => {
    tokens += bareTokenize(article.text)
  })
  process.stderr.write(`bare: ${round(bare.articlesPerSecond)} articles/s\n`)

  // 2. Extraction alone.
  let eventMentions = 0
  let problems = 0
  const extract = measure('extraction (processArticle)', articles, bytes, (article) => {
    const doc = processArticle(article, resources)
    eventMentions += doc.eventMentions?.length ?? 0
    problems += doc.problems.length
  })
  process.stderr.write(`extract: ${round(extract.articlesPerSecond)} articles/s\n`)

  // 3. Ingest into a fresh SQLite file (WAL, synchronous=NORMAL, as `dyad ingest`).
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'))
  const file = join(dir, 'bench.db')
  const store = openStore(file)
  let stored = 0
  let ingest: Measure
  let closeMs: number
  let dbMb: number
  try {
    await migrateStore(store)
    for (const article of warmArticles) saveDoc(store, processArticle(article, resources))
    ingest = measure('ingest (processArticle + saveDoc)', articles, bytes, (article) => {
      if (saveDoc(store, processArticle(article, resources)).stored) stored++
    })
    t = performance.now()
    closeStore(store)
    closeMs = performance.now() - t
    dbMb = statSync(file).size / MB
  } finally {
    closeStore(store)
    rmSync(dir, { recursive: true, force: true })
  }
  process.stderr.write(`ingest: ${round(ingest.articlesPerSecond)} articles/s\n`)

  const maxRssMb = (process.resourceUsage().maxRSS * 1024) / MB
  const result = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: { model: cpus()[0]?.model ?? 'unknown', count: cpus().length },
    totalMemoryMb: Math.round(totalmem() / MB),
    threads: 1,
    corpus: {
      seed: options.seed,
      articles: articles.length,
      warmupArticles: warmArticles.length,
      megabytes: round(bytes / MB, 3),
      meanArticleBytes: Math.round(bytes / articles.length),
      approxSentences: sentencesHint,
      winkTokens: tokens,
    },
    untimedMs: { loadResources: Math.round(resourcesMs), generateCorpus: Math.round(generateMs) },
    measures: { bare, extract, ingest },
    extractOverBare: round(extract.seconds / bare.seconds, 2),
    ingestOverExtract: round(ingest.seconds / extract.seconds, 2),
    output: { eventMentions, problems, stored, dbMegabytes: round(dbMb, 2), closeMs: Math.round(closeMs) },
    memory: { rssAfterSetupMb: round(rssAfterSetupMb), peakRssMb: round(maxRssMb) },
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
  cpu: { model: string; count: number }
  corpus: { seed: number; articles: number; megabytes: number; meanArticleBytes: number }
  measures: { bare: Measure; extract: Measure; ingest: Measure }
  extractOverBare: number
  ingestOverExtract: number
  output: { eventMentions: number; stored: number; dbMegabytes: number }
  memory: { rssAfterSetupMb: number; peakRssMb: number }
}

function toMarkdown(r: Result): string {
  const rows = [r.measures.bare, r.measures.extract, r.measures.ingest].map(
    (m) =>
      `| ${m.name} | ${round(m.articlesPerSecond)} | ${round(m.mbPerSecond, 3)} | ` +
      `${round(m.seconds, 2)} | ${round(m.latencyMs.p50, 2)} | ${round(m.latencyMs.p95, 2)} | ` +
      `${round(m.latencyMs.max, 1)} | ${round(m.peakRssMb)} |`,
  )
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
    `- extraction / bare tokenisation: **${r.extractOverBare}×** the time`,
    `- ingest / extraction: ${r.ingestOverExtract}×`,
    `- event mentions found: ${r.output.eventMentions}; articles stored: ${r.output.stored}; ` +
      `SQLite file: ${r.output.dbMegabytes} MB`,
    `- RSS after loading resources and generating the corpus: ${r.memory.rssAfterSetupMb} MB; ` +
      `peak RSS of the process (maxRSS): **${r.memory.peakRssMb} MB**`,
    ``,
  ].join('\n')
}

await main()
