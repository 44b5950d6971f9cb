/**
 * People learned from appositions (src/actors/learned-people.ts), kept across articles: one row
 * per name, country and role, its dates seen widened each time another article teaches it again.
 * Written once for both stores (ops.ts).
 */
import { sql, type Insertable, type Kysely } from 'kysely'
import type { LearnedPerson } from '../../actors/learned-people.js'
import type { Sector } from '../../doc.js'
import { foldKey } from '../../nlp/match-words.js'
import type { Database, LearnedPeopleTable, Store } from '../database.js'
import { prepared } from '../prepared.js'
import { runOps } from '../execute.js'
import { rows, type Ops } from '../ops.js'

/** Insert or widen each person's row; runs inside saveDoc's transaction. */
export function* rememberPeopleOps(db: Kysely<Database>, people: readonly LearnedPerson[]): Ops<void> {
  for (const p of people) {
    const row: Insertable<LearnedPeopleTable> = {
      name: p.name,
      name_key: foldKey(p.name),
      country: p.country,
      sector: p.sector,
      role: p.role,
      code: p.code,
      first_seen: p.firstSeen,
      last_seen: p.lastSeen,
      articles: 1,
      article_id: p.articleId,
      evidence: p.evidence,
    }
    yield* rows(rememberPerson(db, row))
  }
}

/** Insert one person, or widen the row of the same name, country and role (prepared.ts). */
const rememberPerson = prepared((db, row: Insertable<LearnedPeopleTable>) =>
  db
    .insertInto('learned_people')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['name_key', 'country', 'role']).doUpdateSet({
        // Dates seen widen; an undated article (null) leaves them as they were. CASE, not
        // min/max, because SQLite and PostgreSQL spell those differently.
        first_seen: sql`case when excluded.first_seen is null then learned_people.first_seen
          when learned_people.first_seen is null or excluded.first_seen < learned_people.first_seen
          then excluded.first_seen else learned_people.first_seen end`,
        last_seen: sql`case when excluded.last_seen is null then learned_people.last_seen
          when learned_people.last_seen is null or excluded.last_seen > learned_people.last_seen
          then excluded.last_seen else learned_people.last_seen end`,
        articles: sql`learned_people.articles + 1`,
      }),
    ),
)

/** Every learned person, oldest first, for either store. */
export function* learnedPeopleOps(db: Kysely<Database>): Ops<LearnedPerson[]> {
  const found = yield* rows(db.selectFrom('learned_people').selectAll().orderBy('id'))
  return found.map((r) => ({
    name: r.name,
    country: r.country,
    sector: r.sector as Sector | null,
    role: r.role,
    code: r.code,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    articleId: r.article_id,
    evidence: r.evidence,
  }))
}

/** Every learned person of an SQLite store. @example learnedPeople(store)[0].name -> 'Shirley Ayorkor Botchway' */
export function learnedPeople(store: Store): LearnedPerson[] {
  return runOps(store, learnedPeopleOps(store.db))
}
