/**
 * The PostgreSQL store against the SQLite one, on a real server (test/helpers/servers.ts): the
 * same articles give the same events, also when two writers save at once, and search behaves
 * the same. Skips, saying why, where PostgreSQL is not installed.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../bench/generate-corpus.js'
import { postgresBin, startPostgres, type TestServer } from '../../../test/helpers/servers.js'
import type { Article, Doc, EventMention } from '../../doc.js'
import type { Event } from '../../events/event.js'
import { processArticle } from '../../pipeline.js'
import { loadResources } from '../../resources.js'
import { closeStore, openStore } from '../database.js'
import { migrateStore } from '../migrate.js'
import { countArticlesOps, saveDoc } from '../queries/articles.js'
import type { PagedEventFilter } from '../queries/event-filter.js'
import {
  countEventMentionsOps,
  queryEventMentions,
  queryEventMentionsOps,
} from '../queries/event-mentions.js'
import { countEventsOps, queryEvents, queryEventsOps } from '../queries/events.js'
import { closePgStore, openPgStore, type PgStore } from './database.js'
import { migratePgStore } from './migrate.js'
import { runOpsPg } from './run-ops.js'
import { saveDocPg } from './save-doc.js'
import { searchArticlesPg, toTsQuery } from './search.js'

const missing = postgresBin() === null
if (missing) console.warn('PostgreSQL store tests skipped: postgresql is not installed (.ci/run installs it)')

/** The same report in another outlet: other id and text, the same events. */
function reReported(article: Article): Article {
  const text = `${article.text}\n\nReporting by the Other Wire desk.`
  return {
    ...article,
    id: `${article.id}-r`,
    text,
    outlet: 'Other Wire',
    url: null,
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
}

/** What makes two stores' events the same, whatever order the articles were saved in. */
const shapeOf = (events: readonly Event[]): string[] =>
  events
    .map((e) =>
      JSON.stringify([e.type, e.cameo, e.modality, e.source, e.target, e.date, e.location,
        e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen]),
    )
    .sort()

describe.skipIf(missing)('the PostgreSQL store', () => {
  let server: TestServer
  let stores: PgStore[]
  let docs: Doc[]
  let reference: { articles: number; mentions: number; events: Event[] }
  const folder = mkdtempSync(join(tmpdir(), 'dyad-pg-store-'))

  beforeAll(async () => {
    server = await startPostgres()
    stores = [await openPgStore(server.url), await openPgStore(server.url)]
    // Both migrate at once, as two workers starting together do.
    await Promise.all(stores.map((store) => migratePgStore(store)))
    const resources = await loadResources()
    const originals = generateCorpus({ articles: 40, seed: 7 }).map((g) => g.article)
    const articles = originals.flatMap((a) => [a, reReported(a)])
    docs = articles.map((article) => processArticle(article, resources))
    const sqlite = openStore(join(folder, 'reference.db'))
    await migrateStore(sqlite)
    for (const doc of docs) saveDoc(sqlite, doc)
    reference = {
      articles: docs.length,
      mentions: docs.reduce((n, d) => n + (d.eventMentions?.length ?? 0), 0),
      events: queryEvents(sqlite),
    }
    closeStore(sqlite)
  }, 120_000)

  afterAll(async () => {
    await Promise.all((stores ?? []).map((store) => closePgStore(store)))
    await server?.stop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('stores every article once, with the events of the SQLite store, from two writers at once', async () => {
    expect(reference.events.some((e) => e.num_articles > 1)).toBe(true)
    // Writer 0 takes the originals, writer 1 the re-reports; both also try a few of the other's.
    const [first, second] = stores as [PgStore, PgStore]
    const mine = (parity: number) => docs.filter((_, i) => i % 2 === parity)
    const overlap = docs.slice(0, 10)
    const saved = await Promise.all([
      (async () => {
        const results = []
        for (const doc of [...mine(0), ...overlap]) results.push(await saveDocPg(first, doc))
        return results
      })(),
      (async () => {
        const results = []
        for (const doc of [...mine(1), ...overlap]) results.push(await saveDocPg(second, doc))
        return results
      })(),
    ])
    const stored = saved.flat().filter((r) => r.stored).length
    expect(stored).toBe(docs.length)
    expect(await runOpsPg(first.db, countArticlesOps(first.db))).toBe(reference.articles)
    expect(await runOpsPg(first.db, countEventMentionsOps(first.db))).toBe(reference.mentions)
    expect(await runOpsPg(first.db, countEventsOps(first.db))).toBe(reference.events.length)
    expect(shapeOf(await runOpsPg(first.db, queryEventsOps(first.db)))).toEqual(shapeOf(reference.events))
  })

  it('answers a second save of the same text as a duplicate', async () => {
    expect(await saveDocPg(stores[1]!, docs[3]!)).toEqual({ stored: false, reason: 'duplicate' })
  })

  it('filters events as the SQLite store does', async () => {
    const [a, b] = reference.events[0]!.source.country < (reference.events[0]!.target?.country ?? '')
      ? [reference.events[0]!.source.country, reference.events[0]!.target!.country]
      : [reference.events[0]!.target?.country ?? '', reference.events[0]!.source.country]
    const filter = { dyad: [a, b] as [string, string], limit: 5 }
    const db = stores[0]!.db
    const got = await runOpsPg(db, queryEventsOps(db, filter))
    expect(got.length).toBeGreaterThan(0)
    expect(got.every((e) => [e.source.country, e.target?.country].sort().join('-') === [a, b].sort().join('-'))).toBe(true)
  })

  it('answers each field of the shared filter (queries/event-filter.ts) as SQLite does', async () => {
    const sqlite = openStore(join(folder, 'reference.db'))
    try {
      const event = reference.events.find((e) => e.target !== null && e.date !== null)!
      const named = docs.flatMap((d) => d.eventMentions ?? []).find((m) => m.source.person)!
      // PostgreSQL's LIKE keeps case, SQLite's folds it: the word as written matches in both.
      const word = named.source.person!.split(' ').at(-1)!
      const filters: PagedEventFilter[] = [
        { country: event.target!.country },
        { dyad: [event.target!.country, event.source.country], type: [event.type] },
        { modality: ['planned'] },
        { from: event.date!, to: event.date! },
        { article: named.article },
        { q: word },
      ]
      const db = stores[0]!.db
      const mentionsOf = (mentions: readonly EventMention[]) =>
        mentions.map((m) => JSON.stringify(m)).sort()
      for (const filter of filters) {
        const events = queryEvents(sqlite, filter)
        expect(events.length, JSON.stringify(filter)).toBeGreaterThan(0)
        expect(shapeOf(await runOpsPg(db, queryEventsOps(db, filter)))).toEqual(shapeOf(events))
        const mentions = queryEventMentions(sqlite, filter)
        expect(mentions.length, JSON.stringify(filter)).toBeGreaterThan(0)
        expect(mentionsOf(await runOpsPg(db, queryEventMentionsOps(db, filter)))).toEqual(
          mentionsOf(mentions),
        )
      }
    } finally {
      closeStore(sqlite)
    }
  })

  it('searches text with accents folded, phrases, prefixes and [marked] snippets', async () => {
    const text = [
      'Maduro receives Iranian envoy',
      'President Nicolás Maduro received an Iranian naval squadron commander in Caracas.',
    ].join('\n\n')
    const article: Article = {
      id: 'search-1', title: 'Maduro receives Iranian envoy', text, publishedOn: '2024-11-21',
      publishedBasis: 'dateline', url: null, outlet: null, language: 'en', origin: 'search-1.txt',
      contentHash: createHash('sha256').update(text).digest('hex'),
    }
    await saveDocPg(stores[0]!, { article, eventMentions: [], problems: [] })
    const hits = await searchArticlesPg(stores[0]!, 'Nicolas "naval squadron"')
    expect(hits.map((h) => h.id)).toEqual(['search-1'])
    expect(hits[0]!.snippet).toContain('[naval]')
    expect((await searchArticlesPg(stores[0]!, 'squad*')).map((h) => h.id)).toContain('search-1')
    expect(await searchArticlesPg(stores[0]!, '"squadron naval"')).toEqual([])
    expect(await searchArticlesPg(stores[0]!, '" - & |')).toEqual([])
  })
})

describe('toTsQuery', () => {
  it.each([
    ['"naval squadron" Maduro* U.S.', "('naval' <-> 'squadron') & 'Maduro':* & ('U' <-> 'S')"],
    ["O'Brien", "('O' <-> 'Brien')"],
    ['" - & | !', ''],
  ])('%s -> %s', (query, expected) => {
    expect(toTsQuery(query)).toBe(expected)
  })
})
