import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import worldCountries, { type Country } from 'world-countries'
import { DyadError } from '../errors.js'
import { loadDictionaries } from './load.js'
import type { CountryEntry, Dictionaries } from './types.js'

// Its types declare `export default`, but Node loads the CommonJS main: the array itself.
const countries = worldCountries as unknown as Country[]
const FIXTURE = fileURLToPath(new URL('../../test/fixtures/dictionaries', import.meta.url))
const BROKEN = join(FIXTURE, 'broken')

// Every code whose names, adjectives, capitals or seats include `phrase` (case-insensitively).
function codesNamedBy(dictionaries: Dictionaries, phrase: string): string[] {
  const key = phrase.toLowerCase()
  const names = (c: CountryEntry) => [
    c.name,
    ...c.aliases,
    ...c.adjectives,
    ...c.capitals.map((capital) => capital.name),
    ...c.seats,
  ]
  return dictionaries.countries
    .filter((c) => names(c).some((name) => name.toLowerCase() === key))
    .map((c) => c.code)
}

// The error a load raises, or a failure when it loads.
function loadError(dir: string): DyadError {
  try {
    loadDictionaries(dir)
  } catch (error) {
    if (error instanceof DyadError) return error
    throw error
  }
  throw new Error(`expected ${dir} to fail to load`)
}

describe('load-dictionaries: the real dictionaries', () => {
  const real = loadDictionaries()

  it('holds every UN member and observer, Taiwan and Kosovo', () => {
    const codes = new Set(real.countries.map((c) => c.code))
    const members = countries.filter((c) => c.unMember).map((c) => c.cca3)
    expect(members.filter((code) => !codes.has(code))).toEqual([])
    for (const code of ['VAT', 'PSE', 'TWN', 'XKX', 'SUN']) expect(codes).toContain(code)
    expect(real.countries.filter((c) => c.kind === 'state').length).toBeGreaterThanOrEqual(195)
  })

  it('gives every state at least one capital with coordinates', () => {
    const historical = new Set(['SUN', 'DDR', 'YUG', 'CSK'])
    const states = real.countries.filter((c) => c.kind === 'state' && !historical.has(c.code))
    expect(states.filter((c) => c.capitals.length === 0).map((c) => c.code)).toEqual([])
  })

  it.each([
    ['Iranian', 'IRN'],
    ['Iranians', 'IRN'],
    ['Persia', 'IRN'],
    ['Tehran', 'IRN'],
    ['Belarusian', 'BLR'],
    ['Belarussian', 'BLR'],
    ['Minsk', 'BLR'],
    ['Venezuelan', 'VEN'],
    ['Caracas', 'VEN'],
    ['Miraflores', 'VEN'],
    ['the Kremlin', 'RUS'],
    ['Russian Federation', 'RUS'],
    ['U.S.', 'USA'],
    ['United States of America', 'USA'],
    ['the White House', 'USA'],
    ['Britain', 'GBR'],
    ['Downing Street', 'GBR'],
    ['Élysée', 'FRA'],
    ['Elysee', 'FRA'],
    ['Zhongnanhai', 'CHN'],
    ['DPRK', 'PRK'],
    ['Republic of Korea', 'KOR'],
    ['Emirati', 'ARE'],
    ['Saudi', 'SAU'],
    ['Kyrgyz', 'KGZ'],
    ['Filipino', 'PHL'],
    ['Philippine', 'PHL'],
    ['Soviet', 'SUN'],
    ['West Germany', 'DEU'],
    ['Holy See', 'VAT'],
    ['Palestinian', 'PSE'],
    ['Kosovar', 'XKX'],
    ['Managua', 'NIC'],
    ['La Paz', 'BOL'],
    ['Security Council', 'UN'],
    ['U.N.', 'UN'],
    ['European Commission', 'EU'],
    ['OPEC', 'OPEC'],
    ['Brussels', 'BEL'],
  ])('resolves %s to %s', (phrase, code) => {
    expect(codesNamedBy(real, phrase)).toEqual([code])
  })

  it.each([
    ['Congo', ['COD', 'COG']],
    ['Korean', ['KOR', 'PRK']],
  ])('keeps %s deliberately ambiguous', (phrase, codes) => {
    expect(codesNamedBy(real, phrase).sort()).toEqual(codes)
    for (const code of codes) {
      expect(real.countries.find((c) => c.code === code)?.shared).toContain(phrase)
    }
  })

  it('places Tehran at its coordinates, not at the middle of Iran', () => {
    const tehran = real.countries.find((c) => c.code === 'IRN')?.capitals[0]
    expect(tehran).toMatchObject({ name: 'Tehran' })
    expect(tehran?.lat).toBeCloseTo(35.69, 1)
    expect(tehran?.lon).toBeCloseTo(51.39, 1)
  })

  it('matches common words as written: Chad, Turkey, US', () => {
    const caseSensitive = (code: string) =>
      real.countries.find((c) => c.code === code)?.caseSensitive
    expect(caseSensitive('TCD')).toContain('Chad')
    expect(caseSensitive('TUR')).toContain('Turkey')
    expect(caseSensitive('USA')).toContain('US')
  })

  it.each([
    ['Aziz Nasirzadeh', 'defence-minister', 'IRN', '2024-08-21', '2026-02-28'],
    ['Amir Hatami', 'defence-minister', 'IRN', '2017-08-20', '2021-08-25'],
    ['Hossein Amir-Abdollahian', 'foreign-minister', 'IRN', '2021-08-25', '2024-05-19'],
    ['Hassan Rouhani', 'president', 'IRN', '2013-08-03', '2021-08-03'],
    ['Ebrahim Raisi', 'president', 'IRN', '2021-08-03', '2024-05-19'],
    ['Evo Morales', 'president', 'BOL', '2006-01-22', '2019-11-10'],
    ['Tareck El Aissami', 'oil-minister', 'VEN', '2020-04-27', '2023-03-20'],
    ['Delcy Rodríguez', 'vice-president', 'VEN', '2018-06-14', '2026-01-03'],
    ['Vladimir Padrino López', 'defence-minister', 'VEN', '2014-10-24', null],
  ])('dates the role of %s', (name, role, country, from, to) => {
    const person = real.people.find((p) => p.name === name)
    expect(person?.roles).toContainEqual(expect.objectContaining({ role, country, from, to }))
  })

  it.each([
    ['Ossein Amir-Abdollahian', 'Hossein Amir-Abdollahian'],
    ['Amirabdollahian', 'Hossein Amir-Abdollahian'],
    ['Hasan Rohani', 'Hassan Rouhani'],
    ['Nicolas Maduro', 'Nicolás Maduro'],
    ['Yvan Gil Pinto', 'Yván Gil'],
    ['Delcy Rodriguez', 'Delcy Rodríguez'],
    ['Padrino Lopez', 'Vladimir Padrino López'],
    ['Seyyed Ali Khamenei', 'Ali Khamenei'],
  ])('knows %s as %s', (variant, name) => {
    const named = real.people.filter((p) => p.variants.includes(variant))
    expect(named.map((p) => p.name)).toEqual([name])
  })

  it('has the role nouns the seeds use', () => {
    const roleOf = (noun: string) =>
      real.roles.filter((r) => r.nouns.includes(noun)).map((r) => r.id)
    expect(roleOf('top diplomat')).toEqual(['foreign-minister'])
    expect(roleOf('defense minister')).toEqual(['defence-minister'])
    expect(roleOf('foreign ministry')).toEqual(['foreign-ministry'])
  })
})

describe('load-dictionaries: the tiny fixture', () => {
  it('loads the fixture folder', () => {
    const tiny = loadDictionaries(FIXTURE)
    expect(tiny.countries.map((c) => c.code)).toEqual(['BLR', 'IRN', 'RUS', 'VEN', 'OPEC', 'UN'])
    const names = ['Aziz Nasirzadeh', 'Ebrahim Raisi', 'Nicolás Maduro']
    expect(tiny.people.map((p) => p.name)).toEqual(names)
    expect(tiny.roles).toHaveLength(3)
  })

  it('reads DYAD_DICTIONARIES when no folder is given', () => {
    const before = process.env['DYAD_DICTIONARIES']
    process.env['DYAD_DICTIONARIES'] = FIXTURE
    try {
      expect(loadDictionaries().countries).toHaveLength(6)
    } finally {
      if (before === undefined) delete process.env['DYAD_DICTIONARIES']
      else process.env['DYAD_DICTIONARIES'] = before
    }
  })

  it('says E_DICT_MISSING for a folder that does not exist', () => {
    expect(loadError(join(FIXTURE, 'no-such-folder')).code).toBe('E_DICT_MISSING')
  })
})

describe('load-dictionaries: broken files name file, line and field', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'dyad-dict-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  // The tiny fixture with one file swapped for one of test/fixtures/dictionaries/broken/.
  function withBroken(broken: string, replaces: string): string {
    const dir = join(scratch, broken)
    cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.startsWith(BROKEN) })
    cpSync(join(BROKEN, broken), join(dir, replaces))
    return dir
  }

  // prettier-ignore
  it.each([
    ['bad-date.people.yaml', 'people/tiny.yaml',
      'people/tiny.yaml:14: entry "Ebrahim Raisi": field roles[0].from: expected an ISO date YYYY-MM-DD'],
    ['ends-before-start.people.yaml', 'people/tiny.yaml',
      'people/tiny.yaml:9: entry "Ebrahim Raisi": field roles[0].to: ends before it starts (2024-05-19)'],
    ['unknown-role.people.yaml', 'people/tiny.yaml',
      'people/tiny.yaml:9: entry "Aziz Nasirzadeh": field roles[0].role: unknown role id "defense-minister"'],
    ['unknown-country.people.yaml', 'people/tiny.yaml',
      'people/tiny.yaml:14: entry "Mostafa Alaei": field roles[0].posting: unknown country code "VNZ"'],
    ['missing-twin.people.yaml', 'people/tiny.yaml',
      'people/tiny.yaml:5: entry "Nicolás Maduro": field name: "Nicolás Maduro" has diacritics: add "Nicolas Maduro" too'],
    ['unknown-field.roles.yaml', 'roles.yaml',
      'roles.yaml:12: entry "foreign-minister": field noun: unknown field'],
    ['bad-sector.roles.yaml', 'roles.yaml',
      'roles.yaml:7: entry "defence-minister": field sector: expected a sector'],
    ['bad-header.roles.yaml', 'roles.yaml', 'roles.yaml:3: field updated: expected an ISO date'],
    ['yaml-syntax.roles.yaml', 'roles.yaml', 'roles.yaml:9: YAML syntax'],
    ['name-clash.countries.yaml', 'countries/tiny.yaml',
      'countries/tiny.yaml:29: entry "Venezuela": field aliases[0]: "Persia" is also a name of IRN'],
    ['unsorted.countries.yaml', 'countries/tiny.yaml',
      'countries/tiny.yaml:12: entry "Belarus": entries must be sorted: "BLR" belongs before "IRN"'],
    ['wrong-scope.cameo.yaml', 'cameo/codes.yaml',
      'cameo/codes.yaml:7: entry "195": field scope: type fight is in the extended scope, not core'],
  ])('%s', (broken, replaces, expected) => {
    const error = loadError(withBroken(broken, replaces))
    expect(error.code).toBe('E_DICT_SCHEMA')
    expect(error.message).toContain(expected)
  })
})
