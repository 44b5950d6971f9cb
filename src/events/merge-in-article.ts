/**
 * One article often tells one event several times: the headline, the lead, a quote. Merge the
 * event mentions of one article that describe the same event: same type, same two countries
 * (either order for symmetric types), dates equal or unknown, named people compatible.
 * @example 'Iran and Belarus signed a document' + 'By signing the document, both nations...' -> 1 event
 */
import { SYMMETRIC_TYPES, type EventMention } from '../doc.js'
import { corroborated } from '../coding/confidence.js'

// Each statement is its own event: "stressed the need to strengthen cooperation" on Friday and
// "called for bolstering ties" later that day are two statements, even between the same pair.
const STATEMENT_TYPES: ReadonlySet<string> = new Set(['intent_cooperate', 'criticize', 'demand', 'threaten'])

const compatible = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a === b

/**
 * The same person, written in full or in part: "Prince Mohammed" is "Mohammed bin Salman" when
 * every word of the shorter name is in the longer one.
 */
function samePerson(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b || a === b) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  const words = new Set(long.toLowerCase().split(/\s+/))
  return short.toLowerCase().split(/\s+/).every((w) => words.has(w))
}

/** A side named only as a country ("Egypt and Sudan held talks", "India-Nepal talks"). */
const bareCountry = (actor: EventMention['source'] | null) => actor !== null && !actor.person && !actor.sector

// A trip lasts days, not weeks: two dates further apart than this are two trips.
const TRIP_DAYS = 14

/**
 * Are two visits of one article dated to different trips? "Morrison visited Fiji in January" is
 * not the visit of June the article is about. Dates compare at the coarser of the two precisions.
 */
function tripsApart(a: EventMention, b: EventMention): boolean {
  if (!a.date || !b.date) return false
  const coarse = [a.date_precision, b.date_precision]
  if (coarse.includes('year')) return a.date.slice(0, 4) !== b.date.slice(0, 4)
  if (coarse.includes('month')) return a.date.slice(0, 7) !== b.date.slice(0, 7)
  return Math.abs(Date.parse(a.date) - Date.parse(b.date)) > TRIP_DAYS * 86_400_000
}

/** Same event? The pair, type and modality class must agree; dates and people must not clash. */
export function isSameEvent(a: EventMention, b: EventMention): boolean {
  if (a.type !== b.type || !a.target || !b.target) return false
  if (STATEMENT_TYPES.has(a.type) && a.sentence !== b.sentence) return false
  // What happened, what is planned and what was denied are different things.
  if (a.modality !== b.modality) return false
  const straight = a.source.country === b.source.country && a.target.country === b.target.country
  const reversed = a.source.country === b.target.country && a.target.country === b.source.country
  if (!straight && !(reversed && SYMMETRIC_TYPES.has(a.type))) return false
  // One article tells one trip over several days (arrived Thursday, met Friday): its visits
  // are one visit whatever day each sentence names.
  const isTrip = (a.type === 'visit' || a.type === 'host_visit') && a.article === b.article
  if (isTrip ? tripsApart(a, b) : !compatible(a.date, b.date)) return false
  const [bSource, bTarget] = straight ? [b.source, b.target] : [b.target, b.source]
  // Meetings repeat with different counterparts of one country ("met the foreign minister",
  // "held talks with the oil minister"): only the same counterpart, or none named, is one meeting.
  // A mention naming nobody on either side ("Egypt and Sudan held talks", "the Egyptian leader
  // discussed with Sudanese officials") retells a meeting named elsewhere; one where a named
  // minister meets unnamed officials is a meeting of its own.
  if (a.type === 'meet') {
    // A programme of visit lists its meetings one sentence each ("will attend the commission's
    // session", "is also scheduled to hold discussions with officials"): planned meetings in
    // different sentences are one only when they name the same counterpart.
    if (a.modality === 'planned' && a.sentence !== b.sentence && !(a.target.person && bTarget.person)) return false
    const anonymous = (m: EventMention) => !m.source.person && !m.target?.person
    // A counterpart named only as a country ("bilateral talks with Sudan") may be the named one.
    const sameCounterpart =
      a.target.person && bTarget.person
        ? samePerson(a.target.person, bTarget.person)
        : a.target.person === bTarget.person || bareCountry(a.target) || bareCountry(bTarget)
    if (!sameCounterpart && !anonymous(a) && !anonymous(b)) return false
  }
  return samePerson(a.source.person, bSource.person) && samePerson(a.target.person, bTarget.person)
}

/**
 * Group an article's event mentions into events, in order of first mention. The first member
 * of each group represents it, with the most precise date and the named people any member knows.
 */
export function mergeInArticle(mentions: readonly EventMention[]): EventMention[][] {
  const groups: EventMention[][] = []
  for (const mention of mentions) {
    const group = groups.find((g) => g.every((m) => isSameEvent(m, mention)))
    if (group) group.push(mention)
    else groups.push([mention])
  }
  return groups
}

/** The representative event mention of a group: the first, completed by the others. */
export function representative(group: readonly EventMention[]): EventMention {
  const first = group[0]
  if (!first) throw new Error('empty event group')
  // A trip is dated by its first day (the arrival), other events by their first dated mention.
  const byDate = [...group].filter((m) => m.date !== null).sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''))
  const isTrip = first.type === 'visit' || first.type === 'host_visit'
  const dated = isTrip
    ? byDate.find((m) => m.date_precision === 'day') ?? byDate[0]
    : group.find((m) => m.date !== null && m.date_precision === 'day') ?? group.find((m) => m.date !== null)
  const located = group.find((m) => m.location !== null)
  return {
    ...first,
    confidence: corroborated(group.map((m) => m.confidence)),
    date: dated?.date ?? null,
    date_precision: dated?.date_precision ?? null,
    location: located?.location ?? null,
  }
}
