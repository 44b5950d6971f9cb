/**
 * The shapes of dictionaries/patterns/*.yaml after loading. See the header of
 * dictionaries/patterns/events.yaml for what each field means.
 */
import type { EventType, Sector } from '../doc.js'

/** Where a pattern finds the other side of the event. */
export type TargetSlot = 'object' | 'place' | 'pair' | 'between' | 'parties' | 'location' | 'other' | 'host' | 'recent' | 'origin'

/** One event pattern. @example { id: 'visit/arrive', cameo: '042', triggers: ['arrived in'] } */
export interface EventPattern {
  readonly id: string
  readonly cameo: string
  readonly triggers: readonly string[]
  readonly target: readonly TargetSlot[]
  readonly preps: readonly string[]
  readonly place_preps: readonly string[]
  readonly needs: readonly string[]
  readonly window: number
  readonly before: readonly string[]
  /** When not empty, the trigger counts only right after one of these words. */
  readonly only_after: readonly string[]
  readonly unless: readonly string[]
  readonly said_by: readonly string[]
  readonly modality: 'event' | 'statement'
  /**
   * 'passive': the subject undergoes the event ("received a warm welcome from Sri Lanka");
   * 'guest': the person right after the trigger acts ("talks with the visiting Nepalese PM");
   * 'judged': an adjective judging what the actor before it did ("China's actions are illegal,"
   * the minister said): that actor is the target, the speaker the source; 'breach': the same for a
   * verb or noun of breaking a rule ("North Korea's test violated UN resolutions, Russia said");
   * 'follows': the trigger continues the event coded before it in the sentence, with its sides
   * ("told Japan to resolve the row or face ...").
   */
  readonly voice: 'active' | 'passive' | 'guest' | 'judged' | 'breach' | 'follows'
}

/** Word lists from dictionaries/patterns/grammar.yaml. */
export interface Grammar {
  readonly titles: readonly string[]
  readonly actor_nouns: Readonly<Partial<Record<Sector, readonly string[]>>>
  readonly pronouns: readonly string[]
  /** Pronouns that open a sentence as its subject: "He also met ...". */
  readonly subject_pronouns: readonly string[]
  /** Possessives that give a counterpart an owner: "his counterpart". */
  readonly owner_pronouns: readonly string[]
  /** Verbs after an expletive "It" that names nobody: "It was agreed". */
  readonly expletive_verbs: readonly string[]
  /** "It also demanded ...": a state or body, the last sentence's subject. */
  readonly state_pronouns: readonly string[]
  readonly single_office_roles: readonly string[]
  readonly institution_words: readonly string[]
  readonly pair_phrases: readonly string[]
  readonly modality: {
    readonly negated: readonly string[]
    readonly hypothetical: readonly string[]
    readonly planned: readonly string[]
    readonly conditional: readonly string[]
    /** "Referring to X's visit": the event is recalled, not reported. */
    readonly recalled: readonly string[]
    readonly reporting: readonly string[]
  }
  readonly clause_breaks: readonly string[]
  readonly relative_pronouns: readonly string[]
  readonly parentheticals: readonly string[]
  readonly prepositions: readonly string[]
  /** Events that last days, which a day named earlier in the article does not date. */
  readonly spans: {
    readonly types: readonly EventType[]
    /** "During his visit, ...": an opener, then a span noun within three words. */
    readonly openers: readonly string[]
    readonly nouns: readonly string[]
    /** "concludes his visit today": the end of a span does not date it. */
    readonly endings: readonly string[]
  }
  /** Words introducing an embedded post, which its signature line dates: "On Twitter, ...". */
  readonly post_cues: readonly string[]
  readonly determiners: readonly string[]
  readonly name_particles: readonly string[]
  /** Sector of cooperation -> words naming it. */
  readonly sectors: Readonly<Record<string, readonly string[]>>
  readonly passive_auxiliaries: readonly string[]
  readonly demonym_followers: readonly string[]
  /** Words that make "Kenyan <word> delegation" a non-state group: "business", "opposition". */
  readonly non_state_words: readonly string[]
  /** Verbs that pass a judgement on something: "described the decision as unjustified". */
  readonly judging_verbs: readonly string[]
  /** Words a multi-word trigger may have inside it: "promised Tuesday to" is "promised to". */
  readonly trigger_inserts: readonly string[]
  /** "his counterpart": with no nationality, the last other country named. */
  readonly counterpart_nouns: readonly string[]
  /** "the seven governments": nouns for a group of states, and sizes written from three up. */
  readonly group_nouns: readonly string[]
  readonly group_sizes: readonly string[]
}
