/**
 * Read inputs and run the pipeline on each article, reporting skipped inputs on stderr one line
 * each. Shared by `extract`, `ingest` and `eval`.
 */
import type { Doc } from '../doc.js'
import { readInputs } from '../ingest/read-inputs.js'
import { processArticle } from '../pipeline.js'
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
}

/** Every readable article as a processed Doc, in input order. */
export async function* readDocs(
  paths: readonly string[],
  opts: ReadOptions,
  tally: RunTally,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): AsyncGenerator<Doc> {
  const resources = await loadResources()
  for await (const result of readInputs([...paths], { publishedOverride: opts.published ?? null })) {
    if (!result.ok) {
      tally.skipped++
      log(`skipped ${result.origin}: ${result.reason}`)
      continue
    }
    tally.articles++
    const doc = processArticle(result.article, resources)
    if (!doc.article.publishedOn) {
      tally.undated++
      log(`note ${doc.article.id}: no publication date found; event dates that depend on it stay empty`)
    }
    yield doc
  }
}
