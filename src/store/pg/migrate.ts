/**
 * Bring a PostgreSQL store's schema up to date. Kysely's Migrator takes a lock in the database,
 * so several workers starting at once migrate it exactly once.
 */
import { Migrator, type Migration } from 'kysely'
import { DyadError } from '../../errors.js'
import { withCause } from '../database.js'
import type { PgStore } from './database.js'
import * as createTables from './migrations/2026-11-24-0001-create-tables.js'
import * as createLearnedPeople from './migrations/2026-11-24-0002-create-learned-people.js'

/** Every PostgreSQL migration by name; Kysely runs them in name order. Add new ones at the end. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24-0001-create-tables': createTables,
  '2026-11-24-0002-create-learned-people': createLearnedPeople,
}

/** @example await migratePgStore(store) -> ['2026-11-24-0001-create-tables'] */
export async function migratePgStore(store: PgStore): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => MIGRATIONS },
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? '?'
    const reason = error instanceof Error ? error.message : String(error)
    throw withCause(
      new DyadError('E_STORE', `Migration '${failed}' failed on '${store.url}': ${reason}`),
      error,
    )
  }
  return results.map((result) => result.migrationName)
}
