/**
 * The quality ratchet (design.md "Scoring"): the scorer runs on the seed and dev corpora in
 * ../shared/corpus (when present) and on examples/gold.jsonl (always), and the test fails when
 * precision or recall falls below test/quality-floor.json. Whoever improves the figures raises
 * the floor in the same commit. Where the floor file says so, the share of matched events with the
 * right date and the precision of events at confidence ≥ 0.8 are held the same way.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { summaryLine } from '../../src/eval/format.js'
import { parseGold } from '../../src/eval/gold.js'
import { readInputs } from '../../src/ingest/read-inputs.js'
import { EXAMPLE_ARTICLES, REPO_ROOT } from '../helpers/run-cli.js'
import { scoreCorpus } from '../helpers/score-corpus.js'

interface Floor {
  readonly precision: number
  readonly recall: number
  /** Matched events whose date agrees with the gold, a null gold date included (issue 4). */
  readonly dates?: number
  /** Precision of the events the coder gives a confidence of 0.8 or more (issue 4). */
  readonly calibration?: number
}

const FLOOR_FILE = join(REPO_ROOT, 'test', 'quality-floor.json')
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus')
const hasCorpus = existsSync(CORPUS)

/** The floor of one corpus, checked so a typo in the file fails loudly instead of passing. */
function floorOf(name: string): Floor {
  const all = JSON.parse(readFileSync(FLOOR_FILE, 'utf8')) as Record<string, Partial<Floor>>
  const floor = all[name]
  const isRatio = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1
  const isOptionalRatio = (x: unknown) => x === undefined || isRatio(x)
  if (!isRatio(floor?.precision) || !isRatio(floor?.recall) || !isOptionalRatio(floor?.dates) || !isOptionalRatio(floor?.calibration)) {
    throw new Error(`${FLOOR_FILE}: "${name}" needs {"precision": 0..1, "recall": 0..1} and may have "dates" and "calibration" (0..1)`)
  }
  return floor as Floor
}

/** Score one gold file and compare with its floor; the failure message carries the summary line. */
async function expectAtOrAboveFloor(
  name: string,
  gold: string,
  articles: readonly string[],
): Promise<void> {
  const floor = floorOf(name)
  const report = await scoreCorpus(gold, articles)
  expect(report.articles.notExtracted, `${name}: gold articles never read`).toEqual([])
  const { precision, recall } = report.overall
  const summary = `${name}: ${summaryLine(report.overall)}`
  const how = `see \`dyad eval ${gold} --articles ${articles.join(' ')}\``
  expect(precision, `${summary}; precision fell below the floor ${floor.precision}; ${how}`)
    .toBeGreaterThanOrEqual(floor.precision)
  expect(recall, `${summary}; recall fell below the floor ${floor.recall}; ${how}`)
    .toBeGreaterThanOrEqual(floor.recall)
  if (floor.dates !== undefined) {
    const { right, total, accuracy } = report.dates.allMatched
    expect(accuracy ?? 0, `${name}: dates right on ${right}/${total} matched events, below the floor ${floor.dates}; ${how}`)
      .toBeGreaterThanOrEqual(floor.dates)
  }
  if (floor.calibration !== undefined) {
    const { right, extracted, precision: high } = report.calibration.atLeast
    expect(high ?? 1, `${name}: ${right}/${extracted} events at confidence ≥ 0.8 right, below the floor ${floor.calibration}; ${how}`)
      .toBeGreaterThanOrEqual(floor.calibration)
  }
  if (precision - floor.precision >= 0.01 || recall - floor.recall >= 0.01) {
    console.info(`${summary}: above the floor, raise it in test/quality-floor.json`)
  }
}

if (!hasCorpus) console.warn(`quality ratchet: ${CORPUS} not found, seeds and dev are skipped`)

describe.skipIf(!hasCorpus)('quality ratchet on ../shared/corpus', () => {
  it.each([
    ['seeds', 'seeds.gold.jsonl', ['seeds.jsonl']],
    ['dev', 'dev/gold.jsonl', ['dev/articles.jsonl']],
  ])('%s keeps its figures at or above the floor', async (name, gold, articles) => {
    await expectAtOrAboveFloor(
      name,
      join(CORPUS, gold),
      articles.map((path) => join(CORPUS, path)),
    )
  })
})

describe('quality ratchet on examples/', () => {
  it('examples keeps its figures at or above the floor', async () => {
    await expectAtOrAboveFloor(
      'examples',
      join(REPO_ROOT, 'examples', 'gold.jsonl'),
      EXAMPLE_ARTICLES.map((path) => join(REPO_ROOT, path)),
    )
  })

  it('examples/gold.jsonl covers the seven articles and quotes its evidence exactly', async () => {
    const goldPath = join(REPO_ROOT, 'examples', 'gold.jsonl')
    const gold = parseGold(readFileSync(goldPath, 'utf8'), goldPath)
    const texts = new Map<string, { text: string; publishedOn: string | null }>()
    for await (const result of readInputs(EXAMPLE_ARTICLES.map((path) => join(REPO_ROOT, path)))) {
      if (result.ok) texts.set(result.article.id, result.article)
    }
    expect(gold.map((a) => a.id).sort()).toEqual([...texts.keys()].sort())
    for (const { id, published, events } of gold) {
      expect(published, id).toBe(texts.get(id)?.publishedOn)
      for (const { evidence } of events) {
        expect(texts.get(id)?.text, `${id}: ${evidence}`).toContain(evidence)
      }
    }
  })
})
