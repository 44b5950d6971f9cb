/**
 * Group commit, for `dyad ingest` into SQLite: the articles saved within a short while share one
 * transaction. Committing each article on its own was a quarter to a third of its save: a COMMIT
 * writes every page the article touched to the WAL, and the next article touches most of the
 * same pages again (the FTS index, the indexes' last leaves).
 *
 * An article that fails to save still fails alone: the group is rolled back, the articles saved
 * before it in the group are saved again and committed, and its error is thrown. (A savepoint
 * per article would roll it back alone, but SQLite copies every page a savepoint changes into a
 * sub-journal first, spilled to a temp file past 64 KiB: a quarter of a save, paid by every
 * article for the rare one that fails.)
 *
 * An article is safe only once its group commits; `committed` hears the ids then, so
 * `--log-stored` prints nothing that a crash could still take back. A killed run loses the
 * uncommitted group only, and the next run stores it (saving is idempotent).
 */
import BetterSqlite3 from 'better-sqlite3'
import type { Doc } from '../doc.js'
import { DyadError } from '../errors.js'
import { withCause, type Store } from './database.js'
import { runOps } from './execute.js'
import { saveDocOps, saveError, type SaveResult } from './queries/articles.js'

/** A group commits at this many articles… */
const MAX_ARTICLES = 50
/** …or this long after it began, whichever comes first, so other writers wait little. */
const MAX_MS = 200

export class GroupCommit {
  /** The articles stored in the open transaction, not yet committed, as they were saved. */
  private pending: { readonly doc: Doc; readonly now: Date }[] = []
  private openedAt = 0
  private timer: NodeJS.Timeout | null = null
  /** A commit that failed in the timer, thrown at the next call. */
  private failure: unknown = null

  constructor(
    private readonly store: Store,
    /** Told the ids of the articles each commit made safe, in save order. */
    private readonly committed: (ids: readonly string[]) => void,
  ) {}

  /**
   * Save one article inside the open group (opening one if needed). When it fails, the
   * articles saved before it in the group are committed without it before its error is thrown.
   * @example group.save(doc) -> { stored: true } (committed within MAX_MS)
   */
  save(doc: Doc, now: Date = new Date()): SaveResult {
    this.throwFailure()
    if (!this.store.sqlite.inTransaction) this.begin()
    let result: SaveResult
    try {
      result = this.write(doc, now)
    } catch (error) {
      this.saveAgainWithout()
      throw saveError(this.store, doc.article.id, error)
    }
    if (result.stored) this.pending.push({ doc, now })
    const isFull = this.pending.length >= MAX_ARTICLES
    if (isFull || performance.now() - this.openedAt >= MAX_MS) this.commit()
    return result
  }

  /** Commit the open group, if any, and report its articles. Throws E_STORE if it cannot. */
  commit(): void {
    this.stopTimer()
    const ids = this.pending.map((saved) => saved.doc.article.id)
    this.pending = []
    this.throwFailure()
    // A failure SQLite answers by rolling back the whole transaction (a full disk, an I/O error)
    // leaves nothing to commit: those articles were never reported, the next run stores them.
    if (!this.store.sqlite.inTransaction) return
    try {
      this.store.sqlite.exec('COMMIT')
    } catch (error) {
      if (this.store.sqlite.inTransaction) this.store.sqlite.exec('ROLLBACK')
      if (!(error instanceof BetterSqlite3.SqliteError)) throw error
      const { file } = this.store
      const detail = `Cannot commit ${ids.length} articles to '${file}': ${error.message}`
      throw withCause(new DyadError('E_STORE', detail), error)
    }
    if (ids.length > 0) this.committed(ids)
  }

  /** saveDoc's writes (queries/articles.ts), in the open transaction, with no savepoint. */
  private write(doc: Doc, now: Date): SaveResult {
    return runOps(this.store, saveDocOps(this.store.db, doc, now))
  }

  /**
   * After an article failed part-way: roll the group back, save its earlier articles again in a
   * new one and commit them. They give the same rows as the first time (the store is as it was
   * when they were first saved), unless another process wrote in between, as it could have
   * before them. If the store takes them no more (a full disk), they are left unreported, as
   * when SQLite itself rolls a group back: the next run stores them.
   */
  private saveAgainWithout(): void {
    const saved = this.pending
    this.pending = []
    this.stopTimer()
    if (this.store.sqlite.inTransaction) this.store.sqlite.exec('ROLLBACK')
    if (saved.length === 0) return
    try {
      this.begin()
      for (const { doc, now } of saved) {
        if (this.write(doc, now).stored) this.pending.push({ doc, now })
      }
      this.commit()
    } catch (error) {
      this.pending = []
      this.stopTimer()
      if (this.store.sqlite.inTransaction) this.store.sqlite.exec('ROLLBACK')
      if (!(error instanceof BetterSqlite3.SqliteError || error instanceof DyadError)) throw error
    }
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  /**
   * Open a group. IMMEDIATE, as saveDoc alone: the write lock before the first duplicate check.
   * A store another process keeps locked fails here after the busy timeout, as saveDoc would.
   */
  private begin(): void {
    try {
      this.store.sqlite.exec('BEGIN IMMEDIATE')
    } catch (error) {
      if (!(error instanceof BetterSqlite3.SqliteError)) throw error
      const detail = `Cannot write to '${this.store.file}': ${error.message}`
      throw withCause(new DyadError('E_STORE', detail), error)
    }
    this.openedAt = performance.now()
    // While the pipeline has nothing for us, the group must not hold the write lock.
    this.timer = setTimeout(() => {
      try {
        this.commit()
      } catch (error) {
        this.failure = error
      }
    }, MAX_MS)
    this.timer.unref()
  }

  private throwFailure(): void {
    const failure = this.failure
    this.failure = null
    if (failure !== null) throw failure
  }
}
