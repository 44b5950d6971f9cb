/**
 * The country network of the whole store: countries are nodes (with their number of events),
 * each pair of countries with events between them is an edge weighted by those events, split
 * into cooperative (quad 1-2) and conflictual (quad 3-4).
 */
import type { Store } from '../store/database.js'
import { queryEvents } from '../store/queries/events.js'

/** Which events the network counts. */
export interface NetworkOptions {
  /** Earliest event date, inclusive, ISO; undated events are then left out. */
  readonly from?: string
  /** Latest event date, inclusive, ISO; undated events are then left out. */
  readonly to?: string
  /** Modalities counted; default asserted only. */
  readonly modality?: readonly ('asserted' | 'planned')[]
}

/** A country and the events it takes part in, on either side. */
export interface NetworkNode {
  /** @example 'IRN' */
  readonly country: string
  readonly events: number
  readonly cooperative: number
  readonly conflictual: number
}

/** Two countries (sorted) and the events between them, either direction. */
export interface NetworkEdge {
  /** @example 'IRN' (the first of the sorted pair) */
  readonly a: string
  /** @example 'VEN' */
  readonly b: string
  readonly events: number
  readonly cooperative: number
  readonly conflictual: number
  readonly goldstein_sum: number
}

export interface CountryNetwork {
  /** By events, most first, then by code. */
  readonly nodes: readonly NetworkNode[]
  /** By events, most first, then by pair. */
  readonly edges: readonly NetworkEdge[]
}

/**
 * Build the country network from the store's deduplicated events. An event without a target
 * counts for its source's node only.
 * @example countryNetwork(store).edges[0] -> { a: 'IRN', b: 'VEN', events: 7, cooperative: 7, ... }
 */
export function countryNetwork(store: Store, options: NetworkOptions = {}): CountryNetwork {
  const events = queryEvents(store, {
    modality: options.modality ?? ['asserted'],
    from: options.from,
    to: options.to,
  })
  const nodes = new Map<string, { events: number; cooperative: number; conflictual: number }>()
  const edges = new Map<string, Omit<NetworkEdge, 'a' | 'b'> & { a: string; b: string }>()
  for (const event of events) {
    const isCooperative = event.quad <= 2
    const countries = new Set([event.source.country, event.target?.country].filter(isString))
    for (const country of countries) {
      const node = nodes.get(country) ?? { events: 0, cooperative: 0, conflictual: 0 }
      nodes.set(country, tally(node, isCooperative))
    }
    if (event.target === null || event.target.country === event.source.country) continue
    const [a, b] = [event.source.country, event.target.country].sort() as [string, string]
    const edge = edges.get(`${a}-${b}`) ?? {
      a,
      b,
      events: 0,
      cooperative: 0,
      conflictual: 0,
      goldstein_sum: 0,
    }
    edges.set(`${a}-${b}`, {
      ...tally(edge, isCooperative),
      goldstein_sum: Math.round((edge.goldstein_sum + event.goldstein) * 100) / 100,
    })
  }
  return {
    nodes: [...nodes]
      .map(([country, n]) => ({ country, ...n }))
      .sort((x, y) => y.events - x.events || x.country.localeCompare(y.country)),
    edges: [...edges.values()].sort(
      (x, y) => y.events - x.events || `${x.a}-${x.b}`.localeCompare(`${y.a}-${y.b}`),
    ),
  }
}

function tally<T extends { events: number; cooperative: number; conflictual: number }>(
  counts: T,
  isCooperative: boolean,
): T {
  return {
    ...counts,
    events: counts.events + 1,
    cooperative: counts.cooperative + (isCooperative ? 1 : 0),
    conflictual: counts.conflictual + (isCooperative ? 0 : 1),
  }
}

const isString = (x: string | undefined): x is string => x !== undefined
