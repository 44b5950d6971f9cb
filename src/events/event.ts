/**
 * The deduplicated `Event`: one real-world event, reported by one or more event mentions in one
 * or more articles. It is not part of `Doc` (it spans articles); src/events/dedup.ts builds it and
 * the store keeps it. Field names follow the `EventMention` shape of design.md.
 */
import type { ActorOut, DatePrecision, EventMention, EventType } from '../doc.js'

/** What dedup and the exports need to know about the article an event mention came from. */
export interface ArticleFacts {
  /** @example '2023-02-04'; null when the article gives no date */
  readonly publishedOn: string | null
  readonly outlet: string | null
  readonly url: string | null
  /** Path or URL the article was read from. @example 'examples/articles/text/a.txt' */
  readonly origin: string
  /** When the article was stored, ISO. @example '2024-11-21T08:00:00.000Z' */
  readonly ingestedAt: string
  /** Characters of the article's text, when known (GDELT's MentionDocLen). */
  readonly textLength?: number
}

/**
 * One event mention as dedup sees it. `id` orders members (the store's row id: ingest order).
 * @example { id: 7, mention: { article: '001_f5a7b2d0fe35e635', type: 'visit', ... },
 *   article: { publishedOn: '2023-02-04', outlet: null, ... } }
 */
export interface EventMember {
  readonly id: number
  readonly mention: EventMention
  readonly article: ArticleFacts
}

/** The place of an event, as in `EventMention.location`. */
export interface EventLocation {
  readonly name: string
  readonly country: string
  readonly lat: number | null
  readonly lon: number | null
}

/**
 * One deduplicated event: the best known facts of its mentions and how widely it was reported.
 * @example { id: 3, type: 'visit', cameo: '042', source: { country: 'IRN', ... },
 *   target: { country: 'VEN', ... }, date: '2023-02-02', num_mentions: 2, num_articles: 2, ... }
 */
export interface Event {
  /** The store's id; also GDELT's GLOBALEVENTID. */
  readonly id: number
  readonly type: EventType
  readonly cameo: string
  readonly modality: 'asserted' | 'planned'
  readonly source: ActorOut
  readonly target: ActorOut | null
  /** The best known date: the most reported of the most precise dates its mentions give. */
  readonly date: string | null
  readonly date_precision: DatePrecision | null
  readonly location: EventLocation | null
  readonly quad: number
  readonly goldstein: number
  readonly plover: { readonly event: string; readonly mode: string | null }
  /** Sectors of cooperation any of its mentions names, sorted. @example ['defence', 'energy'] */
  readonly sectors: readonly string[]
  readonly num_mentions: number
  readonly num_articles: number
  /** Distinct outlets; an article with neither outlet nor URL counts as its own source. */
  readonly num_sources: number
  /** Earliest and latest publication day of its articles. */
  readonly first_seen: string | null
  readonly last_seen: string | null
  /** The article that reported it first (publication day, then ingest order). */
  readonly first_article: string
  /** That article's URL, else the path it was read from. */
  readonly source_url: string | null
  /** When its first article was stored, ISO. */
  readonly added_at: string
}

/** An event's facts before the store gives it an id. */
export type EventFacts = Omit<Event, 'id'>

/** An event with the event mentions that report it, in ingest order. */
export interface EventWithMentions extends Event {
  readonly mentions: readonly EventMention[]
}
