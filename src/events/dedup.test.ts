import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Doc, EventMention } from '../doc.js'
import type { Store } from '../store/database.js'
import { countEventMentions } from '../store/queries/event-mentions.js'
import { countEvents, queryEventMembers, queryEvents } from '../store/queries/events.js'
import {
  INGESTED_AT,
  makeEventDoc,
  makeMeeting,
  makeMention,
  makeTempStore,
  saveDocs,
} from '../../test/helpers/event-fixtures.js'
import {
  DATE_TOLERANCE_DAYS,
  UNDATED_WINDOW_DAYS,
  dayOfIso,
  dayRange,
  dedupEvents,
  dedupKey,
  isSameReport,
  isoOfDay,
  sourceKey,
  summarizeEvent,
} from './dedup.js'
import type { EventMember } from './event.js'

/** The event members dedup would see for these docs, in save order. */
function membersOf(docs: readonly Doc[]): EventMember[] {
  let id = 0
  return docs.flatMap((doc) =>
    (doc.eventMentions ?? []).map((mention) => ({
      id: ++id,
      mention,
      article: {
        publishedOn: doc.article.publishedOn,
        outlet: doc.article.outlet,
        url: doc.article.url,
        origin: doc.article.origin,
        ingestedAt: INGESTED_AT.toISOString(),
      },
    })),
  )
}

/** Two articles, A then B, one event mention each. */
const pair = (
  a: Partial<EventMention>,
  b: Partial<EventMention>,
  published: readonly [string | null, string | null] = ['2023-02-04', '2023-02-04'],
): Doc[] => [
  makeEventDoc('A', [makeMention('A', a)], { publishedOn: published[0] }),
  makeEventDoc('B', [makeMention('B', b)], { publishedOn: published[1] }),
]

const meetings = (a: Partial<EventMention>, b: Partial<EventMention>): Doc[] => [
  makeEventDoc('A', [makeMeeting('A', a)]),
  makeEventDoc('B', [makeMeeting('B', b)]),
]

const IRN_TO_VEN = { source: makeMention('x').source, target: makeMention('x').target }
const VEN_TO_IRN = { source: makeMeeting('x').source, target: makeMeeting('x').target }
/** The meeting told the other way round: "Amir-Abdollahian met Maduro". */
const IRN_MEETS_VEN = { source: VEN_TO_IRN.target, target: VEN_TO_IRN.source }
const MARACAIBO = { name: 'Maracaibo', country: 'VEN', lat: 10.65, lon: -71.64 }
const MIRAFLORES = { name: 'Miraflores Palace', country: 'VEN', lat: 10.51, lon: -66.92 }

/** [case, articles in ingest order, events expected] */
const CASES: readonly [string, () => Doc[], number][] = [
  ['the same visit in two outlets, same day', () => pair({}, {}), 1],
  ['dates a day apart ("late on Thursday" / "Friday")', () => pair({ date: '2023-02-02' }, {}), 1],
  ['same actors on dates three days apart stay apart', () => pair({ date: '2023-01-31' }, {}), 2],
  ['same actors a year apart stay apart', () => pair({ date: '2022-02-03' }, {}), 2],
  ['different places stay apart', () => pair({}, { location: MARACAIBO }), 2],
  ['a place inside the city is the same place', () => pair({}, { location: MIRAFLORES }), 1],
  ['one report without a place fits the other', () => pair({}, { location: null }), 1],
  ['a reversed symmetric pair (meet) merges', () => meetings({}, IRN_MEETS_VEN), 1],
  ['a reversed visit is another visit', () => pair({}, VEN_TO_IRN), 2],
  [
    'an unknown date merges with a known date when published the next day',
    () => pair({}, { date: null, date_precision: null }, ['2023-02-04', '2023-02-04']),
    1,
  ],
  [
    'an unknown date stays apart when its article is from months later',
    () => pair({}, { date: null, date_precision: null }, ['2023-02-04', '2023-06-01']),
    2,
  ],
  [
    'an unknown date in an undated article stays apart',
    () => pair({}, { date: null, date_precision: null }, ['2023-02-04', null]),
    2,
  ],
  [
    'two undated reports published within days merge',
    () => pair({ date: null, date_precision: null }, { date: null, date_precision: null }),
    1,
  ],
  [
    'a month merges with a day inside it',
    () => pair({ date: '2023-02-01', date_precision: 'month' }, {}),
    1,
  ],
  [
    'a month stays apart from a day outside it',
    () => pair({ date: '2023-03-01', date_precision: 'month' }, {}),
    2,
  ],
  ['planned and asserted stay apart', () => pair({ modality: 'planned' }, {}), 2],
  ['two planned reports merge', () => pair({ modality: 'planned' }, { modality: 'planned' }), 1],
  ['different types stay apart', () => pair({}, { type: 'host_visit', cameo: '043' }), 2],
  [
    'type other needs the same CAMEO code',
    () => pair({ type: 'other', cameo: '020' }, { type: 'other', cameo: '010' }),
    2,
  ],
  [
    'different counterparts stay apart',
    () => meetings({}, { target: { ...VEN_TO_IRN.target, person: 'Mohammad Eslami' } }),
    2,
  ],
  [
    'a meeting with a named counterpart is not one with an unnamed counterpart',
    () => meetings({}, { target: { ...VEN_TO_IRN.target, person: null } }),
    2,
  ],
  [
    'a visitor named in one report fits one left unnamed',
    () => pair({}, { source: { ...IRN_TO_VEN.source, person: null } }),
    1,
  ],
  [
    'a third country is another event',
    () => pair({}, { target: { country: 'NIC', sector: null, person: null, code: 'NIC' } }),
    2,
  ],
]

describe('dedup', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>
  let store: Store

  beforeEach(async () => {
    temp = await makeTempStore()
    store = temp.store
  })
  afterEach(() => temp.remove())

  it.each(CASES)('%s', (_name, makeDocs, expected) => {
    const docs = makeDocs()
    saveDocs(store, docs)
    expect(countEvents(store)).toBe(expected)
    // The in-memory dedup agrees with the store's incremental one.
    expect(dedupEvents(membersOf(docs))).toHaveLength(expected)
  })

  it('stores negated and hypothetical mentions without linking them to an event', () => {
    const docs = [
      makeEventDoc('A', [
        makeMention('A'),
        makeMention('A', { sentence: 2, modality: 'negated' }),
        makeMention('A', {
          sentence: 3,
          modality: 'hypothetical',
          type: 'sign_agreement',
          cameo: '057',
        }),
      ]),
    ]
    saveDocs(store, docs)
    expect(countEventMentions(store)).toBe(3)
    expect(countEvents(store)).toBe(1)
    expect(queryEventMembers(store, 1).map((m) => m.mention.modality)).toEqual(['asserted'])
    expect(dedupEvents(membersOf(docs))).toHaveLength(1)
  })

  it('counts mentions, articles and distinct outlets of one event', () => {
    saveDocs(store, [
      makeEventDoc(
        'A',
        [makeMention('A'), makeMention('A', { sentence: 4, date: null, date_precision: null })],
        {
          outlet: 'The Meridian Post',
        },
      ),
      makeEventDoc('B', [makeMention('B', { date: '2023-02-02' })], {
        outlet: 'the meridian post ',
      }),
      makeEventDoc('C', [makeMention('C')], {
        outlet: null,
        url: 'https://www.northgate.example/x',
      }),
      makeEventDoc('D', [makeMention('D')], { outlet: null, url: null }),
    ])
    const [event, ...others] = queryEvents(store)
    expect(others).toEqual([])
    expect(event).toMatchObject({ num_mentions: 5, num_articles: 4, num_sources: 3 })
  })

  describe('within one article', () => {
    it('merges the headline, the lead and a later undated mention of one visit', () => {
      const mentions = [
        makeMention('A', { sentence: 0 }),
        makeMention('A', { sentence: 2, location: null }),
        makeMention('A', { sentence: 5, date: null, date_precision: null }),
      ]
      saveDocs(store, [makeEventDoc('A', mentions)])
      expect(queryEvents(store).map((e) => e.num_mentions)).toEqual([3])
    })

    it('keeps two statements in different sentences apart, as eval does', () => {
      const intent = {
        type: 'intent_cooperate',
        cameo: '030',
        plover: { event: 'AGREE', mode: null },
      } as const
      const mentions = [
        makeMention('A', { ...intent, sentence: 1 }),
        makeMention('A', { ...intent, sentence: 4 }),
      ]
      saveDocs(store, [makeEventDoc('A', mentions)])
      expect(countEvents(store)).toBe(2)
    })

    it('keeps meetings on two days apart even within the tolerance', () => {
      const mentions = [makeMeeting('A'), makeMeeting('A', { sentence: 3, date: '2023-02-02' })]
      saveDocs(store, [makeEventDoc('A', mentions)])
      expect(countEvents(store)).toBe(2)
    })

    it('makes one visit of a trip told over days ("arrived Thursday", "on Friday")', () => {
      const mentions = [makeMention('A', { date: '2023-02-02' }), makeMention('A', { sentence: 3 })]
      saveDocs(store, [makeEventDoc('A', mentions)])
      expect(countEvents(store)).toBe(1)
    })
  })

  it('joins the event every report fits, so an event never drifts day by day', () => {
    // 02-02 and 02-03 merge; 02-04 fits 02-03 but not 02-02: a new event.
    saveDocs(store, [
      makeEventDoc('A', [makeMention('A', { date: '2023-02-02' })]),
      makeEventDoc('B', [makeMention('B', { date: '2023-02-03' })]),
      makeEventDoc('C', [makeMention('C', { date: '2023-02-04' })], { publishedOn: '2023-02-05' }),
    ])
    expect(queryEvents(store).map((e) => e.num_articles)).toEqual([2, 1])
  })

  it('gives the same events for the same input order, ids included', async () => {
    const docs = () => [
      ...pair({ date: '2023-02-02' }, {}),
      makeEventDoc('C', [makeMeeting('C'), makeMention('C', { sentence: 2, modality: 'planned' })]),
      makeEventDoc('D', [makeMeeting('D', IRN_MEETS_VEN)]),
    ]
    saveDocs(store, docs())
    const other = await makeTempStore()
    try {
      saveDocs(other.store, docs())
      expect(queryEvents(other.store)).toEqual(queryEvents(store))
      expect(queryEvents(store).map((e) => e.id)).toEqual([1, 2, 3])
    } finally {
      other.remove()
    }
  })
})

describe('isSameReport', () => {
  const member = (
    id: number,
    mention: EventMention,
    publishedOn: string | null = '2023-02-04',
  ): EventMember => ({
    id,
    mention,
    article: {
      publishedOn,
      outlet: null,
      url: null,
      origin: 'x',
      ingestedAt: INGESTED_AT.toISOString(),
    },
  })

  it.each([
    [`${DATE_TOLERANCE_DAYS} day apart`, '2023-02-02', true],
    [`${DATE_TOLERANCE_DAYS + 1} days apart`, '2023-02-01', false],
  ])('dates %s -> %s', (_name, date, expected) => {
    const a = member(1, makeMention('A'))
    const b = member(2, makeMention('B', { date }))
    expect(isSameReport(a, b)).toBe(expected)
  })

  it(`takes an undated report published up to ${UNDATED_WINDOW_DAYS} days after the event`, () => {
    const undated = { date: null, date_precision: null }
    const a = member(1, makeMention('A'))
    const inWindow = member(2, makeMention('B', undated), '2023-02-10')
    const late = member(3, makeMention('C', undated), '2023-02-11')
    expect([isSameReport(a, inWindow), isSameReport(a, late)]).toEqual([true, false])
  })
})

describe('summarizeEvent', () => {
  const member = (id: number, mention: EventMention): EventMember => ({
    id,
    mention,
    article: {
      publishedOn: mention.article === 'A' ? '2023-02-04' : '2023-02-03',
      outlet: null,
      url: mention.article === 'A' ? 'https://example.org/a' : null,
      origin: `test/${mention.article}.txt`,
      ingestedAt: `2024-11-2${id}T00:00:00.000Z`,
    },
  })

  it('keeps the direction of the first report and the best facts of all', () => {
    const facts = summarizeEvent([
      member(
        1,
        makeMeeting('A', { date: '2023-02-01', date_precision: 'month', sectors: ['energy'] }),
      ),
      member(
        2,
        makeMeeting('B', { ...IRN_TO_VEN, date: '2023-02-03', sectors: ['defence', 'energy'] }),
      ),
      member(
        3,
        makeMeeting('A', {
          sentence: 5,
          target: { ...VEN_TO_IRN.target, code: 'IRN' },
          date: null,
        }),
      ),
    ])
    expect(facts).toMatchObject({
      type: 'meet',
      source: { country: 'VEN', person: 'Nicolás Maduro', code: 'VENGOV' },
      target: { country: 'IRN', person: 'Hossein Amir-Abdollahian', code: 'IRNGOVDIP' },
      date: '2023-02-03',
      date_precision: 'day',
      sectors: ['defence', 'energy'],
      num_mentions: 3,
      num_articles: 2,
      num_sources: 2,
      first_seen: '2023-02-03',
      last_seen: '2023-02-04',
      // B was published first; it has no URL, so its path stands in.
      first_article: 'B',
      source_url: 'test/B.txt',
      added_at: '2024-11-21T00:00:00.000Z',
    })
  })

  it('picks the most reported day, and the earliest on a tie', () => {
    const days = (...dates: string[]) =>
      summarizeEvent(dates.map((date, i) => member(i + 1, makeMention(`X${i}`, { date })))).date
    expect(days('2023-02-03', '2023-02-02')).toBe('2023-02-02')
    expect(days('2023-02-03', '2023-02-02', '2023-02-03')).toBe('2023-02-03')
  })
})

describe('helpers', () => {
  it.each([
    ['a visit', makeMention('A'), 'visit|asserted|IRN-VEN'],
    [
      'a planned meeting VEN->IRN',
      makeMeeting('A', { modality: 'planned' }),
      'meet|planned|IRN-VEN',
    ],
    ['type other', makeMention('A', { type: 'other', cameo: '010' }), 'other:010|asserted|IRN-VEN'],
    ['no target', makeMention('A', { target: null }), 'visit|asserted|IRN-'],
  ])('dedupKey of %s -> %s', (_name, mention, expected) => {
    expect(dedupKey(mention)).toBe(expected)
  })

  it.each([
    [{ date: '2024-02-01', date_precision: 'month' }, 29],
    [{ date: '2023-01-01', date_precision: 'year' }, 365],
    [{ date: '2023-02-03', date_precision: 'day' }, 1],
  ] as const)('dayRange of %j spans %i days', (date, days) => {
    const range = dayRange(date)!
    expect(range[1] - range[0] + 1).toBe(days)
  })

  it.each([
    ['1970-01-01', 0],
    ['1600-02-29', -135_081],
    ['1900-03-01', -25_508],
    ['2000-02-29', 11_016],
    ['2100-02-28', 47_540],
    ['9999-12-31', 2_932_896],
  ])('isoOfDay and dayOfIso turn %s <-> day %i', (iso, day) => {
    expect(dayOfIso(iso)).toBe(day)
    expect(isoOfDay(day)).toBe(iso)
  })

  it("isoOfDay gives Date's day for every day of years 1000 to 3000", () => {
    const wrong: number[] = []
    for (let day = dayOfIso('1000-01-01'); day <= dayOfIso('3000-12-31'); day++) {
      if (isoOfDay(day) !== new Date(day * 86_400_000).toISOString().slice(0, 10)) wrong.push(day)
    }
    expect(wrong).toEqual([])
  })

  it.each([
    [{ outlet: 'The Meridian Post', url: null }, 'the meridian post'],
    [{ outlet: null, url: 'https://www.northgate.example/a' }, 'northgate.example'],
    [{ outlet: null, url: null }, 'article:A'],
  ])('sourceKey(%j) -> %s', (facts, expected) => {
    expect(sourceKey('A', facts)).toBe(expected)
  })
})
