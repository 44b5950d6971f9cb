/**
 * The world map: countries from world-atlas (Natural Earth 1:110m, bundled, no tile server),
 * projected by d3-geo; the countries in focus are shaded and each place named by an event is a
 * circle whose area grows with its events.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countries110m from 'world-atlas/countries-110m.json'
import type { CountryInfo, EventRow } from '../../src/api/types.js'
import { setChildren, svg } from './dom.js'

const WIDTH = 960
const HEIGHT = 500

type CountryFeature = Feature<Geometry, { name: string }>

let land: CountryFeature[] | null = null

/** The countries as GeoJSON, converted once. */
function countryFeatures(): CountryFeature[] {
  if (land === null) {
    const topology = countries110m as unknown as Topology<{
      countries: GeometryCollection<{ name: string }>
    }>
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      { name: string }
    >
    land = collection.features
  }
  return land
}

/** One place with its events. */
export interface Place {
  readonly name: string
  readonly lat: number
  readonly lon: number
  readonly events: number
}

/** The places named by events, busiest first. @example placesOf(rows)[0] -> { name: 'Caracas', ... } */
export function placesOf(rows: readonly EventRow[]): Place[] {
  const places = new Map<string, { name: string; lat: number; lon: number; events: number }>()
  for (const { mention } of rows) {
    const { location } = mention
    if (location === null || location.lat === null || location.lon === null) continue
    const key = `${location.name}|${location.lat}|${location.lon}`
    const place = places.get(key) ?? {
      name: location.name,
      lat: location.lat,
      lon: location.lon,
      events: 0,
    }
    place.events += 1
    places.set(key, place)
  }
  return [...places.values()].sort((x, y) => y.events - x.events)
}

/**
 * Draw the map with the focus countries shaded and the places marked.
 * @example drawMap(box, [iran, venezuela], placesOf(rows))
 */
export function drawMap(
  box: HTMLElement,
  focus: readonly CountryInfo[],
  places: readonly Place[],
): void {
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: 'Sphere' },
  )
  const path = geoPath(projection)
  const shaded = new Set(focus.map((country) => country.numeric).filter((code) => code !== null))
  const picture = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `World map with ${places.length} places where events took place`,
    class: 'world',
  })
  picture.append(
    svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }),
    svg('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }),
  )
  const countries = svg('g', { class: 'countries' })
  for (const country of countryFeatures()) {
    const id = String(country.id ?? '')
    countries.append(
      svg(
        'path',
        {
          class: shaded.has(id) ? 'country focus' : 'country',
          d: path(country) ?? '',
          'data-id': id,
        },
        svg('title', {}, country.properties.name),
      ),
    )
  }
  picture.append(countries)
  const dots = svg('g', { class: 'places' })
  for (const place of places) {
    const point = projection([place.lon, place.lat])
    if (point === null) continue
    dots.append(
      svg(
        'circle',
        {
          cx: point[0],
          cy: point[1],
          r: 4 + 3 * Math.sqrt(place.events),
          class: 'place',
          'data-place': place.name,
        },
        svg('title', {}, `${place.name}: ${place.events} event${place.events === 1 ? '' : 's'}`),
      ),
    )
  }
  picture.append(dots)
  setChildren(box, picture)
}
