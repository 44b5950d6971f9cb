import { describe, expect, it } from 'vitest'
import { confidenceOf, corroborated, type Evidence } from './confidence.js'

const direct: Evidence = {
  how: 'source: subject (name “Iran”); target: object “name “Venezuela””',
  datedHere: true,
  dateCarried: false,
  sentence: 1,
}

describe('confidenceOf', () => {
  it('trusts direct syntax dated in its own sentence more than a pair inferred from a list', () => {
    const listed = { ...direct, how: 'source: subject (name “Iran”); target: coordinated subject' }
    expect(confidenceOf(direct)).toBeGreaterThanOrEqual(0.8)
    expect(confidenceOf(listed)).toBeLessThan(confidenceOf(direct))
  })

  it('lowers events whose actor is a back-reference or whose date is carried from earlier', () => {
    const pronoun = { ...direct, how: 'source: subject (pronoun “He” → Jack Straw); target: object “…”' }
    const carried = { ...direct, datedHere: false, dateCarried: true }
    expect(confidenceOf(pronoun)).toBeLessThan(confidenceOf(direct))
    expect(confidenceOf(carried)).toBeLessThan(0.8)
  })

  it('keeps an event with no day at all below the 0.8 band', () => {
    expect(confidenceOf({ ...direct, datedHere: false })).toBeLessThan(0.8)
  })

  it('lowers events deep in the article, where background is common', () => {
    expect(confidenceOf({ ...direct, sentence: 12 })).toBeLessThan(confidenceOf(direct))
  })

  it('stays within [0, 1]', () => {
    const worst = { ...direct, how: 'source: subject (pronoun “he”, named earlier); target: between', datedHere: false, dateCarried: true, sentence: 30 }
    expect(confidenceOf(worst)).toBeGreaterThan(0)
    expect(corroborated([0.9, 0.95, 0.9])).toBeLessThanOrEqual(1)
  })
})

describe('corroborated', () => {
  it('raises an event told more than once in the article above its best mention', () => {
    expect(corroborated([0.7])).toBe(0.7)
    expect(corroborated([0.7, 0.6])).toBe(0.8)
  })
})
