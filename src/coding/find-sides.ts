/**
 * Source and target of an event around its trigger, from the mentions of the sentence and the
 * words between them: subject before the verb, "by X" agents, "X's visit" possessives,
 * "between X and Y", coordinated subjects ("Iran and Belarus signed"), objects and destinations.
 */
import type { Actor, Place } from '../doc.js'
import type { Word } from '../nlp/match-words.js'
import { makeActor } from '../actors/make-actor.js'
import type { EventPattern, TargetSlot } from './pattern-types.js'
import type { RecentSide } from './recent-sides.js'
import {
  coordinatedAfter,
  countryOf,
  describe,
  isActor,
  subjectGroup,
  type PlacedMention,
  type Sides,
  type SideWords,
  type TriggerEnds,
} from './subject-group.js'
import { findGuestSides, findJudgedSides, findPassiveSides, modifiesNext } from './voice-sides.js'

/** What the article around the sentence offers as a side when the sentence names none. */
export interface ArticleSides {
  /** The country the article is set in (slot `host`). */
  readonly host: Actor | null
  /** The counterpart an earlier event of the article gives the source (slot `recent`). */
  readonly recent: (source: Actor) => RecentSide | null
}

const NO_CONTEXT: ArticleSides = { host: null, recent: () => null }

/** The preposition between the trigger's end and a mention after it; null when too far. */
function gapPrep(words: readonly Word[], end: number, m: PlacedMention, sw: SideWords, window: number): string | null {
  if (m.from < end || m.from - end > window) return null
  const gap = words.slice(end, m.from)
  if (gap.every((w) => sw.determiners.has(w.key))) return ''
  // A clause break between trigger and mention ends the search: "met X, who ..." keeps X only.
  for (let i = end; i < m.from; i++) {
    const w = words[i]
    if (w && sw.breaks.has(w.key)) return null
  }
  return m.mention.prep
}

/**
 * Is the mention the second member of a list that starts right after the trigger (or its
 * preposition) and whose first member names no state? Then it stands where the first member
 * does: in "imposed sanctions on some members of Congress and U.S. officials" the officials are
 * the object.
 */
function secondOfList(words: readonly Word[], end: number, m: PlacedMention, after: readonly PlacedMention[]): boolean {
  if (words[m.from - 1]?.key !== 'and' || after.some((x) => x.from < m.from && isActor(x))) return false
  return words.slice(end, m.from - 1).every((w) => !/[,;:.]/.test(w.after))
}

/** The last place, country or body before the trigger of another country than the source's, for "there". */
function thereBefore(mentions: readonly PlacedMention[], start: number, source: PlacedMention | null): PlacedMention | undefined {
  const own = source?.mention.actor?.country
  return [...mentions]
    .reverse()
    .find((m) => m.to <= start && !['pronoun', 'pair', 'person'].includes(m.mention.kind) && m.mention.actor && countryOf(m) !== own)
}

/**
 * Does the "by" before the mention at `at` belong to another noun than the trigger? It does when
 * a preposition stands between ("the visit to Iran by Maduro" is still Maduro's, but not "an
 * investigation into abuses by Myanmar", whose trigger ends in "into" before the noun "abuses").
 */
function byOtherNoun(words: readonly Word[], end: number, at: number, sw: SideWords, after: readonly PlacedMention[]): boolean {
  const gap = words.slice(end, at)
  const by = gap.map((w) => w.key).lastIndexOf('by')
  const between = by < 0 ? gap : gap.slice(0, by)
  const isPrep = (w: Word | undefined) => w !== undefined && sw.prepositions.has(w.key) && w.key !== 'and'
  // "sanctions were imposed on Russia by the EU": the words between are the object, an actor.
  const object = after.some((x) => x.from >= end && x.to <= end + between.length && isActor(x))
  return !object && (between.some(isPrep) || (between.length > 0 && isPrep(words[end - 1])))
}

/**
 * Find source and target(s) for a trigger at words [start, end) by the pattern's slots.
 * @example "Maduro received Abdollahian" + host/receive -> VEN, [IRN]
 */
export function findSides(
  words: readonly Word[],
  mentions: readonly PlacedMention[],
  start: number,
  end: number,
  pattern: EventPattern,
  sw: SideWords,
  isPassive = false,
  triggerEnds: TriggerEnds = new Set(),
  context: ArticleSides = NO_CONTEXT,
): Sides | null {
  const { host, recent } = context
  if (isPassive) return findPassiveSides(words, mentions, start, end, sw)
  const after = mentions.filter((m) => m.from >= end)
  if (pattern.voice === 'guest') return findGuestSides(words, after, start, end, mentions, pattern, host, sw)
  if (pattern.voice === 'breach' || (pattern.voice === 'judged' && !modifiesNext(words, after, end))) {
    return findJudgedSides(words, mentions, start, end, sw)
  }
  const window = pattern.window > 0 ? Math.max(pattern.window, 12) : 12
  let source: PlacedMention | null = null
  let sourceHow = ''
  let pairSecond: Actor | null = null
  let group: PlacedMention[] = []

  // 1. "by X" after the trigger: "The Caracas visit Friday by Foreign Minister Amir-Abdollahian".
  // A statement's "by X" names whom it is about: "called for restraint by India and Pakistan".
  // "an investigation into abuses by Myanmar": "by" goes with the nearer noun, "abuses".
  const agent =
    pattern.modality === 'statement'
      ? undefined
      : after.find(
          (m) =>
            isActor(m) &&
            m.mention.prep === 'by' &&
            m.from - end <= 6 &&
            !byOtherNoun(words, end, m.from, sw, after),
        )
  if (agent) {
    ;[source, sourceHow] = [agent, 'agent “by”']
    // "a signed agreement by President Tokayev and President Japarov": the agents act together.
    const first = agent.mention.actor?.country
    pairSecond = coordinatedAfter(mentions, agent, words, sw).find((c) => c.mention.actor?.country !== first)?.mention.actor ?? null
  }
  // 2. "X's visit" / "his visit".
  if (!source) {
    // "Bakiyev's Moscow visit": a place may stand between the owner and the noun.
    const modifier = mentions.find((m) => m.to === start && m.mention.place && m.mention.kind !== 'pronoun')
    const nounStart = modifier ? modifier.from : start
    const owner = mentions.find(
      (m) =>
        isActor(m) &&
        ((m.to === nounStart - 1 && words[m.to]?.key === 's') ||
          // "his visit", "his recent visit"
          (m.mention.kind === 'pronoun' && m.to <= nounStart && words.slice(m.to, nounStart).every((w) => sw.determiners.has(w.key)))),
    )
    if (owner) [source, sourceHow] = [owner, 'possessive']
    // "US sanctions against ...": a country name right before a noun trigger is its owner,
    // unless the pattern reads it as a destination ("the Caracas visit").
    const beforeModifier = words[(modifier?.from ?? 0) - 1]?.key ?? ''
    const isNounModifier = modifier !== undefined && modifier.mention.prep !== 'and' && (sw.determiners.has(beforeModifier) || modifier.mention.prep !== '')
    if (!owner && modifier && isNounModifier && !pattern.target.includes('place') && isActor(modifier) && modifier.mention.kind === 'country') {
      ;[source, sourceHow] = [modifier, 'modifier']
    }
    // "After his trip to Nicaragua, Amir-Abdollahian arrived ...": a pronoun in an opening phrase
    // points forward to the subject of the main clause, not back to the previous sentence.
    // Only a possessive points forward ("After his trip ..., X arrived"); a subject pronoun
    // ("When he was in Tokyo, Machimura told him") points back.
    const pronoun = owner ? words[owner.from]?.key : undefined
    if (owner?.mention.kind === 'pronoun' && (pronoun === 'his' || pronoun === 'her')) {
      const comma = words.findIndex((w, i) => i >= end && /,/.test(w.after))
      const main = comma >= 0 ? mentions.find((m) => m.from === comma + 1 && isActor(m) && m.mention.kind !== 'pronoun') : undefined
      if (main) [source, sourceHow] = [main, 'subject of the main clause after an opening phrase']
    }
  }
  // 3a. "Venezuela said it was withdrawing its staff from ..., accusing the seven governments":
  // a participle after a comma has the subject of the sentence.
  if (!source && /ing$/.test(words[start]?.key ?? '') && /,/.test(words[start - 1]?.after ?? '')) {
    const main = mentions.find((m) => m.to <= start && isActor(m) && m.mention.prep === '')
    if (main) [source, sourceHow] = [main, 'subject of the sentence, for a participle after a comma']
  }
  // 3. The subject before the trigger.
  if (!source) {
    group = subjectGroup(mentions, start, words, sw, triggerEnds)
    const first = group[0]
    if (first) {
      source = first
      sourceHow = 'subject'
      if (first.mention.kind === 'pair' && first.mention.partner) pairSecond = first.mention.partner
      else pairSecond = group.slice(1).find((g) => countryOf(g) !== countryOf(first))?.mention.actor ?? null
    }
  }
  // 4. No subject before the trigger ("In a meeting held on Thursday ..., Hatami reviewed with ...").
  // "Accusing the French of overfishing, Canada said": the main clause starts after the comma.
  if (!source) {
    const comma = words.findIndex((w, i) => i >= end - 1 && /,/.test(w.after))
    const candidates = after.filter(
      (m) => isActor(m) && m.mention.prep === '' && m.mention.kind !== 'capital' && (comma < 0 || m.from > comma),
    )
    // A named actor beats "the two leaders", which may only echo the pair. Before the comma only
    // a pair can act: "They noted the importance of deepening bilateral cooperation, ...".
    const pairBefore = after.find((m) => m.mention.kind === 'pair' && m.mention.prep === '' && comma >= 0 && m.from <= comma)
    const later = candidates.find((m) => m.mention.kind !== 'pair') ?? candidates[0] ?? pairBefore
    if (later) [source, sourceHow] = [later, 'subject of the main clause']
    if (later?.mention.kind === 'pair' && later.mention.partner) pairSecond = later.mention.partner
  }
  // "A highlight of Nasirzadeh's visit will be a meeting with ...": the owner of the subject.
  if (!source) {
    const owner = [...mentions]
      .reverse()
      .find((m) => m.to < start && isActor(m) && words[m.to]?.key === 's' && m.mention.kind === 'person')
    if (owner) [source, sourceHow] = [owner, 'owner of the subject']
  }

  let place: Place | null = null
  let fromMemory = false
  let undated = false
  const targets: Actor[] = []
  let targetHow = ''
  const differs = (a: Actor | null) => a !== null && (!source?.mention.actor || a.country !== source.mention.actor.country)
  for (const slot of slotOrder(pattern, words, start, mentions)) {
    if (targets.length > 0) break
    if (slot === 'object') {
      const obj = after.find((m) => {
        if (!isActor(m) || m === source || !differs(m.mention.actor)) return false
        const prep = gapPrep(words, end, m, sw, window)
        if (prep === 'and' && secondOfList(words, end, m, after)) return pattern.preps.includes(words[end]?.key ?? '') || pattern.preps.includes('')
        return prep !== null && pattern.preps.includes(prep) && (prep !== '' || m.from - end <= 4)
      })
      if (obj?.mention.actor) {
        targets.push(obj.mention.actor)
        // "accusing the seven governments of meddling": every member of the group.
        for (const a of obj.mention.members ?? []) if (differs(a) && !targets.some((t) => t.country === a.country)) targets.push(a)
        for (const c of coordinatedAfter(mentions, obj, words, sw)) if (c.mention.actor && differs(c.mention.actor) && !targets.some((t) => t.country === c.mention.actor?.country)) targets.push(c.mention.actor)
        targetHow = `object “${obj.mention.why}”`
      }
    } else if (slot === 'place') {
      // Just before a noun trigger ("the Caracas visit", "his China visit") or after it ("visit to Minsk").
      const before = mentions.find((m) => m.to === start && m.mention.place && m.mention.kind !== 'pronoun')
      const found =
        (before && before !== source ? before : undefined) ??
        after.find((m) => {
          if (!m.mention.place && m.mention.kind !== 'country') return false
          const prep = gapPrep(words, end, m, sw, 8)
          return prep !== null && pattern.place_preps.includes(prep)
        })
      // "during his recent visit there": the country named last before the trigger.
      const there = !found && words[end]?.key === 'there' ? thereBefore(mentions, start, source) : undefined
      if (there?.mention.actor && differs(there.mention.actor)) {
        const country = countryOf(there) ?? there.mention.actor.country
        targets.push(makeActor(country, 'GOV', null, null))
        targetHow = `“there”: the country named before (${there.mention.why})`
      }
      const country = found ? countryOf(found) : null
      if (found && country && differs(found.mention.actor ?? { country } as Actor)) {
        const actor = found.mention.actor ?? null
        if (actor) targets.push(actor)
        // "after visits to Afghanistan and Iran"
        for (const c of coordinatedAfter(mentions, found, words, sw)) {
          const a = c.mention.actor
          if (a && c.mention.place && differs(a) && !targets.some((t) => t.country === a.country)) targets.push(a)
        }
        const p = found.mention.place
        if (p && found.mention.kind !== 'country') place = p
        targetHow = `destination “${found.mention.why}”`
      }
    } else if (slot === 'pair') {
      if (pairSecond && differs(pairSecond)) {
        targets.push(pairSecond)
        targetHow = 'coordinated subject'
        // "India, Japan and Australia held talks": every later member is a target too; the
        // members before the last are sources (below), which gives each pair once.
        for (const g of group.slice(1)) {
          const a = g.mention.actor
          if (a && g.mention.kind !== 'pair' && differs(a) && !targets.some((t) => t.country === a.country)) targets.push(a)
        }
      }
    } else if (slot === 'other') {
      const pair = mentions.find((m) => m.mention.kind === 'pair')
      const candidates = [
        ...(pair ? [pair.mention.actor, pair.mention.partner] : []),
        // Not a partner of the subject: "France and the EU would retaliate" aims at neither.
        ...mentions.filter((m) => isActor(m) && m !== source && !group.includes(m)).map((m) => m.mention.actor),
      ]
      const other = candidates.find((a): a is Actor => a != null && differs(a))
      if (other) {
        targets.push(other)
        targetHow = 'the other country the sentence names'
      }
    } else if (slot === 'location') {
      // A city, or a country travelled to ("a joint visit to the Solomon Islands to meet ...").
      const here = mentions.find(
        (m) =>
          m.mention.place &&
          (m.mention.kind !== 'country' ? ['in', 'to', 'at'] : ['to']).includes(m.mention.prep),
      )
      const country = here?.mention.place?.country ?? null
      if (here?.mention.place && country && (!source?.mention.actor || country !== source.mention.actor.country)) {
        targets.push(here.mention.actor ?? makeActor(country, 'GOV', null, null))
        if (here.mention.kind !== 'country') place = here.mention.place
        targetHow = `host country of “${here.mention.place.name}”`
      }
    } else if (slot === 'recent') {
      // "Turkey condemned the latest launch" after "Guterres condemned North Korea's launch".
      const remembered = source?.mention.actor ? recent(source.mention.actor) : null
      if (remembered && differs(remembered.actor)) {
        targets.push(remembered.actor)
        targetHow = remembered.how
        fromMemory = true
      }
    } else if (slot === 'origin') {
      // "landed in Caracas late on Thursday from Managua": the stop before, a visit of its own.
      const from = after.find((m) => m.mention.prep === 'from' && m.from - end <= window && (m.mention.place || m.mention.kind === 'country'))
      const country = from ? countryOf(from) : null
      const stop = from && country ? (from.mention.actor ?? makeActor(country, 'GOV', null, null)) : null
      if (from && stop && differs(stop)) {
        targets.push(stop)
        if (from.mention.place && from.mention.kind !== 'country') place = from.mention.place
        targetHow = `the stop before, “from ${from.mention.why}”`
        undated = true
      }
    } else if (slot === 'host') {
      // "Guelleh is scheduled to arrive on Wednesday" in a story about visits to Kenya.
      if (host && differs(host)) {
        targets.push(host)
        targetHow = `the country the article is set in (${host.country})`
      }
    } else if (slot === 'parties') {
      // "mediated between Egypt and Ethiopia": the subject acts on each of the two.
      // "called for restraint by India and Pakistan": other prepositions may stand for "between".
      const x = after.find(
        (m) => isActor(m) && (m.mention.prep === 'between' || (m.mention.prep !== '' && pattern.preps.includes(m.mention.prep))) && m.from - end <= 6,
      )
      const rest = x ? [x, ...coordinatedAfter(mentions, x, words, sw)] : []
      for (const m of rest) {
        const a = m.mention.actor
        if (a && differs(a) && !targets.some((t) => t.country === a.country)) targets.push(a)
      }
      if (targets.length > 0) targetHow = `the parties “between ${rest.map(describe).join(' and ')}”`
    } else if (slot === 'between') {
      const x = after.find(
        (m) => (m.mention.prep === 'between' || (m.mention.kind === 'pair' && m.mention.prep === 'of')) && m.from - end <= 6,
      )
      if (x?.mention.kind === 'pair' && x.mention.actor && x.mention.partner) {
        return resolveBetween(x.mention.actor, x.mention.partner, source?.mention.actor ?? null, place)
      }
      const y = x ? after.find((m) => m.from >= x.to && m.mention.prep === 'and' && m.from - x.to <= 2) : undefined
      if (x?.mention.actor && y?.mention.actor) {
        return resolveBetween(x.mention.actor, y.mention.actor, source?.mention.actor ?? null, place)
      }
      // "a deal on China-UK tourism", "Iran-Venezuela talks"
      const hyphened = after.find((m, k) => {
        const next = after[k + 1]
        return m.from - end <= 6 && next !== undefined && next.from === m.to && /^[-–]$/.test(words[m.to - 1]?.after ?? '')
      })
      const partner = hyphened ? after[after.indexOf(hyphened) + 1] : undefined
      if (hyphened?.mention.actor && partner?.mention.actor) {
        return resolveBetween(hyphened.mention.actor, partner.mention.actor, source?.mention.actor ?? null, place)
      }
    }
  }
  if (!source?.mention.actor || targets.length === 0) return null
  // A coordinated subject acting on a separate target: one event per subject country.
  const sources = [source.mention.actor]
  // "The seven countries demanded ...": each member acts.
  for (const a of source.mention.members ?? []) if (!sources.some((s) => s.country === a.country) && !targets.some((t) => t.country === a.country)) sources.push(a)
  // Three or more coordinated members: the members before the last act on those after them.
  if (targetHow === 'coordinated subject') sources.push(...targets.slice(0, -1))
  // Statements stay with their speaker: in "both Iran and Belarus have been subjected to unjust US
  // sanctions" only the speaker's side criticises.
  if (sourceHow === 'subject' && targetHow !== 'coordinated subject' && pattern.modality === 'event') {
    for (const g of group.slice(1)) {
      const a = g.mention.actor
      if (a && g.mention.kind !== 'pair' && !sources.some((s) => s.country === a.country) && !targets.some((t) => t.country === a.country)) sources.push(a)
    }
  }
  return { sources, targets, place, how: `source: ${sourceHow} (${describe(source)}); target: ${targetHow}`, fromMemory, undated }
}

/**
 * The pattern's target slots in the order to try them. "X and Y are to make a joint visit to the
 * Solomon Islands to meet its new government": after a trip, "to meet" aims at the place travelled
 * to, not at the travelling partner, so `location` goes before `pair`.
 */
function slotOrder(pattern: EventPattern, words: readonly Word[], start: number, mentions: readonly PlacedMention[]): readonly TargetSlot[] {
  const slots = pattern.target
  const pair = slots.indexOf('pair')
  const location = slots.indexOf('location')
  if (words[start - 1]?.key !== 'to' || pair < 0 || location < pair) return slots
  // Only after a trip to somewhere: "Iran and Belarus plan to meet in Moscow" meet each other.
  if (!mentions.some((m) => m.to < start && m.mention.place && m.mention.prep === 'to')) return slots
  return [...slots.slice(0, pair), 'location', ...slots.slice(pair).filter((s) => s !== 'location')]
}

/** "between X and Y": the subject keeps its side when it is one of the two, else X acts on Y. */
function resolveBetween(x: Actor, y: Actor, subject: Actor | null, place: Place | null): Sides | null {
  if (x.country === y.country) return null
  if (subject && subject.country === y.country) return { sources: [subject], targets: [x], place, how: 'between, subject is one side' }
  if (subject && subject.country === x.country) return { sources: [subject], targets: [y], place, how: 'between, subject is one side' }
  return { sources: [x], targets: [y], place, how: '“between X and Y”' }
}
