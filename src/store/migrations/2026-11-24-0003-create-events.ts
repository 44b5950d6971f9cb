/**
 * Deduplicated events: one row per real-world event, and a link from each event mention to the
 * event it reports (src/events/dedup.ts decides the links, src/store/queries/events.ts writes
 * them). Negated and hypothetical event mentions keep `event_id` null.
 */
import type { Kysely } from 'kysely'

/** Create `events` and add `event_mentions.event_id` with the indexes dedup and analytics use. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('cameo', 'text', (col) => col.notNull())
    .addColumn('modality', 'text', (col) => col.notNull())
    // The two countries sorted, so IRN->VEN and VEN->IRN share one key: 'IRN-VEN'; 'IRN-' alone.
    .addColumn('pair', 'text', (col) => col.notNull())
    .addColumn('source_country', 'text', (col) => col.notNull())
    .addColumn('source_sector', 'text')
    .addColumn('source_person', 'text')
    .addColumn('source_code', 'text', (col) => col.notNull())
    .addColumn('target_country', 'text')
    .addColumn('target_sector', 'text')
    .addColumn('target_person', 'text')
    .addColumn('target_code', 'text')
    .addColumn('date', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('location_name', 'text')
    .addColumn('location_country', 'text')
    .addColumn('location_lat', 'real')
    .addColumn('location_lon', 'real')
    .addColumn('quad', 'integer', (col) => col.notNull())
    .addColumn('goldstein', 'real', (col) => col.notNull())
    .addColumn('plover_event', 'text', (col) => col.notNull())
    .addColumn('plover_mode', 'text')
    .addColumn('sectors', 'text', (col) => col.notNull())
    .addColumn('num_mentions', 'integer', (col) => col.notNull())
    .addColumn('num_articles', 'integer', (col) => col.notNull())
    .addColumn('num_sources', 'integer', (col) => col.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('first_article_id', 'text', (col) => col.notNull())
    .addColumn('source_url', 'text')
    .addColumn('added_at', 'text', (col) => col.notNull())
    .execute()

  // Dedup's candidate lookup: same pair, type and modality, near in time.
  await db.schema
    .createIndex('events_pair')
    .on('events')
    .columns(['pair', 'type', 'modality', 'date'])
    .execute()
  await db.schema.createIndex('events_date').on('events').column('date').execute()

  await db.schema
    .alterTable('event_mentions')
    .addColumn('event_id', 'integer', (col) => col.references('events.id').onDelete('set null'))
    .execute()
  await db.schema
    .createIndex('event_mentions_event')
    .on('event_mentions')
    .columns(['event_id', 'article_id'])
    .execute()
}

/** Drop the link and the table (development only: the events go with them). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_mentions_event').execute()
  await db.schema.alterTable('event_mentions').dropColumn('event_id').execute()
  await db.schema.dropTable('events').execute()
}
