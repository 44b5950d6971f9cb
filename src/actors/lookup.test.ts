import { beforeAll, describe, expect, it } from 'vitest'
import { loadResources, type Resources } from '../resources.js'
import { lookupActor } from './lookup.js'

let resources: Resources
beforeAll(async () => {
  resources = await loadResources()
})

// Real changes of office in thirteen countries: the same words name different people by date.
describe('lookup: office holders as of the article date', () => {
  it.each([
    ['defence minister', 'IRN', '2019-01-10', 'Amir Hatami'],
    ['defence minister', 'IRN', '2024-11-20', 'Aziz Nasirzadeh'],
    ['president', 'USA', '2019-06-01', 'Donald Trump'],
    ['president', 'USA', '2022-06-01', 'Joe Biden'],
    ['prime minister', 'GBR', '2019-06-01', 'Theresa May'],
    ['prime minister', 'GBR', '2019-09-01', 'Boris Johnson'],
    ['chancellor', 'DEU', '2020-01-01', 'Angela Merkel'],
    ['chancellor', 'DEU', '2022-01-01', 'Olaf Scholz'],
    ['president', 'FRA', '2016-01-01', 'François Hollande'],
    ['president', 'FRA', '2018-01-01', 'Emmanuel Macron'],
    ['foreign minister', 'IRN', '2020-01-01', 'Mohammad Javad Zarif'],
    ['top diplomat', 'IRN', '2022-01-01', 'Hossein Amir-Abdollahian'],
    ['defence minister', 'RUS', '2023-01-01', 'Sergei Shoigu'],
    ['defence minister', 'RUS', '2024-06-01', 'Andrei Belousov'],
    ['prime minister', 'JPN', '2019-01-01', 'Shinzo Abe'],
    ['prime minister', 'JPN', '2021-01-01', 'Yoshihide Suga'],
    ['prime minister', 'IND', '2013-01-01', 'Manmohan Singh'],
    ['prime minister', 'IND', '2015-01-01', 'Narendra Modi'],
    ['president', 'BRA', '2021-01-01', 'Jair Bolsonaro'],
    ['president', 'BRA', '2023-06-01', 'Luiz Inácio Lula da Silva'],
    ['foreign minister', 'CHN', '2022-06-01', 'Wang Yi'],
    ['foreign minister', 'CHN', '2023-03-01', 'Qin Gang'],
    ['president', 'IRN', '2020-01-01', 'Hassan Rouhani'],
    ['president', 'IRN', '2022-01-01', 'Ebrahim Raisi'],
    ['president', 'KOR', '2020-01-01', 'Moon Jae-in'],
    ['president', 'KOR', '2023-01-01', 'Yoon Suk Yeol'],
  ])('%s of %s on %s is %s', (phrase, country, date, person) => {
    const [first] = lookupActor(phrase, { country, date }, resources)
    expect(first?.actor?.person).toBe(person)
    expect(first?.actor?.country).toBe(country)
  })

  it('says so when no date is given instead of guessing today', () => {
    const [first] = lookupActor('defence minister', { country: 'IRN' }, resources)
    expect(first?.actor?.person).toBeNull()
    expect(first?.why).toContain('--date')
  })
})

describe('lookup: names, variants, metonyms', () => {
  it.each([
    ['Amir-Abdollahian', 'IRN', 'Hossein Amir-Abdollahian'],
    ['Ossein Amir-Abdollahian', 'IRN', 'Hossein Amir-Abdollahian'],
    ['Nicolas Maduro', 'VEN', 'Nicolás Maduro'],
    ['Nicolás Maduro', 'VEN', 'Nicolás Maduro'],
    ['Vladimir Padrino Lopez', 'VEN', 'Vladimir Padrino López'],
  ])('%s is %s’s %s', (phrase, country, person) => {
    const [first] = lookupActor(phrase, {}, resources)
    expect(first?.actor?.country).toBe(country)
    expect(first?.actor?.person).toBe(person)
    expect(first?.spells.length).toBeGreaterThan(0)
  })

  it.each([
    ['Tehran', 'IRNGOV'],
    ['the Kremlin', 'RUSGOV'],
    ['Caracas', 'VENGOV'],
    ['Minsk', 'BLRGOV'],
  ])('%s stands for %s', (phrase, code) => {
    expect(lookupActor(phrase, {}, resources)[0]?.actor?.code).toBe(code)
  })

  it('names the country of an adjective', () => {
    expect(lookupActor('Belarusian', {}, resources)[0]?.actor?.country).toBe('BLR')
  })
})
