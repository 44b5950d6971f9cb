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
  | 'group'

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
  /** For `group` mentions ("the seven governments"): every member; `actor` is the first. */
  readonly members?: readonly Actor[]
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

/**
 * The coarse event classes of the annotation guideline (/work/shared/corpus/dev/README.md): the
 * `core` scope, scored by `dyad eval` and kept in the default output.
 */
export type CoreEventType =
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

/**
 * The CAMEO roots the guideline leaves out (statements, appeals, praise, yielding, force, ...):
 * the `extended` scope, coded but kept only with `--scope all`. One class per root or family.
 */
export type ExtendedEventType =
  | 'statement' //        01 make public statement
  | 'appeal' //           02 appeal
  | 'endorse' //          05 diplomatic cooperation other than signing: praise, recognise, apologise
  | 'yield' //            08 yield: ease sanctions, release, withdraw, de-escalate
  | 'investigate' //      09 investigate
  | 'dissent' //          14 protest in the street: demonstrations, strikes, boycotts
  | 'posture' //          15 exhibit force posture
  | 'reduce_relations' // 16 reduce relations other than sanctions and breaking ties
  | 'coerce' //           17 coerce: seize, arrest, deport, repress
  | 'assault' //          18 unconventional violence: abduct, bomb, assassinate
  | 'fight' //            19 conventional military force: blockade, occupy, shell, air strikes
  | 'mass_violence' //    20 unconventional mass violence

/** The event class of a CAMEO code (design.md), core or extended. */
export type EventType = CoreEventType | ExtendedEventType

/** Which output an event type belongs to: the guideline's `core`, or the `extended` roots. */
export type EventScope = 'core' | 'extended'

/** The guideline's types, in the order of design.md's table (reports and filters list them so). */
export const CORE_EVENT_TYPES = [
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
] as const satisfies readonly CoreEventType[]

/** The extended types, in CAMEO root order. */
export const EXTENDED_EVENT_TYPES = [
  'statement',
  'appeal',
  'endorse',
  'yield',
  'investigate',
  'dissent',
  'posture',
  'reduce_relations',
  'coerce',
  'assault',
  'fight',
  'mass_violence',
] as const satisfies readonly ExtendedEventType[]

/** Every event type: core first, then extended. */
export const EVENT_TYPES = [...CORE_EVENT_TYPES, ...EXTENDED_EVENT_TYPES] as const

// Compile-time checks that the lists name every type of their union.
type MissingCore = Exclude<CoreEventType, (typeof CORE_EVENT_TYPES)[number]>
type MissingExtended = Exclude<ExtendedEventType, (typeof EXTENDED_EVENT_TYPES)[number]>
const allTypesListed: [MissingCore, MissingExtended] extends [never, never] ? true : never = true
void allTypesListed

const CORE_SET: ReadonlySet<string> = new Set(CORE_EVENT_TYPES)

/** The scope of an event type. @example scopeOf('visit') -> 'core', scopeOf('fight') -> 'extended' */
export function scopeOf(type: EventType): EventScope {
  return CORE_SET.has(type) ? 'core' : 'extended'
}

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
