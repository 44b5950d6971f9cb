/**
 * Bring a store's schema up to date with Kysely's Migrator. The migrations are imported here,
 * not found by scanning a folder, so they work the same from src/ (tsx, vitest) and dist/.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import { DyadError } from '../errors.js'
import { withCause, type Store } from './database.js'
import * as createTables from './migrations/2026-11-24-0001-create-tables.js'
import * as createArticlesFts from './migrations/2026-11-24-0002-create-articles-fts.js'
import * as createEvents from './migrations/2026-11-24-0003-create-events.js'
import * as createMonitor from './migrations/2026-11-24-0004-create-monitor.js'
import * as createLearnedPeople from './migrations/2026-11-24-0007-create-learned-people.js'
import { rebuildEvents } from './queries/events.js'

/** Every migration by name; Kysely runs them in name order. Add new ones at the end. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24-0001-create-tables': createTables,
  '2026-11-24-0002-create-articles-fts': createArticlesFts,
  '2026-11-24-0003-create-events': createEvents,
  '2026-11-24-0004-create-monitor': createMonitor,
  '2026-11-24-0007-create-learned-people': createLearnedPeople,
}

const staticProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}

/**
 * Run every migration the store has not run yet; a no-op on an up-to-date store.
 * @example await migrateStore(openStore('dyad.db')) -> ['2026-11-24-0001-create-tables', ...]
 */
export async function migrateStore(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: staticProvider })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? '?'
    const reason = error instanceof Error ? error.message : String(error)
    throw withCause(
      new DyadError('E_STORE', `Migration '${failed}' failed on '${store.file}': ${reason}`),
      error,
    )
  }
  const names = results.map((result) => result.migrationName)
  // A store made before events existed: link its event mentions into events once.
  if (names.includes('2026-11-24-0003-create-events')) rebuildEvents(store)
  return names
}
