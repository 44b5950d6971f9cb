import { describe, expect, it } from 'vitest'

import { makeArticle } from '../../test/helpers/make-article.js'
import { checkArticle, isCodable, todayUtc } from './check-article.js'

const TODAY = '2025-03-12'

describe('check-article', () => {
  it.each([
    ['today', '2025-03-12', []],
    ['tomorrow (time zones ahead of UTC)', '2025-03-13', []],
    ['the day after tomorrow', '2025-03-14', ['W_FUTURE_DATE']],
    ['next century', '2125-01-01', ['W_FUTURE_DATE']],
    ['last year', '2024-03-12', []],
    ['no date', null, []],
  ])('a publication day of %s gives %j', (_, publishedOn, codes) => {
    const problems = checkArticle(makeArticle('Iran protested.', publishedOn), TODAY)
    expect(problems.map((p) => p.code)).toEqual(codes)
  })

  it('says which day is in the future and what was done with it', () => {
    const [problem] = checkArticle(makeArticle('Iran protested.', '2031-05-01'), TODAY)
    expect(problem).toMatchObject({ stage: 'ingest', code: 'W_FUTURE_DATE' })
    expect(problem?.message).toMatch(
      /^published 2031-05-01, after today \(2025-03-12\): kept as stated/,
    )
  })

  it.each([
    ['en', true, []],
    [null, true, []],
    ['es', false, ['W_LANGUAGE']],
    ['fr', false, ['W_LANGUAGE']],
  ])('an article in %s is codable: %s', (language, codable, codes) => {
    const article = { ...makeArticle('Texto.', TODAY), language }
    expect(isCodable(article)).toBe(codable)
    expect(checkArticle(article, TODAY).map((p) => p.code)).toEqual(codes)
  })

  it('names the language in words', () => {
    const article = { ...makeArticle('Texto.', TODAY), language: 'es' }
    expect(checkArticle(article, TODAY)[0]?.message).toBe(
      'written in Spanish (es), not English: stored, not coded',
    )
  })

  it('takes today in UTC', () => {
    expect(todayUtc(new Date('2025-03-12T23:30:00-05:00'))).toBe('2025-03-13')
  })
})
