/**
 * One event, many reports. Event mentions that describe the same real-world event become one
 * `Event`, across articles and within one article:
 *
 * 1. Only asserted and planned event mentions make events; negated and hypothetical ones are
 *    stored but linked to none ("did not sign", "could be signed").
 * 2. Same kind: same type (same CAMEO code for type `other`), same modality (a planned meeting
 *    is not the meeting), same two countries, in either order only for the symmetric types
 *    (meet, intent_cooperate, sign_agreement, cooperate_economic, cooperate_military).
 * 3. Same place where both name one: same name, or within `SAME_PLACE_KM`.
 * 4. Dates within `DATE_TOLERANCE_DAYS` ("arrived late on Thursday" vs "the visit on Friday").
 *    A month or a year is the range of its days. An undated report fits when its article was
 *    published within `UNDATED_WINDOW_DAYS` of the other's date (news reports what is recent);
 *    without a publication date it fits only reports of its own article.
 * 5. The same people where both name one on a side ("Amir-Abdollahian arrived" fits "the
 *    Iranian minister arrived"). Meetings are stricter, as one visit holds several: each side
 *    named alike or unnamed in both ("Maduro met Amir-Abdollahian" vs "Amir-Abdollahian met
 *    Gil", or vs "Amir-Abdollahian met his counterpart": two meetings).
 * 6. Within one article, `isSameEvent` of merge-in-article.ts decides (as for eval): dates
 *    equal or unknown, one statement per sentence, a meeting per counterpart.
 *
 * A report joins an event only if it fits every report already in it (complete linkage), so an
 * event never drifts day by day. When several events fit, it joins the one of its own article,
 * else the nearest in time, else the oldest. Dedup runs as articles arrive: the same input order
 * always gives the same events.
 * @example 'Amir-Abdollahian arrived in Caracas late on Thursday' (003, 2023-02-02) and
 *   'The Caracas visit Friday by Foreign Minister Ossein Amir-Abdollahian' (001, 2023-02-03)
 *   -> one visit event, 2 mentions, 2 articles
 */
import type { EventMention } from '../doc.js'
import type { EventFacts, EventLocation, EventMember } from './event.js'
import { isSameEvent } from './merge-in-article.js'
import { SYMMETRIC_TYPES } from '../doc.js'

/** Two dated reports of one event may differ by this many days ("late on Thursday" / "Friday"). */
export const DATE_TOLERANCE_DAYS = 1

/** An undated report fits an event dated within this many days of the report's publication. */
export const UNDATED_WINDOW_DAYS = 7

/** Two named places this close (great-circle, km) are one place ("Caracas" / "Miraflores"). */
export const SAME_PLACE_KM = 25

/** The modalities that make events. */
const LINKED_MODALITIES: ReadonlySet<string> = new Set(['asserted', 'planned'])

/** An event while it is being built: its id and its members, in ingest order. */
export interface EventGroup {
  readonly id: number
  readonly members: readonly EventMember[]
}

/** True when the event mention can make or join an event. @example modality 'negated' -> false */
export function isLinkable(mention: EventMention): boolean {
  return LINKED_MODALITIES.has(mention.modality)
}

/** The two countries, sorted, so both directions share it. @example IRN->VEN -> 'IRN-VEN' */
export function pairOf(mention: EventMention): string {
  const countries = [mention.source.country, mention.target?.country ?? ''].sort()
  return mention.target === null ? `${mention.source.country}-` : countries.join('-')
}

/**
 * What two reports of one event must share exactly: type (CAMEO code for `other`), modality and
 * pair. The store looks candidates up by it. @example 'visit|asserted|IRN-VEN'
 */
export function dedupKey(mention: EventMention): string {
  const kind = mention.type === 'other' ? `other:${mention.cameo}` : mention.type
  return `${kind}|${mention.modality}|${pairOf(mention)}`
}

/**
 * Do two reports describe the same event? `earlier` is the one already in an event.
 * @example visit IRN->VEN 2023-02-02 in Caracas vs visit IRN->VEN 2023-02-03 in Caracas -> true
 */
export function isSameReport(earlier: EventMember, later: EventMember): boolean {
  const a = earlier.mention
  const b = later.mention
  if (dedupKey(a) !== dedupKey(b)) return false
  const orientation = orientationOf(a, b)
  if (orientation === null) return false
  if (!placesAgree(a.location, b.location)) return false
  if (a.article === b.article) return isSameInArticle(a, b)
  return datesAgree(earlier, later) && peopleAgree(a, b, orientation)
}

/**
 * The event `member` joins among `candidates`, or null when none fits: it must fit every
 * member of the event. Ties: its own article's event, then the nearest date, then the lowest id.
 */
export function chooseEvent<G extends EventGroup>(
  member: EventMember,
  candidates: readonly G[],
): G | null {
  let best: { group: G; rank: readonly number[] } | null = null
  for (const group of candidates) {
    if (group.members.length === 0) continue
    if (!group.members.every((earlier) => isSameReport(earlier, member))) continue
    const isOwnArticle = group.members.some((m) => m.mention.article === member.mention.article)
    const rank = [isOwnArticle ? 0 : 1, dateGapToGroup(member, group), group.id]
    if (best === null || compareRanks(rank, best.rank) < 0) best = { group, rank }
  }
  return best?.group ?? null
}

/**
 * Group event mentions into events in memory, the same way the store links them as articles
 * arrive (src/store/queries/events.ts). Mentions that make no event are left out.
 * @example dedupEvents([visitIn003, visitIn001, negatedSigning]) -> [[visitIn003, visitIn001]]
 */
export function dedupEvents(members: readonly EventMember[]): EventMember[][] {
  const groups: { id: number; members: EventMember[] }[] = []
  for (const member of [...members].sort((a, b) => a.id - b.id)) {
    if (!isLinkable(member.mention)) continue
    const key = dedupKey(member.mention)
    const candidates = groups.filter((g) => dedupKey(g.members[0]!.mention) === key)
    const group = chooseEvent(member, candidates)
    if (group) group.members.push(member)
    else groups.push({ id: groups.length + 1, members: [member] })
  }
  return groups.map((g) => g.members)
}

/**
 * An event's facts from its members (at least one). The first member (lowest id) sets the
 * direction; every other field is chosen from all members, so it does not depend on the order
 * in which they joined: the most reported of the most precise dates (earliest on a tie), the
 * most reported place, code, person and CAMEO code (first on a tie), the union of sectors.
 * @example summarizeEvent([visitIn003, visitIn001]).date -> '2023-02-02' (one each: earliest)
 */
export function summarizeEvent(members: readonly EventMember[]): EventFacts {
  const sorted = [...members].sort((a, b) => a.id - b.id)
  const first = sorted[0]
  if (first === undefined) throw new Error('summarizeEvent: an event needs at least one member')
  const lead = first.mention
  // Every member's sides as seen in the first member's direction.
  const sides = sorted.map((m) => orientedSides(lead, m.mention))
  const cameo = mostFrequent(sorted.map((m) => m.mention.cameo)) ?? lead.cameo
  const coded = sorted.find((m) => m.mention.cameo === cameo)?.mention ?? lead
  const location = bestLocation(sorted.map((m) => m.mention.location))
  const articles = distinctArticles(sorted)
  const firstArticle = [...articles].sort(compareArticles)[0]!
  return {
    type: lead.type,
    cameo,
    modality: lead.modality === 'planned' ? 'planned' : 'asserted',
    source: bestActor(sides.map((s) => s.source)) ?? lead.source,
    target: lead.target === null ? null : bestActor(sides.map((s) => s.target)),
    ...bestDate(sorted.map((m) => m.mention)),
    location,
    quad: coded.quad,
    goldstein: coded.goldstein,
    plover: { event: coded.plover.event, mode: coded.plover.mode },
    sectors: [...new Set(sorted.flatMap((m) => m.mention.sectors))].sort(),
    num_mentions: sorted.length,
    num_articles: articles.length,
    num_sources: new Set(articles.map((a) => sourceKey(a.id, a.facts))).size,
    first_seen: minOf(articles.map((a) => a.facts.publishedOn)),
    last_seen: maxOf(articles.map((a) => a.facts.publishedOn)),
    first_article: firstArticle.id,
    source_url: firstArticle.facts.url ?? firstArticle.facts.origin,
    added_at: minOf(articles.map((a) => a.facts.ingestedAt)) ?? first.article.ingestedAt,
  }
}

/**
 * Who published an article, for counting distinct sources: the outlet, else the URL's host,
 * else the article itself. @example { outlet: 'The Meridian Post' } -> 'the meridian post'
 */
export function sourceKey(
  articleId: string,
  facts: { outlet: string | null; url: string | null },
): string {
  const outlet = facts.outlet?.trim().toLowerCase()
  if (outlet) return outlet
  const host = hostOf(facts.url)
  return host ?? `article:${articleId}`
}

/** The inclusive day range a date stands for, in day numbers. @example '2022-06-01' month: June */
export function dayRange(
  mention: Pick<EventMention, 'date' | 'date_precision'>,
): [number, number] | null {
  const { date, date_precision: precision } = mention
  if (date === null) return null
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  if (precision === 'year') return [dayNumber(year, 1, 1), dayNumber(year + 1, 1, 1) - 1]
  if (precision === 'month') return [dayNumber(year, month, 1), dayNumber(year, month + 1, 1) - 1]
  const day = dayOfIso(date)
  return [day, day]
}

/** Days since 1970-01-01 of an ISO day. @example dayOfIso('1970-01-02') -> 1 */
export function dayOfIso(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))
}

/**
 * The ISO day of a day number. @example isoOfDay(1) -> '1970-01-02'
 * Computed (H. Hinnant's civil_from_days) rather than through `Date#toISOString`: the store's
 * candidate lookup asks for six of these per event mention, and the Date cost more than the
 * rest of the lookup's JavaScript.
 */
export function isoOfDay(day: number): string {
  const z = day + 719_468 // days since 0000-03-01, so a year ends with February's leap day
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  // Leap days passed: one a 4 years, none a 100 years, and the era's last day (its 400th year's).
  const leapDays =
    Math.floor(dayOfEra / 1460) - Math.floor(dayOfEra / 36_524) + Math.floor(dayOfEra / 146_096)
  const yearOfEra = Math.floor((dayOfEra - leapDays) / 365)
  const yearStart = 365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100)
  const dayOfYear = dayOfEra - yearStart
  const shifted = Math.floor((5 * dayOfYear + 2) / 153) // 0 = March ... 11 = February
  const date = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1
  const month = shifted < 10 ? shifted + 3 : shifted - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  // Outside four-digit years toISOString writes '+010000-…': keep its answer there.
  if (year < 0 || year > 9999) return new Date(day * 86_400_000).toISOString().slice(0, 10)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

// --- the rules, in the order isSameReport applies them -------------------------------------

type Orientation = 'straight' | 'reversed'

/** "Iran visited Venezuela" / "Venezuela visited Iran": reversed, only symmetric types allow it. */
function orientationOf(a: EventMention, b: EventMention): Orientation | null {
  if (a.target === null || b.target === null) {
    return a.target === b.target && a.source.country === b.source.country ? 'straight' : null
  }
  if (a.source.country === b.source.country && a.target.country === b.target.country) {
    return 'straight'
  }
  const isReversed = a.source.country === b.target.country && a.target.country === b.source.country
  return isReversed && SYMMETRIC_TYPES.has(a.type) ? 'reversed' : null
}

/** "in Caracas" vs "at Miraflores Palace, Caracas": same name or close; unknown fits any. */
function placesAgree(a: EventMention['location'], b: EventMention['location']): boolean {
  if (a === null || b === null) return true
  if (
    normalize(a.name) === normalize(b.name) &&
    (a.country === b.country || !a.country || !b.country)
  ) {
    return true
  }
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false
  return distanceKm(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
}

/** Within one article: the eval's rule (merge-in-article.ts), extended to one-sided mentions. */
function isSameInArticle(a: EventMention, b: EventMention): boolean {
  if (a.target !== null && b.target !== null) return isSameEvent(a, b)
  // "Iran protested" twice in one article, no target named: same day or undated, same speaker.
  return (
    a.type === b.type &&
    (a.date === null || b.date === null || a.date === b.date) &&
    compatible(a.source.person, b.source.person)
  )
}

/** Across articles: dates within the tolerance, or an undated report near a publication day. */
function datesAgree(a: EventMember, b: EventMember): boolean {
  const rangeA = dayRange(a.mention)
  const rangeB = dayRange(b.mention)
  if (rangeA !== null && rangeB !== null) return gapDays(rangeA, rangeB) <= DATE_TOLERANCE_DAYS
  if (rangeA !== null) return isNearPublication(rangeA, b.article.publishedOn)
  if (rangeB !== null) return isNearPublication(rangeB, a.article.publishedOn)
  const [p, q] = [a.article.publishedOn, b.article.publishedOn]
  if (p === null || q === null) return false
  return Math.abs(dayOfIso(p) - dayOfIso(q)) <= UNDATED_WINDOW_DAYS
}

function isNearPublication(range: readonly [number, number], publishedOn: string | null): boolean {
  if (publishedOn === null) return false
  const day = dayOfIso(publishedOn)
  return gapDays(range, [day, day]) <= UNDATED_WINDOW_DAYS
}

/** "Maduro met Amir-Abdollahian" vs "Amir-Abdollahian met Gil": people on a side must agree. */
function peopleAgree(a: EventMention, b: EventMention, orientation: Orientation): boolean {
  const [bSource, bTarget] =
    orientation === 'straight' ? [b.source, b.target] : [b.target, b.source]
  const agree = a.type === 'meet' ? same : compatible
  return agree(a.source.person, bSource?.person) && agree(a.target?.person, bTarget?.person)
}

// --- ranking candidates ---------------------------------------------------------------------

/** Days between the member's date and the nearest dated member of the group; 0 when unknown. */
function dateGapToGroup(member: EventMember, group: EventGroup): number {
  const range = dayRange(member.mention)
  if (range === null) return 0
  const gaps = group.members
    .map((m) => dayRange(m.mention))
    .filter((r): r is [number, number] => r !== null)
    .map((r) => gapDays(range, r))
  return gaps.length === 0 ? 0 : Math.min(...gaps)
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

// --- summarizing ----------------------------------------------------------------------------

/** The sides of `m` in the direction of `lead`: a reversed symmetric report swaps them. */
function orientedSides(lead: EventMention, m: EventMention) {
  const isReversed =
    lead.target !== null &&
    m.target !== null &&
    m.source.country !== lead.source.country &&
    m.source.country === lead.target.country
  return isReversed
    ? { source: m.target, target: m.source }
    : { source: m.source, target: m.target }
}

type SideActor = EventMention['source'] | EventMention['target']

/** The most specific code seen (IRNGOVDIP over IRN), with the most reported person. */
function bestActor(actors: readonly SideActor[]) {
  const known = actors.filter((a): a is NonNullable<SideActor> => a !== null)
  const first = known[0]
  if (first === undefined) return null
  const specific = known.reduce((best, a) => (a.code.length > best.code.length ? a : best), first)
  const person = mostFrequent(known.map((a) => a.person).filter((p): p is string => p !== null))
  return {
    country: first.country,
    sector: specific.sector,
    person: person ?? null,
    code: specific.code,
  }
}

const PRECISION_RANK: Readonly<Record<string, number>> = { day: 0, month: 1, year: 2 }

/** The most precise dates win; among them the most reported, the earliest on a tie. */
function bestDate(mentions: readonly EventMention[]): Pick<EventFacts, 'date' | 'date_precision'> {
  const dated = mentions.filter((m) => m.date !== null)
  if (dated.length === 0) return { date: null, date_precision: null }
  const rankOf = (m: EventMention) => PRECISION_RANK[m.date_precision ?? 'day'] ?? 0
  const top = Math.min(...dated.map(rankOf))
  const dates = dated.filter((m) => rankOf(m) === top).map((m) => m.date!)
  const date = mostFrequent([...dates].sort())!
  const precision = dated.find((m) => m.date === date && rankOf(m) === top)!.date_precision
  return { date, date_precision: precision ?? 'day' }
}

function bestLocation(locations: readonly (EventLocation | null)[]): EventLocation | null {
  const known = locations.filter((l): l is EventLocation => l !== null)
  const name = mostFrequent(known.map((l) => l.name))
  const chosen = known.filter((l) => l.name === name)
  const place = chosen.find((l) => l.lat !== null && l.lon !== null) ?? chosen[0]
  return place === undefined
    ? null
    : { name: place.name, country: place.country, lat: place.lat, lon: place.lon }
}

interface ArticleOfEvent {
  readonly id: string
  readonly facts: EventMember['article']
  readonly order: number
}

function distinctArticles(members: readonly EventMember[]): ArticleOfEvent[] {
  const seen = new Map<string, ArticleOfEvent>()
  for (const m of members) {
    if (!seen.has(m.mention.article)) {
      seen.set(m.mention.article, { id: m.mention.article, facts: m.article, order: m.id })
    }
  }
  return [...seen.values()]
}

/** Earliest publication first (undated last), then the first ingested. */
function compareArticles(a: ArticleOfEvent, b: ArticleOfEvent): number {
  const [p, q] = [a.facts.publishedOn, b.facts.publishedOn]
  if (p !== q) return p === null ? 1 : q === null ? -1 : p < q ? -1 : 1
  return a.order - b.order
}

// --- small helpers --------------------------------------------------------------------------

const compatible = (a: string | null | undefined, b: string | null | undefined) =>
  !a || !b || normalize(a) === normalize(b)

/** Both unnamed, or named alike. */
const same = (a: string | null | undefined, b: string | null | undefined) =>
  !a || !b ? !a && !b : normalize(a) === normalize(b)

/** Case and accents folded. @example 'Nicolás' -> 'nicolas' */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/** The most frequent value; the first seen on a tie. */
function mostFrequent<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: T | undefined
  let bestCount = 0
  for (const [v, n] of counts) {
    if (n > bestCount) [best, bestCount] = [v, n]
  }
  return best
}

const minOf = (xs: readonly (string | null)[]) =>
  xs.filter((x): x is string => x !== null).sort()[0] ?? null
const maxOf = (xs: readonly (string | null)[]) =>
  xs
    .filter((x): x is string => x !== null)
    .sort()
    .at(-1) ?? null

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000)
}

/** Days between two ranges; 0 when they overlap. */
function gapDays(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1])
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

function hostOf(url: string | null): string | null {
  if (url === null) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null
  } catch {
    return null
  }
}
