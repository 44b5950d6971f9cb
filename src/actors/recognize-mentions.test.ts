import { beforeAll, describe, expect, it } from 'vitest'
import { processArticle } from '../pipeline.js'
import { loadResources, type Resources } from '../resources.js'
import { makeArticle } from '../../test/helpers/make-article.js'
import type { Mention } from '../doc.js'

let resources: Resources
beforeAll(async () => {
  resources = await loadResources()
})

/** Mentions of a text as 'surface → CODE person'. */
function mentionsOf(text: string, published: string | null = '2024-11-20'): string[] {
  const doc = processArticle(makeArticle(text, published), resources)
  const show = (m: Mention) =>
    `${text.slice(m.span[0], m.span[1])} → ${m.actor?.code ?? m.place?.name ?? '-'}${m.actor?.person ? ` ${m.actor.person}` : ''}`
  return (doc.mentions ?? []).map(show)
}

describe('recognize-mentions: roles, names and places', () => {
  it('names the office an apposition holds on the article date', () => {
    expect(mentionsOf('Iranian Defence Minister Brigadier General Aziz Nasirzadeh arrived.', '2024-11-20')).toContain(
      'Iranian Defence Minister Brigadier General Aziz Nasirzadeh → IRNGOVMIL Aziz Nasirzadeh',
    )
  })

  it.each([
    ['Iran’s Defense Minister, Amir Hatami, spoke.', 'Iran’s Defense Minister, Amir Hatami → IRNGOVMIL Amir Hatami'],
    ['He met the president of Bolivia, Evo Morales.', 'president of Bolivia, Evo Morales → BOLGOV Evo Morales'],
    ['Tehran and Caracas agreed.', 'Tehran → IRNGOV'],
    ['The Kremlin said nothing.', 'Kremlin → RUSGOV'],
    ['The top Iranian diplomat met reporters.', 'Iranian diplomat → IRNGOVDIP Mohammad Javad Zarif'],
    ['The Venezuelan ambassador left.', 'Venezuelan ambassador → VENDIP'],
  ])('%s', (text, expected) => {
    expect(mentionsOf(text, '2019-01-10').some((m) => m.startsWith(expected))).toBe(true)
  })

  it('resolves a bare role to the office holder on the article date', () => {
    expect(mentionsOf('The Iranian defence minister met his Venezuelan counterpart.', '2019-01-10')).toContain(
      'Iranian defence minister → IRNGOVMIL Amir Hatami',
    )
    expect(mentionsOf('The Iranian defence minister met his Venezuelan counterpart.', '2024-11-20')).toContain(
      'Iranian defence minister → IRNGOVMIL Aziz Nasirzadeh',
    )
  })

  it('treats a dateline as a place, not an actor', () => {
    expect(mentionsOf('LONDON, March 24 - Iran warned the U.S.', '1987-03-24')[0]).toBe('LONDON → London')
  })

  it('gives "his counterpart" without a nationality the last other country named', () => {
    const text = 'The Pakistani foreign minister met the Afghan president in Kabul. He also held talks with his counterpart Ahmad Karimi.'
    expect(mentionsOf(text)).toContain('counterpart Ahmad Karimi → AFGGOVDIP Ahmad Karimi')
  })

  it('takes "his Chinese counterpart" for the Chinese counterpart named before', () => {
    const text = 'The Pakistani foreign minister met his Chinese counterpart Li Wen on Monday. The minister and his Chinese counterpart also discussed trade.'
    expect(mentionsOf(text)).toContain('Chinese counterpart → CHNGOV Li Wen')
  })

  it('reads "the three governments" as the list of three named before', () => {
    const text = 'Russia expelled diplomats from Poland, Estonia and Latvia, accusing the three governments of spying.'
    expect(mentionsOf(text)).toContain('the three governments → POL')
    // No list of that size: nothing is guessed.
    expect(mentionsOf('Russia accused the four governments of spying.').join()).not.toContain('four governments')
  })

  it('reads an opening "It" as the last sentence’s state subject, but not "It was agreed"', () => {
    expect(mentionsOf('Venezuela recalled its envoys. It also demanded an apology.')).toContain('It → VEN')
    expect(mentionsOf('Venezuela recalled its envoys. It was agreed to talk.').join()).not.toContain('It →')
  })

  it('reads a sentence opening with "He" as the last sentence’s subject, not its object', () => {
    const text = 'The Pakistani foreign minister met the Afghan president in Kabul. He then flew to Tehran.'
    expect(mentionsOf(text)).toContain('He → PAKGOVDIP Ishaq Dar')
  })

  it('gives a bare "foreign ministry" the dateline’s country, and nothing without a dateline', () => {
    const filed = mentionsOf('PARIS, March 18 - A foreign ministry statement called on Canada to act.', '1987-03-18')
    expect(filed).toContain('foreign ministry statement → FRAGOVDIP')
    expect(mentionsOf('A foreign ministry statement called on Canada to act.', '1987-03-18').join()).not.toContain('foreign ministry')
    // A person is never guessed from the dateline: "the foreign minister" stays unresolved.
    expect(mentionsOf('PARIS, March 18 - The foreign minister called on Canada to act.', '1987-03-18').join()).not.toContain('minister')
  })
})

describe('recognize-mentions: coreference within one article', () => {
  it('follows surname, role and pronoun back to the apposition', () => {
    const text = [
      'Iranian Defence Minister Brigadier General Aziz Nasirzadeh arrived in Minsk on Tuesday.',
      'Nasirzadeh was welcomed at the airport.',
      'The defence minister later toured a factory.',
      'He said the visit was useful.',
    ].join('\n')
    const found = mentionsOf(text)
    expect(found).toContain('Nasirzadeh → IRNGOVMIL Aziz Nasirzadeh')
    expect(found).toContain('defence minister → IRNGOVMIL Aziz Nasirzadeh')
    expect(found).toContain('He → IRNGOVMIL Aziz Nasirzadeh')
  })

  it('learns a person no dictionary knows from an apposition, even before it', () => {
    const text = [
      'Wekesa lands in Nairobi.',
      'Kenyan Trade Minister Amani Wekesa opened the fair on Monday.',
      'Later, Wekesa met the Ugandan delegation.',
    ].join('\n')
    const found = mentionsOf(text)
    expect(found.filter((m) => m.startsWith('Wekesa → KEN'))).toHaveLength(2)
  })

  it('reads "the two countries" as the pair named together', () => {
    const text = 'India and Pakistan held talks.\nThe UK welcomed it.\nBoth countries agreed to talk again.'
    const doc = processArticle(makeArticle(text, '2024-11-20'), resources)
    const pair = doc.mentions?.find((m) => m.kind === 'pair')
    expect([pair?.actor?.country, pair?.partner?.country].sort()).toEqual(['IND', 'PAK'])
  })
})
