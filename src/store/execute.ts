/**
 * Run Kysely-built queries synchronously on the better-sqlite3 handle. Queries are written once
 * with Kysely; better-sqlite3 is synchronous, so compiling and running them here lets a whole
 * article be written inside one `sqlite.transaction(...)` with no awaits in between.
 */
import type BetterSqlite3 from 'better-sqlite3'
import type { Compilable } from 'kysely'
import type { Store } from './database.js'
import type { Ops } from './ops.js'

/** Prepared statements by SQL text, per handle: an ingest runs the same few inserts many times. */
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()

function prepare(store: Store, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(store.sqlite)
  if (cache === undefined) {
    cache = new Map()
    statements.set(store.sqlite, cache)
  }
  let statement = cache.get(sql)
  if (statement === undefined) {
    statement = store.sqlite.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}

/**
 * Run a select and return its rows.
 * @example selectRows(store, db.selectFrom('articles').select('id')) -> [{ id: '000_2737…' }]
 */
export function selectRows<O>(store: Store, query: Compilable<O>): O[] {
  const { sql, parameters } = query.compile()
  return prepare(store, sql).all(parameters) as O[]
}

/**
 * Run an insert, update or delete.
 * @example runWrite(store, db.deleteFrom('articles').where('id', '=', 'x')).changes -> 1
 */
export function runWrite(store: Store, query: Compilable): BetterSqlite3.RunResult {
  const { sql, parameters } = query.compile()
  return prepare(store, sql).run(parameters)
}

/**
 * Run an `Ops` generator (ops.ts) on SQLite, synchronously: inside `sqlite.transaction(...)`
 * the whole generator is one transaction. A statement that returns rows (a select, an insert
 * with RETURNING) gives them back; any other gives none.
 * @example runOps(store, countEventsOps(store.db)) -> 27
 */
export function runOps<T>(store: Store, ops: Ops<T>): T {
  let step = ops.next([])
  while (step.done !== true) {
    const { sql, parameters } = step.value.compile()
    const statement = prepare(store, sql)
    let result: unknown[] = []
    if (statement.reader) result = statement.all(parameters)
    else statement.run(parameters)
    step = ops.next(result)
  }
  return step.value
}
