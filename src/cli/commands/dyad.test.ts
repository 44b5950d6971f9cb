import { describe, expect, it } from 'vitest'
import type { DyadSummary } from '../../analytics/dyad-summary.js'
import { bucket, formatDyadSummary, sparkline } from './dyad.js'

describe('sparkline', () => {
  it.each([
    [[0, 1, 4, null, 2], '▁▃█ ▅'],
    [[0, 0, 0], '▁▁▁'],
    [[3, 3], '██'],
    [[-8, 0, 8], '▁▅█'],
    [[null, null], '  '],
    [[], ''],
  ])('%j -> "%s"', (values, expected) => {
    expect(sparkline(values)).toBe(expected)
  })
})

describe('bucket', () => {
  it.each([
    [[1, 2, 3, 4, 5], 3, { values: [3, 7, 5], size: 2 }],
    [[1, 2, 3], 10, { values: [1, 2, 3], size: 1 }],
    [[null, null, 1, null], 2, { values: [null, 1], size: 2 }],
  ])('%j in %i marks', (values, width, expected) => {
    expect(bucket(values, width)).toEqual(expected)
  })
})

describe('formatDyadSummary', () => {
  const month = (m: string, events: number, goldstein: number) => ({
    month: m,
    events,
    by_type: events ? { visit: events } : {},
    by_quad: { '1': events, '2': 0, '3': 0, '4': 0 },
    goldstein_sum: goldstein,
    goldstein_mean: events ? goldstein / events : null,
  })
  const summary: DyadSummary = {
    dyad: ['IRN', 'VEN'],
    from: null,
    to: null,
    totals: {
      events: 3,
      mentions: 5,
      articles: 2,
      cooperative: 3,
      conflictual: 0,
      undated: 0,
      planned: 1,
    },
    months: [month('2023-01', 1, 1.9), month('2023-02', 0, 0), month('2023-03', 2, 3.8)],
    types: [{ type: 'visit', events: 3 }],
    sectors: [{ sector: 'energy', events: 2 }],
    people: [{ person: 'Nicolás Maduro', country: 'VEN', roles: ['President'], events: 2 }],
    first: {
      id: 1,
      date: '2023-01-05',
      type: 'visit',
      source: 'IRNGOV',
      target: 'VENGOV',
      location: 'Caracas',
      num_articles: 1,
      evidence: 'Iran’s minister arrived in Caracas.',
    },
    last: {
      id: 3,
      date: '2023-03-09',
      type: 'visit',
      source: 'IRNGOV',
      target: 'VENGOV',
      location: null,
      num_articles: 2,
      evidence: 'He flew to Caracas.',
    },
  }

  it('prints totals, sparklines, the months with events, sectors, people, first and last', () => {
    expect(formatDyadSummary(summary, 100).split('\n')).toEqual([
      'IRN–VEN: 3 events (5 mentions in 2 articles), 2023-01-05 to 2023-03-09',
      '  cooperative 3 · conflictual 0 · undated 0 · planned 1 · visit 3',
      '',
      'events/month     ▅▁█  max 2 per mark',
      'Goldstein/month  ▅ █  min 1.9, max 3.8',
      '                 2023-01 … 2023-03, one mark per month',
      '',
      'month    events  q1  q2  q3  q4  Goldstein  mean  types',
      '───────  ──────  ──  ──  ──  ──  ─────────  ────  ───────',
      '2023-01       1   1   0   0   0        1.9   1.9  visit 1',
      '2023-03       2   2   0   0   0        3.8   1.9  visit 2',
      '',
      'sectors  energy 2',
      'people   Nicolás Maduro (VEN; President) 2',
      '',
      'first  2023-01-05  visit  IRNGOV → VENGOV  Caracas  1 article',
      '       “Iran’s minister arrived in Caracas.”',
      'last   2023-03-09  visit  IRNGOV → VENGOV  2 articles',
      '       “He flew to Caracas.”',
    ])
  })
})
