/**
 * Hand-made articles, event mentions and stores for the tests of dedup, analytics and export.
 * Each mention is a complete design.md event mention; a test overrides only what it is about.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article, Doc, EventMention } from '../../src/doc.js'
import { closeStore, openStore, type Store } from '../../src/store/database.js'
import { migrateStore } from '../../src/store/migrate.js'
import { saveDoc } from '../../src/store/queries/articles.js'

/** The moment every test article is stored, so stored events compare equal across runs. */
export const INGESTED_AT = new Date('2024-11-21T08:00:00.000Z')

/** A visit IRN -> VEN in Caracas on 2023-02-03; override what the test is about. */
export function makeMention(article: string, overrides: Partial<EventMention> = {}): EventMention {
  return {
    article,
    sentence: 1,
    span: [0, 60],
    evidence: 'Iranian Foreign Minister Hossein Amir-Abdollahian arrived in Caracas on Friday.',
    source: {
      country: 'IRN',
      sector: 'DIP',
      person: 'Hossein Amir-Abdollahian',
      role: 'Minister of Foreign Affairs',
      code: 'IRNGOVDIP',
    },
    target: { country: 'VEN', sector: 'GOV', person: null, code: 'VENGOV' },
    cameo: '042',
    quad: 1,
    goldstein: 1.9,
    plover: { event: 'CONSULT', mode: 'visit' },
    type: 'visit',
    modality: 'asserted',
    date: '2023-02-03',
    date_precision: 'day',
    location: { name: 'Caracas', country: 'VEN', lat: 10.5, lon: -66.92 },
    sectors: [],
    rule: 'visit/arrive-in-capital',
    why: 'test',
    confidence: 0.85,
    ...overrides,
  }
}

/** A meeting between the two sides, VEN -> IRN, on 2023-02-03 (a symmetric type). */
export function makeMeeting(article: string, overrides: Partial<EventMention> = {}): EventMention {
  return makeMention(article, {
    evidence: 'Maduro met Amir-Abdollahian at Miraflores Palace.',
    source: {
      country: 'VEN',
      sector: 'GOV',
      person: 'Nicolás Maduro',
      role: 'President',
      code: 'VENGOV',
    },
    target: {
      country: 'IRN',
      sector: 'DIP',
      person: 'Hossein Amir-Abdollahian',
      code: 'IRNGOVDIP',
    },
    cameo: '040',
    goldstein: 1,
    plover: { event: 'CONSULT', mode: null },
    type: 'meet',
    location: null,
    ...overrides,
  })
}

export interface ArticleOptions {
  readonly publishedOn?: string | null
  readonly outlet?: string | null
  readonly url?: string | null
  /** Extra text, so two articles with the same mentions still differ in content hash. */
  readonly text?: string
}

/** A Doc holding `mentions` (their `article` must be `id`), with an article made up around them. */
export function makeEventDoc(
  id: string,
  mentions: readonly EventMention[],
  options: ArticleOptions = {},
): Doc {
  const text = options.text ?? `${id}\n\n${mentions.map((m) => m.evidence).join(' ')}`
  const article: Article = {
    id,
    title: id,
    text,
    publishedOn: options.publishedOn === undefined ? '2023-02-04' : options.publishedOn,
    publishedBasis: 'option',
    url: options.url === undefined ? `https://example.org/${id}` : options.url,
    outlet: options.outlet === undefined ? `Outlet of ${id}` : options.outlet,
    language: 'en',
    origin: `test/${id}.txt`,
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
  return { article, eventMentions: mentions, problems: [] }
}

/** A migrated store in a fresh temp folder, and a function that closes and removes it. */
export async function makeTempStore(): Promise<{ store: Store; file: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-events-'))
  const file = join(dir, 'dyad.db')
  const store = openStore(file)
  await migrateStore(store)
  return {
    store,
    file,
    remove: () => {
      closeStore(store)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Save docs in order, all stored at `INGESTED_AT`. */
export function saveDocs(store: Store, docs: readonly Doc[]): void {
  for (const doc of docs) saveDoc(store, doc, INGESTED_AT)
}
