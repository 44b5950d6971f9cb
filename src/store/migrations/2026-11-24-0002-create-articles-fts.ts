/**
 * SQLite only: an FTS5 index over article titles and text, for `searchArticles`. PostgreSQL will
 * get its own migration of the same name (a tsvector column and a GIN index).
 *
 * External content (`content='articles'`): the text is stored once, in `articles`, and triggers
 * keep the index in sync. `remove_diacritics 2` folds accents, so "Nicolas" finds "Nicolás".
 */
import { sql, type Kysely } from 'kysely'

/** Create articles_fts, fill it from existing articles, and add the sync triggers. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, text,
      content = 'articles', content_rowid = 'seq',
      tokenize = "unicode61 remove_diacritics 2"
    )`.execute(db)
  await sql`INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`.execute(db)
  await sql`
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END`.execute(db)
  await sql`
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END`.execute(db)
  await sql`
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
      INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END`.execute(db)
}

/** Drop the index and its triggers. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER articles_fts_update`.execute(db)
  await sql`DROP TRIGGER articles_fts_delete`.execute(db)
  await sql`DROP TRIGGER articles_fts_insert`.execute(db)
  await sql`DROP TABLE articles_fts`.execute(db)
}
