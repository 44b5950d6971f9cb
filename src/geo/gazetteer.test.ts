import { describe, expect, it } from 'vitest'
import { splitWords } from '../nlp/match-words.js'
import { processArticle } from '../pipeline.js'
import { loadResources } from '../resources.js'
import { makeArticle } from '../../test/helpers/make-article.js'
import { cityNear } from './find-city.js'
import { buildGazetteer, loadGazetteer } from './gazetteer.js'

const records = [
  { name: 'Cartagena', lat: '-33.55', lng: '-71.60', country: 'CL' },
  { name: 'Cartagena', lat: '10.39817', lng: '-75.49328', country: 'CO' },
  { name: 'Cartagena', lat: '37.60', lng: '-0.98', country: 'ES' },
  { name: 'Santa Marta', lat: '11.24', lng: '-74.20', country: 'CO' },
]

describe('gazetteer', () => {
  const gazetteer = buildGazetteer(records)

  it('finds a town only in the countries asked, with coordinates', () => {
    expect(gazetteer.find('Cartagena', new Set(['COL', 'VEN']))).toEqual({ name: 'Cartagena', country: 'COL', lat: 10.39817, lon: -75.49328 })
    expect(gazetteer.find('cartagena', new Set(['ESP']))?.country).toBe('ESP')
    expect(gazetteer.find('Cartagena', new Set(['IRN']))).toBeNull()
  })

  it('reads a town after "in" or "at" in the trigger’s clause, not inside an actor', () => {
    const words = splitWords('The two presidents met in Santa Marta on Tuesday.', 0)
    const none = () => false
    const breaks = new Set(['while', 'but'])
    expect(cityNear(words, 3, none, breaks, new Set(['COL']), gazetteer)?.name).toBe('Santa Marta')
    const other = splitWords('The presidents met on Tuesday, while protests went on in Cartagena.', 0)
    expect(cityNear(other, 2, none, breaks, new Set(['COL']), gazetteer)).toBeNull()
    expect(cityNear(words, 3, (i) => i === 5, breaks, new Set(['COL']), gazetteer)).toBeNull()
  })
})

describe('event places from the GeoNames gazetteer', () => {
  it('geocodes the town where a meeting took place, in one of the two countries', async () => {
    expect(loadGazetteer().size).toBeGreaterThan(100_000)
    const text = 'Iran and Venezuela. Colombian President Juan Manuel Santos met Venezuelan President Hugo Chavez in Santa Marta on Tuesday.'
    const doc = processArticle(makeArticle(text, '2010-08-11'), await loadResources())
    const meet = doc.eventMentions?.find((e) => e.type === 'meet')
    expect(meet?.location).toMatchObject({ name: 'Santa Marta', country: 'COL' })
    expect(meet?.location?.lat).toBeCloseTo(11.24, 1)
  }, 30_000)
})
