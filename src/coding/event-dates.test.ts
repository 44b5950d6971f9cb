import { describe, expect, it } from 'vitest'
import type { DateMention } from '../nlp/resolve-dates.js'
import { countedFromStory } from './event-dates.js'

/** The story is on Thursday 7 February 2019. */
const story: DateMention = { span: [0, 8], date: '2019-02-07', precision: 'day', relative: true, text: 'Thursday' }

/** A vague offset as the date finder gives it, at `at` in the text. */
function offset(text: string, at: number): DateMention {
  return { span: [at, at + text.length], date: null, precision: null, relative: true, text }
}

describe('countedFromStory', () => {
  it('puts "a day after <event>" the day before the story’s day', () => {
    // "The move came a day after France denounced ...": the trigger follows the phrase.
    expect(countedFromStory(offset('a day after', 14), 30, story)?.date).toBe('2019-02-06')
  })
  it('counts "later" and "the next day" forward, "earlier" back', () => {
    expect(countedFromStory(offset('Two days later', 0), 20, story)?.date).toBe('2019-02-09')
    expect(countedFromStory(offset('next day', 4), 20, story)?.date).toBe('2019-02-08')
    expect(countedFromStory(offset('A day earlier', 0), 20, story)?.date).toBe('2019-02-06')
  })
  it('gives no day to the event before "a day after": that day is the other event’s', () => {
    // "Iran warned the U.S., a day after Washington said ..."
    expect(countedFromStory(offset('a day after', 22), 5, story)).toBeNull()
  })
  it('gives no day without a day the story is on, or for another phrase', () => {
    expect(countedFromStory(offset('a day after', 14), 30, null)).toBeNull()
    expect(countedFromStory(offset('this week', 14), 30, story)).toBeNull()
  })
})
