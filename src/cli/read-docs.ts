/**
 * Read inputs and run the pipeline on each article, reporting on stderr one line per input that
 * was skipped (`skipped FILE: reason`) and per thing to know about a kept article (`note FILE:
 * reason`). Shared by `extract`, `ingest` and `eval`.
 */
import type { Article, Doc } from '../doc.js'
import { DyadError } from '../errors.js'
import { isCodable } from '../ingest/check-article.js'
import { idOfOrigin } from '../ingest/compose-article.js'
import { readInputs } from '../ingest/read-inputs.js'
import { processArticle, type ScopeOption } from '../pipeline.js'
import { loadResources } from '../resources.js'

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
  /** `--scope`: `core` (default) keeps the guideline's event types, `all` adds the extended roots. */
  readonly scope?: ScopeOption
}

/**
 * Every readable article as a processed Doc, in input order. An article in a language the coder
 * does not read is yielded uncoded (no event mentions); one the pipeline fails on is skipped.
 */
export async function* readDocs(
  paths: readonly string[],
  opts: ReadOptions,
  tally: RunTally,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): AsyncGenerator<Doc> {
  const resources = await loadResources()
  const skip = (origin: string, reason: string, code: DyadError['code']): void => {
    tally.skipped++
    // Under --strict the error line names the input and the reason; it is the last line.
    if (opts.strict === true) {
      const fatal = code === 'E_INPUT_MISSING' ? code : 'E_INPUT_SKIPPED'
      throw new DyadError(fatal, `--strict: stopped at ${printable(origin)}: ${printable(reason)}`)
    }
    log(`skipped ${printable(origin)}: ${printable(reason)}`)
  }
  const inputs = readInputs([...paths], {
    publishedOverride: opts.published ?? null,
    ...(opts.maxSize === undefined ? {} : { maxBytes: opts.maxSize }),
    ...(opts.today === undefined ? {} : { today: opts.today }),
  })
  for await (const result of inputs) {
    if (!result.ok) {
      skip(result.origin, result.reason, result.code)
      continue
    }
    const { article } = result
    const label = labelOf(article)
    let doc: Doc
    try {
      doc = isCodable(article) ? processArticle(article, resources, opts.scope) : uncoded(article)
    } catch (error) {
      // A stage that throws has a bug: this article is skipped, the batch goes on.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      const reason = `the pipeline failed (${message.slice(0, 200)}); please report this input`
      skip(label, reason, 'E_INPUT_UNREADABLE')
      continue
    }
    tally.articles++
    const note = (message: string): void => log(`note ${printable(label)}: ${printable(message)}`)
    for (const problem of result.problems) note(problem.message)
    if (!article.publishedOn && isCodable(article)) {
      tally.undated++
      note('no publication date found; event dates that depend on it stay empty')
    }
    yield { ...doc, problems: [...result.problems, ...doc.problems] }
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
