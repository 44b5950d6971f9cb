import { describe, expect, it } from 'vitest'
import { loadDictionaries } from '../dict/load.js'
import { compileDateCues } from './date-cues.js'
import { findDates, resolveWeekday } from './resolve-dates.js'

// The cues of dictionaries/dates.yaml, as the coder passes them: every date below must pass them.
const cues = compileDateCues(loadDictionaries().dates)

type Row = [
  sentence: string,
  publishedOn: string | null,
  text: string,
  date: string | null,
  precision: string | null,
]

// One date mention expected in the sentence: its text, date and precision.
// prettier-ignore
const ONE: Row[] = [
  // Saturday 4 February 2023: bare weekdays are the most recent such day, that day included
  ['Maduro received Abdollahian on Friday.', '2023-02-04', 'Friday', '2023-02-03', 'day'],
  ['Amir-Abdollahian arrived in Caracas late on Thursday.', '2023-02-04', 'Thursday', '2023-02-02', 'day'],
  ['He met Delcy Rodriguez early on Saturday.', '2023-02-04', 'Saturday', '2023-02-04', 'day'],
  ['Maduro received Abdollahian on Friday evening.', '2023-02-04', 'Friday evening', '2023-02-03', 'day'],
  ['The Caracas visit Friday by the foreign minister', '2023-02-04', 'Friday', '2023-02-03', 'day'],
  ['He flew in on Sunday.', '2023-02-04', 'Sunday', '2023-01-29', 'day'],
  ['They met last Saturday.', '2023-02-04', 'last Saturday', '2023-01-28', 'day'],
  ['They will meet next Friday.', '2023-02-04', 'next Friday', '2023-02-10', 'day'],
  ['On a visit to Tehran last June, Maduro signed a 20-year pact.', '2023-02-04', 'last June', '2022-06-01', 'month'],
  ['Canada yesterday said so.', '2023-02-04', 'yesterday', '2023-02-03', 'day'],
  ['The two presidents met the day before in Baku.', '2019-10-15', 'the day before', '2019-10-14', 'day'],
  ['Reagan announced last week plans to impose tariffs.', '2023-02-04', 'last week', null, null],
  ['They agreed this week.', '2023-02-04', 'this week', null, null],
  ['They agreed last month.', '2023-02-04', 'last month', null, null],
  ['They will agree next month.', '2023-02-04', 'next month', '2023-03-01', 'month'],
  ['In 2022 the two signed a deal.', '2023-02-04', '2022', '2022-01-01', 'year'],
  ['Ties have grown since 2019.', '2023-02-04', '2019', '2019-01-01', 'year'],
  ['They met in June.', '2023-02-04', 'June', '2022-06-01', 'month'],
  ['They met in January.', '2023-02-04', 'January', '2023-01-01', 'month'],
  ['They met in February.', '2023-02-04', 'February', '2023-02-01', 'month'],
  ['Last December, the navy announced a plan.', '2019-01-11', 'Last December', '2018-12-01', 'month'],
  ['They met in mid-June.', '2023-02-04', 'June', '2022-06-01', 'month'],
  ['He took office in April of last year.', '2020-06-01', 'April of last year', '2019-04-01', 'month'],
  ['They met two days ago.', '2023-02-04', 'two days ago', '2023-02-02', 'day'],
  ['They met a year ago.', '2023-02-04', 'a year ago', '2022-01-01', 'year'],
  ['They met last year.', '2023-02-04', 'last year', '2022-01-01', 'year'],
  ['They met a day earlier.', '2023-02-04', 'a day earlier', null, null],
  // Wednesday 20 November 2024
  ['Speaking upon his arrival in Caracas on Wednesday, Nasirzadeh stressed ties.', '2024-11-20', 'Wednesday', '2024-11-20', 'day'],
  ['November 20, 2024 - 22:38', '2024-11-20', 'November 20, 2024 - 22:38', '2024-11-20', 'day'],
  ['The accord was signed on 20 November 2024.', '2024-11-20', '20 November 2024', '2024-11-20', 'day'],
  ['The accord was signed on 2024-11-20.', '2024-11-20', '2024-11-20', '2024-11-20', 'day'],
  ['They met on Jan. 5, 2024.', '2024-11-20', 'Jan. 5, 2024', '2024-01-05', 'day'],
  ['They met in June 2021.', '2024-11-20', 'June 2021', '2021-06-01', 'month'],
  // 18 March 1987: Reuters datelines
  ['PARIS, March 18 - The ministry said so.', '1987-03-18', 'March 18', '1987-03-18', 'day'],
  ['France today protested.', '1987-03-18', 'today', '1987-03-18', 'day'],
  ['Canada yesterday said that fishermen would be arrested.', '1987-03-18', 'yesterday', '1987-03-17', 'day'],
  ['Talks resume tomorrow.', '1987-03-18', 'tomorrow', '1987-03-19', 'day'],
  ['He spoke this morning.', '1987-03-18', 'this morning', '1987-03-18', 'day'],
  ['He will speak tonight.', '1987-03-18', 'tonight', '1987-03-18', 'day'],
  ['A foreign ministry statement described yesterday’s decision.', '1987-03-18', 'yesterday', '1987-03-17', 'day'],
  // days without a year: the publication year, or the year before if > ~2 months ahead
  ['Tariffs start on April 17.', '1987-03-31', 'April 17', '1987-04-17', 'day'],
  ['The trip is set for April 6 to 8.', '1987-03-31', 'April 6 to 8', '1987-04-06', 'day'],
  ['They met on December 26.', '2019-01-11', 'December 26', '2018-12-26', 'day'],
  ['They met on January 5.', '2024-11-20', 'January 5', '2025-01-05', 'day'],
  ['They met on 17 August.', '2024-03-01', '17 August', '2023-08-17', 'day'],
  ['They met Wednesday, November 20.', '2024-11-20', 'Wednesday, November 20', '2024-11-20', 'day'],
  // no publication day: relative expressions stay null, explicit ones resolve
  ['They met on Wednesday.', null, 'Wednesday', null, null],
  ['They met yesterday.', null, 'yesterday', null, null],
  ['They met on March 18.', null, 'March 18', null, null],
  ['They met in June.', null, 'June', null, null],
  ['They met on November 20, 2024.', null, 'November 20, 2024', '2024-11-20', 'day'],
  ['They met in June 2021.', null, 'June 2021', '2021-06-01', 'month'],
  ['They met in 2022.', null, '2022', '2022-01-01', 'year'],
]

// prettier-ignore
const NONE: [sentence: string, publishedOn: string | null][] = [
  ['Posted at 22:38.', '2024-11-20'],
  ['They met at noon.', '2024-11-20'],
  ['They met in the evening.', '2024-11-20'],
  ['It advances the 20-year strategic agreement.', '2024-11-20'],
  ['He stayed for five months.', '2024-11-20'],
  ['Trade will grow over the next few months.', '2024-11-20'],
  ['Trade will grow within a month.', '2024-11-20'],
  ['They attended the 10th meeting of the commission.', '2024-11-20'],
  ['The plan (2019-2025) was adopted.', '2024-11-20'],
  ['The plan for 2019–2025 was adopted.', '2024-11-20'],
  ['The 1990s were hard.', '2024-11-20'],
  ['It is open 24/7.', '2024-11-20'],
  ['The Sun reported that he sat down.', '2024-11-20'],
  ['Theresa May said so.', '2024-11-20'],
  ['The Long March ended.', '2024-11-20'],
  ['He spoke on Good Friday.', '2024-11-20'],
  ['Iran now supplies drones.', '2024-11-20'],
  ['Washington followed up an hour later.', '2024-11-20'],
  ['The 1.5 million barrels arrived.', '2024-11-20'],
  ['', '2024-11-20'],
]

describe('resolve-dates', () => {
  it.each(ONE)('%j published %s -> %j = %s (%s)', (sentence, published, text, date, precision) => {
    const found = findDates(sentence, 0, published).map((d) => [d.text, d.date, d.precision])
    expect(found).toEqual([[text, date, precision]])
    expect(cues.test(sentence)).toBe(true)
    expect(findDates(sentence, 0, published, { cues })).toEqual(findDates(sentence, 0, published))
  })

  it.each(NONE)('finds no date in %j', (sentence, publishedOn) => {
    expect(findDates(sentence, 0, publishedOn)).toEqual([])
  })

  // prettier-ignore
  it.each([
    ['He will visit on Friday.', '2023-02-04', '2023-02-10'],
    ['He will visit on Saturday.', '2023-02-04', '2023-02-04'],
    ['He will meet the minister at the Ministry on Friday (13).', '2019-12-13', '2019-12-13'],
    ['Museveni will visit on Friday.', '1987-06-02', '1987-06-05'],
    ['He will visit in June.', '2023-02-04', '2023-06-01'],
    ['He will visit in January.', '2023-02-04', '2024-01-01'],
    ['He will visit on January 5.', '2023-11-01', '2024-01-05'],
    ['He will visit on November 5.', '2023-11-20', '2023-11-05'],
    ['He will visit next Saturday.', '2023-02-04', '2023-02-11'],
    ['He will visit tomorrow.', '2023-02-04', '2023-02-05'],
  ])('resolves %j published %s forward for planned events -> %s', (sentence, publishedOn, date) => {
    expect(findDates(sentence, 0, publishedOn, { future: true })[0]?.date).toBe(date)
    expect(findDates(sentence, 0, publishedOn, { future: true, cues })[0]?.date).toBe(date)
  })

  it.each([
    [5, '2023-02-04', 'past', '2023-02-03'],
    [6, '2023-02-04', 'past', '2023-02-04'],
    [0, '2023-02-04', 'past', '2023-01-29'],
    [5, '2023-02-04', 'future', '2023-02-10'],
    [6, '2023-02-04', 'future', '2023-02-04'],
    [3, '2024-11-20', 'past', '2024-11-20'],
    [4, '2024-11-20', 'future', '2024-11-21'],
    [4, '2024-12-31', 'future', '2025-01-02'],
    [7, '2024-11-20', 'past', null],
    [1, 'November 20', 'past', null],
  ] as const)('resolveWeekday(%i, %s, %s) -> %s', (weekday, publishedOn, direction, date) => {
    expect(resolveWeekday(weekday, publishedOn, direction)).toBe(date)
  })

  it('gives article offsets and the expression as written', () => {
    const sentence = 'PARIS, March 18 - France today protested over yesterday’s decision.'
    const offset = 100
    const article = ' '.repeat(offset) + sentence
    const found = findDates(sentence, offset, '1987-03-18')
    const got = found.map((d) => [article.slice(d.span[0], d.span[1]), d.text, d.date, d.relative])
    expect(got).toEqual([
      ['March 18', 'March 18', '1987-03-18', true],
      ['today', 'today', '1987-03-18', true],
      ['yesterday', 'yesterday', '1987-03-17', true],
    ])
  })

  it('marks explicit dates as not relative', () => {
    const [mention] = findDates('Signed on November 20, 2024.', 0, '2025-01-01')
    expect(mention).toMatchObject({ date: '2024-11-20', precision: 'day', relative: false })
  })

  it('never gives a day for times, durations or ranges', () => {
    const sentence =
      'At 22:38, after talks lasting for five months on the 20-year plan (2019-2025), ' +
      'the 10th meeting ended.'
    expect(findDates(sentence, 0, '2024-11-20').filter((d) => d.precision === 'day')).toEqual([])
  })
})
