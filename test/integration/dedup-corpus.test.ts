/**
 * One event, many reports, on real articles: the seed corpus (../shared/corpus/seeds.jsonl, when
 * present) and examples/articles are run through the pipeline and stored in a real SQLite file.
 * The February 2023 Caracas visit of Amir-Abdollahian, reported by two seed articles and by two
 * example articles, must be one event listing both; ingesting again must change nothing.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dedupEvents } from '../../src/events/dedup.js'
import type { Event } from '../../src/events/event.js'
import { readInputs } from '../../src/ingest/read-inputs.js'
import { processArticle } from '../../src/pipeline.js'
import { loadResources } from '../../src/resources.js'
import type { Store } from '../../src/store/database.js'
import { saveDoc } from '../../src/store/queries/articles.js'
import { countEventMentions } from '../../src/store/queries/event-mentions.js'
import { countEvents, queryEventMembers, queryEvents } from '../../src/store/queries/events.js'
import { INGESTED_AT, makeTempStore } from '../helpers/event-fixtures.js'
import { REPO_ROOT } from '../helpers/run-cli.js'

const SEEDS = join(REPO_ROOT, '..', 'shared', 'corpus', 'seeds.jsonl')
const hasSeeds = existsSync(SEEDS)
if (!hasSeeds) console.warn(`dedup on the seeds: ${SEEDS} not found (../shared is absent), skipped`)

/** Run the pipeline on inputs and store every article, in input order. */
async function ingest(store: Store, paths: readonly string[]): Promise<number> {
  const resources = await loadResources()
  let stored = 0
  for await (const result of readInputs([...paths])) {
    if (!result.ok) throw new Error(`${result.origin}: ${result.reason}`)
    if (saveDoc(store, processArticle(result.article, resources), INGESTED_AT).stored) stored++
  }
  return stored
}

const dump = (store: Store) => ({
  events: store.sqlite.prepare('SELECT * FROM events ORDER BY id').all(),
  links: store.sqlite.prepare('SELECT id, event_id FROM event_mentions ORDER BY id').all(),
})

/** Iran's visits to Venezuela in February 2023 (the dyad either way, as stored). */
const caracasVisits = (store: Store): Event[] =>
  queryEvents(store, {
    dyad: ['IRN', 'VEN'],
    type: ['visit'],
    from: '2023-02-01',
    to: '2023-02-28',
  }).filter((e) => e.source.country === 'IRN' && e.location?.name === 'Caracas')

/** Every article id of an event, in ingest order. */
const articlesOf = (store: Store, event: Event) => [
  ...new Set(queryEventMembers(store, event.id).map((m) => m.mention.article)),
]

/** The store's incremental dedup and the in-memory dedupEvents group the mentions alike. */
function expectSameGroupsInMemory(store: Store): void {
  const stored = queryEvents(store).map((e) => queryEventMembers(store, e.id))
  const members = stored.flat().sort((a, b) => a.id - b.id)
  const ids = (groups: { id: number }[][]) =>
    groups.map((g) => g.map((m) => m.id)).sort((a, b) => a[0]! - b[0]!)
  expect(ids(dedupEvents(members))).toEqual(ids(stored))
}

describe.skipIf(!hasSeeds)('dedup on the seed corpus', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>

  beforeAll(async () => {
    temp = await makeTempStore()
    expect(await ingest(temp.store, [SEEDS])).toBe(5)
  })
  afterAll(() => temp?.remove())

  it('makes ONE event of the Caracas visit that articles 001 and 003 both report', () => {
    const visits = caracasVisits(temp.store)
    expect(visits, JSON.stringify(visits, null, 2)).toHaveLength(1)
    expect(articlesOf(temp.store, visits[0]!).sort()).toEqual([
      '001_f5a7b2d0fe35e635',
      '003_4994b00723488c54',
    ])
    expect(visits[0]).toMatchObject({ num_articles: 2, num_sources: 2, target: { country: 'VEN' } })
  })

  it('has fewer events than event mentions', () => {
    expect(countEvents(temp.store)).toBeLessThan(countEventMentions(temp.store))
  })

  it('changes nothing when the same articles are ingested again', async () => {
    const before = dump(temp.store)
    expect(await ingest(temp.store, [SEEDS])).toBe(0)
    expect(dump(temp.store)).toEqual(before)
  })

  it('groups as the in-memory dedup does', () => {
    expectSameGroupsInMemory(temp.store)
  })
})

describe('dedup on examples/articles', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>
  const MERIDIAN = 'maduro-abdollahian-meridian-post'
  const CARACAS_TEXT = 'amir-abdollahian-maduro-caracas-2023-02-03'

  beforeAll(async () => {
    temp = await makeTempStore()
    expect(await ingest(temp.store, [join(REPO_ROOT, 'examples', 'articles')])).toBe(7)
  })
  afterAll(() => temp?.remove())

  it('makes one event of the Caracas meeting told by the Meridian Post and the text file', () => {
    const both = queryEvents(temp.store, {
      dyad: ['IRN', 'VEN'],
      from: '2023-02-01',
      to: '2023-02-28',
    })
      .filter((e) => articlesOf(temp.store, e).includes(MERIDIAN))
      .filter((e) => articlesOf(temp.store, e).includes(CARACAS_TEXT))
    expect(both.length, 'an IRN-VEN event of Feb 2023 listing both reports').toBeGreaterThanOrEqual(
      1,
    )
    for (const event of both) {
      expect(event).toMatchObject({ num_articles: 2, num_sources: 2 })
      // The Meridian Post's report joined the text file's event and made none of its own.
      const twins = queryEvents(temp.store, {
        dyad: ['IRN', 'VEN'],
        type: [event.type],
        modality: [event.modality],
        from: '2023-02-01',
        to: '2023-02-28',
      })
        .filter((e) => e.id !== event.id && e.source.country === event.source.country)
        .filter((e) => articlesOf(temp.store, e).includes(MERIDIAN))
      expect(twins).toEqual([])
    }
  })

  it('changes nothing when the same articles are ingested again', async () => {
    const before = dump(temp.store)
    expect(await ingest(temp.store, [join(REPO_ROOT, 'examples', 'articles')])).toBe(0)
    expect(dump(temp.store)).toEqual(before)
  })

  it('groups as the in-memory dedup does', () => {
    expectSameGroupsInMemory(temp.store)
  })
})
