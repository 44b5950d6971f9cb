/**
 * The central types of dyad. One `Doc` flows through the pipeline stages; every annotation is
 * stand-off and points into `article.text` by a character span `[start, end)`.
 */

/** A half-open character range `[start, end)` into `Article.text`. */
export type Span = readonly [number, number]

/** One news article as read from a file, a JSONL record, an HTML page or a feed. */
export interface Article {
  /** File name without extension, or the JSONL record's `id`. @example '000_2737ec37436efcb6' */
  readonly id: string
  /** Title, when known. It is also the first paragraph of `text` (so evidence can cite it). */
  readonly title: string | null
  /** Clean body text: title, blank line, then paragraphs separated by blank lines. */
  readonly text: string
  /** Publication day as ISO `YYYY-MM-DD`, or null when the article does not say. */
  readonly publishedOn: string | null
  /** Where the published date came from. @example 'dateline', 'jsonl', 'option', 'html-meta' */
  readonly publishedBasis: string | null
  readonly url: string | null
  readonly outlet: string | null
  /** Document language (ISO 639-1) when detected. @example 'en' */
  readonly language: string | null
  /** Path or URL the article was read from. */
  readonly origin: string
  /** sha256 of `text`, used to make re-ingest a no-op. */
  readonly contentHash: string
}

/** A sentence of the article, with its detected language. */
export interface Sentence {
  readonly index: number
  readonly span: Span
  /** ISO 639-1 code, or null when too short to tell. @example 'es' */
  readonly language: string | null
}

/** A word or punctuation token. */
export interface Token {
  readonly span: Span
  readonly sentence: number
  /** Universal POS tag as given by the NLP library. @example 'PROPN' */
  readonly pos: string
  /** Lower-cased normal form. @example 'visited' */
  readonly norm: string
}

/** CAMEO-style agent sectors. @example GOV government, MIL military, DIP diplomacy */
export type Sector = 'GOV' | 'MIL' | 'DIP' | 'LEG' | 'JUD' | 'BUS' | 'MED' | 'COP' | 'SPY' | 'ELI' | 'IGO'

/** A structured actor: a country (or organisation) plus optional sector, role and person. */
export interface Actor {
  /** ISO 3166-1 alpha-3, or an organisation tag such as 'UN', 'EU', 'OPEC'. */
  readonly country: string
  readonly sector: Sector | null
  /** Human-readable role. @example 'Minister of Defence' */
  readonly role: string | null
  /** Canonical person name when known. @example 'Aziz Nasirzadeh' */
  readonly person: string | null
  /** Organisation tag when the actor is an organisation. @example 'OPEC' */
  readonly org: string | null
  /** CAMEO-style code. @example 'IRNGOVMIL' */
  readonly code: string
}

export type MentionKind =
  | 'country'
  | 'capital'
  | 'person'
  | 'role'
  | 'organisation'
  | 'place'
  | 'pronoun'
  | 'pair'

/** A stretch of text that names an actor or a place. */
export interface Mention {
  readonly kind: MentionKind
  readonly span: Span
  readonly sentence: number
  /** Resolved actor; null when the mention names something that is not an actor (a place). */
  readonly actor: Actor | null
  /** For capitals, cities and places: the place itself. */
  readonly place: Place | null
  /** For `pair` mentions ("the two countries"): the second side; `actor` is the first. */
  readonly partner?: Actor | null
  /** Preposition just before the mention, lower case; '' when none. @example 'to' in "visit to Minsk" */
  readonly prep: string
  /** Why it resolved this way. @example 'adjective “Iranian” + role “defence minister”' */
  readonly why: string
  /**
   * True on the mention that introduces a person no dictionary knows, with country and role
   * ("Ghana's Minister of Foreign Affairs, Shirley Ayorkor Botchway"): the store learns them.
   */
  readonly introduces?: boolean
}

/** A geocoded place. */
export interface Place {
  readonly name: string
  readonly country: string
  readonly lat: number | null
  readonly lon: number | null
}

export type Modality = 'asserted' | 'negated' | 'planned' | 'hypothetical'

export type DatePrecision = 'day' | 'month' | 'year'

/** The coarse event class used for scoring, derived from the CAMEO code (design.md). */
export type EventType =
  | 'visit'
  | 'host_visit'
  | 'meet'
  | 'sign_agreement'
  | 'intent_cooperate'
  | 'cooperate_economic'
  | 'cooperate_military'
  | 'aid'
  | 'demand'
  | 'criticize'
  | 'threaten'
  | 'protest'
  | 'sanction'
  | 'other'

/** Every event type, in the order of design.md's table (reports and filters list them so). */
export const EVENT_TYPES = [
  'visit',
  'host_visit',
  'meet',
  'sign_agreement',
  'intent_cooperate',
  'cooperate_economic',
  'cooperate_military',
  'aid',
  'demand',
  'criticize',
  'threaten',
  'protest',
  'sanction',
  'other',
] as const satisfies readonly EventType[]

// Compile-time check that EVENT_TYPES lists every EventType.
type MissingTypes = Exclude<EventType, (typeof EVENT_TYPES)[number]>
const allTypesListed: MissingTypes extends never ? true : MissingTypes = true
void allTypesListed

/** The types whose two sides are interchangeable: "Iran and Belarus signed" has no direction. */
export const SYMMETRIC_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'meet',
  'intent_cooperate',
  'sign_agreement',
  'cooperate_economic',
  'cooperate_military',
])

/** An actor as written out in the external event-mention shape. */
export interface ActorOut {
  readonly country: string
  readonly sector: string | null
  readonly person: string | null
  readonly role?: string | null
  readonly code: string
}

/** One coded statement in one sentence: the external JSON shape of design.md. */
export interface EventMention {
  readonly article: string
  readonly sentence: number
  readonly span: Span
  readonly evidence: string
  readonly source: ActorOut
  readonly target: ActorOut | null
  readonly cameo: string
  readonly quad: number
  readonly goldstein: number
  readonly plover: { readonly event: string; readonly mode: string | null }
  readonly type: EventType
  readonly modality: Modality
  readonly date: string | null
  readonly date_precision: DatePrecision | null
  readonly location: { name: string; country: string; lat: number | null; lon: number | null } | null
  readonly sectors: readonly string[]
  readonly rule: string
  readonly why: string
  readonly confidence: number
}

/** Trouble with one article: recorded, never thrown, so a batch goes on. */
export interface Problem {
  readonly stage: string
  readonly code: string
  readonly message: string
  readonly span?: Span
}

/** The layers a stage can provide. */
export interface Layers {
  article: Article
  sentences: readonly Sentence[]
  tokens: readonly Token[]
  mentions: readonly Mention[]
  eventMentions: readonly EventMention[]
}

export type LayerName = keyof Layers

/** One article and what the stages found in it. Immutable: stages return new layers. */
export interface Doc {
  readonly article: Article
  readonly sentences?: readonly Sentence[]
  readonly tokens?: readonly Token[]
  readonly mentions?: readonly Mention[]
  readonly eventMentions?: readonly EventMention[]
  readonly problems: readonly Problem[]
}

/** Narrow a Doc to one whose layer `K` is present. Throws if a stage ran out of order. */
export function need<K extends LayerName>(doc: Doc, layer: K): Layers[K] {
  const value = doc[layer] as Layers[K] | undefined
  if (value === undefined) throw new Error(`E_STAGE_ORDER: layer '${layer}' is missing`)
  return value
}

/** The text a span covers. @example textOf(doc.article, [0, 4]) -> 'Iran' */
export function textOf(article: Article, span: Span): string {
  return article.text.slice(span[0], span[1])
}
