import { describe, expect, it } from 'vitest'

import { dateOfUrl, dayOf, findPublishedDate, isoDay } from './find-published-date.js'

describe('find-published-date', () => {
  it.each([
    ['November 20, 2024 - 22:38', null, '2024-11-20'],
    ['Published: 2024-11-20', null, '2024-11-20'],
    ['Monday, 4 February 2023', null, '2023-02-04'],
    ['Published 15.09.2017 23:37', null, '2017-09-15'],
    ['Updated 20 Nov 2024 | By Jane Roe', null, '2024-11-20'],
    ['UNITED NATIONS, April 9, 1987 - The council voted again.', null, '1987-04-09'],
    ['Caracas, 20 de noviembre de 2024 - El canciller llegó a la capital.', null, '2024-11-20'],
    ['PARIS, March 18 - France today protested over the ban.', null, null],
    ['PARIS, March 18 - France today protested over the ban.', 1987, '1987-03-18'],
    ['CARACAS, Jan 11 (Reuters) - Iran said on Friday it would send ships.', null, null],
    ['CARACAS, Jan 11 (Reuters) - Iran said on Friday it would send ships.', 2019, '2019-01-11'],
    ['JOHANNESBURG, December 21 (ANA) – The president received his guest.', 2017, '2017-12-21'],
    ['New Delhi, June 1 (Agency) India and Nepal signed seven pacts.', 2023, '2023-06-01'],
    ['October 19 – A delegation arrived in Tokyo.', 2011, '2011-10-19'],
    ['On March 5, 2025 the ministers met in Quito.', null, null],
    ['On March 5, 2025, the ministers met in Quito.', null, null],
    ['Iran to host talks on March 5, 2025', null, null],
    ['The envoy arrived on Tuesday.', 2024, null],
  ])('%j (year known: %s) -> %s', (line, yearHint, expected) => {
    expect(findPublishedDate([line], { yearHint })?.publishedOn ?? null).toBe(expected)
  })

  it('looks only at the first lines of the article', () => {
    const lines = ['Title', 'One.', 'Two.', 'Three.', 'Four.', 'Five.', 'May 17, 2006']
    expect(findPublishedDate(lines)).toBeNull()
    expect(findPublishedDate(lines.slice(2))?.publishedOn).toBe('2006-05-17')
  })

  it('goes on past a year-less dateline to a full date line below it', () => {
    const lines = ['PARIS, March 18 - France protested.', 'Published: 1987-03-19']
    expect(findPublishedDate(lines)).toEqual({
      publishedOn: '1987-03-19',
      line: 'Published: 1987-03-19',
    })
  })

  it.each([
    ['2024-11-20', '2024-11-20'],
    ['2024-11-20T22:38:00-05:00', '2024-11-20'],
    ['2024-11-20 22:38', '2024-11-20'],
    ['November 20, 2024', '2024-11-20'],
    ['2023-02-30', null],
    ['November 20', null],
    ['', null],
  ])('dayOf(%j) -> %s', (value, expected) => {
    expect(dayOf(value)).toBe(expected)
  })

  it.each([
    ['https://example.org/news/2024/12/5/talks', '2024-12-05', 2024],
    ['https://example.org/2019-06/06/c_1.htm', '2019-06-06', 2019],
    ['https://example.org/2009-08-24-zuma-visit', '2009-08-24', 2009],
    ['https://example.org/english/2019-06/story.htm', null, 2019],
    ['https://example.org/news/3788904', null, null],
    ['not a url', null, null],
  ])('dateOfUrl(%j) -> %s, %s', (url, day, year) => {
    expect(dateOfUrl(url)).toEqual({ day, year })
  })

  it('isoDay refuses days that do not exist', () => {
    expect(isoDay(2024, 2, 29)).toBe('2024-02-29')
    expect(isoDay(2023, 2, 29)).toBeNull()
  })
})
