/**
 * issue-8: the sentence splitter and date resolution on arbitrary text. Sentences are spans
 * inside the text, in order, apart, never across a line break; dates never throw and are real
 * days or null; "will ... on Friday" never falls before the publication day.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findDates, resolveWeekday } from '../../src/nlp/resolve-dates.js'
import { segment } from '../../src/nlp/split-sentences.js'
import { anyText, isoDay, isValidDay, newsText } from './arbitraries.js'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const daysBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

const weekdayOf = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay()

describe('issue-8: split-sentences on arbitrary text', () => {
  it('gives trimmed, ordered, non-overlapping spans inside the text, none across a line break', () => {
    fc.assert(
      fc.property(fc.oneof(newsText(80), anyText), (text) => {
        const sentences = segment(text)
        let previousEnd = 0
        sentences.forEach((sentence, i) => {
          const [start, end] = sentence.span
          expect(sentence.index).toBe(i)
          expect(start).toBeGreaterThanOrEqual(previousEnd)
          expect(end).toBeGreaterThan(start)
          expect(end).toBeLessThanOrEqual(text.length)
          const covered = text.slice(start, end)
          expect(covered).not.toMatch(/[\n\r\u2028\u2029]/)
          expect(covered).toBe(covered.trim())
          previousEnd = end
        })
      }),
      { numRuns: 300 },
    )
  })

  it('leaves out only whitespace: every letter of the text is in some sentence', () => {
    fc.assert(
      fc.property(newsText(60), (text) => {
        const covered = new Uint8Array(text.length)
        for (const { span } of segment(text)) covered.fill(1, span[0], span[1])
        for (let i = 0; i < text.length; i++) {
          if (covered[i] === 0)
            expect(text[i], `offset ${i} of ${JSON.stringify(text)}`).toMatch(/\s/)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('issue-8: resolve-dates on arbitrary text', () => {
  it('never throws; every date is a real ISO day or null, every span inside the sentence', () => {
    fc.assert(
      fc.property(
        fc.oneof(newsText(40), anyText),
        fc.nat(5000),
        fc.oneof(isoDay, fc.constant(null), fc.constantFrom('2024-02-30', 'garbage')),
        fc.boolean(),
        (text, offset, publishedOn, future) => {
          for (const mention of findDates(text, offset, publishedOn, { future })) {
            if (mention.date !== null) expect(isValidDay(mention.date), mention.date).toBe(true)
            const [start, end] = mention.span
            expect(start).toBeGreaterThanOrEqual(offset)
            expect(end).toBeLessThanOrEqual(offset + text.length)
            expect(start).toBeLessThanOrEqual(end)
            expect(mention.text).toBe(text.slice(start - offset, end - offset))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('with `future`, puts "will visit on <weekday>" on or after the publication day, within a week', () => {
    fc.assert(
      fc.property(isoDay, fc.nat(6), (publishedOn, weekday) => {
        const name = WEEKDAYS[weekday]!
        const sentence = `The minister will visit Lima on ${name} for talks.`
        const dates = findDates(sentence, 0, publishedOn, { future: true })
        const mention = dates.find((d) => d.text.includes(name))
        expect(mention?.date, `${sentence} published ${publishedOn}`).toBeTruthy()
        const date = mention!.date!
        expect(isValidDay(date)).toBe(true)
        expect(daysBetween(publishedOn, date)).toBeGreaterThanOrEqual(0)
        expect(daysBetween(publishedOn, date)).toBeLessThan(7)
        expect(weekdayOf(date)).toBe(weekday)
      }),
      { numRuns: 300 },
    )
  })

  it('without it, puts "met on <weekday>" on or before the publication day, within a week', () => {
    fc.assert(
      fc.property(isoDay, fc.nat(6), (publishedOn, weekday) => {
        const name = WEEKDAYS[weekday]!
        const sentence = `The ministers met in Lima on ${name}.`
        const mention = findDates(sentence, 0, publishedOn).find((d) => d.text.includes(name))
        const date = mention?.date ?? null
        expect(date, `${sentence} published ${publishedOn}`).not.toBeNull()
        expect(daysBetween(date!, publishedOn)).toBeGreaterThanOrEqual(0)
        expect(daysBetween(date!, publishedOn)).toBeLessThan(7)
        expect(weekdayOf(date!)).toBe(weekday)
      }),
      { numRuns: 300 },
    )
  })

  it('resolveWeekday never throws and agrees with the calendar in both directions', () => {
    fc.assert(
      fc.property(
        fc.oneof(isoDay, fc.string({ maxLength: 12 })),
        fc.integer({ min: -2, max: 9 }),
        fc.constantFrom('past' as const, 'future' as const),
        (publishedOn, weekday, direction) => {
          const day = resolveWeekday(weekday, publishedOn, direction)
          if (!isValidDay(publishedOn) || weekday < 0 || weekday > 6) {
            expect(day).toBeNull()
            return
          }
          expect(day).not.toBeNull()
          expect(weekdayOf(day!)).toBe(weekday)
          const gap =
            direction === 'future' ? daysBetween(publishedOn, day!) : daysBetween(day!, publishedOn)
          expect(gap).toBeGreaterThanOrEqual(0)
          expect(gap).toBeLessThan(7)
        },
      ),
      { numRuns: 300 },
    )
  })
})
