/**
 * People learned from appositions (src/actors/learned-people.ts), kept across articles: one row
 * per name, country and role, its dates seen widened each time another article teaches it again.
 */
import { sql } from 'kysely'
import type { LearnedPerson } from '../../actors/learned-people.js'
import type { Sector } from '../../doc.js'
import { foldKey } from '../../nlp/match-words.js'
import type { Store } from '../database.js'
import { runWrite, selectRows } from '../execute.js'

/** Insert or widen each person's row; runs inside saveDoc's transaction. */
export function rememberPeople(store: Store, people: readonly LearnedPerson[]): void {
  for (const p of people) {
    const query = store.db
      .insertInto('learned_people')
      .values({
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
      })
      .onConflict((oc) =>
        oc.columns(['name_key', 'country', 'role']).doUpdateSet({
          // Dates seen widen; a null day (undated article) leaves them as they were.
          first_seen: sql`coalesce(min(first_seen, coalesce(excluded.first_seen, first_seen)), excluded.first_seen)`,
          last_seen: sql`coalesce(max(last_seen, coalesce(excluded.last_seen, last_seen)), excluded.last_seen)`,
          articles: sql`articles + 1`,
        }),
      )
    runWrite(store, query)
  }
}

/** Every learned person, oldest first. @example learnedPeople(store)[0].name -> 'Shirley Ayorkor Botchway' */
export function learnedPeople(store: Store): LearnedPerson[] {
  const query = store.db.selectFrom('learned_people').selectAll().orderBy('id')
  return selectRows(store, query).map((r) => ({
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
