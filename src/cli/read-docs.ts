/**
 * Read inputs and run the pipeline on each article, reporting on stderr one line per input that
 * was skipped (`skipped FILE: reason`) and per thing to know about a kept article (`note FILE:
 * reason`). Shared by `extract`, `ingest` and `eval`.
 */
import type { Article, Doc } from '../doc.js'
import { DyadError } from '../errors.js'
import { isCodable } from '../ingest/check-article.js'
import { idOfOrigin } from '../ingest/compose-article.js'
import { readInputs, type ReadInputsOptions, type ReadResult } from '../ingest/read-inputs.js'
import { PipelinePool, type PoolAnswer } from '../parallel/pipeline-pool.js'
import { processArticle, type ScopeOption } from '../pipeline.js'
import { loadResources, type Resources } from '../resources.js'
import type { Progress } from './progress.js'
import type { PeopleRegistry } from '../actors/learned-people.js'

/** Counts of one run, for the summary line and the exit code. */
export interface RunTally {
  articles: number
  skipped: number
  undated: number
}

/** Options shared by commands that read articles. */
export interface ReadOptions {
  readonly published?: string
  /** `--strict`: the first skipped input ends the run with an error (exit 1). */
  readonly strict?: boolean
  /** `--max-size` in bytes: larger inputs are skipped. */
  readonly maxSize?: number
  /** Today as YYYY-MM-DD, for the future-date check (tests); the real today when not given. */
  readonly today?: string
  /**
   * `--workers N`: pipeline threads (cli/parallel). 1 (the default here) runs the pipeline in
   * this thread. The Docs, the lines on stderr and their order are the same for every N.
   */
  readonly workers?: number
  /** A progress bar on stderr (drawn only when it is a terminal). */
  readonly progress?: Progress
  /**
   * false: read and check only, do not run the pipeline (`ingest --queue` leaves it to the
   * workers): Docs hold the article and the problems found reading it.
   */
  readonly pipeline?: boolean
  /** People the store learned from earlier articles, so a bare "Botchway" resolves. */
  readonly registry?: PeopleRegistry
  /** URLs and feeds: `--follow`, `--timeout`, `--concurrency` (src/monitor/web-inputs.ts). */
  readonly web?: ReadInputsOptions['web']
  /** `--scope`: `core` (default) keeps the guideline's event types, `all` adds the extended roots. */
  readonly scope?: ScopeOption
}

/** Articles read ahead of the one being yielded, per pipeline thread (pipeline-pool.ts). */
const READ_AHEAD_PER_WORKER = 24

/** One input on its way: read, and (with workers) its pipeline answer still to come. */
interface Pending {
  readonly result: ReadResult
  readonly answer?: Promise<PoolAnswer>
}

/**
 * Every readable article as a processed Doc, in input order. An article in a language the coder
 * does not read is yielded uncoded (no event mentions); one the pipeline fails on is skipped.
 * With `workers` > 1 the pipeline runs in threads on several articles at once, while this
 * thread reads ahead; Docs then hold the layers commands use (event mentions and problems).
 */
export async function* readDocs(
  paths: readonly string[],
  opts: ReadOptions,
  tally: RunTally,
  log: (line: string) => void = opts.progress?.log ?? ((line) => process.stderr.write(`${line}\n`)),
): AsyncGenerator<Doc> {
  const inputs = readInputs([...paths], {
    publishedOverride: opts.published ?? null,
    ...(opts.maxSize === undefined ? {} : { maxBytes: opts.maxSize }),
    ...(opts.today === undefined ? {} : { today: opts.today }),
    ...(opts.web === undefined ? {} : { web: opts.web }),
  })
  yield* codeResults(inputs, opts, tally, log)
}

/**
 * The pipeline over read results: a Doc for each article, one `skipped` line for each result
 * that is not one. `dyad watch` feeds it the items of its feeds.
 */
export async function* codeResults(
  inputs: AsyncIterable<ReadResult>,
  opts: Pick<ReadOptions, 'strict' | 'registry' | 'workers' | 'progress' | 'pipeline' | 'scope'>,
  tally: RunTally,
  log: (line: string) => void = opts.progress?.log ?? ((line) => process.stderr.write(`${line}\n`)),
): AsyncGenerator<Doc> {
  const coding = opts.pipeline !== false
  const workers = coding ? Math.max(1, opts.workers ?? 1) : 1
  const pool = workers > 1 ? await PipelinePool.start(workers, opts.registry?.people ?? []) : null
  try {
    const loaded = pool === null && coding ? await loadResources() : null
    const resources = loaded && opts.registry ? { ...loaded, registry: opts.registry } : loaded
    const skip = (origin: string, reason: string, code: DyadError['code']): void => {
      tally.skipped++
      // Under --strict the error line names the input and the reason; it is the last line.
      if (opts.strict === true) {
        const fatal = code === 'E_INPUT_MISSING' ? code : 'E_INPUT_SKIPPED'
        throw new DyadError(fatal, `--strict: stopped at ${printable(origin)}: ${printable(reason)}`)
      }
      log(`skipped ${printable(origin)}: ${printable(reason)}`)
    }
    /** The Doc of one input, or null when it is skipped; says so on stderr either way. */
    const settle = async ({ result, answer }: Pending): Promise<Doc | null> => {
      opts.progress?.tick()
      if (!result.ok) {
        skip(result.origin, result.reason, result.code)
        return null
      }
      const { article } = result
      const label = labelOf(article)
      const outcome = !coding
        ? { ok: true as const, doc: { article, problems: [] } }
        : answer === undefined
          ? runHere(article, resources, opts.scope)
          : fromAnswer(article, await answer)
      if (!outcome.ok) {
        // A stage that throws has a bug: this article is skipped, the batch goes on.
        const reason = `the pipeline failed (${outcome.message.slice(0, 200)}); please report this input`
        skip(label, reason, 'E_INPUT_UNREADABLE')
        return null
      }
      const doc = outcome.doc
      tally.articles++
      const note = (message: string): void => log(`note ${printable(label)}: ${printable(message)}`)
      for (const problem of result.problems) note(problem.message)
      if (!article.publishedOn && isCodable(article)) {
        tally.undated++
        note('no publication date found; event dates that depend on it stay empty')
      }
      return { ...doc, problems: [...result.problems, ...doc.problems] }
    }
    // In input order: the head of the window is settled (awaited) before anything after it.
    const window: Pending[] = []
    const readAhead = pool === null ? 1 : workers * READ_AHEAD_PER_WORKER
    const next = async (): Promise<Doc | null> => settle(window.shift()!)
    for await (const result of inputs) {
      const codable = result.ok && isCodable(result.article)
      const answer = pool !== null && codable ? pool.run(result.article, opts.scope) : undefined
      // Awaited in turn; until then a broken pool must not count as an unhandled rejection.
      answer?.catch(() => {})
      window.push(answer === undefined ? { result } : { result, answer })
      while (window.length >= readAhead) {
        const doc = await next()
        if (doc !== null) yield doc
      }
    }
    while (window.length > 0) {
      const doc = await next()
      if (doc !== null) yield doc
    }
  } finally {
    opts.progress?.done()
    await pool?.close()
  }
}

type Outcome = { ok: true; doc: Doc } | { ok: false; message: string }

/** Run the pipeline in this thread; an article in another language is not coded. */
function runHere(article: Article, resources: Resources | null, scope?: ScopeOption): Outcome {
  if (!isCodable(article) || resources === null) return { ok: true, doc: uncoded(article) }
  try {
    return { ok: true, doc: processArticle(article, resources, scope) }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { ok: false, message }
  }
}

/**
 * A pipeline thread's answer as a Doc. Its `mentions` are only those that introduce a person
 * no dictionary knows: all the store learns from (learned-people.ts), and small to send.
 */
function fromAnswer(article: Article, answer: PoolAnswer): Outcome {
  if (answer.kind === 'failed') return { ok: false, message: `${answer.name}: ${answer.message}` }
  return {
    ok: true,
    doc: { article, mentions: answer.introductions, eventMentions: answer.eventMentions, problems: answer.problems },
  }
}

/** A Doc that the coder does not run on: stored with its problems, without event mentions. */
function uncoded(article: Article): Doc {
  return { article, eventMentions: [], problems: [] }
}

/**
 * How an article is named on stderr: its file, plus its id when the file holds many (JSONL).
 * @example labelOf({ id: 'd01', origin: 'feed.jsonl', ... }) -> 'feed.jsonl (article d01)'
 */
function labelOf(article: Article): string {
  return idOfOrigin(article.origin) === article.id
    ? article.origin
    : `${article.origin} (article ${article.id})`
}

/**
 * One line of output, whatever a file name or an input holds: control characters are escaped, so
 * no input can start a new line or send a terminal an escape sequence.
 * @example printable('a\nb\u001b[2J') -> 'a\\nb\\u001b[2J'
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (ch) => JSON.stringify(ch).slice(1, -1))
}
