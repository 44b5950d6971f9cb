/**
 * Source and target of an event around its trigger, from the mentions of the sentence and the
 * words between them: subject before the verb, "by X" agents, "X's visit" possessives,
 * "between X and Y", coordinated subjects ("Iran and Belarus signed"), objects and destinations.
 */
import type { Actor, Mention, Place } from '../doc.js'
import type { Word } from '../nlp/match-words.js'
import { makeActor } from '../actors/make-actor.js'
import type { EventPattern, TargetSlot } from './pattern-types.js'
import type { RecentSide } from './recent-sides.js'

/** A mention placed on the sentence's words: [from, to) word indices. */
export interface PlacedMention {
  readonly mention: Mention
  readonly from: number
  readonly to: number
}

/** The two sides found, how, and the place the event happened when a slot gave one. */
export interface Sides {
  /** Usually one; several for a coordinated subject acting on one target ("Saudi Arabia, Kuwait
   * and the UAE pledged aid to Jordan"). */
  readonly sources: readonly Actor[]
  readonly targets: readonly Actor[]
  readonly place: Place | null
  readonly how: string
  /** True when the target came from an earlier sentence (slot `recent`). */
  readonly fromMemory?: boolean
}

/** Word lists the side finder needs (from grammar.yaml). */
export interface SideWords {
  readonly determiners: ReadonlySet<string>
  readonly breaks: ReadonlySet<string>
  /** Pronouns that open a relative clause: "Japan, which hosted ..., criticized China". */
  readonly relatives: ReadonlySet<string>
  /** Verbs of saying and judging: the actor before one speaks ("Manalo added", "Iran called"). */
  readonly speech: ReadonlySet<string>
  /** Words opening a condition: "If Russia continues, we stand ready ..." */
  readonly conditionals: ReadonlySet<string>
  /** Prepositions: one between a noun trigger and "by X" takes the "by" for its own noun. */
  readonly prepositions: ReadonlySet<string>
}

/** What the article around the sentence offers as a side when the sentence names none. */
export interface ArticleSides {
  /** The country the article is set in (slot `host`). */
  readonly host: Actor | null
  /** The counterpart an earlier event of the article gives the source (slot `recent`). */
  readonly recent: (source: Actor) => RecentSide | null
}

const NO_CONTEXT: ArticleSides = { host: null, recent: () => null }

/** Where the other triggers of the sentence end: a mention right after one is its object. */
export type TriggerEnds = ReadonlySet<number>

const isActor = (m: PlacedMention) => m.mention.actor !== null && m.mention.kind !== 'place'
const countryOf = (m: PlacedMention) => m.mention.actor?.country ?? m.mention.place?.country ?? null
const describe = (m: PlacedMention) => m.mention.why

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

/** Mentions coordinated after `first`: "Berlusconi and German Chancellor Schroeder". */
function coordinatedAfter(
  mentions: readonly PlacedMention[],
  first: PlacedMention,
  words: readonly Word[],
  sw: SideWords,
): PlacedMention[] {
  const out: PlacedMention[] = []
  let prev = first
  for (const m of mentions) {
    if (m.from < prev.to || !isActor(m)) continue
    const gap = words.slice(prev.to, m.from).map((w) => w.key)
    const linkedByComma = /,/.test(words[prev.to - 1]?.after ?? '') && gap.every((k) => sw.determiners.has(k))
    // "Maduro and the visiting Iranian foreign minister", "X as well as Y"
    const linkedByAnd =
      (gap[0] === 'and' || (gap[0] === 'as' && gap[1] === 'well' && gap[2] === 'as')) &&
      gap.every((k) => k === 'and' || k === 'as' || k === 'well' || sw.determiners.has(k))
    if (!linkedByComma && !linkedByAnd) break
    out.push(m)
    prev = m
  }
  return out
}

/** The first word of a mention after the determiners before it: "the" in "the Iranian minister". */
function headStart(m: PlacedMention, words: readonly Word[], sw: SideWords): number {
  let i = m.from
  while (i > 0 && sw.determiners.has(words[i - 1]?.key ?? '') && !/[,;:]/.test(words[i - 1]?.after ?? '')) i--
  return i
}

/**
 * Is the mention the object of an earlier trigger ("visited Baku") with the trigger at hand a new
 * verb of the same subject ("visited Baku on Monday, met ...", "visited Baku and met ...")? An
 * object right before the trigger is its subject instead: "thanked the Ghanaian President for
 * visiting Nigeria", "vetoed a Security Council resolution to impose sanctions".
 */
function isObjectOf(m: PlacedMention, words: readonly Word[], sw: SideWords, triggerEnds: TriggerEnds, trigger: number): boolean {
  // The trigger may end inside the words before the head: "visiting" is one of them too.
  let i = headStart(m, words, sw)
  while (i < m.from && !triggerEnds.has(i)) i++
  if (!triggerEnds.has(i) || /[,;:]/.test(words[i - 1]?.after ?? '')) return false
  // "was visiting the U.S. capital along with Erdogan during his tour to meet Trump": an
  // infinitive of purpose away from the object has the subject of the sentence ("invited the
  // Iranian president to visit", with the object right before "to", keeps the object).
  if (words[trigger - 1]?.key === 'to' && m.to < trigger - 1) return true
  return words.slice(m.to - 1, trigger).some((w, k) => /[,;]/.test(w.after) || (k > 0 && w.key === 'and'))
}

/**
 * When the mention is the object inside a relative clause ("which hosted the Vietnamese
 * president"), the word index where the clause's pronoun stands; else null. A mention right after
 * the pronoun is the clause's own subject ("the pact which Iran signed") and gives null.
 */
function relativeBefore(
  m: PlacedMention,
  words: readonly Word[],
  sw: SideWords,
  left: readonly PlacedMention[],
): number | null {
  for (let i = m.from - 1; i >= 0; i--) {
    const w = words[i]
    if (!w) break
    if (/[,;:]/.test(w.after) && i < m.from - 1) return null
    if (!sw.relatives.has(w.key)) continue
    // "with whom he renewed ... both nations": the clause has a subject of its own.
    if (left.some((x) => headStart(x, words, sw) === i + 1)) return null
    return i < headStart(m, words, sw) - 1 ? i : null
  }
  return null
}

/** Is the "and" before the mention a clause opener: comma before it, no actor list before that? */
function opensClause(m: PlacedMention, words: readonly Word[], sw: SideWords, left: readonly PlacedMention[]): boolean {
  const and = headStart(m, words, sw) - 1
  if (words[and]?.key !== 'and' || !/,/.test(words[and - 1]?.after ?? '')) return false
  return !left.some((x) => x.to === and)
}

/**
 * Where an opening condition before the trigger ends: in "If Russia continues to interfere, we
 * stand ready to impose sanctions," Russia is no subject of "stand ready". 0 when there is none.
 */
function openingConditionEnd(words: readonly Word[], trigger: number, sw: SideWords): number {
  const first = words.findIndex((w) => /\p{L}/u.test(w.key))
  if (first < 0 || !sw.conditionals.has(words[first]?.key ?? '')) return 0
  const comma = words.findIndex((w, i) => i > first && i < trigger && /,/.test(w.after))
  return comma < 0 ? 0 : comma + 1
}

/** The subject group left of the trigger: the nearest unprepositioned mention and its coordinates. */
function subjectGroup(
  mentions: readonly PlacedMention[],
  trigger: number,
  words: readonly Word[],
  sw: SideWords,
  triggerEnds: TriggerEnds = new Set(),
): PlacedMention[] {
  const opening = openingConditionEnd(words, trigger, sw)
  const left = mentions.filter((m) => m.to <= trigger && m.from >= opening && isActor(m))
  for (let i = left.length - 1; i >= 0; i--) {
    const m = left[i]
    if (!m) continue
    // A possessive is no subject: "Maduro described Amir-Abdollahian's visit as productive".
    if (words[m.to]?.key === 's' && /['’]$/.test(words[m.to - 1]?.after ?? '')) continue
    // The object of another event is no subject: "visited Baku, met President Aliyev"; unless a
    // relative clause about it holds the trigger: "received the Iranian minister, who had arrived".
    if (m.mention.prep === '' && isObjectOf(m, words, sw, triggerEnds, trigger)) {
      if (sw.relatives.has(words[m.to]?.key ?? '')) return [m]
      continue
    }
    // The object inside a relative clause is no subject: in "Japan, which hosted the Vietnamese
    // president, criticized China" (or "The envoy who met the Chinese president criticized Japan")
    // the subject is the clause's antecedent.
    const relative = relativeBefore(m, words, sw, left)
    if (relative !== null) {
      const antecedent = left.find((a) => a.to === relative && a.mention.prep === '')
      return antecedent ? [antecedent] : []
    }
    // "Russia and India signed an arms deal, and India criticized Pakistan": ", and" opens a
    // new clause whose subject is the mention after it, unless it closes a list ("A, B, and C").
    if (m.mention.prep === 'and' && opensClause(m, words, sw, left)) return [m, ...coordinatedAfter(left, m, words, sw)]
    if (m.mention.prep === '' || m.mention.kind === 'pair') {
      // A list reaches back over commas: "Saudi Arabia, Kuwait and the UAE pledged".
      let head = m
      for (let j = i - 1; j >= 0; j--) {
        const prev = left[j]
        if (!prev || prev.to !== head.from || prev.mention.prep !== '' || !/,/.test(words[prev.to - 1]?.after ?? '')) break
        head = prev
      }
      const group = [head, ...coordinatedAfter(left, head, words, sw)]
      return group
    }
    if (m.mention.prep === 'and') continue // second member; keep walking to the first
  }
  return []
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
  if (pattern.voice === 'guest') return findGuestSides(words, after, end, mentions, pattern, host)
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
      if (from && country && differs(from.mention.actor ?? makeActor(country, 'GOV', null, null))) {
        targets.push(from.mention.actor ?? makeActor(country, 'GOV', null, null))
        if (from.mention.place && from.mention.kind !== 'country') place = from.mention.place
        targetHow = `the stop before, “from ${from.mention.why}”`
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
  return { sources, targets, place, how: `source: ${sourceHow} (${describe(source)}); target: ${targetHow}`, fromMemory }
}

// Only people and bodies are guests: "Straw, visiting Beijing," visits a place.
const GUEST_KINDS: ReadonlySet<string> = new Set(['person', 'role', 'organisation'])

/**
 * "held talks with the visiting Nepalese PM Dahal": the guest named right after the trigger is
 * the visitor; the host is the other country the sentence names, else the one the article is set in.
 */
function findGuestSides(
  words: readonly Word[],
  after: readonly PlacedMention[],
  end: number,
  mentions: readonly PlacedMention[],
  pattern: EventPattern,
  host: Actor | null,
): Sides | null {
  const guest = after.find((m) => m.from - end <= 3)
  const visitor = guest?.mention.actor
  if (!guest || !visitor || !GUEST_KINDS.has(guest.mention.kind)) return null
  if (words.slice(end, guest.from).some((w) => /[,;:.]/.test(w.after))) return null
  const others = mentions
    .filter((m) => m !== guest && isActor(m))
    .flatMap((m) => [m.mention.actor, m.mention.partner])
    .filter((a): a is Actor => a != null && a.country !== visitor.country)
  const [hostSide, how] = pattern.target.includes('other') && others[0]
    ? [others[0], 'the other country the sentence names']
    : [host !== null && host.country !== visitor.country && pattern.target.includes('host') ? host : null, 'the country the article is set in']
  if (!hostSide) return null
  return { sources: [visitor], targets: [hostSide], place: null, how: `source: the visiting guest (${guest.mention.why}); target: ${how}` }
}

/** Does the adjective stand before an actor it qualifies: "unjust US sanctions"? */
function modifiesNext(words: readonly Word[], after: readonly PlacedMention[], end: number): boolean {
  const next = after[0]
  return next !== undefined && next.from - end <= 1 && !words.slice(end - 1, next.from).some((w) => /[,;:.”"]/.test(w.after))
}

/**
 * A judging word said of what an actor did. The speaker is the actor right before a verb of saying
 * or judging; the judged is the nearest actor between the speaker and the trigger, or before the
 * trigger when the speaker comes after it (the attribution after a quote):
 * "we don't understand why China is repeating these actions which are clearly illegal," Manalo
 * added -> PHL criticizes CHN; "Iran called the US sanctions illegal" -> IRN criticizes USA.
 * Without a speaker the judgement is the outlet's, and no event.
 */
function findJudgedSides(
  words: readonly Word[],
  mentions: readonly PlacedMention[],
  start: number,
  end: number,
  sw: SideWords,
): Sides | null {
  const speaks = (m: PlacedMention) =>
    isActor(m) && m.mention.prep === '' && sw.speech.has(words[m.to]?.key ?? '')
  const speaker = mentions.find((m) => m.to <= start && speaks(m)) ?? mentions.find((m) => m.from >= end && speaks(m))
  const source = speaker?.mention.actor
  if (!speaker || !source) return null
  const judged = mentions
    .filter((m) => m.to <= start && m.from >= (speaker.to <= start ? speaker.to : 0) && isActor(m))
    .filter((m) => m.mention.actor?.country !== source.country)
    .pop()
  const target = judged?.mention.actor
  if (!judged || !target) return null
  return {
    sources: [source],
    targets: [target],
    place: null,
    how: `source: the speaker (${speaker.mention.why}); target: judged (${judged.mention.why})`,
  }
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

/**
 * Passive voice: "Chinese Ambassador Huang Xilian will be summoned" — the subject is the target;
 * the source is the "by" agent, else the other country the sentence names.
 */
function findPassiveSides(
  words: readonly Word[],
  mentions: readonly PlacedMention[],
  start: number,
  end: number,
  sw: SideWords,
): Sides | null {
  const subject = subjectGroup(mentions, start, words, sw)[0]
  const target = subject?.mention.actor
  const agent = mentions.find((m) => m.from >= end && isActor(m) && m.mention.prep === 'by' && m.from - end <= 6)
  if (!subject || !target) {
    // "The agreement was signed by Iran and Venezuela": no actor in the subject, the agents act
    // together, as in the active "Iran and Venezuela signed".
    const agents = agent ? [agent, ...coordinatedAfter(mentions, agent, words, sw)] : []
    const first = agents[0]?.mention.actor
    const second = agents.find((m) => m.mention.actor && m.mention.actor.country !== first?.country)?.mention.actor
    if (!agent || !first || !second) return null
    return { sources: [first], targets: [second], place: null, how: `passive; source: agent “by” (${agent.mention.why}); target: coordinated agent` }
  }
  const other = agent ?? mentions.find((m) => isActor(m) && m.mention.actor?.country !== target.country && m.mention.kind !== 'pair')
  const source = other?.mention.actor
  if (!other || !source || source.country === target.country) return null
  const how = agent ? 'agent “by”' : 'the other country named'
  return { sources: [source], targets: [target], place: null, how: `passive; source: ${how} (${other.mention.why}); target: subject (${subject.mention.why})` }
}
