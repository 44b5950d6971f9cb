/**
 * Names, ISO numeric codes (world-atlas feature ids) and centres of countries, for the page's
 * selects, network and map. Built from the world-countries package, which loads in milliseconds;
 * organisation tags (EU, OPEC) have no entry and are named by their tag.
 */
import { createRequire } from 'node:module'
import type { Country } from 'world-countries'
import type { CountryInfo } from './types.js'

// The package is CommonJS whose typings declare an ES default; require() gives the array itself.
const worldCountries = createRequire(import.meta.url)('world-countries') as readonly Country[]

/** Looks countries up by code. */
export interface CountryDirectory {
  /** @example describe('VEN') -> { code: 'VEN', name: 'Venezuela', numeric: '862', lat: 8, lon: -66 } */
  describe(code: string): CountryInfo
}

// News data writes Kosovo as XKX; world-countries files it under UNK.
const ALIASES: Readonly<Record<string, string>> = { XKX: 'UNK' }

/**
 * The directory from world-countries.
 * @example createCountryDirectory().describe('IRN').name -> 'Iran'
 */
export function createCountryDirectory(): CountryDirectory {
  const byCode = new Map<string, CountryInfo>()
  for (const country of worldCountries) {
    const [lat = null, lon = null] = country.latlng
    byCode.set(country.cca3, {
      code: country.cca3,
      name: country.name.common,
      numeric: country.ccn3 === '' ? null : country.ccn3,
      lat,
      lon,
    })
  }
  return {
    describe(code) {
      const known = byCode.get(ALIASES[code] ?? code)
      if (known === undefined) return { code, name: code, numeric: null, lat: null, lon: null }
      return { ...known, code }
    },
  }
}
