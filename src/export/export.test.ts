import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  INGESTED_AT,
  makeEventDoc,
  makeMeeting,
  makeMention,
  makeTempStore,
} from '../../test/helpers/event-fixtures.js'
import { parseCsv } from '../../test/helpers/parse-csv.js'
import type { EventMention } from '../doc.js'
import type { Store } from '../store/database.js'
import { saveDoc } from '../store/queries/articles.js'
import { exportEvents, type ExportOptions } from './export-events.js'
import { fipsOf } from './fips-codes.js'
import { dateColumns, eventCodes, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS } from './gdelt.js'
import { namesFromTable } from './names.js'

/** The GDELT 2.0 Events columns as ../shared/formats/README.md lists them, written out again. */
const README_EVENT_COLUMNS =
  `GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
  Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code
  Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode
  Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code
  Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode QuadClass
  GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName
  Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
  Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code
  Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type
  ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
  ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL`.split(/\s+/)

const README_MENTION_COLUMNS = `GLOBALEVENTID EventTimeDate MentionTimeDate MentionType
  MentionSourceName MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset
  ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo
  Extras`.split(/\s+/)

const names = namesFromTable(
  { IRN: 'Iran', VEN: 'Venezuela', EU: 'European Union' },
  { '042': 'Make a visit', '043': 'Host a visit', '0234': 'Appeal for humanitarian aid' },
  ['EU'],
)

/** The host of a visit: Maduro received Amir-Abdollahian. */
const hosting = (article: string, overrides: Partial<EventMention> = {}) =>
  makeMeeting(article, {
    type: 'host_visit',
    cameo: '043',
    goldstein: 2.8,
    plover: { event: 'CONSULT', mode: 'visit' },
    sectors: ['defence', 'energy'],
    ...overrides,
  })

describe('export', () => {
  let temp: Awaited<ReturnType<typeof makeTempStore>>
  let store: Store
  const run = (options: Partial<ExportOptions> & Pick<ExportOptions, 'format'>) => [
    ...exportEvents(store, { names, ...options }),
  ]

  beforeAll(async () => {
    temp = await makeTempStore()
    store = temp.store
    const docs = [
      // A visit told in the lead (sentence 1) of A and later in B: one event, two articles.
      makeEventDoc('A', [makeMention('A'), hosting('A', { sentence: 4 })], {
        outlet: 'The Meridian Post',
      }),
      makeEventDoc('B', [makeMention('B', { sentence: 6, date: '2023-02-02' })], {
        outlet: null,
        url: null,
      }),
      // A four-digit code (leading zero) from an organisation, and a planned visit.
      makeEventDoc(
        'C',
        [
          makeMention('C', {
            type: 'other',
            cameo: '0234',
            quad: 1,
            goldstein: 3.4,
            plover: { event: 'REQUEST', mode: null },
            source: { country: 'EU', sector: 'IGO', person: null, code: 'EUIGO' },
            target: { country: 'IRN', sector: null, person: null, code: 'IRN' },
            date: '2024-10-14',
            location: null,
          }),
          makeMention('C', { sentence: 3, modality: 'planned', date: '2024-12-01' }),
        ],
        { publishedOn: '2024-10-15' },
      ),
    ]
    for (const doc of docs) saveDoc(store, doc, INGESTED_AT)
  })
  afterAll(() => temp.remove())

  describe('gdelt', () => {
    const cellsOf = (line: string) => {
      const cells = line.split('\t')
      return (column: string) => cells[GDELT_EVENT_COLUMNS.indexOf(column as never)]
    }

    it('has the 61 columns of the GDELT 2.0 Events table, in order', () => {
      expect(README_EVENT_COLUMNS).toHaveLength(61)
      expect([...GDELT_EVENT_COLUMNS]).toEqual(README_EVENT_COLUMNS)
      const lines = run({ format: 'gdelt' })
      expect(lines).toHaveLength(3) // the planned visit is not exported by default
      for (const line of lines) expect(line.split('\t')).toHaveLength(61)
    })

    it('writes an event with its dates, actors, codes, counts, place and source', () => {
      const cell = cellsOf(run({ format: 'gdelt' })[0]!)
      expect(
        Object.fromEntries(
          [
            'GLOBALEVENTID',
            'SQLDATE',
            'MonthYear',
            'Year',
            'FractionDate',
            'Actor1Code',
            'Actor1Name',
            'Actor1CountryCode',
            'Actor1Type1Code',
            'Actor1Type2Code',
            'Actor2Code',
            'Actor2Name',
            'IsRootEvent',
            'EventCode',
            'EventBaseCode',
            'EventRootCode',
            'QuadClass',
            'GoldsteinScale',
            'NumMentions',
            'NumSources',
            'NumArticles',
            'Actor1Geo_Type',
            'ActionGeo_Type',
            'ActionGeo_FullName',
            'ActionGeo_CountryCode',
            'ActionGeo_Lat',
            'ActionGeo_Long',
            'DATEADDED',
            'SOURCEURL',
          ].map((c) => [c, cell(c)]),
        ),
      ).toEqual({
        GLOBALEVENTID: '1',
        SQLDATE: '20230202',
        MonthYear: '202302',
        Year: '2023',
        FractionDate: '2023.1699',
        Actor1Code: 'IRNGOVDIP',
        Actor1Name: 'HOSSEIN AMIR-ABDOLLAHIAN',
        Actor1CountryCode: 'IRN',
        Actor1Type1Code: 'GOV',
        Actor1Type2Code: 'DIP',
        Actor2Code: 'VENGOV',
        Actor2Name: 'VENEZUELA',
        IsRootEvent: '1',
        EventCode: '042',
        EventBaseCode: '042',
        EventRootCode: '04',
        QuadClass: '1',
        GoldsteinScale: '1.9',
        NumMentions: '2',
        NumSources: '2',
        NumArticles: '2',
        Actor1Geo_Type: '0',
        ActionGeo_Type: '4',
        ActionGeo_FullName: 'Caracas, Venezuela',
        ActionGeo_CountryCode: 'VE',
        ActionGeo_Lat: '10.5',
        ActionGeo_Long: '-66.92',
        DATEADDED: '20241121080000',
        SOURCEURL: 'https://example.org/A',
      })
    })

    it('keeps the leading zeros of event codes and names organisations as known groups', () => {
      const cell = cellsOf(run({ format: 'gdelt', filter: { type: ['other'] } })[0]!)
      expect([cell('EventCode'), cell('EventBaseCode'), cell('EventRootCode')]).toEqual([
        '0234',
        '023',
        '02',
      ])
      expect([
        cell('Actor1Code'),
        cell('Actor1Name'),
        cell('Actor1CountryCode'),
        cell('Actor1KnownGroupCode'),
      ]).toEqual(['EUIGO', 'EUROPEAN UNION', '', 'EU'])
      expect([cell('Actor1Type1Code'), cell('IsRootEvent'), cell('ActionGeo_Type')]).toEqual([
        'IGO',
        '1',
        '0',
      ])
    })

    it('writes the Mentions table: 16 columns, one row per event and article', () => {
      expect([...GDELT_MENTION_COLUMNS]).toEqual(README_MENTION_COLUMNS)
      const rows = run({ format: 'gdelt', mentions: true }).map((line) => line.split('\t'))
      for (const row of rows) expect(row).toHaveLength(16)
      const visit = rows.filter((r) => r[0] === '1')
      expect(visit.map((r) => r.slice(3, 7))).toEqual([
        ['1', 'The Meridian Post', 'https://example.org/A', '2'],
        ['2', 'B.txt', 'test/B.txt', '7'],
      ])
    })

    it('starts with the column names when asked', () => {
      expect(run({ format: 'gdelt', header: true })[0]).toBe(README_EVENT_COLUMNS.join('\t'))
    })

    it.each([
      ['2023-02-03', ['20230203', '202302', '2023', '2023.1726']],
      ['2024-12-31', ['20241231', '202412', '2024', '2025.0712']],
      [null, ['', '', '', '']],
    ] as const)('dateColumns(%s)', (day, expected) => {
      expect(dateColumns(day)).toEqual(expected)
    })

    it.each([
      ['042', ['042', '042', '04']],
      ['0871', ['0871', '087', '08']],
      ['163', ['163', '163', '16']],
    ] as const)('eventCodes(%s)', (code, expected) => {
      expect(eventCodes(code)).toEqual(expected)
    })

    it.each([
      ['VEN', 'VE'],
      ['IRN', 'IR'],
      ['DEU', 'GM'],
      ['GBR', 'UK'],
      ['RUS', 'RS'],
      ['BLR', 'BO'],
      ['EU', null],
    ])('fipsOf(%s) -> %s', (iso3, fips) => {
      expect(fipsOf(iso3)).toBe(fips)
    })
  })

  describe('plover', () => {
    const plover = () =>
      run({ format: 'plover' }).map((line) => JSON.parse(line) as Record<string, unknown>)

    it('writes the required fields and dyad as the coder', () => {
      for (const event of plover()) {
        expect(event).toMatchObject({
          id: expect.stringMatching(/^dyad-\d+$/),
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          actor: expect.any(String),
          event: expect.any(String),
          coder: 'dyad',
        })
      }
    })

    it('puts the visitor first in a hosted visit, with contexts from the sectors', () => {
      const hosted = plover().find((e) => e['event_text'] === 'Host a visit')
      expect(hosted).toMatchObject({
        actor: 'IRNGOVDIP',
        recipient: 'VENGOV',
        event: 'CONSULT',
        mode: 'visit',
        context: ['military', 'natural_resource'],
        quad_code: 1,
        text: 'Maduro met Amir-Abdollahian at Miraflores Palace.',
        link: 'https://example.org/A',
      })
    })

    it('writes a planned event as AGREE when planned events are asked for', () => {
      const lines = run({ format: 'plover', filter: { modality: ['planned'] } })
      expect(lines.map((l) => JSON.parse(l) as { event: string })).toMatchObject([
        { event: 'AGREE' },
      ])
    })
  })

  describe('csv and jsonl', () => {
    it('writes one CSV row per event with its articles and evidence', () => {
      const [header, ...rows] = parseCsv(run({ format: 'csv' }).join('\n'))
      expect(header?.slice(0, 6)).toEqual([
        'id',
        'date',
        'date_precision',
        'type',
        'cameo',
        'modality',
      ])
      expect(header?.slice(-5)).toEqual([
        'first_seen',
        'last_seen',
        'source_url',
        'articles',
        'evidence',
      ])
      expect(rows).toHaveLength(4) // planned events included
      for (const row of rows) expect(row).toHaveLength(header!.length)
      const visit = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]))
      expect(visit).toMatchObject({ id: '1', cameo: '042', num_articles: '2', articles: 'A;B' })
      expect(visit['evidence']).toContain('Amir-Abdollahian arrived in Caracas')
    })

    it('writes one JSON line per event with its articles and mentions', () => {
      const [visit] = run({ format: 'jsonl' }).map((l) => JSON.parse(l) as Record<string, unknown>)
      expect(visit).toMatchObject({ id: 1, type: 'visit', num_mentions: 2, articles: ['A', 'B'] })
      const mentions = visit!['mentions'] as EventMention[]
      expect(mentions.map((m) => [m.article, m.sentence, m.evidence.length > 0])).toEqual([
        ['A', 1, true],
        ['B', 6, true],
      ])
    })

    it('keeps to the dyad and dates asked for', () => {
      expect(run({ format: 'jsonl', filter: { dyad: ['IRN', 'EU'] } })).toHaveLength(1)
      expect(run({ format: 'jsonl', filter: { from: '2024-01-01' } })).toHaveLength(2)
    })
  })
})
