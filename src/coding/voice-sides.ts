/**
 * Side finders for triggers whose sides stand elsewhere than subject and object: the passive
 * ("the ambassador was summoned"), a visiting guest ("talks with the visiting Nepalese PM") and
 * a judgement with its speaker ("these actions are clearly illegal," Manalo added).
 */
import type { Actor } from '../doc.js'
import type { Word } from '../nlp/match-words.js'
import type { EventPattern } from './pattern-types.js'
import { makeActor } from '../actors/make-actor.js'
import { coordinatedAfter, isActor, isPossessive, subjectGroup, type PlacedMention, type Sides, type SideWords } from './subject-group.js'

// Only people and bodies are guests: "Straw, visiting Beijing," visits a place.
const GUEST_KINDS: ReadonlySet<string> = new Set(['person', 'role', 'organisation'])

/**
 * "held talks with the visiting Nepalese PM Dahal": the guest named right after the trigger is
 * the visitor; the host is the other country the sentence names, else the one the article is set in.
 */
export function findGuestSides(
  words: readonly Word[],
  after: readonly PlacedMention[],
  start: number,
  end: number,
  mentions: readonly PlacedMention[],
  pattern: EventPattern,
  host: Actor | null,
  sw: SideWords,
): Sides | null {
  const guest = ownedBy(words, after, after.find((m) => m.from - end <= 3))
  const visitor = guest?.mention.actor
  if (!guest || !visitor || !GUEST_KINDS.has(guest.mention.kind)) return null
  if (words.slice(end, guest.from).some((w) => /[,;:.]/.test(w.after))) return null
  // The host is no guest of its own country: in "Kenyatta will welcome the President of ...
  // Djibouti", a guest read as Kenya's is misread.
  if (subjectGroup(mentions, start, words, sw)[0]?.mention.actor?.country === visitor.country) return null
  const others = mentions
    .filter((m) => m !== guest && isActor(m))
    .flatMap((m) => [m.mention.actor, m.mention.partner])
    .filter((a): a is Actor => a != null && a.country !== visitor.country)
  const [hostSide, how] = pattern.target.includes('other') && others[0]
    ? [others[0], 'the other country the sentence names']
    : [host !== null && host.country !== visitor.country && pattern.target.includes('host') ? host : null, 'the country the article is set in']
  if (!hostSide) return null
  // The host of a visit is the country, not the person who talks with the guest.
  const hostCountry = makeActor(hostSide.country, 'GOV', null, null)
  return { sources: [visitor], targets: [hostCountry], place: null, how: `source: the visiting guest (${guest.mention.why}); target: ${how}` }
}

/**
 * The person a possessive country owns: in "received Zimbabwe's new President Mnangagwa" the
 * guest is the president, not Zimbabwe. Any other mention is itself.
 */
function ownedBy(words: readonly Word[], after: readonly PlacedMention[], m: PlacedMention | undefined): PlacedMention | undefined {
  if (!m || m.mention.kind !== 'country') return m
  const owned = after[after.indexOf(m) + 1]
  return isPossessive(m, words) && owned && owned.from - m.to <= 3 ? owned : m
}

/** Does the adjective stand before an actor it qualifies: "unjust US sanctions"? */
export function modifiesNext(words: readonly Word[], after: readonly PlacedMention[], end: number): boolean {
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
export function findJudgedSides(
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
 * Passive voice: "Chinese Ambassador Huang Xilian will be summoned" — the subject is the target;
 * the source is the "by" agent, else the other country the sentence names.
 */
export function findPassiveSides(
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
