/**
 * The scorer behind `dyad eval`: matches extracted event mentions against gold events article by
 * article and reports precision, recall and F1 (overall and per type), date, actor and evidence
 * agreement on the matched pairs, and every miss and false positive (design.md "Scoring").
 *
 * A pair can match when the type is equal, the countries are equal (either order for the
 * symmetric types) and the dates are equal where the gold gives one (gold dates are days: an
 * extraction dated only to a month or year gives no day, as the guideline's null). Within an article the
 * one-to-one assignment has the largest possible number of matches; among those, pairs with the
 * same date, overlapping evidence and the same direction are preferred (max-weight assignment).
 */
import type { EventMention, EventType, Modality } from '../doc.js'
import { EVENT_TYPES, SYMMETRIC_TYPES } from '../doc.js'
import type { GoldArticle, GoldEvent } from './gold.js'
import { evidenceOverlaps } from './evidence.js'
import { calibrate, type Calibration } from './calibration.js'
import { countActorCountries, type SideCount } from './actor-countries.js'

/** Counts and ratios. A ratio whose denominator is 0 is reported as 0. */
export interface Scores {
  /** Gold events. */
  readonly gold: number
  /** Extracted events that were scored (after the modality filter). */
  readonly extracted: number
  readonly tp: number
  readonly fp: number
  readonly fn: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export interface TypeScores extends Scores {
  readonly type: EventType
}

/** Agreement on matched pairs; `accuracy` is null when there is nothing to measure. */
export interface Agreement {
  readonly total: number
  readonly right: number
  readonly accuracy: number | null
}

export interface MatchedPair {
  readonly article: string
  readonly type: EventType
  readonly gold: {
    readonly source: string
    readonly target: string | null
    readonly date: string | null
    readonly evidence: string
  }
  readonly extracted: {
    readonly source: string
    readonly target: string | null
    readonly date: string | null
    readonly modality: Modality
    readonly rule: string
    /** Why the coder coded it, date source included: what to read when a date disagrees. */
    readonly why: string
    readonly evidence: string
  }
  /** Extracted date === gold date (null === null counts as right). */
  readonly dateRight: boolean
  /** Extracted source and target equal gold source and target in the same order. */
  readonly directionRight: boolean
  readonly evidenceOverlap: boolean
}

/** A gold event no extraction matched. */
export interface Miss extends GoldEvent {
  readonly article: string
  /** What came closest, e.g. 'extracted with date 2024-11-19', or null. */
  readonly hint: string | null
}

/** An extracted event that matched no gold event. */
export interface FalsePositive {
  readonly article: string
  readonly type: EventType
  readonly source: string
  readonly target: string | null
  readonly date: string | null
  readonly modality: Modality
  readonly rule: string
  readonly confidence: number
  readonly sentence: number
  readonly evidence: string
  /** What came closest in the gold, e.g. 'gold date is 2024-11-20', or null. */
  readonly hint: string | null
}

export interface EvalReport {
  /** Modalities of the extracted events that were scored. */
  readonly modalities: readonly Modality[]
  readonly articles: {
    /** Articles in the gold file (only these are scored). */
    readonly gold: number
    /** Gold articles with `events: []`. */
    readonly negative: number
    /** Gold article ids with no entry in the extraction map (all their events are misses). */
    readonly notExtracted: readonly string[]
    /** Extraction-map entries whose id is not in the gold file (ignored). */
    readonly notInGold: number
  }
  /** Extracted events left out before matching: by modality, and for articles not in gold. */
  readonly excluded: {
    readonly byModality: Readonly<Partial<Record<Modality, number>>>
    readonly notInGold: number
  }
  readonly overall: Scores
  /** Per type, in EVENT_TYPES order; only types with a gold or an extracted event. */
  readonly byType: readonly TypeScores[]
  readonly dates: {
    /** Matched pairs whose gold date is non-null: extracted date equals it (1 by construction). */
    readonly goldDated: Agreement
    /** All matched pairs: extracted date equals gold date, null === null counting as right. */
    readonly allMatched: Agreement
  }
  /** Matched pairs whose source and target countries are in the gold order. */
  readonly actors: Agreement
  /**
   * Actor countries side by side, on gold events paired with an extraction of the same type and
   * sentence whatever its countries (actor-countries.ts): how often actor resolution is right.
   */
  readonly actorCountries: Agreement
  /** Confidence bands of the scored extractions and how many in each matched gold. */
  readonly calibration: Calibration
  /** Matched pairs whose evidence sentences overlap (informative). */
  readonly evidence: Agreement
  readonly matches: readonly MatchedPair[]
  readonly misses: readonly Miss[]
  readonly falsePositives: readonly FalsePositive[]
}

export interface ScoreOptions {
  /** Modalities that count as extracted events. Default: asserted and planned. */
  readonly modalities?: readonly Modality[]
}

export const DEFAULT_MODALITIES: readonly Modality[] = ['asserted', 'planned']

/** An extracted event with its countries normalised as gold countries are. */
interface Extracted {
  readonly mention: EventMention
  readonly source: string
  readonly target: string | null
}

function country(code: string): string {
  return code.trim().toUpperCase()
}

function toExtracted(mention: EventMention): Extracted {
  return {
    mention,
    source: country(mention.source.country),
    target: mention.target === null ? null : country(mention.target.country),
  }
}

type Direction = 'same' | 'reversed' | 'none'

/** How the extracted countries relate to the gold ones, ignoring type and date. */
function direction(gold: GoldEvent, ext: Extracted): Direction {
  if (ext.source === gold.source && ext.target === gold.target) return 'same'
  if (ext.source === gold.target && ext.target === gold.source) return 'reversed'
  return 'none'
}

function countriesMatch(gold: GoldEvent, ext: Extracted): boolean {
  const dir = direction(gold, ext)
  return dir === 'same' || (dir === 'reversed' && SYMMETRIC_TYPES.has(gold.type))
}

/**
 * The day an extraction claims: gold dates are days, and the guideline leaves the date null when
 * the text gives no day ("in January", "this year"), so a month or year is no day.
 */
export function dayOf(mention: Pick<EventMention, 'date' | 'date_precision'>): string | null {
  return mention.date_precision === 'day' ? mention.date : null
}

/** The matching rule of design.md: type, countries (order-free when symmetric), gold date. */
export function canMatch(gold: GoldEvent, ext: EventMention): boolean {
  return compatible(gold, toExtracted(ext))
}

function compatible(gold: GoldEvent, ext: Extracted): boolean {
  return (
    ext.mention.type === gold.type &&
    countriesMatch(gold, ext) &&
    (gold.date === null || gold.date === dayOf(ext.mention))
  )
}

/** Preference among compatible pairs: same date first, then evidence overlap, then direction. */
function bonus(gold: GoldEvent, ext: Extracted): number {
  return (
    (gold.date === dayOf(ext.mention) ? 4 : 0) +
    (evidenceOverlaps(gold.evidence, ext.mention.evidence) ? 2 : 0) +
    (direction(gold, ext) === 'same' ? 1 : 0)
  )
}
const MAX_BONUS = 7

/**
 * Minimum-cost assignment of every row to a distinct column (Hungarian algorithm, O(n²m)),
 * for n rows ≤ m columns. Returns the column of each row.
 */
function assign(cost: readonly (readonly number[])[], n: number, m: number): number[] {
  const u = new Array<number>(n + 1).fill(0)
  const v = new Array<number>(m + 1).fill(0)
  const p = new Array<number>(m + 1).fill(0)
  const way = new Array<number>(m + 1).fill(0)
  for (let i = 1; i <= n; i++) {
    p[0] = i
    let j0 = 0
    const minv = new Array<number>(m + 1).fill(Infinity)
    const used = new Array<boolean>(m + 1).fill(false)
    do {
      used[j0] = true
      const i0 = p[j0]!
      let delta = Infinity
      let j1 = 0
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!
        if (cur < minv[j]!) {
          minv[j] = cur
          way[j] = j0
        }
        if (minv[j]! < delta) {
          delta = minv[j]!
          j1 = j
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta
          v[j]! -= delta
        } else {
          minv[j]! -= delta
        }
      }
      j0 = j1
    } while (p[j0] !== 0)
    do {
      const j1 = way[j0]!
      p[j0] = p[j1]!
      j0 = j1
    } while (j0 !== 0)
  }
  const result = new Array<number>(n).fill(-1)
  for (let j = 1; j <= m; j++) if (p[j] !== 0) result[p[j]! - 1] = j - 1
  return result
}

/**
 * One-to-one matching of gold and extracted events of one article with the largest number of
 * matches; among maximum matchings, the largest total preference (same date, overlapping
 * evidence, same direction). Returns for each gold event the index of its extraction or -1.
 */
export function matchArticle(
  gold: readonly GoldEvent[],
  extracted: readonly EventMention[],
): number[] {
  return matchExtracted(gold, extracted.map(toExtracted))
}

function matchExtracted(gold: readonly GoldEvent[], ext: readonly Extracted[]): number[] {
  const result = new Array<number>(gold.length).fill(-1)
  if (gold.length === 0 || ext.length === 0) return result
  // weight[g][e] = 0 when the pair cannot match, else BIG + bonus with BIG larger than any sum of
  // bonuses, so that more matches always win over better-preferred ones.
  const big = MAX_BONUS * Math.min(gold.length, ext.length) + 1
  let any = false
  const weight = gold.map((g) =>
    ext.map((e) => {
      if (!compatible(g, e)) return 0
      any = true
      return big + bonus(g, e)
    }),
  )
  if (!any) return result
  const goldRows = gold.length <= ext.length
  const n = goldRows ? gold.length : ext.length
  const m = goldRows ? ext.length : gold.length
  const cost = Array.from({ length: n }, (_, r) =>
    Array.from({ length: m }, (_, c) => -(goldRows ? weight[r]![c]! : weight[c]![r]!)),
  )
  const columns = assign(cost, n, m)
  columns.forEach((c, r) => {
    const [g, e] = goldRows ? [r, c] : [c, r]
    if (c >= 0 && weight[g]![e]! > 0) result[g] = e
  })
  return result
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator
}

function agreement(total: number, right: number): Agreement {
  return { total, right, accuracy: total === 0 ? null : right / total }
}

function scores(gold: number, extracted: number, tp: number): Scores {
  const precision = ratio(tp, extracted)
  const recall = ratio(tp, gold)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { gold, extracted, tp, fp: extracted - tp, fn: gold - tp, precision, recall, f1 }
}

function sided(e: Extracted): { type: EventType; source: string; target: string | null; evidence: string } {
  return { type: e.mention.type, source: e.source, target: e.target, evidence: e.mention.evidence }
}

function arrow(source: string, target: string | null): string {
  return `${source}→${target ?? '∅'}`
}

function missHint(
  gold: GoldEvent,
  scored: readonly Extracted[],
  excluded: readonly Extracted[],
): string | null {
  if (scored.some((e) => compatible(gold, e))) {
    return 'its matching extraction was used for another gold event'
  }
  const dropped = excluded.find((e) => compatible(gold, e))
  if (dropped) return `extracted, but ${dropped.mention.modality} (not scored)`
  const sameType = scored.filter((e) => e.mention.type === gold.type)
  const wrongDate = sameType.find((e) => countriesMatch(gold, e))
  if (wrongDate) return `extracted with date ${dayOf(wrongDate.mention) ?? wrongDate.mention.date ?? 'none'}`
  const reversed = sameType.find((e) => direction(gold, e) === 'reversed')
  if (reversed) return `extracted in reverse direction ${arrow(reversed.source, reversed.target)}`
  const otherType = scored.find((e) => direction(gold, e) !== 'none')
  if (otherType) return `extracted as ${otherType.mention.type}`
  const oneSide = sameType.find((e) => e.source === gold.source || e.target === gold.target)
  if (oneSide) return `extracted as ${arrow(oneSide.source, oneSide.target)}`
  return null
}

function falsePositiveHint(ext: Extracted, gold: readonly GoldEvent[]): string | null {
  if (gold.length === 0) return 'article has no gold events'
  if (gold.some((g) => compatible(g, ext))) return 'duplicate: its gold event is matched already'
  const sameType = gold.filter((g) => g.type === ext.mention.type)
  const wrongDate = sameType.find((g) => countriesMatch(g, ext))
  if (wrongDate) return `gold date is ${wrongDate.date ?? 'null'}`
  const reversed = sameType.find((g) => direction(g, ext) === 'reversed')
  if (reversed) return `gold has reverse direction ${arrow(reversed.source, reversed.target)}`
  const otherType = gold.find((g) => direction(g, ext) !== 'none')
  if (otherType) return `gold codes this pair as ${otherType.type}`
  const oneSide = sameType.find((g) => g.source === ext.source || g.target === ext.target)
  if (oneSide) return `gold has ${arrow(oneSide.source, oneSide.target)}`
  return null
}

/**
 * Score extracted event mentions against a gold file. Only articles in `gold` count: extractions
 * for other ids are ignored, and gold articles missing from `extracted` count as all misses.
 * Extractions whose modality is not in `options.modalities` (default asserted, planned) are left
 * out before matching.
 */
export function scoreArticles(
  gold: readonly GoldArticle[],
  extracted: ReadonlyMap<string, readonly EventMention[]>,
  options: ScoreOptions = {},
): EvalReport {
  const modalities = options.modalities ?? DEFAULT_MODALITIES
  const allowed = new Set<Modality>(modalities)
  const byModality: Partial<Record<Modality, number>> = {}
  const goldIds = new Set(gold.map((a) => a.id))
  let notInGold = 0
  let notInGoldEvents = 0
  for (const [id, mentions] of extracted) {
    if (!goldIds.has(id)) {
      notInGold++
      notInGoldEvents += mentions.length
    }
  }

  const goldCount = new Map<EventType, number>()
  const extractedCount = new Map<EventType, number>()
  const tpCount = new Map<EventType, number>()
  const bump = (map: Map<EventType, number>, type: EventType) =>
    map.set(type, (map.get(type) ?? 0) + 1)

  const matches: MatchedPair[] = []
  const misses: Miss[] = []
  const falsePositives: FalsePositive[] = []
  const notExtracted: string[] = []
  const sides: SideCount = { total: 0, right: 0 }
  const confidences: { confidence: number; right: boolean }[] = []

  for (const article of gold) {
    const mentions = extracted.get(article.id)
    if (mentions === undefined) notExtracted.push(article.id)
    const scored: Extracted[] = []
    const excluded: Extracted[] = []
    for (const mention of mentions ?? []) {
      if (allowed.has(mention.modality)) {
        scored.push(toExtracted(mention))
      } else {
        excluded.push(toExtracted(mention))
        byModality[mention.modality] = (byModality[mention.modality] ?? 0) + 1
      }
    }
    for (const g of article.events) bump(goldCount, g.type)
    for (const e of scored) bump(extractedCount, e.mention.type)

    const assignment = matchExtracted(article.events, scored)
    const used = new Set<number>()
    article.events.forEach((g, gi) => {
      const ei = assignment[gi]!
      if (ei < 0) {
        misses.push({ ...g, article: article.id, hint: missHint(g, scored, excluded) })
        return
      }
      used.add(ei)
      bump(tpCount, g.type)
      const e = scored[ei]!
      matches.push({
        article: article.id,
        type: g.type,
        gold: { source: g.source, target: g.target, date: g.date, evidence: g.evidence },
        extracted: {
          source: e.source,
          target: e.target,
          date: dayOf(e.mention),
          modality: e.mention.modality,
          rule: e.mention.rule,
          why: e.mention.why,
          evidence: e.mention.evidence,
        },
        dateRight: dayOf(e.mention) === g.date,
        directionRight: direction(g, e) === 'same',
        evidenceOverlap: evidenceOverlaps(g.evidence, e.mention.evidence),
      })
    })
    countActorCountries(article.events, scored.map(sided), sides)
    scored.forEach((e, ei) => confidences.push({ confidence: e.mention.confidence, right: used.has(ei) }))
    scored.forEach((e, ei) => {
      if (used.has(ei)) return
      const m = e.mention
      falsePositives.push({
        article: article.id,
        type: m.type,
        source: e.source,
        target: e.target,
        date: m.date,
        modality: m.modality,
        rule: m.rule,
        confidence: m.confidence,
        sentence: m.sentence,
        evidence: m.evidence,
        hint: falsePositiveHint(e, article.events),
      })
    })
  }

  const byType: TypeScores[] = []
  for (const type of EVENT_TYPES) {
    const g = goldCount.get(type) ?? 0
    const x = extractedCount.get(type) ?? 0
    if (g === 0 && x === 0) continue
    byType.push({ type, ...scores(g, x, tpCount.get(type) ?? 0) })
  }
  const totalGold = gold.reduce((sum, a) => sum + a.events.length, 0)
  const totalExtracted = [...extractedCount.values()].reduce((sum, n) => sum + n, 0)
  const dated = matches.filter((m) => m.gold.date !== null)

  return {
    modalities: [...modalities],
    articles: {
      gold: gold.length,
      negative: gold.filter((a) => a.events.length === 0).length,
      notExtracted,
      notInGold,
    },
    excluded: { byModality, notInGold: notInGoldEvents },
    overall: scores(totalGold, totalExtracted, matches.length),
    byType,
    dates: {
      goldDated: agreement(dated.length, dated.filter((m) => m.dateRight).length),
      allMatched: agreement(matches.length, matches.filter((m) => m.dateRight).length),
    },
    actors: agreement(matches.length, matches.filter((m) => m.directionRight).length),
    evidence: agreement(matches.length, matches.filter((m) => m.evidenceOverlap).length),
    actorCountries: agreement(sides.total, sides.right),
    calibration: calibrate(confidences),
    matches,
    misses,
    falsePositives,
  }
}
