/**
 * What an article said a few sentences back, for a trigger whose counterpart the sentence leaves
 * out: "Turkey condemned the latest launch" after "Guterres condemned North Korea's launch".
 * Only an event of the same type counts: the last counterpart of any kind proved too loose
 * ("France and the EU would retaliate" after a meeting of France with the EU).
 */
import type { Actor } from '../doc.js'

/** How many sentences back an earlier event still gives the counterpart. */
export const RECENT_REACH = 3

interface Seen {
  readonly actor: Actor
  readonly sentence: number
}

/** The counterpart found and how, for the event's `why`. */
export interface RecentSide {
  readonly actor: Actor
  readonly how: string
}

/** The article's recent events, remembered by type. */
export class RecentSides {
  private readonly byType = new Map<string, Seen>()

  /** Remember a coded event's target for its type. */
  remember(type: string, target: Actor, sentence: number): void {
    this.byType.set(type, { actor: target, sentence })
  }

  /** The target of the last event of `type`, when near enough to `sentence` and not `source`'s own. */
  lookup(type: string, source: Actor, sentence: number): RecentSide | null {
    const seen = this.byType.get(type)
    if (!seen || sentence - seen.sentence > RECENT_REACH || seen.actor.country === source.country) return null
    return { actor: seen.actor, how: `the target of the ${type} event before (${seen.actor.country})` }
  }
}
