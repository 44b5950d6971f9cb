/**
 * Where `dyad ingest` and `dyad worker` save Docs: `--db` is an SQLite file or a postgres:// URL.
 * Both save each article exactly once (its text's hash is unique), in its own transaction or,
 * for a bulk ingest into SQLite, in a group commit that still fails a failing article alone
 * (group-commit.ts), and link its event mentions into events as they go.
 */
import type { LearnedPerson } from '../actors/learned-people.js'
import type { Doc } from '../doc.js'
import { closeStore, openStore, type Store } from './database.js'
import { GroupCommit } from './group-commit.js'
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
  /** Save one article; committed when it resolves, unless the writer groups commits. */
  save(doc: Doc): Promise<SaveResult>
  /** Commit what `save` has stored so far (a group commit's open group); close does too. */
  flush(): Promise<void>
  /** People learned from appositions in articles stored earlier. */
  learned(): Promise<LearnedPerson[]>
  /** The SQLite store, for what only it keeps (alerts); null for PostgreSQL. */
  readonly sqlite: Store | null
  close(): Promise<void>
}

/** How a writer commits. */
export interface WriterOptions {
  /**
   * Group commits (group-commit.ts) and tell this the ids of the articles each commit made
   * safe. SQLite only: PostgreSQL commits each article before `save` resolves, and tells it then.
   * Without it, every `save` commits before it resolves.
   */
  readonly committed?: (ids: readonly string[]) => void
}

/**
 * Open (creating or migrating) the store `db` names.
 * @example const writer = await openWriter('postgres://dyad@db/dyad'); await writer.save(doc)
 */
export async function openWriter(db: string, options: WriterOptions = {}): Promise<DocWriter> {
  const { committed } = options
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
      save: async (doc) => {
        const result = await saveDocPg(store, doc)
        if (result.stored) committed?.([doc.article.id])
        return result
      },
      flush: async () => {},
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
  const group = committed === undefined ? null : new GroupCommit(store, committed)
  return {
    name: db,
    save: async (doc) => (group === null ? saveDoc(store, doc) : group.save(doc)),
    flush: async () => group?.commit(),
    learned: async () => learnedPeople(store),
    sqlite: store,
    close: async () => {
      try {
        group?.commit()
      } finally {
        closeStore(store)
      }
    },
  }
}
