import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, Doc, EventMention } from '../doc.js'
import { addAlert } from '../monitor/alerts.js'
import { loadResources } from '../resources.js'
import { closeStore, openStore, type Store } from '../store/database.js'
import { migrateStore } from '../store/migrate.js'
import { saveDoc } from '../store/queries/articles.js'
import { createApp } from './app.js'
import { OPERATIONS } from './openapi.js'
import type {
  Actors,
  ApiError,
  ArticleDetail,
  ArticleSaved,
  EventDetail,
  EventRow,
  Network,
  Page,
  SearchResult,
  Summary,
} from './types.js'
import { loadWebAssets } from './web-assets.js'

// A small store made by hand, so every count below can be checked by eye.
//   a-caracas (2024-11-21): IRN->VEN visit 11-20, VEN->IRN host_visit 11-20, IRN->VEN planned visit
//   b-warning (2024-12-03): RUS->VEN threaten 12-02, IRN->VEN negated sign_agreement 12-02
//   c-minsk   (2025-03-12): IRN->BLR visit 03-12, BLR->IRN meet (undated)
const CARACAS = [
  'Iranian defence minister arrives in Caracas',
  'Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday.',
  'President Nicolás Maduro received him at the Miraflores palace.',
  'Officials said an Iranian naval squadron would visit La Guaira [next year].',
].join('\n\n')
const WARNING = [
  'Moscow warns Caracas',
  'Russia warned Venezuela on Monday.',
  'Iran and Venezuela did not sign the accord.',
].join('\n\n')
const MINSK = [
  'Nasirzadeh in Minsk',
  'Nasirzadeh arrived in Minsk on Wednesday.',
  'Belarusian officials met him.',
].join('\n\n')

function article(id: string, text: string, publishedOn: string): Article {
  return {
    id,
    title: text.split('\n\n')[0] ?? null,
    text,
    publishedOn,
    publishedBasis: 'dateline',
    url: `https://example.org/${id}`,
    outlet: 'Example News',
    language: 'en',
    origin: `${id}.txt`,
    contentHash: createHash('sha256').update(text).digest('hex'),
  }
}

const actor = (country: string, person: string | null = null, role?: string) => ({
  country,
  sector: 'GOV',
  person,
  ...(role !== undefined ? { role } : {}),
  code: `${country}GOV`,
})

/** An event mention whose span and evidence are the `sentence`-th paragraph of `text`. */
function mention(
  articleId: string,
  text: string,
  sentence: number,
  fields: Partial<EventMention> & Pick<EventMention, 'source' | 'type' | 'cameo'>,
): EventMention {
  const evidence = text.split('\n\n')[sentence] ?? ''
  const start = text.indexOf(evidence)
  return {
    article: articleId,
    sentence,
    span: [start, start + evidence.length],
    evidence,
    target: null,
    quad: 1,
    goldstein: 1.9,
    plover: { event: 'CONSULT', mode: null },
    modality: 'asserted',
    date: null,
    date_precision: null,
    location: null,
    sectors: [],
    rule: 'test/rule',
    why: `test: ${fields.type}`,
    confidence: 0.8,
    ...fields,
  }
}

const DOCS: Doc[] = [
  {
    article: article('a-caracas', CARACAS, '2024-11-21'),
    eventMentions: [
      mention('a-caracas', CARACAS, 1, {
        source: actor('IRN', 'Aziz Nasirzadeh', 'Minister of Defence'),
        target: actor('VEN'),
        type: 'visit',
        cameo: '042',
        date: '2024-11-20',
        date_precision: 'day',
        location: { name: 'Caracas', country: 'VEN', lat: 10.5, lon: -66.92 },
      }),
      mention('a-caracas', CARACAS, 2, {
        source: actor('VEN', 'Nicolás Maduro', 'President'),
        target: actor('IRN'),
        type: 'host_visit',
        cameo: '043',
        goldstein: 2.8,
        date: '2024-11-20',
        date_precision: 'day',
      }),
      mention('a-caracas', CARACAS, 3, {
        source: actor('IRN'),
        target: actor('VEN'),
        type: 'visit',
        cameo: '042',
        modality: 'planned',
        date: '2025-01-01',
        date_precision: 'year',
      }),
    ],
    problems: [{ stage: 'resolve-dates', code: 'no-date', message: '"next year" has no day' }],
  },
  {
    article: article('b-warning', WARNING, '2024-12-03'),
    eventMentions: [
      mention('b-warning', WARNING, 1, {
        source: actor('RUS'),
        target: actor('VEN'),
        type: 'threaten',
        cameo: '130',
        quad: 3,
        goldstein: -4.4,
        date: '2024-12-02',
        date_precision: 'day',
      }),
      mention('b-warning', WARNING, 2, {
        source: actor('IRN'),
        target: actor('VEN'),
        type: 'sign_agreement',
        cameo: '057',
        modality: 'negated',
        date: '2024-12-02',
        date_precision: 'day',
      }),
    ],
    problems: [],
  },
  {
    article: article('c-minsk', MINSK, '2025-03-12'),
    eventMentions: [
      mention('c-minsk', MINSK, 1, {
        source: actor('IRN', 'Aziz Nasirzadeh', 'Minister of Defence'),
        target: actor('BLR'),
        type: 'visit',
        cameo: '042',
        date: '2025-03-12',
        date_precision: 'day',
      }),
      mention('c-minsk', MINSK, 2, {
        source: actor('BLR'),
        target: actor('IRN'),
        type: 'meet',
        cameo: '040',
        goldstein: 1,
      }),
    ],
    problems: [],
  },
]

const TOKEN = 'test-token-5b1e'

let dir: string
let store: Store
let app: Hono
const logged: unknown[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-api-'))
  store = openStore(join(dir, 'dyad.db'))
  await migrateStore(store)
  for (const doc of DOCS) saveDoc(store, doc)
  app = createApp({ store, token: TOKEN, log: (error) => logged.push(error) })
})

afterAll(() => {
  closeStore(store)
  rmSync(dir, { recursive: true, force: true })
})

/** GET a path and parse the JSON answer. */
async function get<T>(path: string, on: Hono = app): Promise<{ status: number; body: T }> {
  const response = await on.request(path)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  return { status: response.status, body: (await response.json()) as T }
}

const keysOf = (page: Page<EventRow>) =>
  page.items.map((row) => `${row.article.id}/${row.mention.sentence}`)

describe('GET /api/events', () => {
  it.each([
    [
      'no filter: asserted and planned, by date, undated last',
      '',
      ['a-caracas/1', 'a-caracas/2', 'b-warning/1', 'a-caracas/3', 'c-minsk/1', 'c-minsk/2'],
    ],
    [
      'modality=all: a negated mention makes no event',
      '?modality=all',
      ['a-caracas/1', 'a-caracas/2', 'b-warning/1', 'a-caracas/3', 'c-minsk/1', 'c-minsk/2'],
    ],
    ['modality=negated', '?modality=negated', []],
    ['dyad, either direction', '?dyad=VEN-IRN', ['a-caracas/1', 'a-caracas/2', 'a-caracas/3']],
    ['dyad in lower case', '?dyad=irn-ven', ['a-caracas/1', 'a-caracas/2', 'a-caracas/3']],
    ['country as source or target', '?country=BLR', ['c-minsk/1', 'c-minsk/2']],
    ['type list', '?type=threaten,meet', ['b-warning/1', 'c-minsk/2']],
    [
      'from and to, inclusive; undated left out',
      '?from=2024-11-20&to=2024-12-02',
      ['a-caracas/1', 'a-caracas/2', 'b-warning/1'],
    ],
    ['q in the evidence', '?q=warned', ['b-warning/1']],
    ['q names a person', '?q=nasirzadeh', ['a-caracas/1', 'c-minsk/1']],
    ['q with LIKE wildcards is literal', '?q=%25', []],
  ])('%s', async (_name, query, expected) => {
    const { status, body } = await get<Page<EventRow>>(`/api/events${query}`)
    expect(status).toBe(200)
    expect(keysOf(body)).toEqual(expected)
    expect(body.total).toBe(expected.length)
  })

  it('answers rows with an id, the event, its first report and its article', async () => {
    const { body } = await get<Page<EventRow>>('/api/events?dyad=IRN-VEN&limit=1')
    const [row] = body.items
    expect(row).toMatchObject({
      id: expect.stringMatching(/^e\d+$/),
      kind: 'event',
      mention: DOCS[0]?.eventMentions?.[0],
      num_mentions: 1,
      num_articles: 1,
      num_sources: 1,
      article: {
        id: 'a-caracas',
        title: 'Iranian defence minister arrives in Caracas',
        outlet: 'Example News',
        url: 'https://example.org/a-caracas',
        publishedOn: '2024-11-21',
      },
    })
  })

  it('pages with limit and offset, and counts every match in total', async () => {
    const all = await get<Page<EventRow>>('/api/events?modality=all')
    const page = await get<Page<EventRow>>('/api/events?modality=all&limit=2&offset=3')
    expect(page.body).toMatchObject({ total: 6, limit: 2, offset: 3 })
    expect(page.body.items).toEqual(all.body.items.slice(3, 5))
    const past = await get<Page<EventRow>>('/api/events?offset=100')
    expect(past.body).toMatchObject({ total: 6, items: [] })
    expect((await get<Page<EventRow>>('/api/events')).body).toMatchObject({ limit: 50, offset: 0 })
  })

  it.each([
    ['from', '?from=2024-13-01', /from must be a day like 2024-11-20 \(got "2024-13-01"\)/],
    ['to', '?to=yesterday', /to must be a day like 2024-11-20/],
    ['limit', '?limit=0', /limit must be a whole number from 1 to 500/],
    ['limit', '?limit=501', /limit must be a whole number from 1 to 500/],
    ['limit', '?limit=ten', /limit must be a whole number from 1 to 500/],
    ['offset', '?offset=-1', /offset must be a whole number, 0 or more/],
    ['dyad', '?dyad=IRN', /dyad must be two country codes joined by a hyphen, like IRN-VEN/],
    ['country', '?country=I%20R', /country must be a country code like IRN/],
    ['type', '?type=visit,party', /"party" is not one/],
    ['modality', '?modality=rumoured', /modality must be a comma-separated list of asserted/],
    ['colour', '?colour=red', /unknown query parameter "colour"; known: dyad, country/],
  ])('answers 400 naming "%s" for %s', async (parameter, query, message) => {
    const { status, body } = await get<ApiError>(`/api/events${query}`)
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'E_BAD_PARAMETER', parameter })
    expect(body.error.message).toMatch(message)
  })
})

describe('GET /api/events/:id', () => {
  it('answers the event with its source article and the evidence span in its text', async () => {
    const list = await get<Page<EventRow>>('/api/events?q=warned')
    const id = list.body.items[0]?.id ?? ''
    const { status, body } = await get<EventDetail>(`/api/events/${id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id, kind: 'event', mention: { type: 'threaten' } })
    expect(body).toMatchObject({ num_mentions: 1, num_articles: 1, num_sources: 1 })
    expect(body.sources).toHaveLength(1)
    const [source] = body.sources
    expect(source?.article).toMatchObject({
      id: 'b-warning',
      text: WARNING,
      title: 'Moscow warns Caracas',
    })
    expect(source?.mentions).toHaveLength(1)
    const [report] = source?.mentions ?? []
    expect(report?.id).toMatch(/^m\d+$/)
    const [start, end] = report?.span ?? [0, 0]
    expect(source?.article.text.slice(start, end)).toBe('Russia warned Venezuela on Monday.')
    expect(report?.mention).toMatchObject({ why: 'test: threaten', rule: 'test/rule' })
  })

  it.each([
    ['e999999', 404, 'E_NOT_FOUND', /^no event e999999\./],
    ['m1', 404, 'E_NOT_FOUND', /no event m1: ids like m12 named event mentions/],
    ['12', 400, 'E_BAD_PARAMETER', /id must be an event id like e3/],
    ['e0', 400, 'E_BAD_PARAMETER', /id must be an event id like e3/],
  ])('answers %s with %i', async (id, status, code, message) => {
    const answer = await get<ApiError>(`/api/events/${id}`)
    expect(answer.status).toBe(status)
    expect(answer.body.error.code).toBe(code)
    expect(answer.body.error.message).toMatch(message)
  })
})

describe('an event reported by two articles', () => {
  const ECHO = [
    'Nasirzadeh visits Venezuela',
    'Iran’s defence minister Aziz Nasirzadeh visited Venezuela on Wednesday.',
  ].join('\n\n')
  let echoStore: Store
  let echoApp: Hono

  beforeAll(async () => {
    echoStore = openStore(join(dir, 'echo.db'))
    await migrateStore(echoStore)
    saveDoc(echoStore, DOCS[0]!)
    saveDoc(echoStore, {
      article: { ...article('d-echo', ECHO, '2024-11-22'), outlet: 'Other Wire' },
      eventMentions: [
        mention('d-echo', ECHO, 1, {
          source: actor('IRN', 'Aziz Nasirzadeh', 'Minister of Defence'),
          target: actor('VEN'),
          type: 'visit',
          cameo: '042',
          date: '2024-11-20',
          date_precision: 'day',
        }),
      ],
      problems: [],
    })
    echoApp = createApp({ store: echoStore })
  })
  afterAll(() => closeStore(echoStore))

  it('lists it once, counting its reports, and serves one source per article', async () => {
    const list = await get<Page<EventRow>>('/api/events?type=visit&modality=asserted', echoApp)
    expect(list.body.total).toBe(1)
    const [row] = list.body.items
    expect(row).toMatchObject({
      kind: 'event',
      article: { id: 'a-caracas' },
      num_mentions: 2,
      num_articles: 2,
      num_sources: 2,
    })
    const { body } = await get<EventDetail>(`/api/events/${row?.id ?? ''}`, echoApp)
    expect(body.sources.map((source) => [source.article.id, source.article.outlet])).toEqual([
      ['a-caracas', 'Example News'],
      ['d-echo', 'Other Wire'],
    ])
    for (const source of body.sources) {
      const [report] = source.mentions
      expect(source.article.text.slice(...(report?.span ?? [0, 0]))).toBe(report?.mention.evidence)
    }
    const summary = await get<Summary>('/api/dyads/IRN/VEN/summary', echoApp)
    expect(summary.body.total).toBe(3)
    const network = await get<Network>('/api/network', echoApp)
    expect(network.body.edges).toMatchObject([{ a: 'IRN', b: 'VEN', total: 3 }])
  })
})

describe('GET /api/dyads/:a/:b/summary', () => {
  it('counts events per month by type, empty months included, with Goldstein', async () => {
    const { status, body } = await get<Summary>('/api/dyads/IRN/VEN/summary')
    expect(status).toBe(200)
    expect(body).toEqual({
      countries: ['IRN', 'VEN'],
      total: 3,
      undated: 0,
      types: ['visit', 'host_visit'],
      months: [
        {
          month: '2024-11',
          total: 2,
          byType: { visit: 1, host_visit: 1 },
          goldsteinMean: 2.35,
          goldsteinSum: 4.7,
        },
        { month: '2024-12', total: 0, byType: {}, goldsteinMean: null, goldsteinSum: 0 },
        { month: '2025-01', total: 1, byType: { visit: 1 }, goldsteinMean: 1.9, goldsteinSum: 1.9 },
      ],
    })
  })

  it('gives the same months in either order, and takes the filters', async () => {
    const forward = await get<Summary>('/api/dyads/IRN/VEN/summary')
    const backward = await get<Summary>('/api/dyads/ven/irn/summary')
    expect(backward.body.months).toEqual(forward.body.months)
    // A negated mention makes no event, so there is nothing to count.
    const negated = await get<Summary>('/api/dyads/IRN/VEN/summary?modality=negated')
    expect(negated.body).toMatchObject({ total: 0, types: [] })
    const visits = await get<Summary>('/api/dyads/IRN/VEN/summary?type=visit&modality=asserted')
    expect(visits.body).toMatchObject({ total: 1, types: ['visit'] })
  })

  it('counts an event the text gives no day in the month of its report', async () => {
    const { body } = await get<Summary>('/api/dyads/IRN/BLR/summary')
    expect(body).toMatchObject({ total: 2, undated: 0, months: [{ month: '2025-03', total: 2 }] })
  })

  it('names a bad country code', async () => {
    const { status, body } = await get<ApiError>('/api/dyads/IRN/V%20N/summary')
    expect(status).toBe(400)
    expect(body.error).toMatchObject({
      parameter: 'b',
      message: expect.stringMatching(/b must be a country code/),
    })
  })

  it('answers an empty summary for a dyad without events', async () => {
    const { body } = await get<Summary>('/api/dyads/FRA/DEU/summary')
    expect(body).toEqual({ countries: ['FRA', 'DEU'], total: 0, undated: 0, types: [], months: [] })
  })
})

describe('GET /api/countries/:code/summary', () => {
  it("counts one country's events as source or target", async () => {
    const { body } = await get<Summary>('/api/countries/VEN/summary')
    expect(body.countries).toEqual(['VEN'])
    expect(body.total).toBe(4)
    expect(body.types).toEqual(['visit', 'host_visit', 'threaten'])
  })
})

describe('GET /api/network', () => {
  it('gives countries and undirected edges, cooperative and conflictual apart', async () => {
    const { status, body } = await get<Network>('/api/network')
    expect(status).toBe(200)
    expect(body.edges).toEqual([
      { a: 'IRN', b: 'VEN', total: 3, cooperative: 3, conflictual: 0, goldsteinMean: 2.2 },
      { a: 'BLR', b: 'IRN', total: 2, cooperative: 2, conflictual: 0, goldsteinMean: 1.45 },
      { a: 'RUS', b: 'VEN', total: 1, cooperative: 0, conflictual: 1, goldsteinMean: -4.4 },
    ])
    expect(body.nodes.map((node) => [node.code, node.events])).toEqual([
      ['IRN', 5],
      ['VEN', 4],
      ['BLR', 2],
      ['RUS', 1],
    ])
    expect(body.nodes[1]).toMatchObject({ code: 'VEN', name: 'Venezuela', numeric: '862' })
  })

  it('takes the date filters', async () => {
    const { body } = await get<Network>('/api/network?from=2025-01-01')
    expect(body.edges.map((edge) => `${edge.a}-${edge.b}`)).toEqual(['BLR-IRN', 'IRN-VEN'])
  })
})

describe('GET /api/actors', () => {
  it('lists countries with names and people with their roles, busiest first', async () => {
    const { status, body } = await get<Actors>('/api/actors')
    expect(status).toBe(200)
    expect(body.countries.map((country) => country.name)).toEqual([
      'Iran',
      'Venezuela',
      'Belarus',
      'Russia',
    ])
    expect(body.people).toEqual([
      { name: 'Aziz Nasirzadeh', country: 'IRN', roles: ['Minister of Defence'], events: 2 },
      { name: 'Nicolás Maduro', country: 'VEN', roles: ['President'], events: 1 },
    ])
  })
})

describe('GET /api/search', () => {
  it('finds a phrase and cuts the snippet into plain and matching pieces', async () => {
    const { status, body } = await get<SearchResult>('/api/search?q=%22naval%20squadron%22')
    expect(status).toBe(200)
    expect(body.hits.map((hit) => hit.id)).toEqual(['a-caracas'])
    const [hit] = body.hits
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual([
      'naval squadron',
    ])
    // Brackets in the text stay plain text: they are not markers.
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('La Guaira [next year].')
    expect(hit).toMatchObject({
      title: 'Iranian defence minister arrives in Caracas',
      publishedOn: '2024-11-21',
    })
  })

  it('folds accents and answers no hits as an empty list', async () => {
    expect((await get<SearchResult>('/api/search?q=Nicolas')).body.hits).toHaveLength(1)
    expect((await get<SearchResult>('/api/search?q=submarine')).body).toEqual({
      q: 'submarine',
      hits: [],
    })
  })

  it.each([
    ['', /q is required/],
    ['?q=%20%20', /q is required/],
    [`?q=${'a'.repeat(201)}`, /q must be at most 200 characters/],
  ])('answers 400 naming q for "%s"', async (query, message) => {
    const { status, body } = await get<ApiError>(`/api/search${query}`)
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ parameter: 'q', message: expect.stringMatching(message) })
  })
})

describe('GET /api/articles/:id', () => {
  it('answers the text, every event mention with its span, and the problems', async () => {
    const { status, body } = await get<ArticleDetail>('/api/articles/b-warning')
    expect(status).toBe(200)
    expect(body.article).toMatchObject({
      id: 'b-warning',
      text: WARNING,
      publishedOn: '2024-12-03',
    })
    expect(body.article).not.toHaveProperty('contentHash')
    expect(body.events.map((row) => row.mention.modality)).toEqual(['asserted', 'negated'])
    // The asserted mention reports an event; the negated one makes none.
    expect(body.events.map((row) => row.event)).toEqual([expect.stringMatching(/^e\d+$/), null])
    expect(body.events.map((row) => row.id)).toEqual([
      expect.stringMatching(/^m\d+$/),
      expect.stringMatching(/^m\d+$/),
    ])
    for (const row of body.events) {
      expect(WARNING.slice(...row.mention.span)).toBe(row.mention.evidence)
    }
    const caracas = await get<ArticleDetail>('/api/articles/a-caracas')
    expect(caracas.body.problems).toEqual(DOCS[0]?.problems)
  })

  it('answers 404 for an unknown article', async () => {
    const { status, body } = await get<ApiError>('/api/articles/no-such-article')
    expect(status).toBe(404)
    expect(body.error).toMatchObject({
      code: 'E_NOT_FOUND',
      message: expect.stringContaining('no article "no-such-article"'),
    })
  })
})

describe('POST /api/articles', () => {
  const ARTICLE = {
    title: 'Iranian minister in Caracas',
    text: 'Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday for talks with President Nicolas Maduro.',
    published: '2024-11-21',
    url: 'https://example.org/posted',
    outlet: 'Posted News',
  }
  const post = (body: unknown, headers: Record<string, string> = {}, on: Hono = app) =>
    on.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

  it('answers 503 when the server has no token', async () => {
    const closed = createApp({ store })
    const response = await post(ARTICLE, bearer(TOKEN), closed)
    expect(response.status).toBe(503)
    expect(((await response.json()) as ApiError).error).toMatchObject({
      code: 'E_TOKEN_UNSET',
      message: expect.stringMatching(/DYAD_TOKEN/),
    })
  })

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', bearer('test-token-5b1f')],
    ['a token prefix', bearer('test-token')],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }],
  ])('answers 401 for %s', async (_name, headers) => {
    const response = await post(ARTICLE, headers)
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(((await response.json()) as ApiError).error.code).toBe('E_UNAUTHORIZED')
  })

  it('runs the pipeline, stores the article, and answers 201; the same text again is 200', async () => {
    const response = await post({ ...ARTICLE, id: 'posted-1' }, bearer(TOKEN))
    expect(response.status).toBe(201)
    const saved = (await response.json()) as ArticleSaved
    expect(saved).toMatchObject({ id: 'posted-1', stored: true })
    expect(saved.eventMentions).toBeGreaterThan(0)

    const { body } = await get<ArticleDetail>('/api/articles/posted-1')
    expect(body.article).toMatchObject({
      title: ARTICLE.title,
      outlet: 'Posted News',
      publishedOn: '2024-11-21',
      origin: 'POST /api/articles',
    })
    expect(body.events.map((row) => row.mention.type)).toContain('visit')
    expect(body.events[0]?.mention.date).toBe('2024-11-20')

    const again = await post({ ...ARTICLE, id: 'posted-1' }, bearer(TOKEN))
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ stored: false, reason: 'duplicate' })
  }, 60_000)

  it('fires the alerts its events match, as `dyad ingest` does, once per event', async () => {
    const alertDir = mkdtempSync(join(tmpdir(), 'dyad-api-alerts-'))
    const alerted = openStore(join(alertDir, 'dyad.db'))
    await migrateStore(alerted)
    const file = join(alertDir, 'alerts.jsonl')
    const watch = { types: null, modalities: null, minSources: 1, onNewSource: false }
    addAlert(alerted, { pair: 'IRN-VEN', ...watch, jsonlPath: file, webhookUrl: null })
    const on = createApp({ store: alerted, token: TOKEN })
    try {
      const first = (await (await post(ARTICLE, bearer(TOKEN), on)).json()) as ArticleSaved
      expect(first.alertsFired).toBeGreaterThan(0)
      // Told after the answer: wait for the alert's file to have every line.
      const lines = async (): Promise<Record<string, unknown>[]> => {
        for (let tries = 0; tries < 50; tries++) {
          const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
          const found = text.split('\n').filter((line) => line !== '')
          if (found.length >= first.alertsFired) return found.map((line) => JSON.parse(line))
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        throw new Error(`the alert file never got ${first.alertsFired} lines`)
      }
      const told = await lines()
      expect(told).toHaveLength(first.alertsFired)
      expect(told[0]).toMatchObject({ dyad: 'IRN-VEN', why: 'new event' })
      // Another outlet's report of the same visit adds a source to the event: no second firing.
      const other = {
        ...ARTICLE,
        text: ARTICLE.text.replace('for talks', 'for two days of talks'),
        url: 'https://example.org/other-outlet',
      }
      const second = (await (await post(other, bearer(TOKEN), on)).json()) as ArticleSaved
      expect(second).toMatchObject({ stored: true, alertsFired: 0 })
    } finally {
      closeStore(alerted)
      rmSync(alertDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('makes an id from the text when none is given', async () => {
    const text = 'Russia warned Belarus on Tuesday about the new base.'
    const response = await post({ title: null, text, published: '2024-06-05' }, bearer(TOKEN))
    expect(response.status).toBe(201)
    const saved = (await response.json()) as ArticleSaved
    expect(saved.id).toMatch(/^api_[0-9a-f]{16}$/)
    expect((await get<ArticleDetail>(`/api/articles/${saved.id}`)).body.article.text).toBe(text)
  }, 60_000)

  it('records the ingest checks as problems, like `dyad ingest`', async () => {
    const text = 'Russia warned Belarus on Tuesday about the new airfield.'
    const response = await post({ text, published: '2999-01-01' }, bearer(TOKEN))
    expect(response.status).toBe(201)
    const saved = (await response.json()) as ArticleSaved
    expect(saved.problems.map((problem) => problem.code)).toContain('W_FUTURE_DATE')
    const { body } = await get<ArticleDetail>(`/api/articles/${saved.id}`)
    expect(body.problems.map((problem) => problem.code)).toContain('W_FUTURE_DATE')
  }, 60_000)

  it.each([
    ['the body', 'not json', /the body is not JSON/],
    ['text', { title: 'No text' }, /text is required/],
    ['text', { text: '   ' }, /text is required/],
    [
      'published',
      { text: 'Iran and Iraq met.', published: 'last week' },
      /published must be a day like 2024-11-20/,
    ],
    ['title', { text: 'Iran and Iraq met.', title: 7 }, /title must be a string or null/],
    ['id', { text: 'Iran and Iraq met.', id: '../etc' }, /id must be 1-200 letters/],
    ['html', { text: 'Iran and Iraq met.', html: '<p>' }, /unknown body field "html"/],
  ])('answers 400 naming %s', async (parameter, body, message) => {
    const response = await post(body, bearer(TOKEN))
    expect(response.status).toBe(400)
    const error = ((await response.json()) as ApiError).error
    expect(error.parameter).toBe(parameter === 'the body' ? 'body' : parameter)
    expect(error.message).toMatch(message)
  })

  it('answers 413 for a body over the limit, with or without Content-Length', async () => {
    const text = 'x'.repeat(2 * 1024 * 1024 + 1)
    const response = await post({ text }, bearer(TOKEN))
    expect(response.status).toBe(413)
    expect(((await response.json()) as ApiError).error.code).toBe('E_TOO_LARGE')

    const small = createApp({ store, token: TOKEN, maxBodyBytes: 100 })
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++)
          controller.enqueue(new TextEncoder().encode('{"text":"0123456789"}'))
        controller.close()
      },
    })
    const streamed = await small.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(TOKEN) },
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
  })
})

describe('errors and documents', () => {
  it('answers unknown routes with a JSON 404', async () => {
    const { status, body } = await get<ApiError>('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error).toMatchObject({
      code: 'E_NOT_FOUND',
      message: expect.stringContaining('GET /api/nothing-here'),
    })
  })

  it('answers an unexpected failure with a 500 that shows no stack, and logs it', async () => {
    const brokenDir = mkdtempSync(join(tmpdir(), 'dyad-api-broken-'))
    const broken = openStore(join(brokenDir, 'dyad.db'))
    await migrateStore(broken)
    const seen: unknown[] = []
    const brokenApp = createApp({ store: broken, log: (error) => seen.push(error) })
    closeStore(broken)
    const { status, body } = await get<ApiError>('/api/events', brokenApp)
    expect(status).toBe(500)
    expect(body.error.code).toBe('E_INTERNAL')
    expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/)
    expect(seen).toHaveLength(1)
    rmSync(brokenDir, { recursive: true, force: true })
  })

  it('sends security headers with every answer', async () => {
    const response = await app.request('/api/events')
    expect(response.headers.get('Content-Security-Policy')).toMatch(/script-src 'self'/)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('documents every route of the app in /api/openapi.json', async () => {
    const { status, body } = await get<{
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }>('/api/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toMatch(/^3\./)
    const routes = app.routes
      .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
    const documented = Object.entries(body.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    )
    expect(new Set(routes)).toEqual(new Set(documented))
    expect(OPERATIONS).toHaveLength(documented.length)
    const events = body.paths['/api/events']?.['get'] as {
      parameters: { name: string; required: boolean }[]
    }
    expect(events.parameters.map((p) => p.name)).toEqual([
      'dyad',
      'country',
      'type',
      'scope',
      'modality',
      'from',
      'to',
      'q',
      'limit',
      'offset',
    ])
    expect(events.parameters.every((p) => !p.required)).toBe(true)
    const search = body.paths['/api/search']?.['get'] as {
      parameters: { name: string; required: boolean }[]
    }
    expect(search.parameters.find((p) => p.name === 'q')?.required).toBe(true)
  })
})

describe('the page', () => {
  it('tells how to build it when it is not built', async () => {
    const { status, body } = await get<ApiError>('/')
    expect(status).toBe(404)
    expect(body.error.message).toMatch(/npm run build/)
  })

  it('serves index.html and the bundle by name only', async () => {
    const web = join(dir, 'web')
    mkdirSync(join(web, 'assets'), { recursive: true })
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>dyad</title>')
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)')
    const withPage = createApp({ store, web: loadWebAssets(web) })
    const page = await withPage.request('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('Content-Security-Policy')).toMatch(/default-src 'self'/)
    expect(await page.text()).toContain('<title>dyad</title>')
    const script = await withPage.request('/assets/app.js')
    expect(script.headers.get('content-type')).toMatch(/text\/javascript/)
    expect((await withPage.request('/assets/..%2Findex.html')).status).toBe(404)
    expect((await withPage.request('/assets/missing.js')).status).toBe(404)
  })
})

describe('resources', () => {
  it('are the installed dictionaries unless given', async () => {
    // The POST tests above ran the real pipeline: its resources are cached for the process.
    await expect(loadResources()).resolves.toHaveProperty('coder')
  })
})
