/**
 * Issue 3's check on the seeds: every person an analyst names in the five seed articles resolves
 * to the right country and the office held on the article's date. The expectations are the
 * public record (who held which office when), not dyad output copied back.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Doc } from '../../src/doc.js'
import { readInputs } from '../../src/ingest/read-inputs.js'
import { processArticle } from '../../src/pipeline.js'
import { loadResources } from '../../src/resources.js'
import { REPO_ROOT } from '../helpers/run-cli.js'

const SEEDS = join(REPO_ROOT, '..', 'shared', 'corpus', 'seeds.jsonl')

/** Article id prefix → person → [country, role on the article's date]. */
const EXPECTED: Record<string, Record<string, [string, string]>> = {
  '000': {
    'Aziz Nasirzadeh': ['IRN', 'Minister of Defence'],
    'Nicolás Maduro': ['VEN', 'President'],
  },
  '001': {
    'Hossein Amir-Abdollahian': ['IRN', 'Minister of Foreign Affairs'],
    'Nicolás Maduro': ['VEN', 'President'],
  },
  '002': {
    'Amir Hatami': ['IRN', 'Minister of Defence'],
    'Vladimir Padrino López': ['VEN', 'Minister of Defence'],
    'Evo Morales': ['BOL', 'President'],
    'Touraj Hassani Moghaddam': ['IRN', 'Military commander'],
  },
  '003': {
    'Hossein Amir-Abdollahian': ['IRN', 'Minister of Foreign Affairs'],
    'Nicolás Maduro': ['VEN', 'President'],
    'Tareck El Aissami': ['VEN', 'Minister of Oil'],
    'Delcy Rodríguez': ['VEN', 'Vice President'],
    'Yván Gil': ['VEN', 'Minister of Foreign Affairs'],
  },
  '004': {
    'Aziz Nasirzadeh': ['IRN', 'Minister of Defence'],
  },
}

describe.skipIf(!existsSync(SEEDS))('people named in the seeds', () => {
  const docs = new Map<string, Doc>()
  beforeAll(async () => {
    const resources = await loadResources()
    for await (const read of readInputs([SEEDS], {})) {
      if (read.ok) docs.set(read.article.id.slice(0, 3), processArticle(read.article, resources))
    }
  }, 60_000)

  for (const [prefix, people] of Object.entries(EXPECTED)) {
    it(`seed ${prefix}: ${Object.keys(people).join(', ')}`, () => {
      const doc = docs.get(prefix)
      expect(doc, `seed ${prefix} was read`).toBeDefined()
      const found = new Map<string, [string, string | null]>()
      for (const m of doc?.mentions ?? []) {
        if (m.actor?.person) found.set(m.actor.person, [m.actor.country, m.actor.role])
      }
      for (const [person, expected] of Object.entries(people)) {
        expect(found.get(person), person).toEqual(expected)
      }
      // Nobody named in the article resolves to a country other than the one the record gives.
      for (const [person, [country]] of found) {
        const known = Object.values(EXPECTED).find((p) => p[person])?.[person]
        if (known) expect(country, person).toBe(known[0])
      }
    })
  }
})
