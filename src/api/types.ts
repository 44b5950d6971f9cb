/**
 * The JSON shapes of the HTTP API, shared by the server (src/api/) and the page (web/). Types
 * only: web/ imports nothing else from src/ but src/doc.ts.
 *
 * Every event the API lists is a deduplicated event (src/events/): one real-world event, however
 * many articles reported it. Its id starts with `e`, its `kind` is `'event'`, and its detail holds
 * one source per reporting article. Articles still mark their event mentions (ids `m<N>`), each
 * naming the event it belongs to.
 */
import type { Article, EventMention, EventType, Modality, Problem, Span } from '../doc.js'

/** What one row of the event list is. */
export type EventKind = 'event'

/** The error body of every non-2xx answer. @example { error: { code: 'E_BAD_PARAMETER', ... } } */
export interface ApiError {
  readonly error: {
    readonly code: string
    readonly message: string
    /** The query parameter, path parameter or body field at fault, when one is. @example 'from' */
    readonly parameter?: string
  }
}

/** A page of a longer list. `total` counts every match, not only this page. */
export interface Page<T> {
  readonly total: number
  readonly limit: number
  readonly offset: number
  readonly items: readonly T[]
}

/** The article an event was read in, without its text. */
export interface ArticleRef {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly url: string | null
  readonly publishedOn: string | null
}

/** How widely an event was reported. */
export interface Reports {
  /** Event mentions (coded statements) that report it. @example 3 */
  readonly num_mentions: number
  /** Articles that report it. @example 2 */
  readonly num_articles: number
  /** Distinct outlets; an article with neither outlet nor URL counts as its own. @example 2 */
  readonly num_sources: number
}

/**
 * One row of the event list: a deduplicated event. `mention` holds the event's facts (type,
 * sides, date, place, Goldstein, sectors) with the evidence, span, rule and why of its first
 * report; `article` is that report's article.
 * @example { id: 'e3', kind: 'event', mention: {...}, article: {...}, num_articles: 2, ... }
 */
export interface EventRow extends Reports {
  /** @example 'e3' */
  readonly id: string
  readonly kind: EventKind
  readonly mention: EventMention
  readonly article: ArticleRef
}

/** One event mention as an article marks it. @example { id: 'm12', event: 'e3', ... } */
export interface MentionRow {
  /** Stable while the article is unchanged. @example 'm12' */
  readonly id: string
  readonly kind: 'event-mention'
  /** The event it reports; null for a negated or hypothetical mention (no event). */
  readonly event: string | null
  readonly mention: EventMention
  readonly article: ArticleRef
}

/** One report of an event inside a source article. */
export interface SourceMention {
  /** The event mention's id. @example 'm12' */
  readonly id: string
  /** Its evidence, rule, why and the rest. */
  readonly mention: EventMention
  /** The evidence sentence's span in the article's text. */
  readonly span: Span
}

/** One source of an event: an article that reports it, its whole text, and its reports in it. */
export interface EventSource {
  readonly article: ArticleRef & { readonly text: string }
  /** The article's event mentions of this event, in text order; at least one. */
  readonly mentions: readonly SourceMention[]
}

/** `GET /api/events/:id`: one event, with every article it was read in. */
export interface EventDetail extends Reports {
  readonly id: string
  readonly kind: EventKind
  /** What the event is, as in `EventRow.mention`. */
  readonly mention: EventMention
  /** One per reporting article, first reported first. */
  readonly sources: readonly EventSource[]
}

/** Counts and Goldstein scores of one calendar month. */
export interface MonthSummary {
  /** @example '2024-11' */
  readonly month: string
  readonly total: number
  /** Events by type; types with none are left out. @example { visit: 2, meet: 1 } */
  readonly byType: Readonly<Partial<Record<EventType, number>>>
  /** Mean Goldstein score of the month's events; null when it has none. @example 1.9 */
  readonly goldsteinMean: number | null
  readonly goldsteinSum: number
}

/** `GET /api/dyads/:a/:b/summary` and `GET /api/countries/:code/summary`. */
export interface Summary {
  /** The one or two countries summarised. @example ['IRN', 'VEN'] */
  readonly countries: readonly string[]
  readonly total: number
  /** Events with neither a day of their own nor a dated report: counted in `total`, in no month. */
  readonly undated: number
  /** Every type that occurs, most frequent first. */
  readonly types: readonly EventType[]
  /**
   * Every month from the first to the last placed event, empty months included. An event is
   * placed by its date, or when the text fixes no day, by the day it was first reported.
   */
  readonly months: readonly MonthSummary[]
}

/** A country (or organisation tag) as the page names and places it. */
export interface CountryInfo {
  /** @example 'IRN' */
  readonly code: string
  /** @example 'Iran' (the code itself for tags such as 'EU' that have no entry) */
  readonly name: string
  /** ISO 3166-1 numeric code, which world-atlas uses as feature id. @example '364' */
  readonly numeric: string | null
  /** The country's centre. */
  readonly lat: number | null
  readonly lon: number | null
}

/** A node of the country network: a country and how many events it takes part in. */
export interface NetworkNode extends CountryInfo {
  readonly events: number
}

/** An undirected edge of the network: the events between two countries. */
export interface NetworkEdge {
  /** The two countries in alphabetical order. @example 'IRN', 'VEN' */
  readonly a: string
  readonly b: string
  readonly total: number
  /** Events of quad class 1 or 2 (verbal or material cooperation). */
  readonly cooperative: number
  /** Events of quad class 3 or 4 (verbal or material conflict). */
  readonly conflictual: number
  readonly goldsteinMean: number
}

/** `GET /api/network`. Edges are sorted busiest first. */
export interface Network {
  readonly nodes: readonly NetworkNode[]
  readonly edges: readonly NetworkEdge[]
}

/** A person seen as the source or target of an event. */
export interface PersonSeen {
  readonly name: string
  readonly country: string
  /** The roles they were seen in. @example ['Minister of Defence'] */
  readonly roles: readonly string[]
  readonly events: number
}

/** `GET /api/actors`: every country and person seen in an event, busiest first. */
export interface Actors {
  readonly countries: readonly NetworkNode[]
  readonly people: readonly PersonSeen[]
}

/** One piece of a search snippet; `hit` pieces are the words that matched. */
export interface SnippetPart {
  readonly text: string
  readonly hit: boolean
}

/** One article that matched a search. */
export interface SearchHit extends ArticleRef {
  /** The best matching passage, cut into plain and matching pieces (never HTML). */
  readonly snippet: readonly SnippetPart[]
}

/** `GET /api/search?q=`. */
export interface SearchResult {
  readonly q: string
  readonly hits: readonly SearchHit[]
}

/** `GET /api/articles/:id`: the article, its event mentions with their spans, its problems. */
export interface ArticleDetail {
  readonly article: Omit<Article, 'contentHash'>
  /** Every event mention of the article, whatever its modality. */
  readonly events: readonly MentionRow[]
  readonly problems: readonly Problem[]
}

/** `POST /api/articles`: what was stored. */
export interface ArticleSaved {
  readonly id: string
  /** False when the same text was stored already (under this or another id). */
  readonly stored: boolean
  readonly reason?: 'duplicate'
  /** How many event mentions the pipeline found. */
  readonly eventMentions: number
  readonly problems: readonly Problem[]
  /** How many alerts (`dyad alerts add`) its events fired. */
  readonly alertsFired: number
}

/** The filters the event list and the summaries share, as the page sends them. */
export interface EventQuery {
  readonly dyad?: string
  readonly country?: string
  readonly type?: readonly EventType[]
  readonly modality?: readonly Modality[]
  readonly from?: string
  readonly to?: string
  readonly q?: string
  readonly limit?: number
  readonly offset?: number
}
