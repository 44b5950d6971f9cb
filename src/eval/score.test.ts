import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { EventMention, EventType, Modality } from '../doc.js'
import { DyadError } from '../errors.js'
import { formatReport, toJson, trimEvidence } from './format.js'
import { parseGold, type GoldArticle } from './gold.js'
import { evidenceOverlaps } from './evidence.js'
import { matchArticle, scoreArticles } from './score.js'

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/gold/', import.meta.url))

function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8')
}

const SMALL = parseGold(fixture('small.gold.jsonl'), 'small.gold.jsonl')

/** Only the articles named, from the small fixture. */
function gold(...ids: string[]): GoldArticle[] {
  return SMALL.filter((a) => ids.includes(a.id))
}

interface MentionOptions {
  date?: string | null
  precision?: 'day' | 'month' | 'year'
  modality?: Modality
  evidence?: string
  rule?: string
}

function mention(
  article: string,
  type: EventType,
  source: string,
  target: string | null,
  options: MentionOptions = {},
): EventMention {
  const actor = (country: string) => ({ country, sector: null, person: null, code: country })
  return {
    article,
    sentence: 0,
    span: [0, 10],
    evidence: options.evidence ?? `${source} and ${target ?? 'others'} did ${type}.`,
    source: actor(source),
    target: target === null ? null : actor(target),
    cameo: '040',
    quad: 1,
    goldstein: 1,
    plover: { event: 'CONSULT', mode: null },
    type,
    modality: options.modality ?? 'asserted',
    date: options.date ?? null,
    date_precision: options.date ? (options.precision ?? 'day') : null,
    location: null,
    sectors: [],
    rule: options.rule ?? `test.${type}`,
    why: 'hand-made',
    confidence: 0.9,
  }
}

function extracted(...mentions: EventMention[]): Map<string, EventMention[]> {
  const map = new Map<string, EventMention[]>()
  for (const m of mentions) map.set(m.article, [...(map.get(m.article) ?? []), m])
  return map
}

function catchError(run: () => unknown): DyadError {
  try {
    run()
  } catch (error) {
    if (error instanceof DyadError) return error
    throw error
  }
  throw new Error('expected a DyadError')
}

describe('parseGold', () => {
  it('reads records, skips blank lines, ignores extra fields and keeps null targets', () => {
    expect(SMALL.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'])
    expect(SMALL.map((a) => a.line)).toEqual([1, 2, 4, 5, 6])
    const [meet, visit] = SMALL[0]!.events
    expect(meet).toMatchObject({ source: 'IRN', target: 'VEN', type: 'meet', date: null })
    expect(visit).toMatchObject({ type: 'visit', date: '2024-11-20', location: 'Caracas' })
    expect(SMALL[1]!.events).toEqual([])
    expect(SMALL[3]!.published).toBeNull()
    expect(SMALL[4]!.events[0]).toMatchObject({ source: 'AUS', target: null, status: 'planned' })
  })

  it('reports a bad line as E_GOLD_FORMAT with file and line number', () => {
    const error = catchError(() => parseGold(fixture('bad.gold.jsonl'), 'bad.gold.jsonl'))
    expect(error.code).toBe('E_GOLD_FORMAT')
    expect(error.message).toMatch(/^bad\.gold\.jsonl:3: events\[0\]: unknown type "hug"/)
  })

  it('rejects bad JSON, a missing date key, a bad date, missing events, repeated ids', () => {
    const ok = '{"id":"x","published":null,"events":[]}'
    const cases: [string, RegExp][] = [
      [`${ok}\n{"id": "y", `, /^g:2: not valid JSON/],
      [
        '{"id":"x","events":[{"source":"USA","target":"CHN","type":"meet","evidence":"e"}]}',
        /^g:1: events\[0\]: 'date' is missing/,
      ],
      [
        '{"id":"x","events":[{"source":"USA","target":"CHN","type":"meet","date":"May 9"}]}',
        /^g:1: events\[0\]: 'date' must be an ISO day/,
      ],
      ['{"id":"x","published":"2024-01-01"}', /^g:1: 'events' must be an array/],
      [`${ok}\n\n${ok}`, /^g:3: id "x" was already given on line 1/],
      ['[1, 2]', /^g:1: expected a JSON object/],
    ]
    for (const [content, pattern] of cases) {
      const error = catchError(() => parseGold(content, 'g'))
      expect(error.code).toBe('E_GOLD_FORMAT')
      expect(error.message).toMatch(pattern)
    }
  })
})

describe('scoreArticles: matching rules', () => {
  it('matches a symmetric type in reversed order (meet) but not an asymmetric one (visit)', () => {
    const report = scoreArticles(
      gold('a1'),
      extracted(
        mention('a1', 'meet', 'VEN', 'IRN'),
        mention('a1', 'visit', 'VEN', 'IRN', { date: '2024-11-20' }),
      ),
    )
    expect(report.overall).toMatchObject({ tp: 1, fp: 1, fn: 1 })
    expect(report.matches[0]).toMatchObject({ type: 'meet', directionRight: false })
    expect(report.misses[0]).toMatchObject({
      type: 'visit',
      hint: 'extracted in reverse direction VEN→IRN',
    })
    expect(report.falsePositives[0]).toMatchObject({ type: 'visit', source: 'VEN', target: 'IRN' })
    expect(report.actors).toEqual({ total: 1, right: 0, accuracy: 0 })
  })

  it('accepts any extracted date when the gold date is null', () => {
    const report = scoreArticles(
      gold('a1'),
      extracted(
        mention('a1', 'meet', 'IRN', 'VEN', { date: '2001-01-01' }),
        mention('a1', 'visit', 'IRN', 'VEN', { date: '2024-11-20' }),
      ),
    )
    expect(report.overall).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 })
    // The meet's date is not the gold's null: right among gold-dated, wrong among all matched.
    expect(report.dates.goldDated).toEqual({ total: 1, right: 1, accuracy: 1 })
    expect(report.dates.allMatched).toEqual({ total: 2, right: 1, accuracy: 0.5 })
    expect(report.actors.accuracy).toBe(1)
  })

  it('reads a month or a year as no day, like the gold’s null', () => {
    const report = scoreArticles(
      gold('a1'),
      extracted(
        // "in November": no day, so right against the gold's null meet
        mention('a1', 'meet', 'IRN', 'VEN', { date: '2024-11-01', precision: 'month' }),
        // "this year" is no day either, so it cannot match the gold's 2024-11-20 visit
        mention('a1', 'visit', 'IRN', 'VEN', { date: '2024-11-20', precision: 'year' }),
      ),
    )
    expect(report.overall).toMatchObject({ tp: 1, fp: 1, fn: 1 })
    expect(report.dates.allMatched).toEqual({ total: 1, right: 1, accuracy: 1 })
  })

  it('does not match when the gold date differs', () => {
    const report = scoreArticles(
      gold('a1'),
      extracted(mention('a1', 'visit', 'IRN', 'VEN', { date: '2024-11-19' })),
    )
    expect(report.overall).toMatchObject({ tp: 0, fp: 1, fn: 2 })
    const visitMiss = report.misses.find((m) => m.type === 'visit')
    expect(visitMiss?.hint).toBe('extracted with date 2024-11-19')
    expect(report.falsePositives[0]?.hint).toBe('gold date is 2024-11-20')
  })

  it('matches a gold event once: a second identical extraction is a false positive', () => {
    const twice = mention('a3', 'criticize', 'FRA', 'CAN', { date: '1987-03-18' })
    const report = scoreArticles(gold('a3'), extracted(twice, { ...twice, sentence: 3 }))
    expect(report.overall).toMatchObject({ gold: 1, extracted: 2, tp: 1, fp: 1, fn: 0 })
    expect(report.overall.precision).toBe(0.5)
    expect(report.falsePositives[0]?.hint).toBe('duplicate: its gold event is matched already')
  })

  it('leaves negated and hypothetical extractions out by default, as a parameter', () => {
    const events = extracted(
      mention('a3', 'criticize', 'FRA', 'CAN', { date: '1987-03-18', modality: 'negated' }),
      mention('a3', 'threaten', 'FRA', 'CAN', { modality: 'hypothetical' }),
    )
    const report = scoreArticles(gold('a3'), events)
    expect(report.overall).toMatchObject({ extracted: 0, tp: 0, fp: 0, fn: 1 })
    expect(report.excluded.byModality).toEqual({ negated: 1, hypothetical: 1 })
    expect(report.misses[0]?.hint).toBe('extracted, but negated (not scored)')

    const all = scoreArticles(gold('a3'), events, {
      modalities: ['asserted', 'planned', 'negated', 'hypothetical'],
    })
    expect(all.overall).toMatchObject({ extracted: 2, tp: 1, fp: 1, fn: 0 })
  })

  it('counts every extraction from a negative article as a false positive', () => {
    const report = scoreArticles(
      gold('a2'),
      extracted(mention('a2', 'visit', 'ITA', 'JPN'), mention('a2', 'meet', 'CHN', 'JPN')),
    )
    expect(report.overall).toMatchObject({ gold: 0, extracted: 2, tp: 0, fp: 2, fn: 0 })
    expect(report.overall).toMatchObject({ precision: 0, recall: 0, f1: 0 })
    expect(report.articles.negative).toBe(1)
    expect(report.falsePositives.map((f) => f.hint)).toEqual([
      'article has no gold events',
      'article has no gold events',
    ])
  })

  it('finds the maximal matching where a greedy assignment would stop at one', () => {
    // Greedy in gold order gives the dated extraction to the undated gold meet, and the second
    // gold meet (dated 2024-04-19) cannot take the 2024-04-12 extraction.
    const report = scoreArticles(
      gold('a4'),
      extracted(
        // Its evidence is the undated gold's, so preference alone would pair those two.
        mention('a4', 'meet', 'KAZ', 'KGZ', {
          date: '2024-04-19',
          evidence: 'The two presidents held talks last week.',
        }),
        mention('a4', 'meet', 'KGZ', 'KAZ', { date: '2024-04-12' }),
      ),
    )
    expect(report.overall).toMatchObject({ tp: 2, fp: 0, fn: 0 })
    expect(report.matches.map((m) => [m.gold.date, m.extracted.date])).toEqual([
      [null, '2024-04-12'],
      ['2024-04-19', '2024-04-19'],
    ])
  })

  it('prefers pairs with equal dates, overlapping evidence and the same direction', () => {
    const undated = gold('a4')[0]!.events[0]!
    const dated = mention('a4', 'meet', 'KAZ', 'KGZ', { date: '2024-04-19' })
    const alsoUndated = mention('a4', 'meet', 'KAZ', 'KGZ')
    expect(matchArticle([undated], [dated, alsoUndated])).toEqual([1])
    const a = mention('a4', 'meet', 'KAZ', 'KGZ', { evidence: 'Unrelated words entirely here.' })
    const b = mention('a4', 'meet', 'KAZ', 'KGZ', { evidence: 'The two presidents held talks.' })
    expect(matchArticle([undated], [a, b])).toEqual([1])
    const reversed = mention('a4', 'meet', 'KGZ', 'KAZ', { evidence: 'x y z' })
    const same = mention('a4', 'meet', 'KAZ', 'KGZ', { evidence: 'x y z' })
    expect(matchArticle([undated], [reversed, same])).toEqual([1])
  })

  it('matches null targets and compares country codes case-insensitively', () => {
    const report = scoreArticles(
      gold('a5'),
      extracted(mention('a5', 'aid', 'aus', null, { modality: 'planned' })),
    )
    expect(report.overall).toMatchObject({ tp: 1, fp: 0, fn: 0 })
  })

  it('scores only gold articles: others are ignored, missing ones are all misses', () => {
    const report = scoreArticles(
      gold('a1', 'a3'),
      extracted(
        mention('a3', 'criticize', 'FRA', 'CAN', { date: '1987-03-18' }),
        mention('zz', 'meet', 'USA', 'CHN'),
      ),
    )
    expect(report.overall).toMatchObject({ gold: 3, extracted: 1, tp: 1, fp: 0, fn: 2 })
    expect(report.articles).toMatchObject({ gold: 2, notExtracted: ['a1'], notInGold: 1 })
    expect(report.excluded.notInGold).toBe(1)
  })
})

describe('scoreArticles: report', () => {
  const report = scoreArticles(
    SMALL,
    extracted(
      mention('a1', 'meet', 'VEN', 'IRN', {
        evidence: 'Nasirzadeh met senior Venezuelan officials in Caracas.',
      }),
      mention('a1', 'visit', 'IRN', 'VEN', { date: '2024-11-21' }),
      mention('a2', 'visit', 'ITA', 'JPN', { date: '2024-08-17', rule: 'visit.will-visit' }),
      mention('a3', 'criticize', 'FRA', 'CAN', { date: '1987-03-18' }),
      mention('a3', 'criticize', 'CAN', 'FRA', { date: '1987-03-17' }),
      mention('a4', 'meet', 'KAZ', 'KGZ', { date: '2024-04-19' }),
      mention('a4', 'meet', 'KAZ', 'KGZ', { date: '2024-04-19' }),
    ),
  )

  it('gives per-type numbers in type order', () => {
    const byType = Object.fromEntries(
      report.byType.map((t) => [t.type, [t.gold, t.extracted, t.tp, t.fp, t.fn]]),
    )
    expect(byType).toEqual({
      visit: [1, 2, 0, 2, 1],
      meet: [3, 3, 3, 0, 0],
      aid: [1, 0, 0, 0, 1],
      criticize: [1, 2, 1, 1, 0],
    })
    expect(report.byType.map((t) => t.type)).toEqual(['visit', 'meet', 'aid', 'criticize'])
    const criticize = report.byType.find((t) => t.type === 'criticize')!
    expect(criticize).toMatchObject({ precision: 0.5, recall: 1 })
    expect(criticize.f1).toBeCloseTo(2 / 3)
    expect(report.overall).toMatchObject({ gold: 6, extracted: 7, tp: 4, fp: 3, fn: 2 })
    expect(report.overall.precision).toBeCloseTo(4 / 7)
    expect(report.overall.recall).toBeCloseTo(4 / 6)
    expect(report.actors).toEqual({ total: 4, right: 3, accuracy: 0.75 })
    expect(report.evidence.right).toBe(1)
  })

  it('lists misses and false positives with their evidence and hints', () => {
    expect(report.misses.map((m) => [m.article, m.type, m.source, m.target, m.date])).toEqual([
      ['a1', 'visit', 'IRN', 'VEN', '2024-11-20'],
      ['a5', 'aid', 'AUS', null, null],
    ])
    expect(report.misses[0]?.evidence).toMatch(/^Speaking upon his arrival/)
    expect(report.falsePositives.map((f) => [f.article, f.type, f.rule, f.hint])).toEqual([
      ['a1', 'visit', 'test.visit', 'gold date is 2024-11-20'],
      ['a2', 'visit', 'visit.will-visit', 'article has no gold events'],
      ['a3', 'criticize', 'test.criticize', 'gold has reverse direction FRA→CAN'],
    ])
  })

  it('formats a compact text report and JSON', () => {
    const text = formatReport(report, { maxList: 2 })
    expect(text.split('\n')[0]).toBe('P 0.571  R 0.667  F1 0.615  (tp 4, fp 3, fn 2)')
    expect(text).toMatch(/^type\s+gold\s+extracted\s+tp\s+P\s+R\s+F1$/m)
    expect(text).toMatch(/^criticize\s+1\s+2\s+1\s+0\.500\s+1\.000\s+0\.667$/m)
    expect(text).toMatch(/^aid\s+1\s+0\s+0\s+–\s+0\.000\s+0\.000$/m)
    expect(text).toContain('Actors    direction right 3/4 (0.750)')
    expect(text).toContain('Misses (2)')
    expect(text).toContain('False positives (3)')
    expect(text).toContain('Matched, date disagrees (1)')
    expect(text).toContain('meet  KAZ→KGZ  gold no date, extracted 2024-04-19')
    expect(text).toContain('visit  ITA→JPN  2024-08-17  asserted  rule visit.will-visit')
    expect(text).toContain('… 1 more (use --format json for all)')
    expect(text).not.toContain('\u001b[')
    expect(formatReport(report, { color: true })).toContain('\u001b[1m')
    const json = JSON.parse(toJson(report)) as { overall: { tp: number }; misses: unknown[] }
    expect(json.overall.tp).toBe(4)
    expect(json.misses).toHaveLength(2)
  })
})

describe('helpers', () => {
  it('trims long evidence at a word boundary', () => {
    const long = 'word '.repeat(100)
    const trimmed = trimEvidence(long)
    expect(trimmed.length).toBeLessThanOrEqual(200)
    expect(trimmed.endsWith('word…')).toBe(true)
    expect(trimEvidence('  short\n text ')).toBe('short text')
  })

  it('sees overlapping evidence through containment and shared words', () => {
    expect(evidenceOverlaps('He met her.', 'Yesterday he met her.')).toBe(true)
    const long = 'presidents held talks in Astana on Friday, officials said'
    expect(evidenceOverlaps('The presidents held talks in Astana', long)).toBe(true)
    expect(evidenceOverlaps('The presidents held talks', 'Ministers signed a treaty')).toBe(false)
    expect(evidenceOverlaps('', 'anything')).toBe(false)
  })
})
