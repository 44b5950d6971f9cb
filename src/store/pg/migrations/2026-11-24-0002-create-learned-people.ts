/**
 * PostgreSQL: people learned from appositions, as SQLite's migration 0007 (see there).
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE learned_people (
      id serial PRIMARY KEY,
      name text NOT NULL,
      name_key text NOT NULL,
      country text NOT NULL,
      sector text,
      role text NOT NULL,
      code text NOT NULL,
      first_seen text,
      last_seen text,
      articles integer NOT NULL,
      article_id text NOT NULL,
      evidence text NOT NULL
    )`.execute(db)
  await sql`CREATE UNIQUE INDEX learned_people_identity ON learned_people (name_key, country, role)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE learned_people`.execute(db)
}
