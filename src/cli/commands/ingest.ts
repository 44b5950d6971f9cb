/**
 * `dyad ingest PATH... [--db FILE]`: run the pipeline and store articles and event mentions.
 * Articles are committed in groups (store/group-commit.ts), and one that fails to save fails
 * alone; an article already stored (same text) is skipped. A run that is killed loses nothing
 * committed, and the next run stores exactly the articles still missing.
 */
import { PeopleRegistry } from '../../actors/learned-people.js'
import { deliverFirings, eventsOfArticles, recordFirings } from '../../monitor/fire-alerts.js'
import { autoWorkers } from '../../parallel/auto-workers.js'
import { enqueueDocs } from '../../queue/enqueue.js'
import { redactRedisUrl } from '../../queue/connection.js'
import { openWriter } from '../../store/open-writer.js'
import { isPostgresUrl } from '../../store/pg/database.js'
import { readDocs, type ReadOptions, type RunTally } from '../read-docs.js'
import { progressFor } from '../run-progress.js'

export interface IngestOptions extends ReadOptions {
  readonly db: string
  readonly quiet?: boolean
  /**
   * `--log-stored`: print `stored <id>` on stdout right after each article is committed (its
   * group, store/group-commit.ts), so whoever watches the run knows exactly which articles are
   * safe, even if it is killed.
   */
  readonly logStored?: boolean
  /** `--queue redis://HOST`: enqueue the articles for `dyad worker`s instead of coding them here. */
  readonly queue?: string
}

export interface IngestTally extends RunTally {
  stored: number
  duplicates: number
  events: number
}

/** Ingest inputs into the store; prints one summary line. */
export async function ingestCommand(paths: string[], opts: IngestOptions): Promise<IngestTally> {
  const tally: IngestTally = {
    articles: 0,
    skipped: 0,
    undated: 0,
    stored: 0,
    duplicates: 0,
    events: 0,
  }
  // An SQLite file or a postgres:// URL.
  if (opts.queue !== undefined) return enqueueCommand(paths, { ...opts, queue: opts.queue }, tally)
  const stored: string[] = []
  // Articles are committed in groups (store/group-commit.ts): one is stored, and said to be,
  // once its group commits.
  const store = await openWriter(opts.db, {
    committed: (ids) => {
      stored.push(...ids)
      if (opts.logStored) process.stdout.write(ids.map((id) => `stored ${id}\n`).join(''))
    },
  })
  try {
    const progress = progressFor('ingest', paths, opts.quiet)
    // People learned in earlier runs; what this run learns serves the next one, so the result
    // does not depend on the order articles are processed in (or on the number of workers).
    const registry = new PeopleRegistry(await store.learned())
    const workers = opts.workers ?? (await autoWorkers(paths))
    for await (const doc of readDocs(paths, { ...opts, workers, progress, registry }, tally)) {
      const result = await store.save(doc)
      if (result.stored) {
        tally.stored++
        tally.events += doc.eventMentions?.length ?? 0
      } else tally.duplicates++
    }
    await store.flush()
    // Alerts (`dyad alerts add`) on the events these articles reported: src/monitor/. They live
    // in SQLite stores only.
    const sqlite = store.sqlite
    if (sqlite) await deliverFirings(sqlite, recordFirings(sqlite, eventsOfArticles(sqlite, stored)))
  } finally {
    await store.close()
  }
  if (!opts.quiet) {
    process.stderr.write(
      `ingested into ${store.name}: ${tally.stored} new articles, ${tally.events} event mentions` +
        (tally.duplicates ? `, ${tally.duplicates} already stored` : '') +
        (tally.skipped ? `, ${tally.skipped} inputs skipped` : '') +
        '\n' +
        // The workbench serves SQLite stores only.
        (isPostgresUrl(opts.db)
          ? ''
          : `Open the workbench: npx dyad serve --db ${opts.db}, then http://127.0.0.1:8787\n`),
    )
  }
  return tally
}

/** `ingest --queue`: read and check here, enqueue for the workers; nothing is stored here. */
async function enqueueCommand(
  paths: string[],
  opts: IngestOptions & { readonly queue: string },
  tally: IngestTally,
): Promise<IngestTally> {
  const progress = progressFor('enqueue', paths, opts.quiet)
  const docs = readDocs(paths, { ...opts, progress, pipeline: false }, tally)
  const sent = await enqueueDocs(opts.queue, docs)
  if (!opts.quiet) {
    process.stderr.write(
      `queued ${sent} articles on ${redactRedisUrl(opts.queue)}` +
        (tally.skipped ? `, ${tally.skipped} inputs skipped` : '') +
        `\nStore them with: dyad worker --queue ${redactRedisUrl(opts.queue)} --db postgres://...\n`,
    )
  }
  return tally
}
