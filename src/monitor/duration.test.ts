import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from './duration.js'

describe('parseDuration', () => {
  it('reads the units people write', () => {
    expect(parseDuration('30s')).toBe(30_000)
    expect(parseDuration('15m')).toBe(900_000)
    expect(parseDuration('1h')).toBe(3_600_000)
    expect(parseDuration('1h30m')).toBe(5_400_000)
    expect(parseDuration('250ms')).toBe(250)
    expect(parseDuration(' 2M ')).toBe(120_000)
  })

  it('refuses a bare number, zero, a negative or words', () => {
    for (const bad of ['15', '0s', '-5m', 'soon', '', '5 minutes', 'm']) {
      expect(parseDuration(bad), bad).toBeNull()
    }
  })
})

describe('formatDuration', () => {
  it('prints the largest whole unit', () => {
    expect(formatDuration(900_000)).toBe('15m')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(1500)).toBe('1.5s')
    expect(formatDuration(200)).toBe('200ms')
  })
})
