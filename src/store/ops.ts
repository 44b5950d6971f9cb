/**
 * Store logic written once for both stores. A query function that needs several round trips
 * (save an article, link an event mention to its event) is a generator: it yields each Kysely
 * query and gets that query's rows back. SQLite runs it synchronously inside one
 * better-sqlite3 transaction (execute.ts `runOps`); PostgreSQL runs it with awaits inside one
 * transaction (pg/run-ops.ts). The rules live in one place; only the driver differs.
 *
 * Queries are built with the `db` the generator is given, so each compiles for its dialect.
 * An insert that needs the new id says `.returning('id')`, which both dialects support.
 */
import type { Compilable } from 'kysely'

/** A generator of queries that ends with a `T`. @example function* countOps(db): Ops<number> */
export type Ops<T> = Generator<Compilable<unknown>, T, readonly unknown[]>

/**
 * Run one query inside an `Ops` generator and get its rows (none for a plain write).
 * @example const found = yield* rows(db.selectFrom('articles').select('id'))
 */
export function* rows<O>(query: Compilable<O>): Generator<Compilable<unknown>, O[], readonly unknown[]> {
  return (yield query) as O[]
}

/**
 * A count as a number: PostgreSQL returns `count(*)` as a bigint string, SQLite as a number.
 * @example yield* count(db.selectFrom('events').select((eb) => eb.fn.countAll().as('count')))
 */
export function* count(
  query: Compilable<{ count: unknown }>,
): Generator<Compilable<unknown>, number, readonly unknown[]> {
  const [row] = yield* rows(query)
  return Number(row?.count ?? 0)
}
