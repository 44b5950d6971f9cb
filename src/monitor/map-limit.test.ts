import { describe, expect, it } from 'vitest'
import { mapLimit } from './map-limit.js'

describe('mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let active = 0
    let peak = 0
    const delays = [30, 5, 20, 1, 10, 2, 15]
    const out: number[] = []
    const run = async (ms: number, i: number): Promise<number> => {
      active++
      peak = Math.max(peak, active)
      await new Promise((done) => setTimeout(done, ms))
      active--
      return i
    }
    for await (const i of mapLimit(delays, 3, run)) out.push(i)
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(peak).toBe(3)
  })

  it('gives nothing for no items', async () => {
    const out: unknown[] = []
    for await (const x of mapLimit([], 4, async (v) => v)) out.push(x)
    expect(out).toEqual([])
  })
})
