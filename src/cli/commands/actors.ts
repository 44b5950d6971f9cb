/**
 * `dyad actors lookup PHRASE [--country IRN] [--date YYYY-MM-DD]`: how dyad resolves a phrase,
 * and why. @example dyad actors lookup "defence minister" --country IRN --date 2019-01-10
 */
import { requireStoreFile } from '../require-store.js'
import { lookupActor } from '../../actors/lookup.js'
import { DyadError } from '../../errors.js'
import { checkDays } from '../check-days.js'
import { loadResources } from '../../resources.js'
import { PeopleRegistry } from '../../actors/learned-people.js'
import { closeStore, openStore } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'
import { learnedPeople } from '../../store/queries/learned-people.js'

/** The people a store learned from earlier articles. */
async function registryOf(db: string): Promise<PeopleRegistry> {
  requireStoreFile(db)
  const store = openStore(db)
  try {
    await migrateStore(store)
    return new PeopleRegistry(learnedPeople(store))
  } finally {
    closeStore(store)
  }
}

export interface ActorsLookupOptions {
  readonly country?: string
  readonly date?: string
  /** A store whose learned people (from appositions in earlier articles) are consulted too. */
  readonly db?: string
  readonly format: 'text' | 'json'
}

/** Print the resolutions of a phrase; exits 1 when nothing resolves. */
export async function actorsLookupCommand(phrase: string, opts: ActorsLookupOptions): Promise<void> {
  checkDays({ '--date': opts.date })
  const resources = { ...(await loadResources()), ...(opts.db ? { registry: await registryOf(opts.db) } : {}) }
  const country = opts.country?.toUpperCase()
  if (country !== undefined && !resources.actorIndex.countries.has(country)) {
    throw new DyadError('E_USAGE', `--country "${opts.country}" is not a known country code (try IRN, VEN, EU)`)
  }
  const found = lookupActor(phrase, { ...(country ? { country } : {}), ...(opts.date ? { date: opts.date } : {}) }, resources)
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify(found, null, 2)}\n`)
  } else if (found.length === 0) {
    const hint = opts.db ? '' : ', or pass --db to use the people a store learned from articles'
    process.stdout.write(`“${phrase}” names no actor dyad knows. Add it to dictionaries/ (see dictionaries/README.md)${hint}.\n`)
  } else {
    for (const r of found) {
      const a = r.actor
      process.stdout.write(`${r.text}\n  actor   ${a ? `${a.code}  ${[a.person, a.role].filter(Boolean).join(', ')}` : '—'}\n  why     ${r.why}\n`)
      for (const s of r.spells) process.stdout.write(`  role    ${s.role} (${s.country}) ${s.from} → ${s.to ?? 'today'}\n`)
    }
  }
  if (found.length === 0) process.exitCode = 1
}

