/**
 * PostgreSQL: the whole schema of the SQLite migrations 0001-0003 in one, plus full-text search
 * as a generated tsvector column (SQLite has FTS5 for it). Accents are folded through unaccent,
 * as FTS5's remove_diacritics does; unaccent is a trusted extension (PostgreSQL 13+), so the
 * owner of the database may create it.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db)
  // unaccent() is only STABLE; a generated column needs an IMMUTABLE function.
  await sql`
    CREATE FUNCTION dyad_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$`.execute(db)
  await sql`
    CREATE TABLE articles (
      seq serial PRIMARY KEY,
      id text NOT NULL UNIQUE,
      content_hash text NOT NULL UNIQUE,
      title text,
      text text NOT NULL,
      published_on text,
      published_basis text,
      url text,
      outlet text,
      language text,
      origin text NOT NULL,
      ingested_at text NOT NULL,
      fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', dyad_unaccent(coalesce(title, ''))), 'A') ||
        to_tsvector('simple', dyad_unaccent(text))
      ) STORED
    )`.execute(db)
  await sql`CREATE INDEX articles_fts ON articles USING gin (fts)`.execute(db)
  await sql`
    CREATE TABLE events (
      id serial PRIMARY KEY,
      type text NOT NULL,
      cameo text NOT NULL,
      modality text NOT NULL,
      pair text NOT NULL,
      source_country text NOT NULL,
      source_sector text,
      source_person text,
      source_code text NOT NULL,
      target_country text,
      target_sector text,
      target_person text,
      target_code text,
      date text,
      date_precision text,
      location_name text,
      location_country text,
      location_lat double precision,
      location_lon double precision,
      quad integer NOT NULL,
      goldstein double precision NOT NULL,
      plover_event text NOT NULL,
      plover_mode text,
      sectors text NOT NULL,
      num_mentions integer NOT NULL,
      num_articles integer NOT NULL,
      num_sources integer NOT NULL,
      first_seen text,
      last_seen text,
      first_article_id text NOT NULL,
      source_url text,
      added_at text NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX events_pair ON events (pair, type, modality, date)`.execute(db)
  await sql`CREATE INDEX events_date ON events (date)`.execute(db)
  await sql`
    CREATE TABLE event_mentions (
      id serial PRIMARY KEY,
      article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      sentence integer NOT NULL,
      span_start integer NOT NULL,
      span_end integer NOT NULL,
      evidence text NOT NULL,
      source_country text NOT NULL,
      source_sector text,
      source_role text,
      source_person text,
      source_code text NOT NULL,
      target_country text,
      target_sector text,
      target_role text,
      target_person text,
      target_code text,
      cameo text NOT NULL,
      quad integer NOT NULL,
      goldstein double precision NOT NULL,
      plover_event text NOT NULL,
      plover_mode text,
      type text NOT NULL,
      modality text NOT NULL,
      date text,
      date_precision text,
      location_name text,
      location_country text,
      location_lat double precision,
      location_lon double precision,
      sectors text NOT NULL,
      rule text NOT NULL,
      why text NOT NULL,
      confidence double precision NOT NULL,
      event_id integer REFERENCES events (id) ON DELETE SET NULL
    )`.execute(db)
  await sql`CREATE INDEX event_mentions_article ON event_mentions (article_id, sentence)`.execute(db)
  await sql`CREATE INDEX event_mentions_dyad ON event_mentions (source_country, target_country, date)`.execute(db)
  await sql`CREATE INDEX event_mentions_date ON event_mentions (date)`.execute(db)
  await sql`CREATE INDEX event_mentions_type ON event_mentions (type, date)`.execute(db)
  await sql`CREATE INDEX event_mentions_event ON event_mentions (event_id, article_id)`.execute(db)
  await sql`
    CREATE TABLE problems (
      id serial PRIMARY KEY,
      article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      stage text NOT NULL,
      code text NOT NULL,
      message text NOT NULL,
      span_start integer,
      span_end integer
    )`.execute(db)
  await sql`CREATE INDEX problems_article ON problems (article_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['problems', 'event_mentions', 'events', 'articles']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db)
  }
  await sql`DROP FUNCTION dyad_unaccent(text)`.execute(db)
}
