/**
 * The store's schema as TypeScript (Kysely's `Database` interface) and how to open it.
 * The SQL schema itself lives in migrations/; these interfaces describe what it holds.
 */
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, type Generated } from 'kysely'
import { DyadError } from '../errors.js'
import type { MonitorTables } from '../monitor/tables.js'

/** One article per row. `id` is `Article.id`; `seq` is SQLite's stable rowid, used by FTS only. */
export interface ArticlesTable {
  /** Integer alias of the rowid, so the FTS index keeps pointing at the right row after VACUUM. */
  seq: Generated<number>
  id: string
  content_hash: string
  title: string | null
  text: string
  published_on: string | null
  published_basis: string | null
  url: string | null
  outlet: string | null
  language: string | null
  origin: string
  /** ISO timestamp of the write. @example '2024-11-21T08:00:00.000Z' */
  ingested_at: string
}

/** One `EventMention`, flattened: actors, PLOVER and location become prefixed columns. */
export interface EventMentionsTable {
  id: Generated<number>
  article_id: string
  sentence: number
  span_start: number
  span_end: number
  evidence: string
  source_country: string
  source_sector: string | null
  source_role: string | null
  source_person: string | null
  source_code: string
  /** Null when the event mention has no target; then all `target_*` columns are null. */
  target_country: string | null
  target_sector: string | null
  target_role: string | null
  target_person: string | null
  target_code: string | null
  cameo: string
  quad: number
  goldstein: number
  plover_event: string
  plover_mode: string | null
  type: string
  modality: string
  date: string | null
  date_precision: string | null
  /** Null when the event mention has no location; then all `location_*` columns are null. */
  location_name: string | null
  location_country: string | null
  location_lat: number | null
  location_lon: number | null
  /** JSON array of strings. @example '["defence","economy"]' */
  sectors: string
  rule: string
  why: string
  confidence: number
  /** The deduplicated event this mention reports; null for negated and hypothetical mentions. */
  event_id: number | null
}

/**
 * One deduplicated event (src/events/dedup.ts): the best known facts of its event mentions and
 * how widely it was reported. Rebuilt from its mentions whenever one is linked or removed.
 */
export interface EventsTable {
  /** Also the GDELT export's GLOBALEVENTID. */
  id: Generated<number>
  type: string
  cameo: string
  /** 'asserted' or 'planned': the two never share an event. */
  modality: string
  /** The two countries sorted, so either direction shares it. @example 'IRN-VEN'; 'IRN-' alone */
  pair: string
  source_country: string
  source_sector: string | null
  source_person: string | null
  source_code: string
  target_country: string | null
  target_sector: string | null
  target_person: string | null
  target_code: string | null
  /** The best known date: the most reported of the most precise dates. */
  date: string | null
  date_precision: string | null
  location_name: string | null
  location_country: string | null
  location_lat: number | null
  location_lon: number | null
  quad: number
  goldstein: number
  plover_event: string
  plover_mode: string | null
  /** JSON array, the union of its mentions' sectors, sorted. @example '["defence","energy"]' */
  sectors: string
  num_mentions: number
  num_articles: number
  /** Distinct outlets (an article without outlet or URL counts as its own source). */
  num_sources: number
  /** Earliest and latest publication day of its articles. */
  first_seen: string | null
  last_seen: string | null
  /** The article that reported it first (by publication day, then ingest order). */
  first_article_id: string
  /** That article's URL, else the path it was read from. */
  source_url: string | null
  /** When its first article was ingested, ISO. @example '2024-11-21T08:00:00.000Z' */
  added_at: string
}

/** One `Problem` recorded for an article. */
export interface ProblemsTable {
  id: Generated<number>
  article_id: string
  stage: string
  code: string
  message: string
  span_start: number | null
  span_end: number | null
}

/** SQLite only: the FTS5 index over `articles(title, text)`, kept in sync by triggers. */
export interface ArticlesFtsTable {
  /** Equals `articles.seq`. */
  rowid: number
  title: string | null
  text: string
}

/** One person learned from an apposition in the text (migration 0007). */
export interface LearnedPeopleTable {
  id: Generated<number>
  name: string
  name_key: string
  country: string
  sector: string | null
  role: string
  code: string
  first_seen: string | null
  last_seen: string | null
  articles: number
  article_id: string
  evidence: string
}

/** Every table of the store. @example db.selectFrom('event_mentions').where('cameo', '=', '042') */
export interface Database extends MonitorTables {
  articles: ArticlesTable
  learned_people: LearnedPeopleTable
  event_mentions: EventMentionsTable
  events: EventsTable
  problems: ProblemsTable
  articles_fts: ArticlesFtsTable
}

/** An open store: the Kysely query builder plus the raw SQLite handle that runs its queries. */
export interface Store {
  /** The path it was opened from. @example 'dyad.db' or ':memory:' */
  readonly file: string
  readonly db: Kysely<Database>
  readonly sqlite: BetterSqlite3.Database
}

/** How long a writer waits for another process's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000

/**
 * Open (or create) an SQLite store: WAL, foreign keys on, a busy timeout. Run `migrateStore`
 * (store/migrate.ts) before the first query.
 * @example const store = openStore('dyad.db'); await migrateStore(store)
 */
export function openStore(file: string): Store {
  let sqlite: BetterSqlite3.Database | undefined
  try {
    sqlite = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS })
    // WAL lets readers (the API) go on while one writer ingests; ':memory:' stays 'memory'.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    // Needed for ON DELETE CASCADE: a replaced article takes its event mentions with it.
    sqlite.pragma('foreign_keys = ON')
    // An ingest commits one article at a time. Checkpointing the WAL every 1000 pages (the
    // default) made every ~40th commit copy pages into the file and sync it, about a quarter
    // of saveDoc's time; every 10 000 pages (a WAL of up to ~40 MB) costs a tenth as often.
    sqlite.pragma('wal_autocheckpoint = 10000')
    // Up to 64 MiB of pages in memory (default 2 MiB), taken only as pages are read: dedup's
    // lookups and the index inserts of each save then stay off the disk as the store grows.
    sqlite.pragma('cache_size = -65536')
  } catch (error) {
    sqlite?.close()
    const reason = error instanceof Error ? error.message : String(error)
    throw withCause(new DyadError('E_STORE', `Cannot open the store '${file}': ${reason}`), error)
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { file, db, sqlite }
}

/** Close the store, checkpointing the WAL into the main file. @example closeStore(store) */
export function closeStore(store: Store): void {
  if (store.sqlite.open) store.sqlite.close()
}

/** Attach the low-level error so a debugger still sees it. */
export function withCause(error: DyadError, cause: unknown): DyadError {
  error.cause = cause
  return error
}
