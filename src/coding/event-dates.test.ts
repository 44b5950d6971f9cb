import { describe, expect, it } from 'vitest'
import type { DateMention } from '../nlp/resolve-dates.js'
import { countedFromStory, RunningDate } from './event-dates.js'

/** The story is on Thursday 7 February 2019. */
const story: DateMention = { span: [0, 8], date: '2019-02-07', precision: 'day', relative: true, text: 'Thursday' }

/** A vague offset as the date finder gives it, at `at` in the text. */
function offset(text: string, at: number): DateMention {
  return { span: [at, at + text.length], date: null, precision: null, relative: true, text }
}

describe('countedFromStory', () => {
  it('puts "a day after <event>" the day before the story’s day', () => {
    // "The move came a day after France denounced ...": the trigger follows the phrase.
    expect(countedFromStory(offset('a day after', 14), 30, () => story)?.date).toBe('2019-02-06')
  })
  it('counts "later" and "the next day" forward, "earlier" back', () => {
    expect(countedFromStory(offset('Two days later', 0), 20, () => story)?.date).toBe('2019-02-09')
    expect(countedFromStory(offset('next day', 4), 20, () => story)?.date).toBe('2019-02-08')
    expect(countedFromStory(offset('A day earlier', 0), 20, () => story)?.date).toBe('2019-02-06')
  })
  it('gives no day to the event before "a day after": that day is the other event’s', () => {
    // "Iran warned the U.S., a day after Washington said ..."
    expect(countedFromStory(offset('a day after', 22), 5, () => story)).toBeNull()
  })
  it('gives no day without a day the story is on, or for another phrase', () => {
    expect(countedFromStory(offset('a day after', 14), 30, () => null)).toBeNull()
    expect(countedFromStory(offset('this week', 14), 30, () => story)).toBeNull()
  })
})

/** A day mention of `date`, as a sentence names it. */
function day(date: string): DateMention {
  return { span: [0, 6], date, precision: 'day', relative: true, text: date }
}

describe('RunningDate', () => {
  it('carries the newest day named for five sentences, then no longer', () => {
    const running = new RunningDate()
    expect(running.named()).toBe(false)
    running.passed(() => day('2019-02-05'))
    running.passed(() => day('2019-02-06'))
    expect(running.story()?.date).toBe('2019-02-06')
    for (let i = 0; i < 5; i++) running.passed(() => null)
    expect(running.story()?.date).toBe('2019-02-06')
    running.passed(() => null)
    expect(running.story()).toBeNull()
    expect(running.named()).toBe(true)
  })
  it('reads a sentence’s day only when asked, and not behind a newer day', () => {
    const read: string[] = []
    const running = new RunningDate()
    running.passed(() => (read.push('first'), day('2019-02-05')))
    running.passed(() => (read.push('second'), day('2019-02-06')))
    expect(read).toEqual([])
    expect(running.story()?.date).toBe('2019-02-06')
    expect(read).toEqual(['second'])
  })
  it('takes back a lent day unless the sentence named its own', () => {
    const running = new RunningDate()
    const before = running.save()
    running.lend(day('2019-02-07'))
    expect(running.ahead).toBe(true)
    expect(running.story()?.date).toBe('2019-02-07')
    running.passed(() => null)
    running.endLoan(before)
    expect(running.named()).toBe(false)
    running.lend(day('2019-02-07'))
    running.passed(() => day('2019-02-06'))
    running.endLoan(before)
    expect([running.story()?.date, running.ahead]).toEqual(['2019-02-06', false])
  })
})
