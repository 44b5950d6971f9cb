/**
 * Calibration of the coder's confidence: among scored extractions whose confidence falls in a
 * band, how many matched a gold event. Issue 4 asks that events at ≥ 0.8 be right ≥ 90 % of the
 * time; this table is how that is checked, band by band.
 */

/** One band of confidence, [from, to) except the last, which includes 1. */
export interface CalibrationBand {
  readonly from: number
  readonly to: number
  readonly extracted: number
  readonly right: number
  /** right / extracted, or null for an empty band. */
  readonly precision: number | null
}

export interface Calibration {
  readonly bands: readonly CalibrationBand[]
  /** Extractions at or above `threshold`, and how many of them are right. */
  readonly atLeast: { readonly threshold: number; readonly extracted: number; readonly right: number; readonly precision: number | null }
}

/** Band edges: coarse below 0.5, where few events fall, finer above. */
export const BAND_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const

/** The calibration table of scored extractions, each with its confidence and whether it matched. */
export function calibrate(
  scored: readonly { readonly confidence: number; readonly right: boolean }[],
  threshold = 0.8,
): Calibration {
  const bands: CalibrationBand[] = []
  for (let i = 0; i + 1 < BAND_EDGES.length; i++) {
    const from = BAND_EDGES[i]!
    const to = BAND_EDGES[i + 1]!
    const last = i + 2 === BAND_EDGES.length
    const inBand = scored.filter((s) => s.confidence >= from && (s.confidence < to || (last && s.confidence <= to)))
    bands.push(band(from, to, inBand))
  }
  const high = scored.filter((s) => s.confidence >= threshold)
  const right = high.filter((s) => s.right).length
  return {
    bands,
    atLeast: { threshold, extracted: high.length, right, precision: high.length ? right / high.length : null },
  }
}

function band(from: number, to: number, inBand: readonly { readonly right: boolean }[]): CalibrationBand {
  const right = inBand.filter((s) => s.right).length
  return { from, to, extracted: inBand.length, right, precision: inBand.length ? right / inBand.length : null }
}
