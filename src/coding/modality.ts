/**
 * Tell what happened from what was planned, denied or only hoped for, by cue words before the
 * trigger in its clause. @example 'will visit' -> planned, 'did not sign' -> negated,
 * 'could bolster' -> hypothetical, 'visited' -> asserted.
 */
import type { Modality } from '../doc.js'
import type { Word } from '../nlp/match-words.js'
import { phraseKeys } from '../nlp/match-words.js'
import type { Grammar } from './pattern-types.js'

/** Compiled cue lists: each cue as folded keys. */
export interface ModalityCues {
  readonly negated: readonly string[][]
  readonly hypothetical: readonly string[][]
  readonly planned: readonly string[][]
  readonly conditional: readonly string[][]
  readonly recalled: readonly string[][]
  readonly reporting: ReadonlySet<string>
  readonly breaks: ReadonlySet<string>
  readonly parentheticals: ReadonlySet<string>
}

/** Compile the cue lists of grammar.yaml once. */
export function compileModalityCues(grammar: Grammar): ModalityCues {
  const keys = (list: readonly string[]) => list.map(phraseKeys).filter((k) => k.length > 0)
  return {
    negated: keys(grammar.modality.negated),
    hypothetical: keys(grammar.modality.hypothetical),
    planned: keys(grammar.modality.planned),
    conditional: keys(grammar.modality.conditional),
    recalled: keys(grammar.modality.recalled),
    reporting: new Set(grammar.modality.reporting),
    breaks: new Set(grammar.clause_breaks),
    parentheticals: new Set(grammar.parentheticals),
  }
}

// Cue words are lower case as written: "May 16" is a date, not the modal "may".
const at = (words: readonly Word[], i: number, cue: readonly string[]) =>
  cue.every((k, j) => {
    const w = words[i + j]
    return w?.key === k && (!w.isCapitalized || i + j === 0)
  })

/** The cue found in the clause before `trigger` (up to `reach` words back), if any. */
function findCue(
  words: readonly Word[],
  from: number,
  trigger: number,
  cues: readonly string[][],
): string | null {
  for (let i = trigger - 1; i >= from; i--) {
    for (const cue of cues) if (at(words, i, cue)) return cue.join(' ')
  }
  return null
}

/** Where the trigger's clause starts: after the last clause break or comma before it. */
export function clauseStart(words: readonly Word[], trigger: number, cues: ModalityCues, reach = 12): number {
  const limit = Math.max(0, trigger - reach)
  for (let i = trigger - 1; i >= limit; i--) {
    const w = words[i]
    if (!w) break
    if (cues.breaks.has(w.key)) return i + 1
    // "did not, however, sign": commas around a parenthetical word do not end the clause.
    const isParenthetical = cues.parentheticals.has(w.key) || cues.parentheticals.has(words[i + 1]?.key ?? '')
    if (/[,;:“”"]/.test(w.after) && !(isParenthetical && /^,$/.test(w.after))) return i + 1
  }
  return limit
}

/**
 * The modality of a trigger and the cue that decided it.
 * @example modalityOf(words('Iran will not sign'), 3, cues) -> { modality: 'negated', cue: 'not' }
 */
export function modalityOf(
  words: readonly Word[],
  trigger: number,
  cues: ModalityCues,
  isStatement: boolean,
): { modality: Modality; cue: string | null } {
  const start = clauseStart(words, trigger, cues)
  const negated = findCue(words, start, trigger, cues.negated)
  if (negated) return { modality: 'negated', cue: negated }
  const hypothetical = findCue(words, start, trigger, cues.hypothetical)
  // "the Kremlin said the Indian prime minister would visit": announced, so planned.
  const would = hypothetical === 'would' ? words.slice(0, trigger).map((w) => w.key).lastIndexOf('would') : -1
  const isReportedFuture =
    would > 0 && isOnlyWould(words, start, trigger, cues) && words.slice(0, would).some((w) => cues.reporting.has(w.key))
  if (hypothetical && !isStatement && !isReportedFuture) return { modality: 'hypothetical', cue: hypothetical }
  // A statement ("called for stronger ties") is the event itself: future words inside it
  // describe its content, not its status.
  if (isStatement) return { modality: 'asserted', cue: null }
  const condition = conditionOf(words, trigger, cues)
  if (condition) return { modality: 'hypothetical', cue: condition }
  if (isReportedFuture) return { modality: 'planned', cue: 'said … would' }
  const planned = findCue(words, start, trigger, cues.planned)
  if (planned) return { modality: 'planned', cue: planned }
  return { modality: 'asserted', cue: null }
}

/** Is "would" the only hypothetical cue of the clause ("would likely visit" stays a guess)? */
function isOnlyWould(words: readonly Word[], start: number, trigger: number, cues: ModalityCues): boolean {
  for (let i = start; i < trigger; i++) {
    for (const cue of cues.hypothetical) if (cue.join(' ') !== 'would' && at(words, i, cue)) return false
  }
  return true
}

/**
 * A condition on the event: a sentence opening with "If ..., " before the trigger, or "if"/"unless"
 * after the trigger in its clause ("will sign the pact if Belarus agrees").
 */
function conditionOf(words: readonly Word[], trigger: number, cues: ModalityCues): string | null {
  const first = cues.conditional.find((cue) => cue.every((k, j) => words[j]?.key === k))
  if (first && trigger > first.length) return first.join(' ')
  for (let i = trigger + 1; i < words.length; i++) {
    const w = words[i]
    // The condition must stand in the trigger's own clause: in "the treaty that Russia concluded
    // with North Korea last June, the new document contains no obligation ... if either is
    // attacked" it bears on another verb.
    if (!w || /[,;:“”"]/.test(words[i - 1]?.after ?? '') || cues.breaks.has(w.key)) break
    for (const cue of cues.conditional) if (at(words, i, cue)) return cue.join(' ')
  }
  return null
}

/** Does the sentence speak of the future anywhere ("will take place", "is scheduled to")? */
export function hasPlannedCue(words: readonly Word[], cues: ModalityCues): boolean {
  return findCue(words, 0, words.length, cues.planned) !== null
}

/** The cue that makes the trigger a recollection of a known event ("Referring to X's visit"), if any. */
export function recalledBy(words: readonly Word[], trigger: number, cues: ModalityCues): string | null {
  return findCue(words, clauseStart(words, trigger, cues), trigger, cues.recalled)
}
