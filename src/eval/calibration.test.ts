import { describe, expect, it } from 'vitest'
import { calibrate } from './calibration.js'

describe('calibrate', () => {
  it('counts extractions and right ones per confidence band, 1.0 in the last band', () => {
    const c = calibrate([
      { confidence: 0.55, right: true },
      { confidence: 0.55, right: false },
      { confidence: 0.8, right: true },
      { confidence: 0.85, right: false },
      { confidence: 1, right: true },
    ])
    const band = (from: number) => c.bands.find((b) => b.from === from)!
    expect(band(0.5)).toMatchObject({ extracted: 2, right: 1, precision: 0.5 })
    expect(band(0.8)).toMatchObject({ extracted: 2, right: 1 })
    expect(band(0.9)).toMatchObject({ extracted: 1, right: 1, precision: 1 })
    expect(band(0).precision).toBeNull()
    expect(c.atLeast).toMatchObject({ threshold: 0.8, extracted: 3, right: 2 })
  })
})
