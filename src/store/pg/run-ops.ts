/**
 * Run an `Ops` generator (store/ops.ts) on PostgreSQL: each yielded query is awaited and its
 * rows handed back. Give it a transaction (`db.transaction().execute(trx => ...)`) to make the
 * whole generator atomic.
 * @example await runOpsPg(store.db, countEventsOps(store.db)) -> 27
 */
import type { Kysely } from 'kysely'
import type { Database } from '../database.js'
import type { Ops } from '../ops.js'

export async function runOpsPg<T>(db: Kysely<Database>, ops: Ops<T>): Promise<T> {
  let step = ops.next([])
  while (step.done !== true) {
    const { rows } = await db.executeQuery(step.value)
    step = ops.next(rows)
  }
  return step.value
}
