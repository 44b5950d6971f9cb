/**
 * Monitoring (src/monitor/): the web pages `dyad watch` has seen, so each poll fetches only what
 * is new and retries what failed with backoff; the alerts people set on dyads; and each alert's
 * firings, so an alert fires once per event (and again only when asked, on a new source).
 */
import { sql, type Kysely } from 'kysely'

/** Create monitor_urls, alerts and alert_firings. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitor_urls')
    // The item link, normalized (src/monitor/web-id.ts).
    .addColumn('url', 'text', (col) => col.primaryKey())
    .addColumn('feed', 'text', (col) => col.notNull())
    // 'stored', 'duplicate' (its text was already stored), 'failed' (retried), 'given_up'.
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('article_id', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('first_seen_at', 'text', (col) => col.notNull())
    .addColumn('last_tried_at', 'text', (col) => col.notNull())
    .addColumn('next_try_at', 'text')
    .execute()

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    // Sorted like events.pair: 'IRN-VEN' matches either direction.
    .addColumn('pair', 'text', (col) => col.notNull())
    // JSON arrays; null means any.
    .addColumn('types', 'text')
    .addColumn('modalities', 'text')
    .addColumn('min_sources', 'integer', (col) => col.notNull())
    .addColumn('on_new_source', 'integer', (col) => col.notNull())
    .addColumn('jsonl_path', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('alert_firings')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('alert_id', 'integer', (col) =>
      col.notNull().references('alerts.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'integer', (col) =>
      col.notNull().references('events.id').onDelete('cascade'),
    )
    // The event's source count when it fired: a later firing needs more.
    .addColumn('num_sources', 'integer', (col) => col.notNull())
    .addColumn('fired_at', 'text', (col) => col.notNull())
    // The JSON told (stdout, file, webhook), kept so a failed webhook can be sent again later.
    .addColumn('record', 'text', (col) => col.notNull())
    .addColumn('webhook_status', 'text')
    .addColumn('webhook_tries', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  await sql`CREATE UNIQUE INDEX alert_firings_once ON alert_firings(alert_id, event_id, num_sources)`.execute(
    db,
  )
}

/** Drop the monitoring tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_firings').execute()
  await db.schema.dropTable('alerts').execute()
  await db.schema.dropTable('monitor_urls').execute()
}
