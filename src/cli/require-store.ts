/**
 * Commands that read a store (events, dyad, export, serve, actors lookup --db) must not create an
 * empty one by opening a mistyped path: they stop with one line that says what to run first.
 */
import { existsSync } from 'node:fs'
import { DyadError } from '../errors.js'

/** Throw E_STORE unless the SQLite file exists. @example requireStoreFile('dyad.db') */
export function requireStoreFile(db: string): void {
  if (!existsSync(db)) {
    throw new DyadError('E_STORE', `no database at ${db}; run \`dyad ingest PATH --db ${db}\` first`)
  }
}
