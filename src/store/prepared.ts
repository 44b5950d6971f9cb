/**
 * Queries built and compiled once, then run many times with new values. Saving an article runs
 * the same dozen statement shapes for every article, and building a Kysely query and compiling it
 * cost more than SQLite running it (profile of `saveDoc`, 24 Nov 2026: about a third of a save).
 * A `prepared` query is built once per dialect with a placeholder for each value, compiled, and
 * afterwards only its parameters are filled in.
 *
 * The rule for `build`: pass each value of `args` straight to Kysely as a value (`.values(args)`,
 * `.where('id', '=', args.id)`, `.set(row)`) and never branch on it, compute with it or test it:
 * at build time the values are placeholders. A query whose shape depends on a value is several
 * prepared queries, one per shape (see candidateIds in queries/events.ts).
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { Database } from './database.js'

/** The compiled template of one prepared query, for one dialect. */
interface Template {
  readonly compiled: CompiledQuery
  /** Per parameter: the `args` key it takes its value from, or undefined for a constant. */
  readonly keys: readonly (string | undefined)[]
}

/** A placeholder value no real argument can equal. @example placeholder('id') -> '\u0000dyad:id' */
const PREFIX = '\u0000dyad:'

/**
 * A query compiled once per dialect; call it with `db` and its values, get a `Compilable` for
 * `rows()` (ops.ts), `selectRows` or `runWrite` (execute.ts). Every call must give the same keys
 * (an undefined value is NULL).
 * @example const byId = prepared((db, a: { id: string }) =>
 *            db.selectFrom('articles').selectAll().where('id', '=', a.id))
 *          yield* rows(byId(db, { id: '000_2737ec37436efcb6' }))
 */
export function prepared<A extends Record<string, unknown>, O>(
  build: (db: Kysely<Database>, args: A) => Compilable<O>,
): (db: Kysely<Database>, args: A) => Compilable<O> {
  // By dialect adapter: the one object a Kysely instance and its transactions share, and what
  // decides the SQL text (`?` or `$1`, quoting).
  const templates = new WeakMap<object, Template>()
  return (db, args) => {
    const adapter = db.getExecutor().adapter
    let template = templates.get(adapter)
    if (template === undefined) {
      template = compileTemplate(db, args, build)
      templates.set(adapter, template)
    }
    const { compiled, keys } = template
    // A plain loop and a class, not map() and a closure: this runs for every statement of
    // every save (~25 per article).
    const parameters: unknown[] = new Array(keys.length)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]
      if (key === undefined) {
        parameters[i] = compiled.parameters[i]
        continue
      }
      const value = args[key]
      // A missing key is a programming error: it would bind as NULL and go unnoticed.
      if (value === undefined && !(key in args)) {
        throw new Error(`prepared query: no '${key}' for ${compiled.sql}`)
      }
      // Kysely leaves out an undefined value, so its column gets NULL (no column has another
      // default): bind NULL, as SQLite cannot bind undefined.
      parameters[i] = value ?? null
    }
    return new Filled<O>({
      sql: compiled.sql,
      query: compiled.query,
      queryId: compiled.queryId,
      parameters,
    })
  }
}

/** A prepared query with its values filled in: compiles to itself. */
class Filled<O> implements Compilable<O> {
  constructor(private readonly query: CompiledQuery<O>) {}
  compile(): CompiledQuery<O> {
    return this.query
  }
}

/** Build `build` with a placeholder for each key of `args`, compile it, find where each went. */
function compileTemplate<A extends Record<string, unknown>, O>(
  db: Kysely<Database>,
  args: A,
  build: (db: Kysely<Database>, args: A) => Compilable<O>,
): Template {
  const placeholders = Object.fromEntries(Object.keys(args).map((key) => [key, PREFIX + key])) as A
  const compiled = build(db, placeholders).compile()
  const keys = compiled.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(PREFIX) ? value.slice(PREFIX.length) : undefined,
  )
  const used = new Set(keys)
  const unused = Object.keys(args).filter((key) => !used.has(key))
  // A value `build` did not pass to Kysely as a value (it branched on it, or changed it) would be
  // silently frozen into the SQL: a programming error.
  if (unused.length > 0) {
    throw new Error(`prepared query: ${unused.join(', ')} not used as values in ${compiled.sql}`)
  }
  return { compiled, keys }
}
