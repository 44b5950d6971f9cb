/**
 * What happened between two countries, month by month: events by type and by quad class,
 * Goldstein sum and mean, the sectors of cooperation, the people involved, the first and the last
 * event. Reads deduplicated events (one per real-world event, however many articles report it).
 */
import type { EventType } from '../doc.js'
import type { Event } from '../events/event.js'
import type { Store } from '../store/database.js'
import { queryEventMembers, queryEvents } from '../store/queries/events.js'
import { monthOf, monthsBetween } from './months.js'

/** Which events a summary counts. */
export interface DyadSummaryOptions {
  /** Earliest event date, inclusive, ISO; undated events are then left out. */
  readonly from?: string
  /** Latest event date, inclusive, ISO; undated events are then left out. */
  readonly to?: string
  /** Modalities counted; default asserted only (planned events are counted apart in totals). */
  readonly modality?: readonly ('asserted' | 'planned')[]
}

/** Events per quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict. */
export interface QuadCounts {
  readonly '1': number
  readonly '2': number
  readonly '3': number
  readonly '4': number
}

/** One month of the series. Months without events are present, with zeros and a null mean. */
export interface DyadMonth {
  /** @example '2023-02' */
  readonly month: string
  readonly events: number
  /** @example { visit: 1, meet: 2 } */
  readonly by_type: Readonly<Partial<Record<EventType, number>>>
  readonly by_quad: QuadCounts
  readonly goldstein_sum: number
  readonly goldstein_mean: number | null
}

/** A person named on either side of the dyad's events. */
export interface DyadPerson {
  /** @example 'Hossein Amir-Abdollahian' */
  readonly person: string
  readonly country: string
  /** Roles the mentions give, sorted. @example ['Minister of Foreign Affairs'] */
  readonly roles: readonly string[]
  /** Events in which the person is named. */
  readonly events: number
}

/** One event, briefly: for the first and the last event of a dyad. */
export interface EventBrief {
  readonly id: number
  readonly date: string
  readonly type: EventType
  readonly source: string
  readonly target: string | null
  readonly location: string | null
  readonly num_articles: number
  /** The evidence sentence of its first mention. */
  readonly evidence: string
}

/** Everything `dyad dyad IRN VEN` prints. */
export interface DyadSummary {
  /** The two countries as asked. @example ['IRN', 'VEN'] */
  readonly dyad: readonly [string, string]
  readonly from: string | null
  readonly to: string | null
  readonly totals: {
    readonly events: number
    readonly mentions: number
    readonly articles: number
    readonly cooperative: number
    readonly conflictual: number
    /** Counted events with neither a day of their own nor a dated report (in no month). */
    readonly undated: number
    /** Planned events of the dyad (not counted elsewhere unless asked for). */
    readonly planned: number
  }
  /**
   * Every month from the first to the last placed event. An event is placed by its date, or when
   * the text fixes no day by the day it was first reported ("China has imposed sanctions" counts
   * in the month of the report).
   */
  readonly months: readonly DyadMonth[]
  /** @example [{ type: 'meet', events: 4 }, { type: 'visit', events: 2 }] */
  readonly types: readonly { readonly type: EventType; readonly events: number }[]
  /** Sectors of cooperation, by events naming them. @example [{ sector: 'defence', events: 3 }] */
  readonly sectors: readonly { readonly sector: string; readonly events: number }[]
  readonly people: readonly DyadPerson[]
  readonly first: EventBrief | null
  readonly last: EventBrief | null
}

/**
 * Summarize the events between two countries (either direction).
 * @example summarizeDyad(store, ['IRN', 'VEN']).totals -> { events: 7, mentions: 12, ... }
 */
export function summarizeDyad(
  store: Store,
  dyad: readonly [string, string],
  options: DyadSummaryOptions = {},
): DyadSummary {
  const modality = options.modality ?? ['asserted']
  const range = { from: options.from, to: options.to }
  const events = queryEvents(store, { dyad, modality, ...range })
  const planned = modality.includes('planned')
    ? events.filter((e) => e.modality === 'planned').length
    : queryEvents(store, { dyad, modality: ['planned'], ...range }).length
  const members = new Map(events.map((e) => [e.id, queryEventMembers(store, e.id)]))
  const dated = events.filter((e) => e.date !== null)
  const placed = events
    .flatMap((event) => {
      const day = event.date ?? event.first_seen
      return day === null ? [] : [{ day, event }]
    })
    .sort((a, b) => a.day.localeCompare(b.day))
  return {
    dyad: [dyad[0], dyad[1]],
    from: options.from ?? null,
    to: options.to ?? null,
    totals: {
      events: events.length,
      mentions: events.reduce((n, e) => n + e.num_mentions, 0),
      articles: new Set([...members.values()].flat().map((m) => m.mention.article)).size,
      cooperative: events.filter((e) => e.quad <= 2).length,
      conflictual: events.filter((e) => e.quad >= 3).length,
      undated: events.length - placed.length,
      planned,
    },
    months: monthSeries(placed),
    types: countBy(events.map((e) => e.type)).map(([type, n]) => ({ type, events: n })),
    sectors: countBy(events.flatMap((e) => e.sectors)).map(([sector, n]) => ({
      sector,
      events: n,
    })),
    people: peopleOf(events, members),
    first: brief(dated[0], members),
    last: brief(dated.at(-1), members),
  }
}

/**
 * One row per month from the first to the last placed event. `placed` comes sorted by the day
 * each event counts on: its own date, else the day it was first reported.
 */
function monthSeries(placed: readonly { readonly day: string; readonly event: Event }[]): DyadMonth[] {
  const first = placed[0]?.day
  const last = placed.at(-1)?.day
  if (!first || !last) return []
  const byMonth = new Map<string, Event[]>()
  for (const { day, event } of placed) {
    const month = monthOf(day)
    byMonth.set(month, [...(byMonth.get(month) ?? []), event])
  }
  return monthsBetween(monthOf(first), monthOf(last)).map((month) => {
    const inMonth = byMonth.get(month) ?? []
    const sum = round(inMonth.reduce((s, e) => s + e.goldstein, 0))
    const quad = (q: number) => inMonth.filter((e) => e.quad === q).length
    return {
      month,
      events: inMonth.length,
      by_type: Object.fromEntries(countBy(inMonth.map((e) => e.type))),
      by_quad: { '1': quad(1), '2': quad(2), '3': quad(3), '4': quad(4) },
      goldstein_sum: sum,
      goldstein_mean: inMonth.length === 0 ? null : round(sum / inMonth.length),
    }
  })
}

/** People named in the events' mentions, on either side, by number of events. */
function peopleOf(
  events: readonly Event[],
  members: ReadonlyMap<number, ReturnType<typeof queryEventMembers>>,
): DyadPerson[] {
  const people = new Map<string, { country: string; roles: Set<string>; events: Set<number> }>()
  for (const event of events) {
    for (const { mention } of members.get(event.id) ?? []) {
      for (const actor of [mention.source, mention.target]) {
        if (!actor?.person) continue
        const entry = people.get(actor.person) ?? {
          country: actor.country,
          roles: new Set<string>(),
          events: new Set<number>(),
        }
        if (actor.role) entry.roles.add(actor.role)
        entry.events.add(event.id)
        people.set(actor.person, entry)
      }
    }
  }
  return [...people]
    .map(([person, p]) => ({
      person,
      country: p.country,
      roles: [...p.roles].sort(),
      events: p.events.size,
    }))
    .sort((a, b) => b.events - a.events || a.person.localeCompare(b.person))
}

function brief(
  event: Event | undefined,
  members: ReadonlyMap<number, ReturnType<typeof queryEventMembers>>,
): EventBrief | null {
  if (event === undefined || event.date === null) return null
  return {
    id: event.id,
    date: event.date,
    type: event.type,
    source: event.source.code,
    target: event.target?.code ?? null,
    location: event.location?.name ?? null,
    num_articles: event.num_articles,
    evidence: members.get(event.id)?.[0]?.mention.evidence ?? '',
  }
}

/** Values with their counts, most frequent first, then alphabetical. */
function countBy<T extends string>(values: readonly T[]): [T, number][] {
  const counts = new Map<T, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

const round = (x: number) => Math.round(x * 100) / 100
