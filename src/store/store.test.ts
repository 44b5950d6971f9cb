import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article, Doc, EventMention, Problem } from '../doc.js'
import { closeStore, openStore, type Store } from './database.js'
import { migrateStore } from './migrate.js'
import {
  countArticles,
  getArticle,
  saveDoc,
  searchArticles,
  toFtsQuery,
} from './queries/articles.js'
import { countEventMentions, queryEventMentions } from './queries/event-mentions.js'
import { queryProblems } from './queries/problems.js'

const TEXT = [
  'Iranian defence minister arrives in Caracas',
  'Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday.',
  'President Nicolás Maduro received him at the Miraflores palace.',
  'Officials said an Iranian naval squadron would visit La Guaira next year.',
].join('\n\n')

/** An article with its hash computed from `text`, like the ingest stage makes it. */
function makeArticle(id: string, text: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: text.split('\n\n')[0] ?? null,
    text,
    publishedOn: '2024-11-21',
    publishedBasis: 'dateline',
    url: `https://example.org/${id}`,
    outlet: 'Example News',
    language: 'en',
    origin: `examples/${id}.txt`,
    contentHash: createHash('sha256').update(text).digest('hex'),
    ...overrides,
  }
}

/** A visit IRN -> VEN, with every optional part filled in. */
function visit(article: string, overrides: Partial<EventMention> = {}): EventMention {
  return {
    article,
    sentence: 1,
    span: [45, 118],
    evidence: 'Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday.',
    source: {
      country: 'IRN',
      sector: 'MIL',
      person: 'Aziz Nasirzadeh',
      role: 'Minister of Defence',
      code: 'IRNGOVMIL',
    },
    target: { country: 'VEN', sector: 'GOV', person: null, code: 'VENGOV' },
    cameo: '042',
    quad: 1,
    goldstein: 1.9,
    plover: { event: 'CONSULT', mode: 'visit' },
    type: 'visit',
    modality: 'asserted',
    date: '2024-11-20',
    date_precision: 'day',
    location: { name: 'Caracas', country: 'VEN', lat: 10.49, lon: -66.88 },
    sectors: ['defence', 'economy'],
    rule: 'visit/arrive-in-capital',
    why: '‘arrived in Caracas’ by an Iranian minister',
    confidence: 0.86,
    ...overrides,
  }
}

/** A host visit VEN -> IRN, with the optional parts empty. */
function hostVisit(article: string, overrides: Partial<EventMention> = {}): EventMention {
  return {
    article,
    sentence: 2,
    span: [120, 183],
    evidence: 'President Nicolás Maduro received him at the Miraflores palace.',
    source: { country: 'VEN', sector: 'GOV', person: 'Nicolás Maduro', code: 'VENGOV' },
    target: { country: 'IRN', sector: 'MIL', person: null, code: 'IRNMIL' },
    cameo: '043',
    quad: 1,
    goldstein: 2.8,
    plover: { event: 'CONSULT', mode: null },
    type: 'host_visit',
    modality: 'asserted',
    date: '2024-11-20',
    date_precision: 'day',
    location: null,
    sectors: [],
    rule: 'host/receive',
    why: '‘received him’ by the Venezuelan president',
    confidence: 0.7,
    ...overrides,
  }
}

const PROBLEMS: Problem[] = [
  { stage: 'resolve-dates', code: 'no-date', message: '"next year" has no day', span: [248, 257] },
  { stage: 'resolve-actors', code: 'unknown-place', message: 'La Guaira is not in the gazetteer' },
]

function makeDoc(
  id = '000_2737ec37436efcb6',
  text = TEXT,
  eventMentions: EventMention[] = [visit(id), hostVisit(id)],
  problems: Problem[] = PROBLEMS,
): Doc {
  return { article: makeArticle(id, text), eventMentions, problems }
}

/** Each test runs once on every target, like Kysely runs each test on every dialect. */
const TARGETS = [
  { name: 'in memory', makeFile: () => ':memory:' },
  {
    name: 'in a file',
    makeFile: () => join(mkdtempSync(join(tmpdir(), 'dyad-store-')), 'dyad.db'),
  },
]

for (const target of TARGETS) {
  describe(`store (${target.name})`, () => {
    let file: string
    let store: Store

    beforeEach(async () => {
      file = target.makeFile()
      store = openStore(file)
      await migrateStore(store)
    })

    afterEach(() => {
      closeStore(store)
      if (file !== ':memory:') rmSync(join(file, '..'), { recursive: true, force: true })
    })

    it('reads back the event mentions it saved, deep-equal', () => {
      const doc = makeDoc()
      expect(saveDoc(store, doc)).toEqual({ stored: true })
      expect(queryEventMentions(store, {})).toStrictEqual(doc.eventMentions)
      expect(getArticle(store, doc.article.id)).toStrictEqual(doc.article)
      expect(queryProblems(store, doc.article.id)).toStrictEqual(PROBLEMS)
    })

    it('saves an article without event mentions', () => {
      const doc: Doc = { article: makeArticle('no-events', 'Nothing happened.'), problems: [] }
      expect(saveDoc(store, doc)).toEqual({ stored: true })
      expect([countArticles(store), countEventMentions(store)]).toEqual([1, 0])
    })

    it('stores the same article once, however often it is saved', () => {
      const doc = makeDoc()
      saveDoc(store, doc)
      expect(saveDoc(store, doc)).toEqual({ stored: false, reason: 'duplicate' })
      // Same text under another id (the same file copied): still a duplicate.
      expect(saveDoc(store, makeDoc('copy-of-000'))).toEqual({ stored: false, reason: 'duplicate' })
      expect([countArticles(store), countEventMentions(store)]).toEqual([1, 2])
      expect(queryProblems(store, doc.article.id)).toHaveLength(2)
    })

    it('replaces an article whose text changed under the same id', () => {
      const id = '000_2737ec37436efcb6'
      saveDoc(store, makeDoc(id))
      const corrected = TEXT.replace('naval squadron', 'frigate')
      const mention = visit(id, { confidence: 0.9 })
      expect(saveDoc(store, makeDoc(id, corrected, [mention], []))).toEqual({ stored: true })
      expect(countArticles(store)).toBe(1)
      expect(getArticle(store, id)?.text).toBe(corrected)
      expect(queryEventMentions(store, {})).toStrictEqual([mention])
      expect(queryProblems(store, id)).toEqual([])
      // The full-text index follows the replacement.
      expect(searchArticles(store, '"naval squadron"', 10)).toEqual([])
      expect(searchArticles(store, 'frigate', 10).map((hit) => hit.id)).toEqual([id])
    })

    it('leaves nothing of an article when a write fails half-way', () => {
      const broken = { ...hostVisit('bad'), cameo: undefined } as unknown as EventMention
      const doc = makeDoc('bad', TEXT, [visit('bad'), broken])
      expect(() => saveDoc(store, doc)).toThrow(
        expect.objectContaining({ code: 'E_STORE', message: expect.stringMatching(/NOT NULL/) }),
      )
      expect([countArticles(store), countEventMentions(store)]).toEqual([0, 0])
      expect(queryProblems(store, 'bad')).toEqual([])
      expect(searchArticles(store, 'Nasirzadeh', 10)).toEqual([])
    })

    it('keeps the old version when replacing it fails', () => {
      const id = '000_2737ec37436efcb6'
      const original = makeDoc(id)
      saveDoc(store, original)
      const broken = { ...visit(id), source: undefined } as unknown as EventMention
      expect(() => saveDoc(store, makeDoc(id, `${TEXT} Updated.`, [broken]))).toThrow()
      expect(getArticle(store, id)).toStrictEqual(original.article)
      expect(queryEventMentions(store, {})).toStrictEqual(original.eventMentions)
    })

    describe('queryEventMentions', () => {
      beforeEach(() => {
        saveDoc(store, makeDoc('a'))
        const text = 'Russia warned Venezuela. Talks between Iran and Venezuela are planned.'
        saveDoc(
          store,
          makeDoc('b', text, [
            visit('b', {
              sentence: 0,
              source: { country: 'RUS', sector: 'GOV', person: null, code: 'RUSGOV' },
              cameo: '130',
              type: 'threaten',
              date: '2024-12-02',
            }),
            visit('b', { sentence: 1, modality: 'planned', date: null, date_precision: null }),
          ]),
        )
      })

      const ids = (mentions: EventMention[]) => mentions.map((m) => `${m.article}/${m.sentence}`)

      it.each([
        ['no filter: by date, undated last', {}, ['a/1', 'a/2', 'b/0', 'b/1']],
        ['dyad IRN-VEN: both directions', { dyad: ['IRN', 'VEN'] }, ['a/1', 'a/2', 'b/1']],
        ['dyad VEN-IRN: same as IRN-VEN', { dyad: ['VEN', 'IRN'] }, ['a/1', 'a/2', 'b/1']],
        ['dyad RUS-VEN', { dyad: ['VEN', 'RUS'] }, ['b/0']],
        ['type', { type: ['host_visit', 'threaten'] }, ['a/2', 'b/0']],
        ['empty type list: no filter', { type: [] }, ['a/1', 'a/2', 'b/0', 'b/1']],
        ['from: drops undated', { from: '2024-11-21' }, ['b/0']],
        ['to: drops undated', { to: '2024-11-20' }, ['a/1', 'a/2']],
        ['from and to, inclusive', { from: '2024-11-20', to: '2024-12-02' }, ['a/1', 'a/2', 'b/0']],
        ['modality', { modality: ['planned'] }, ['b/1']],
        ['article', { article: 'b' }, ['b/0', 'b/1']],
        ['country, on either side', { country: 'RUS' }, ['b/0']],
        ['limit and offset', { limit: 2, offset: 1 }, ['a/2', 'b/0']],
        ['offset alone', { offset: 3 }, ['b/1']],
        ['dyad and type', { dyad: ['VEN', 'IRN'], type: ['visit'] }, ['a/1', 'b/1']],
      ] as const)('%s', (_name, filter, expected) => {
        expect(ids(queryEventMentions(store, filter))).toEqual(expected)
      })
    })

    describe('searchArticles', () => {
      beforeEach(() => {
        saveDoc(store, makeDoc('a'))
        saveDoc(store, makeDoc('b', 'Oil output\n\nOPEC kept its oil output unchanged.', [], []))
      })

      it.each([
        ['a phrase', '"naval squadron"', ['a']],
        ['a phrase in the wrong order', '"squadron naval"', []],
        ['words anywhere', 'squadron Caracas', ['a']],
        ['accents folded', 'Nicolas', ['a']],
        ['accents folded both ways', 'Nicolás MADURO', ['a']],
        ['a prefix', 'Nasir*', ['a']],
        ['punctuation is not syntax', 'OPEC: oil -', ['b']],
        ['nothing to search for', ' - " ', []],
      ])('finds %s', (_name, query, expected) => {
        expect(searchArticles(store, query, 10).map((hit) => hit.id)).toEqual(expected)
      })

      it('returns the title and a snippet marking the match', () => {
        expect(searchArticles(store, '"naval squadron"', 10)).toEqual([
          {
            id: 'a',
            title: 'Iranian defence minister arrives in Caracas',
            snippet: expect.stringContaining('an Iranian [naval squadron] would visit'),
          },
        ])
      })
    })

    it('runs the migrations once', async () => {
      expect(await migrateStore(store)).toEqual([])
    })
  })
}

describe('store file', () => {
  it('keeps what was saved after closing and reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'))
    const file = join(dir, 'dyad.db')
    try {
      const first = openStore(file)
      await migrateStore(first)
      saveDoc(first, makeDoc())
      closeStore(first)
      const second = openStore(file)
      expect(await migrateStore(second)).toEqual([])
      expect(second.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(second.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(queryEventMentions(second)).toStrictEqual(makeDoc().eventMentions)
      expect(searchArticles(second, 'Nicolas', 5)).toHaveLength(1)
      closeStore(second)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('names the path when it cannot be opened', () => {
    const file = join(tmpdir(), 'dyad-no-such-dir', 'sub', 'dyad.db')
    expect(() => openStore(file)).toThrow(
      expect.objectContaining({ code: 'E_STORE', message: expect.stringContaining(file) }),
    )
  })
})

describe('toFtsQuery', () => {
  it.each([
    ['"naval squadron" Maduro* U.S.', '"naval squadron" "Maduro"* "U.S."'],
    ['say "hi', '"say" "hi"'],
    ['a"b', '"a" "b"'],
    ['- * ""', ''],
  ])('%s -> %s', (query, expected) => {
    expect(toFtsQuery(query)).toBe(expected)
  })
})
