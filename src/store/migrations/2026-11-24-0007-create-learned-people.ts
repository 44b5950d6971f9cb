/**
 * People dyad learned from the text, not from dictionaries/people: "Ghana's Minister of Foreign
 * Affairs, Shirley Ayorkor Botchway" teaches a name, a country and a role. One row per name,
 * country and role; a later article naming the same person again widens the dates seen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('learned_people')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('name', 'text', (col) => col.notNull())
    // foldKey(name): lower case, no diacritics, so "José" and "Jose" are one person.
    .addColumn('name_key', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('sector', 'text')
    .addColumn('role', 'text', (col) => col.notNull())
    // The actor code as first resolved. @example 'GHAGOVDIP'
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('articles', 'integer', (col) => col.notNull())
    // Where it was first learned: the article and the words that taught it.
    .addColumn('article_id', 'text', (col) => col.notNull())
    .addColumn('evidence', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('learned_people_identity')
    .on('learned_people')
    .columns(['name_key', 'country', 'role'])
    .unique()
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('learned_people').execute()
}
