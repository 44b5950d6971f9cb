import { describe, expect, it } from 'vitest'
import { PeopleRegistry, type LearnedPerson } from './learned-people.js'

const boadu: LearnedPerson = {
  name: 'Kwame Asante Boadu',
  country: 'GHA',
  sector: 'DIP',
  role: 'Minister of Foreign Affairs',
  code: 'GHAGOVDIP',
  firstSeen: '2018-02-01',
  lastSeen: '2018-06-30',
  articleId: 'a1',
  evidence: "Ghana's Minister of Foreign Affairs, Kwame Asante Boadu",
}

describe('PeopleRegistry', () => {
  const registry = new PeopleRegistry([boadu])

  it('resolves a surname near the days the person was seen, with the role and where it was learned', () => {
    const hit = registry.byName('Boadu', '2018-09-01')
    expect(hit?.actor).toMatchObject({ country: 'GHA', person: 'Kwame Asante Boadu', role: 'Minister of Foreign Affairs', code: 'GHAGOVDIP' })
    expect(hit?.why).toContain('learned from article a1')
  })

  it('matches names without regard to case or diacritics', () => {
    expect(registry.byName('kwame asante boádu', '2018-03-01')?.actor.country).toBe('GHA')
  })

  it('keeps only the country far from the days seen, and trusts a surname alone only a few years', () => {
    const later = registry.byFullName('Kwame Asante Boadu', '2025-01-01')
    expect(later?.actor).toMatchObject({ country: 'GHA', role: null, code: 'GHA' })
    expect(later?.why).toContain('too far from this date')
    expect(registry.byName('Boadu', '2025-01-01')).toBeNull()
    expect(registry.byFullName('Boadu', '2018-03-01')).toBeNull()
  })

  it('refuses a surname two learned people share', () => {
    const other: LearnedPerson = { ...boadu, name: 'Ama Boadu', country: 'TGO', code: 'TGOGOVDIP' }
    const shared = new PeopleRegistry([boadu, other])
    expect(shared.byName('Boadu', '2018-03-01')).toBeNull()
    expect(shared.byName('Ama Boadu', '2018-03-01')?.actor.country).toBe('TGO')
  })
})
