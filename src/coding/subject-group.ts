/**
 * The words around a trigger as the side finders see them: mentions placed on word indices, the
 * grammar word lists, and the subject of a clause ("Saudi Arabia, Kuwait and the UAE pledged",
 * "Japan, which hosted the Vietnamese president, criticized China").
 */
import type { Actor, Mention, Place } from '../doc.js'
import { isPossessiveAt, type Word } from '../nlp/match-words.js'

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
  /** True when the sentence's day is not the event's: the stop before an arrival (slot `origin`). */
  readonly undated?: boolean
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

/** Where the other triggers of the sentence end: a mention right after one is its object. */
export type TriggerEnds = ReadonlySet<number>

export const isActor = (m: PlacedMention) => m.mention.actor !== null && m.mention.kind !== 'place'
export const countryOf = (m: PlacedMention) => m.mention.actor?.country ?? m.mention.place?.country ?? null
export const describe = (m: PlacedMention) => m.mention.why

/** Mentions coordinated after `first`: "Berlusconi and German Chancellor Schroeder". */
export function coordinatedAfter(
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
export function headStart(m: PlacedMention, words: readonly Word[], sw: SideWords): number {
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

/** Is the mention a possessive: "Amir-Abdollahian's visit", "Zimbabwe's new President"? */
export function isPossessive(m: PlacedMention, words: readonly Word[]): boolean {
  return isPossessiveAt(words, m.to)
}

/** The subject group left of the trigger: the nearest unprepositioned mention and its coordinates. */
export function subjectGroup(
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
    if (isPossessive(m, words)) continue
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
