import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Migrator, type Migration } from 'kysely'
import type { EventMention } from '../doc.js'
import {
  INGESTED_AT,
  makeEventDoc,
  makeMeeting,
  makeMention,
  makeTempStore,
  saveDocs,
} from '../../test/helpers/event-fixtures.js'
import { closeStore, openStore, type Store } from './database.js'
import { migrateStore } from './migrate.js'
import * as createTables from './migrations/2026-11-24-0001-create-tables.js'
import * as createArticlesFts from './migrations/2026-11-24-0002-create-articles-fts.js'
import { saveDoc } from './queries/articles.js'
import { toEventMentionRow } from './queries/event-mentions.js'
import {
  countEvents,
  getEvent,
  queryEventMembers,
  queryEvents,
  rebuildEvents,
} from './queries/events.js'

/** Everything the events table holds, for "nothing changed" comparisons. */
const dump = (store: Store) => ({
  events: store.sqlite.prepare('SELECT * FROM events ORDER BY id').all(),
  links: store.sqlite.prepare('SELECT id, event_id FROM event_mentions ORDER BY id').all(),
})

/** Three articles: two report the Caracas visit (a day apart); more events around them. */
const corpus = () => [
  makeEventDoc('A', [makeMention('A', { date: '2023-02-02' }), makeMeeting('A', { sentence: 2 })]),
  makeEventDoc('B', [makeMention('B'), makeMention('B', { sentence: 3, modality: 'negated' })], {
    publishedOn: '2023-02-03',
  }),
  makeEventDoc(
    'C',
    [
      makeMention('C', {
        date: '2024-11-20',
        source: { ...makeMention('C').source, person: 'Aziz Nasirzadeh' },
      }),
      makeMention('C', { sentence: 2, date: null, date_precision: null, modality: 'planned' }),
      makeMention('C', {
        sentence: 3,
        type: 'criticize',
        cameo: '111',
        quad: 3,
        goldstein: -2,
        date: '2024-11-20',
        target: { country: 'USA', sector: null, person: null, code: 'USA' },
        location: null,
      }),
    ],
    { publishedOn: '2024-11-21' },
  ),
]

describe('events in the store', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>
  let store: Store

  beforeEach(async () => {
    temp = await makeTempStore()
    store = temp.store
  })
  afterEach(() => temp.remove())

  it('links every asserted or planned mention at save time', () => {
    saveDocs(store, corpus())
    const events = queryEvents(store)
    expect(events.map((e) => [e.type, e.modality, e.date, e.num_articles])).toEqual([
      ['visit', 'asserted', '2023-02-02', 2],
      ['meet', 'asserted', '2023-02-03', 1],
      ['visit', 'asserted', '2024-11-20', 1],
      ['criticize', 'asserted', '2024-11-20', 1],
      ['visit', 'planned', null, 1],
    ])
    const visit = getEvent(store, events[0]!.id)
    expect(visit?.mentions.map((m) => m.article)).toEqual(['A', 'B'])
    expect(visit?.mentions[0]).toStrictEqual(corpus()[0]!.eventMentions![0])
  })

  it('changes nothing when the same articles are saved again', () => {
    saveDocs(store, corpus())
    const before = dump(store)
    saveDocs(store, corpus())
    expect(dump(store)).toEqual(before)
  })

  it('rebuilds the events of an article whose text changed, deleting those left empty', () => {
    saveDocs(store, corpus())
    const visitId = queryEvents(store)[0]!.id
    // A is corrected: its visit is gone, its meeting stays.
    const corrected = makeEventDoc('A', [makeMeeting('A', { sentence: 2 })], {
      text: 'A, corrected',
    })
    expect(saveDoc(store, corrected, INGESTED_AT)).toEqual({ stored: true })
    expect(getEvent(store, visitId)).toMatchObject({
      num_articles: 1,
      date: '2023-02-03',
      first_article: 'B',
    })
    // B is corrected to say nothing: the visit has no report left.
    saveDoc(store, makeEventDoc('B', [], { text: 'B, retracted' }), INGESTED_AT)
    expect(getEvent(store, visitId)).toBeNull()
    expect(queryEvents(store).map((e) => e.type)).toEqual(['meet', 'visit', 'criticize', 'visit'])
  })

  it('writes no event when saving the article fails half-way', () => {
    const broken = {
      ...makeMention('X', { sentence: 2 }),
      cameo: undefined,
    } as unknown as EventMention
    expect(() => saveDoc(store, makeEventDoc('X', [makeMention('X'), broken]))).toThrow(/NOT NULL/)
    expect(countEvents(store)).toBe(0)
  })

  it('gives the same events when rebuilt from the stored mentions', () => {
    saveDocs(store, corpus())
    const before = dump(store)
    expect(rebuildEvents(store)).toBe(5)
    expect(dump(store)).toEqual(before)
  })

  it.each([
    ['dyad, either direction', { dyad: ['VEN', 'IRN'] }, ['visit', 'meet', 'visit', 'visit']],
    ['dyad IRN-USA', { dyad: ['USA', 'IRN'] }, ['criticize']],
    ['type', { type: ['meet', 'criticize'] }, ['meet', 'criticize']],
    ['modality', { modality: ['planned'] }, ['visit']],
    ['from: drops undated', { from: '2024-01-01' }, ['visit', 'criticize']],
    ['to: drops undated', { to: '2023-12-31' }, ['visit', 'meet']],
    ['country, on either side', { country: 'USA' }, ['criticize']],
    ['limit and offset', { limit: 2, offset: 1 }, ['meet', 'visit']],
    // The filter is the API's too (event-filter.ts): text and article match through the reports.
    ['q: a person named in a report, any case', { q: 'nasirzadeh' }, ['visit']],
    ['article: the events it reports', { article: 'C' }, ['visit', 'criticize', 'visit']],
  ] as const)('queryEvents by %s', (_name, filter, expected) => {
    saveDocs(store, corpus())
    expect(queryEvents(store, filter).map((e) => e.type)).toEqual(expected)
  })

  it('gives each member the facts of its article', () => {
    saveDocs(store, corpus())
    const [first] = queryEventMembers(store, queryEvents(store)[0]!.id)
    expect(first?.article).toEqual({
      publishedOn: '2023-02-04',
      outlet: 'Outlet of A',
      url: 'https://example.org/A',
      origin: 'test/A.txt',
      ingestedAt: INGESTED_AT.toISOString(),
      textLength: corpus()[0]!.article.text.length,
    })
  })
})

/** Insert a row with plain SQL: the store's own queries expect the newest schema. */
function insertRow(store: Store, table: string, row: object): void {
  const columns = Object.keys(row)
  const marks = columns.map(() => '?').join(', ')
  const insert = store.sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${marks})`,
  )
  insert.run(...Object.values(row))
}

describe('migrating a store made before events existed', () => {
  it('links its stored event mentions into events once', async () => {
    const fresh = await makeTempStore()
    // A store at the first two migrations, holding the same articles and mentions.
    const store = openStore(`${fresh.file}.old.db`)
    try {
      saveDocs(fresh.store, corpus())
      const early: Record<string, Migration> = {
        '2026-11-24-0001-create-tables': createTables,
        '2026-11-24-0002-create-articles-fts': createArticlesFts,
      }
      await new Migrator({
        db: store.db,
        provider: { getMigrations: async () => early },
      }).migrateToLatest()
      for (const { article, eventMentions } of corpus()) {
        insertRow(store, 'articles', {
          id: article.id,
          content_hash: createHash('sha256').update(article.text).digest('hex'),
          title: article.title,
          text: article.text,
          published_on: article.publishedOn,
          published_basis: article.publishedBasis,
          url: article.url,
          outlet: article.outlet,
          language: article.language,
          origin: article.origin,
          ingested_at: INGESTED_AT.toISOString(),
        })
        for (const mention of eventMentions ?? []) {
          insertRow(store, 'event_mentions', toEventMentionRow(mention))
        }
      }
      // The later migrations run too; this one is the one that links old mentions into events.
      expect((await migrateStore(store))[0]).toBe('2026-11-24-0003-create-events')
      expect(queryEvents(store)).toEqual(queryEvents(fresh.store))
    } finally {
      closeStore(store)
      fresh.remove()
    }
  })
})
