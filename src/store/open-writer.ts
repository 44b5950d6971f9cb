/**
 * Where `dyad ingest` and `dyad worker` save Docs: `--db` is an SQLite file or a postgres:// URL.
 * Both save one article per transaction, exactly once (its text's hash is unique), and link its
 * event mentions into events as they go.
 */
import type { LearnedPerson } from '../actors/learned-people.js'
import type { Doc } from '../doc.js'
import { closeStore, openStore, type Store } from './database.js'
import { migrateStore } from './migrate.js'
import { closePgStore, isPostgresUrl, openPgStore } from './pg/database.js'
import { migratePgStore } from './pg/migrate.js'
import { saveDocPg } from './pg/save-doc.js'
import { runOpsPg } from './pg/run-ops.js'
import { saveDoc, type SaveResult } from './queries/articles.js'
import { learnedPeople, learnedPeopleOps } from './queries/learned-people.js'

/** An open store that takes Docs. */
export interface DocWriter {
  /** How to name the store in messages (a URL without its password). */
  readonly name: string
  save(doc: Doc): Promise<SaveResult>
  /** People learned from appositions in articles stored earlier. */
  learned(): Promise<LearnedPerson[]>
  /** The SQLite store, for what only it keeps (alerts); null for PostgreSQL. */
  readonly sqlite: Store | null
  close(): Promise<void>
}

/**
 * Open (creating or migrating) the store `db` names.
 * @example const writer = await openWriter('postgres://dyad@db/dyad'); await writer.save(doc)
 */
export async function openWriter(db: string): Promise<DocWriter> {
  if (isPostgresUrl(db)) {
    const store = await openPgStore(db)
    try {
      await migratePgStore(store)
    } catch (error) {
      await closePgStore(store)
      throw error
    }
    return {
      name: store.url,
      save: (doc) => saveDocPg(store, doc),
      learned: () => runOpsPg(store.db, learnedPeopleOps(store.db)),
      sqlite: null,
      close: () => closePgStore(store),
    }
  }
  const store = openStore(db)
  try {
    await migrateStore(store)
  } catch (error) {
    closeStore(store)
    throw error
  }
  return {
    name: db,
    save: async (doc) => saveDoc(store, doc),
    learned: async () => learnedPeople(store),
    sqlite: store,
    close: async () => closeStore(store),
  }
}
