/**
 * Aggregates over deduplicated events for the page: a dyad's (or a country's) months, the country
 * network, and the actors seen. Counted in SQL (GROUP BY) over the `events` table with the filter
 * the event list takes (src/analytics/ reads the same rows but takes fewer filters), shaped here.
 * An event reported by several articles counts once.
 */
import { sql } from 'kysely'
import type { EventType } from '../../doc.js'
import type { Store } from '../../store/database.js'
import { selectRows } from '../../store/execute.js'
import { monthsBetween } from '../../analytics/months.js'
import type { Actors, MonthSummary, Network, NetworkEdge, PersonSeen, Summary } from '../types.js'
import type { CountryDirectory } from '../countries.js'
import { eventMatches, type EventFilter } from '../../store/queries/event-filter.js'

/**
 * Events per month by type, with the month's Goldstein mean and sum. An event is counted in the
 * month of its date, or when the text fixes no day, of its first report; `undated` counts those
 * with neither.
 * @example summarize(store, { dyad: ['IRN', 'VEN'] })
 *   -> { countries: ['IRN', 'VEN'], total: 9, undated: 1, types: ['visit', ...],
 *        months: [{ month: '2023-02', total: 3, byType: { visit: 1, meet: 2 }, ... }, ...] }
 */
export function summarize(store: Store, filter: EventFilter): Summary {
  // An event the text gives no day counts in the month it was first reported.
  const month = sql<string | null>`substr(coalesce(events.date, events.first_seen), 1, 7)`
  const query = store.db
    .selectFrom('events')
    .where((eb) => eventMatches(eb, filter))
    .select((eb) => [
      month.as('month'),
      'events.type as type',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('events.goldstein').as('goldstein'),
    ])
    .groupBy([month, 'events.type'])
  const groups = selectRows(store, query)

  const byMonth = new Map<
    string,
    { byType: Partial<Record<EventType, number>>; total: number; sum: number }
  >()
  const typeTotals = new Map<EventType, number>()
  let total = 0
  let undated = 0
  for (const group of groups) {
    const type = group.type as EventType
    total += group.count
    typeTotals.set(type, (typeTotals.get(type) ?? 0) + group.count)
    if (group.month === null) {
      undated += group.count
      continue
    }
    const entry = byMonth.get(group.month) ?? { byType: {}, total: 0, sum: 0 }
    entry.byType[type] = (entry.byType[type] ?? 0) + group.count
    entry.total += group.count
    entry.sum += group.goldstein
    byMonth.set(group.month, entry)
  }
  const seen = [...byMonth.keys()].sort()
  const span = seen.length === 0 ? [] : monthsBetween(seen[0]!, seen[seen.length - 1]!)
  const months: MonthSummary[] = span.map((name) => {
    const entry = byMonth.get(name)
    if (entry === undefined) {
      return { month: name, total: 0, byType: {}, goldsteinMean: null, goldsteinSum: 0 }
    }
    return {
      month: name,
      total: entry.total,
      byType: entry.byType,
      goldsteinMean: round(entry.sum / entry.total),
      goldsteinSum: round(entry.sum),
    }
  })
  const countries = filter.dyad ?? (filter.country === undefined ? [] : [filter.country])
  const types = [...typeTotals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t]) => t)
  return { countries: [...countries], total, undated, types, months }
}

/**
 * Countries and the undirected edges between them, busiest first; quad classes 1-2 count as
 * cooperative, 3-4 as conflictual. Events without a target are no edge.
 * @example buildNetwork(store, {}, directory).edges[0]
 *   -> { a: 'IRN', b: 'VEN', total: 9, cooperative: 9, conflictual: 0, goldsteinMean: 3.1 }
 */
export function buildNetwork(
  store: Store,
  filter: EventFilter,
  directory: CountryDirectory,
): Network {
  const query = store.db
    .selectFrom('events')
    .where((eb) => eventMatches(eb, filter))
    .where('events.target_country', 'is not', null)
    .whereRef('events.source_country', '!=', 'events.target_country')
    .select((eb) => [
      'events.source_country as source',
      'events.target_country as target',
      'events.quad as quad',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('events.goldstein').as('goldstein'),
    ])
    .groupBy([
      'events.source_country',
      'events.target_country',
      'events.quad',
    ])
  type Tally = { -readonly [K in keyof NetworkEdge]: NetworkEdge[K] } & { sum: number }
  const edges = new Map<string, Tally>()
  const nodeEvents = new Map<string, number>()
  for (const group of selectRows(store, query)) {
    const target = group.target ?? ''
    const [a, b] = [group.source, target].sort() as [string, string]
    const key = `${a}-${b}`
    const edge = edges.get(key) ?? {
      a,
      b,
      total: 0,
      cooperative: 0,
      conflictual: 0,
      goldsteinMean: 0,
      sum: 0,
    }
    edge.total += group.count
    edge.sum += group.goldstein
    if (group.quad <= 2) edge.cooperative += group.count
    else edge.conflictual += group.count
    edges.set(key, edge)
    for (const code of [a, b]) nodeEvents.set(code, (nodeEvents.get(code) ?? 0) + group.count)
  }
  const edgeList = [...edges.values()]
    .map(({ sum, ...edge }) => ({ ...edge, goldsteinMean: round(sum / edge.total) }))
    .sort((x, y) => y.total - x.total || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
  const nodes = [...nodeEvents]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([code, events]) => ({ ...directory.describe(code), events }))
  return { nodes, edges: edgeList }
}

/**
 * Every country and person seen as a side of an event, busiest first.
 * @example listActors(store, {}, directory).people[0]
 *   -> { name: 'Aziz Nasirzadeh', country: 'IRN', roles: ['Minister of Defence'], events: 4 }
 */
export function listActors(store: Store, filter: EventFilter, directory: CountryDirectory): Actors {
  const countries = new Map<string, number>()
  const people = new Map<
    string,
    { name: string; country: string; roles: Set<string>; events: Set<number> }
  >()
  const matching = store.db
    .selectFrom('events')
    .select('events.id')
    .where((eb) => eventMatches(eb, filter))
  for (const side of ['source', 'target'] as const) {
    const query = store.db
      .selectFrom('events')
      .where((eb) => eventMatches(eb, filter))
      .where(`events.${side}_country`, 'is not', null)
      .select((eb) => [`events.${side}_country as country`, eb.fn.countAll<number>().as('count')])
      .groupBy(`events.${side}_country`)
    for (const group of selectRows(store, query)) {
      const country = group.country ?? ''
      countries.set(country, (countries.get(country) ?? 0) + group.count)
    }
    // People and their roles come from the reports: an event counts once however many name them.
    const named = store.db
      .selectFrom('event_mentions')
      .where('event_mentions.event_id', 'in', matching)
      .where(`event_mentions.${side}_country`, 'is not', null)
      .where(`event_mentions.${side}_person`, 'is not', null)
      .select([
        'event_mentions.event_id as event',
        `event_mentions.${side}_country as country`,
        `event_mentions.${side}_person as person`,
        `event_mentions.${side}_role as role`,
      ])
      .distinct()
    for (const row of selectRows(store, named)) {
      const country = row.country ?? ''
      const name = row.person ?? ''
      const key = `${name}\u0000${country}`
      const person = people.get(key) ?? { name, country, roles: new Set(), events: new Set() }
      if (row.event !== null) person.events.add(row.event)
      if (row.role !== null) person.roles.add(row.role)
      people.set(key, person)
    }
  }
  const busiest = <T extends { events: number; name: string }>(x: T, y: T) =>
    y.events - x.events || x.name.localeCompare(y.name)
  return {
    countries: [...countries]
      .map(([code, events]) => ({ ...directory.describe(code), events }))
      .sort(busiest),
    people: [...people.values()]
      .map((p): PersonSeen => ({
        name: p.name,
        country: p.country,
        roles: [...p.roles].sort(),
        events: p.events.size,
      }))
      .sort(busiest),
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
