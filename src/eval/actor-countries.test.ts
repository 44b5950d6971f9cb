import { describe, expect, it } from 'vitest'
import { countActorCountries, type SidedEvent } from './actor-countries.js'

const said = 'Iran and Venezuela signed an accord in Caracas on Monday.'
const ev = (type: SidedEvent['type'], source: string, target: string | null, evidence = said): SidedEvent => ({
  type,
  source,
  target,
  evidence,
})

describe('countActorCountries', () => {
  it('compares countries side by side when type and sentence agree, whatever the countries', () => {
    expect(countActorCountries([ev('visit', 'IRN', 'VEN')], [ev('visit', 'IRN', 'CUB')])).toEqual({ total: 2, right: 1 })
  })

  it('lets symmetric types name the pair in either order', () => {
    expect(countActorCountries([ev('sign_agreement', 'IRN', 'VEN')], [ev('sign_agreement', 'VEN', 'IRN')])).toEqual({
      total: 2,
      right: 2,
    })
    expect(countActorCountries([ev('visit', 'IRN', 'VEN')], [ev('visit', 'VEN', 'IRN')])).toEqual({ total: 2, right: 0 })
  })

  it('counts one side for a gold event without target, and skips other types and sentences', () => {
    expect(countActorCountries([ev('aid', 'SAU', null)], [ev('aid', 'SAU', 'JOR')])).toEqual({ total: 1, right: 1 })
    expect(countActorCountries([ev('visit', 'IRN', 'VEN')], [ev('meet', 'IRN', 'VEN')])).toEqual({ total: 0, right: 0 })
    const elsewhere = ev('visit', 'IRN', 'VEN', 'The weather in Minsk was cold all week long.')
    expect(countActorCountries([ev('visit', 'IRN', 'VEN')], [elsewhere])).toEqual({ total: 0, right: 0 })
  })

  it('pairs each extraction once, best agreement first', () => {
    const gold = [ev('meet', 'IRN', 'VEN'), ev('meet', 'IRN', 'NIC')]
    const ext = [ev('meet', 'IRN', 'NIC')]
    expect(countActorCountries(gold, ext)).toEqual({ total: 2, right: 2 })
  })
})
