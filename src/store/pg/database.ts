/**
 * The PostgreSQL store: the same tables and the same queries as the SQLite one (queries/*.ts
 * as `Ops` generators, run by run-ops.ts), for many writers on many machines (`dyad worker`).
 * `--db` takes either a file (SQLite) or a postgres:// URL.
 */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { DyadError } from '../../errors.js'
import { withCause, type Database } from '../database.js'

/** An open PostgreSQL store. */
export interface PgStore {
  /** The URL it was opened with, without its password. @example 'postgres://dyad@db:5432/dyad' */
  readonly url: string
  readonly db: Kysely<Database>
}

/** True for a PostgreSQL connection URL. @example isPostgresUrl('postgres://db/dyad') -> true */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value)
}

/** A URL fit for messages: the password replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@')
}

/**
 * Connect (a small pool; the first query opens it) and check the server answers. Run
 * `migratePgStore` (pg/migrate.ts) before the first query.
 * @example const store = await openPgStore('postgres://dyad@127.0.0.1/dyad')
 */
export async function openPgStore(url: string): Promise<PgStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await db.destroy()
    const reason = error instanceof Error ? error.message : String(error)
    throw withCause(
      new DyadError('E_STORE', `Cannot connect to PostgreSQL at '${redactUrl(url)}': ${reason}`),
      error,
    )
  }
  return { url: redactUrl(url), db }
}

/** Close the pool. @example await closePgStore(store) */
export async function closePgStore(store: PgStore): Promise<void> {
  await store.db.destroy()
}
