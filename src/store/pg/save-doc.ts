/**
 * `saveDoc` on PostgreSQL: the same writes (queries/articles.ts `saveDocOps`) in one
 * transaction. Many workers save at once, so each save first takes one transaction-scoped
 * advisory lock: saves run one at a time, as SQLite's single writer does, which keeps both the
 * duplicate-article check and event deduplication exact (two reports of one event saved at the
 * same moment cannot both start a new event). The pipeline, the costly part, runs in parallel;
 * a save is a few milliseconds.
 */
import pg from 'pg'
import { sql } from 'kysely'
import type { Doc } from '../../doc.js'
import { DyadError } from '../../errors.js'
import { withCause } from '../database.js'
import { saveDocOps, type SaveResult } from '../queries/articles.js'
import type { PgStore } from './database.js'
import { runOpsPg } from './run-ops.js'

/** The advisory lock key of saves: 'dyad' in ASCII. */
const SAVE_LOCK = 0x64796164

/**
 * Save an article with its event mentions (linked into events) and problems, exactly once:
 * an article whose text is stored already is `{ stored: false, reason: 'duplicate' }`.
 * @example await saveDocPg(store, doc) -> { stored: true }
 */
export async function saveDocPg(store: PgStore, doc: Doc, now: Date = new Date()): Promise<SaveResult> {
  try {
    return await store.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${SAVE_LOCK})`.execute(trx)
      return runOpsPg(trx, saveDocOps(trx, doc, now))
    })
  } catch (error) {
    if (!(error instanceof pg.DatabaseError) && !isConnectionError(error)) throw error
    throw withCause(
      new DyadError('E_STORE', `Cannot save article '${doc.article.id}' to '${store.url}': ${error.message}`),
      error,
    )
  }
}

function isConnectionError(error: unknown): error is Error {
  return error instanceof Error && /ECONNREFUSED|ECONNRESET|terminat|Connection/i.test(error.message)
}
