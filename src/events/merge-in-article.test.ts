import { describe, expect, it } from 'vitest'
import { makeMention, makeMeeting } from '../../test/helpers/event-fixtures.js'
import { isSameEvent, mergeInArticle } from './merge-in-article.js'

const unnamed = { person: null, role: null }

describe('meetings within one article', () => {
  const named = makeMeeting('A')
  const anonymous = makeMeeting('A', {
    sentence: 4,
    source: { ...named.source, ...unnamed },
    target: named.target && { ...named.target, ...unnamed },
  })
  const otherCounterpart = makeMeeting('A', {
    sentence: 5,
    target: named.target && { ...named.target, person: 'Mohammad Javad Zarif' },
  })
  const minister = makeMeeting('A', { sentence: 6, target: named.target && { ...named.target, ...unnamed } })

  it('takes a mention naming nobody ("Venezuela and Iran held talks") as a retelling', () => {
    expect(isSameEvent(named, anonymous)).toBe(true)
    expect(mergeInArticle([named, anonymous])).toHaveLength(1)
  })

  it('keeps a named leader’s meetings with different counterparts apart, named or not', () => {
    expect(isSameEvent(named, otherCounterpart)).toBe(false)
    expect(isSameEvent(named, minister)).toBe(false)
    expect(mergeInArticle([named, otherCounterpart, minister])).toHaveLength(3)
  })

  it('takes a counterpart named only as a country ("bilateral talks with Iran") as the named one', () => {
    const bare = makeMeeting('A', { sentence: 7, target: { country: 'IRN', sector: null, person: null, code: 'IRN' } })
    expect(isSameEvent(named, bare)).toBe(true)
  })

  it('knows a person by part of the full name ("Prince Mohammed", "Mohammed bin Salman")', () => {
    const full = makeMeeting('A', { source: { ...named.source, person: 'Mohammed bin Salman' } })
    const part = makeMeeting('A', { sentence: 8, source: { ...named.source, person: 'Mohammed' } })
    const other = makeMeeting('A', { sentence: 9, source: { ...named.source, person: 'Faisal bin Farhan' } })
    expect(isSameEvent(full, part)).toBe(true)
    expect(isSameEvent(full, other)).toBe(false)
  })
})

describe('planned meetings within one article', () => {
  const planned = (sentence: number, person: string | null) => {
    const m = makeMeeting('A', { sentence, modality: 'planned' })
    return { ...m, target: m.target && { ...m.target, person, role: null } }
  }

  it('keeps a programme’s meetings apart when their counterparts are not both named', () => {
    // "is to attend the commission's session" / "is also scheduled to hold talks with officials"
    expect(mergeInArticle([planned(4, null), planned(10, null), planned(12, 'Nicolás Maduro')])).toHaveLength(3)
  })
  it('still takes two announcements of a meeting with the same person as one', () => {
    expect(mergeInArticle([planned(4, 'Nicolás Maduro'), planned(9, 'Nicolás Maduro')])).toHaveLength(1)
  })
})

describe('visits within one article', () => {
  const visit = (sentence: number, date: string, precision: 'day' | 'month' | 'year') =>
    makeMention('A', { sentence, type: 'visit', cameo: '042', date, date_precision: precision })

  it('takes the days of one trip as one visit (arrived Monday, met Wednesday)', () => {
    expect(mergeInArticle([visit(0, '2019-06-03', 'day'), visit(3, '2019-06-05', 'day')])).toHaveLength(1)
  })
  it('keeps a visit in another month apart ("visited Fiji in January")', () => {
    expect(mergeInArticle([visit(0, '2019-06-03', 'day'), visit(6, '2019-01-01', 'month')])).toHaveLength(2)
  })
  it('lets a visit dated only by its year join either', () => {
    expect(isSameEvent(visit(0, '2019-06-03', 'day'), visit(1, '2019-01-01', 'year'))).toBe(true)
  })
})
