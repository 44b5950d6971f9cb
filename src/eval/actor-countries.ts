/**
 * Actor-country accuracy, measured where countries are not part of the match: a gold event and
 * an extraction of the same type citing the same sentence are "the same event as far as the
 * coder is concerned", and each side's country is then right or wrong. (On the matched pairs of
 * `dyad eval` countries are equal by construction, so they cannot measure actor resolution.)
 */
import { SYMMETRIC_TYPES, type EventType } from '../doc.js'
import { evidenceOverlaps } from './evidence.js'

export interface SidedEvent {
  readonly type: EventType
  readonly source: string
  readonly target: string | null
  readonly evidence: string
}

/** Sides compared and sides whose country equals the gold one. */
export interface SideCount {
  total: number
  right: number
}

/** Countries right, side by side; symmetric types may name the pair in either order. */
function sidesRight(gold: SidedEvent, ext: SidedEvent): number {
  if (gold.target === null) return Number(gold.source === ext.source)
  const same = Number(gold.source === ext.source) + Number(gold.target === ext.target)
  if (!SYMMETRIC_TYPES.has(gold.type)) return same
  const swapped = Number(gold.source === ext.target) + Number(gold.target === ext.source)
  return Math.max(same, swapped)
}

/**
 * Pair each gold event with at most one extraction of its type whose evidence overlaps, best
 * country agreement first, and count sides. A gold event with no target has one side.
 */
export function countActorCountries(
  gold: readonly SidedEvent[],
  extracted: readonly SidedEvent[],
  into: SideCount = { total: 0, right: 0 },
): SideCount {
  const candidates: { g: number; e: number; right: number }[] = []
  gold.forEach((g, gi) =>
    extracted.forEach((e, ei) => {
      if (e.type === g.type && evidenceOverlaps(g.evidence, e.evidence)) {
        candidates.push({ g: gi, e: ei, right: sidesRight(g, e) })
      }
    }),
  )
  candidates.sort((a, b) => b.right - a.right || a.g - b.g || a.e - b.e)
  const usedGold = new Set<number>()
  const usedExt = new Set<number>()
  for (const c of candidates) {
    if (usedGold.has(c.g) || usedExt.has(c.e)) continue
    usedGold.add(c.g)
    usedExt.add(c.e)
    into.total += gold[c.g]!.target === null ? 1 : 2
    into.right += c.right
  }
  return into
}
