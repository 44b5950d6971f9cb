/**
 * The tables: articles, their event mentions and their problems. Written with Kysely's schema
 * builder so PostgreSQL can run the same migration; `Kysely<any>` because a migration is frozen
 * in time and must not follow later changes to `Database`.
 */
import type { Kysely } from 'kysely'

/** Create articles, event_mentions and problems with the indexes the queries use. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('articles')
    // `integer primary key` aliases the rowid, which articles_fts points at (see 0002).
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('content_hash', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('published_on', 'text')
    .addColumn('published_basis', 'text')
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('language', 'text')
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('ingested_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('event_mentions')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('article_id', 'text', (col) =>
      col.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('sentence', 'integer', (col) => col.notNull())
    .addColumn('span_start', 'integer', (col) => col.notNull())
    .addColumn('span_end', 'integer', (col) => col.notNull())
    .addColumn('evidence', 'text', (col) => col.notNull())
    .addColumn('source_country', 'text', (col) => col.notNull())
    .addColumn('source_sector', 'text')
    .addColumn('source_role', 'text')
    .addColumn('source_person', 'text')
    .addColumn('source_code', 'text', (col) => col.notNull())
    .addColumn('target_country', 'text')
    .addColumn('target_sector', 'text')
    .addColumn('target_role', 'text')
    .addColumn('target_person', 'text')
    .addColumn('target_code', 'text')
    .addColumn('cameo', 'text', (col) => col.notNull())
    .addColumn('quad', 'integer', (col) => col.notNull())
    .addColumn('goldstein', 'real', (col) => col.notNull())
    .addColumn('plover_event', 'text', (col) => col.notNull())
    .addColumn('plover_mode', 'text')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('modality', 'text', (col) => col.notNull())
    .addColumn('date', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('location_name', 'text')
    .addColumn('location_country', 'text')
    .addColumn('location_lat', 'real')
    .addColumn('location_lon', 'real')
    .addColumn('sectors', 'text', (col) => col.notNull())
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('why', 'text', (col) => col.notNull())
    .addColumn('confidence', 'real', (col) => col.notNull())
    .execute()

  // `article`: one article's event mentions in order; also makes the cascade delete cheap.
  await db.schema
    .createIndex('event_mentions_article')
    .on('event_mentions')
    .columns(['article_id', 'sentence'])
    .execute()
  // `dyad`: IRN-VEN is (source IRN, target VEN) OR (source VEN, target IRN): both halves use it.
  await db.schema
    .createIndex('event_mentions_dyad')
    .on('event_mentions')
    .columns(['source_country', 'target_country', 'date'])
    .execute()
  // `from`/`to` and the default order by date.
  await db.schema.createIndex('event_mentions_date').on('event_mentions').column('date').execute()
  await db.schema
    .createIndex('event_mentions_type')
    .on('event_mentions')
    .columns(['type', 'date'])
    .execute()

  await db.schema
    .createTable('problems')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('article_id', 'text', (col) =>
      col.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .execute()
  await db.schema.createIndex('problems_article').on('problems').column('article_id').execute()
}

/** Drop the tables (development only: the data goes with them). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('problems').execute()
  await db.schema.dropTable('event_mentions').execute()
  await db.schema.dropTable('articles').execute()
}
