import * as chrono from 'chrono-node'
import { describe, expect, it } from 'vitest'

import { loadDictionaries } from '../dict/load.js'
import { compileDateCues, dateCueListsSchema } from './date-cues.js'
import { findDates } from './resolve-dates.js'

const cues = compileDateCues(loadDictionaries().dates)

// Forms chrono reads as dates besides the usual ones (resolve-dates.test.ts has those): casual
// abbreviations and durations with abbreviated units, which it turns into a day, month or year.
// prettier-ignore
const ODD_DATES = [
  'He left tmr.', 'They return overmorrow.', 'They met a few hrs after the vote.',
  'It rose in a couple of mins.', 'The talks ended the w before.', 'It closed a d ago.',
  'Prices fell two mos ago.', 'They sold the mon before.', 'He was in the money.',
  'Police let the s out.', 'the mout', 'a couple ofm later', 'They may first consult.',
  'Reserves rose in a m.', 'They meet next mo.', 'They met last w.', 'He will go in half and out.',
  'They met Sat now.', 'It rose 3 hrs later.', 'Signed 20.11.2024.', 'Talks 1234 11 20.', 'Signed 3/4/2024.',
]

// prettier-ignore
const NO_DATES = [
  'Neither side gave a timetable for the projects.',
  'Analysts said the visit signalled a wish to diversify its partners.',
  'The foreign minister met the leader of the mission in the capital.',
  'Officials did not say how much the projects would cost.',
  'The two countries signed 3 agreements worth $5 billion.',
]

// chrono's English vocabulary (dates, weekdays, months, counts, units, modifiers, followers) and a
// few plain words, for sentences made at random: a chrono upgrade that reads a new word as a date
// shows up here as a date the cues miss.
// prettier-ignore
const VOCABULARY = (
  'now today tonight tomorrow overmorrow tmr tmrw yesterday last night this morning afternoon ' +
  'evening midnight midday noon sunday sun sun. monday mon tue wed thursday thu fri sat saturday ' +
  'weekend weekday january march may june jan jan. feb sep sept oct dec one two three twelve half ' +
  'a an few several the couple of first second twenty-first s sec m min mins h hr hrs d w mo mon ' +
  'mos qtr y yr hour hours day days week months quarter year ago before earlier later after from ' +
  'henceforth forward out within in for about around past next + - end on at to until 3 12 2024 ' +
  '1987 10:30 5th 3/4 2024-11-20 am pm BC them they man money said and'
).split(' ')

function randomSentences(count: number, seed: number): string[] {
  let state = seed
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
  }
  const gaps = [' ', ' ', ' ', '', ', ', '-', '/', '. ', '  ']
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 1 + next(6) }, () => {
      const word = VOCABULARY[next(VOCABULARY.length)] ?? ''
      return next(4) === 0 ? word.toUpperCase() : word
    })
    return words.map((w, i) => (i === 0 ? w : (gaps[next(gaps.length)] ?? ' ') + w)).join('')
  })
}

describe('date-cues', () => {
  it('misses no date chrono finds in sentences made of its own words', () => {
    const missed = randomSentences(20_000, 7).filter(
      (sentence) =>
        !cues.test(sentence) &&
        (findDates(sentence, 0, '2023-02-04').length > 0 ||
          findDates(sentence, 0, '2023-02-04', { future: true }).length > 0),
    )
    expect(missed).toEqual([])
  })

  it.each(ODD_DATES)('lets the parser see %j, and its dates stay the same', (sentence) => {
    expect(findDates(sentence, 0, '2023-02-04').length).toBeGreaterThan(0)
    expect(cues.test(sentence)).toBe(true)
    const withCues = findDates(sentence, 0, '2023-02-04', { cues })
    expect(withCues).toEqual(findDates(sentence, 0, '2023-02-04'))
  })

  it.each(NO_DATES)('spares the parser %j, which holds no date', (sentence) => {
    expect(findDates(sentence, 0, '2023-02-04')).toEqual([])
    expect(cues.test(sentence)).toBe(false)
  })

  it('takes a year, a time or a numeric date for a cue', () => {
    const sentences = ['Posted at 22:38.', 'Founded 1987.', 'Signed 2024-11-20.']
    for (const s of sentences) expect(cues.test(s)).toBe(true)
  })

  it('parses as chrono does, skipping only parsers that would find nothing', () => {
    // What findDates reads of a result, and what chrono's refiners and the resolver go by.
    const seen = (results: chrono.ParsedResult[]) =>
      results.map((r) => [r.index, r.text, r.start, r.end, [...r.tags()]])
    const reference = new Date(2023, 1, 4, 12)
    const sentences = [...randomSentences(20_000, 11), ...ODD_DATES, 'Signed 11/2024 at 10:30 pm.']
    const differ = sentences.filter(
      (s) => JSON.stringify(seen(cues.parse(s, reference))) !== JSON.stringify(seen(chrono.casual.parse(s, reference))),
    )
    expect(differ).toEqual([])
  })

  it('names the parser it does not know', () => {
    const lists = { ...loadDictionaries().dates, parsers: { ENWeekParser: ['week'] } }
    const problem = dateCueListsSchema.safeParse(lists).error?.issues[0]
    expect(problem).toMatchObject({ path: ['parsers'], keys: ['ENWeekParser'] })
  })
})
