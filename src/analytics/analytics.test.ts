import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMention } from '../doc.js'
import {
  makeEventDoc,
  makeMeeting,
  makeMention,
  makeTempStore,
  saveDocs,
} from '../../test/helpers/event-fixtures.js'
import type { Store } from '../store/database.js'
import { countryNetwork } from './country-network.js'
import { summarizeDyad } from './dyad-summary.js'
import { monthsBetween } from './months.js'

const USA = { country: 'USA', sector: 'GOV', person: null, code: 'USAGOV' }
const IRN = { country: 'IRN', sector: 'GOV', person: null, code: 'IRNGOV' }

/** Iran criticizes the United States (quad 3, Goldstein -2). */
const criticism = (article: string, date: string): EventMention =>
  makeMention(article, {
    type: 'criticize',
    cameo: '111',
    quad: 3,
    goldstein: -2,
    plover: { event: 'ACCUSE', mode: null },
    target: USA,
    date,
    location: null,
  })

describe('analytics', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>
  let store: Store

  beforeAll(async () => {
    temp = await makeTempStore()
    store = temp.store
    saveDocs(store, [
      makeEventDoc('A', [
        makeMention('A', { sectors: ['energy'] }),
        makeMeeting('A', { sentence: 2, sectors: ['defence', 'energy'] }),
      ]),
      // The same visit, reported again: one event, not two.
      makeEventDoc('B', [makeMention('B')]),
      makeEventDoc('C', [criticism('C', '2023-04-09')], { publishedOn: '2023-04-10' }),
      makeEventDoc(
        'D',
        [
          makeMention('D', {
            type: 'sanction',
            cameo: '163',
            quad: 4,
            goldstein: -8,
            plover: { event: 'SANCTION', mode: null },
            source: USA,
            target: IRN,
            date: '2023-04-11',
            location: null,
          }),
        ],
        { publishedOn: '2023-04-12' },
      ),
      makeEventDoc('E', [criticism('E', '2023-06-20')], { publishedOn: '2023-06-21' }),
      makeEventDoc(
        'F',
        [makeMention('F', { modality: 'planned', date: null, date_precision: null })],
        {
          publishedOn: '2023-05-01',
        },
      ),
      makeEventDoc('G', [makeMention('G', { date: null, date_precision: null })], {
        publishedOn: null,
      }),
    ])
  })
  afterAll(() => temp.remove())

  describe('summarizeDyad', () => {
    it('counts deduplicated events, either direction, planned apart', () => {
      const summary = summarizeDyad(store, ['VEN', 'IRN'])
      expect(summary.totals).toEqual({
        events: 3,
        mentions: 4,
        articles: 3,
        cooperative: 3,
        conflictual: 0,
        undated: 1,
        planned: 1,
      })
      expect(summary.types).toEqual([
        { type: 'visit', events: 2 },
        { type: 'meet', events: 1 },
      ])
    })

    it('gives events per month by type and quad class, with Goldstein sum and mean', () => {
      expect(summarizeDyad(store, ['IRN', 'VEN']).months).toEqual([
        {
          month: '2023-02',
          events: 2,
          by_type: { meet: 1, visit: 1 },
          by_quad: { '1': 2, '2': 0, '3': 0, '4': 0 },
          goldstein_sum: 2.9,
          goldstein_mean: 1.45,
        },
      ])
    })

    it('fills months without events, so a series has no holes', () => {
      const months = summarizeDyad(store, ['IRN', 'USA']).months
      expect(months.map((m) => [m.month, m.events, m.goldstein_sum, m.goldstein_mean])).toEqual([
        ['2023-04', 2, -10, -5],
        ['2023-05', 0, 0, null],
        ['2023-06', 1, -2, -2],
      ])
      expect(months[0]?.by_quad).toEqual({ '1': 0, '2': 0, '3': 1, '4': 1 })
    })

    it('lists sectors, people, and the first and last event', () => {
      const summary = summarizeDyad(store, ['IRN', 'VEN'])
      expect(summary.sectors).toEqual([
        { sector: 'energy', events: 2 },
        { sector: 'defence', events: 1 },
      ])
      expect(summary.people).toEqual([
        {
          person: 'Hossein Amir-Abdollahian',
          country: 'IRN',
          roles: ['Minister of Foreign Affairs'],
          events: 3,
        },
        { person: 'Nicolás Maduro', country: 'VEN', roles: ['President'], events: 1 },
      ])
      expect(summary.first).toMatchObject({ date: '2023-02-03', type: 'visit', num_articles: 2 })
      expect(summary.last).toMatchObject({ date: '2023-02-03', type: 'meet', source: 'VENGOV' })
    })

    it('keeps to --from and --to, leaving undated events out', () => {
      const summary = summarizeDyad(store, ['IRN', 'USA'], { from: '2023-04-10', to: '2023-05-31' })
      expect([summary.totals.events, summary.months.map((m) => m.month)]).toEqual([1, ['2023-04']])
      expect(summarizeDyad(store, ['IRN', 'VEN'], { from: '2024-01-01' }).totals.events).toBe(0)
    })

    it('counts planned events when asked', () => {
      const summary = summarizeDyad(store, ['IRN', 'VEN'], { modality: ['asserted', 'planned'] })
      expect([summary.totals.events, summary.totals.planned]).toEqual([4, 1])
    })
  })

  describe('countryNetwork', () => {
    it('weighs edges by events, split cooperative and conflictual', () => {
      expect(countryNetwork(store)).toEqual({
        nodes: [
          { country: 'IRN', events: 6, cooperative: 3, conflictual: 3 },
          { country: 'USA', events: 3, cooperative: 0, conflictual: 3 },
          { country: 'VEN', events: 3, cooperative: 3, conflictual: 0 },
        ],
        edges: [
          { a: 'IRN', b: 'USA', events: 3, cooperative: 0, conflictual: 3, goldstein_sum: -12 },
          { a: 'IRN', b: 'VEN', events: 3, cooperative: 3, conflictual: 0, goldstein_sum: 4.8 },
        ],
      })
    })

    it('keeps to a date range', () => {
      const { edges } = countryNetwork(store, { from: '2023-04-01', to: '2023-04-30' })
      expect(edges).toEqual([
        { a: 'IRN', b: 'USA', events: 2, cooperative: 0, conflictual: 2, goldstein_sum: -10 },
      ])
    })
  })
})

describe('monthsBetween', () => {
  it.each([
    ['2023-11', '2024-02', ['2023-11', '2023-12', '2024-01', '2024-02']],
    ['2023-02', '2023-02', ['2023-02']],
    ['2023-03', '2023-02', []],
  ])('%s .. %s', (first, last, expected) => {
    expect(monthsBetween(first, last)).toEqual(expected)
  })
})

describe('summarizeDyad: events the text gives no day', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>

  beforeAll(async () => {
    temp = await makeTempStore()
    saveDocs(temp.store, [
      makeEventDoc('R', [criticism('R', '2023-03-02')], { publishedOn: '2023-03-03' }),
      // "Iran has condemned the United States": no day of its own, reported on 9 May.
      makeEventDoc('S', [{ ...criticism('S', '2023-05-01'), date: null, date_precision: null }], { publishedOn: '2023-05-09' }),
    ])
  })
  afterAll(() => temp.remove())

  it('counts them in the month of their first report', () => {
    const summary = summarizeDyad(temp.store, ['IRN', 'USA'])
    expect(summary.months.map((m) => [m.month, m.events])).toEqual([
      ['2023-03', 1],
      ['2023-04', 0],
      ['2023-05', 1],
    ])
    expect(summary.totals.undated).toBe(0)
    expect(summary.last?.date).toBe('2023-03-02')
  })
})

