/**
 * In-document memory for coreference: names learned from appositions ("Iranian Defence Minister
 * Brigadier General Aziz Nasirzadeh" teaches "Nasirzadeh"), the last person-like actor for
 * pronouns ("his visit"), the last actor per role ("the defence minister"), and the last two
 * countries for "the two countries".
 */
import type { Actor, Mention } from '../doc.js'
import { foldKey } from '../nlp/match-words.js'
import { isPersonalRole } from './make-actor.js'

/** Memory of one article, filled in text order. */
export class DocMemory {
  private readonly names = new Map<string, Actor>()
  private person: Actor | null = null
  /** The last named person of each country: "his Chinese counterpart" after "Wang Yi". */
  private readonly personOf = new Map<string, Actor>()
  private readonly roles = new Map<string, Actor>()
  private readonly countries: Actor[] = []
  private readonly counts = new Map<string, number>()
  private coordinated: [Actor, Actor] | null = null
  private readonly lists: (readonly Actor[])[] = []
  private filedIn: string | null = null
  /** The first person or official named without a preposition in each sentence: its subject. */
  private readonly subjects = new Map<number, Actor>()
  /** The same for states and bodies ("Venezuela said ..."), for a sentence opening with "It". */
  private readonly stateSubjects = new Map<number, Actor>()

  constructor(
    learned?: ReadonlyMap<string, Actor>,
    private readonly institutions: ReadonlySet<string> = new Set(),
  ) {
    if (learned) for (const [k, v] of learned) this.names.set(k, v)
  }

  /** A role held by a person ("Minister of Foreign Affairs"), not a body ("Ministry of ..."). */
  private isPersonal(actor: Actor): boolean {
    return actor.person !== null || isPersonalRole(actor.role, this.institutions)
  }

  /**
   * Take note of a mention just recognised; `surface` is its text as written. A mention inside a
   * quotation is nobody's subject: in '"We condemn the launch by the DPRK," the statement said' the
   * speaker is the statement's author.
   */
  remember(mention: Mention, surface = '', quoted = false): void {
    const actor = mention.actor
    if (!actor) return
    if (mention.kind === 'person' && actor.person) {
      this.person = actor
      this.personOf.set(actor.country, actor)
      // Learn the full name and its last word: "Aziz Nasirzadeh" -> "nasirzadeh".
      const parts = actor.person.split(/\s+/)
      this.names.set(foldKey(actor.person), actor)
      const last = parts[parts.length - 1]
      if (last && last.length > 2) this.names.set(foldKey(last), actor)
      // And the last name as the article writes it: "Abiy Ahmed Ali" (dictionary: Abiy Ahmed)
      // is "Ali" later on.
      const written = surface.split(/\s+/).pop() ?? ''
      if (written.length > 2 && /^\p{Lu}/u.test(written) && !this.names.has(foldKey(written))) this.names.set(foldKey(written), actor)
      // Hyphenated surnames are also used by their second half: "Amir-Abdollahian" -> "Abdollahian".
      const tail = last?.split(/[-‐]/).pop()
      if (tail && tail !== last && tail.length > 3) this.names.set(foldKey(tail), actor)
    }
    if (mention.kind === 'role' || (mention.kind === 'person' && actor.role)) {
      if (this.isPersonal(actor)) this.person = actor
      if (actor.role) this.roles.set(actor.role, actor)
    }
    const isPersonLike =
      (mention.kind === 'person' && actor.person !== null) ||
      ((mention.kind === 'role' || mention.kind === 'pronoun') && this.isPersonal(actor))
    if (isPersonLike && mention.prep === '' && !quoted && !this.subjects.has(mention.sentence)) this.subjects.set(mention.sentence, actor)
    const isStateLike = ['country', 'capital', 'organisation'].includes(mention.kind) || (mention.kind === 'role' && !this.isPersonal(actor))
    if (isStateLike && mention.prep === '' && !quoted && !this.stateSubjects.has(mention.sentence)) this.stateSubjects.set(mention.sentence, actor)
    if (mention.kind !== 'pronoun' && mention.kind !== 'pair' && mention.kind !== 'group') {
      const prev = this.countries[this.countries.length - 1]
      if (!prev || prev.country !== actor.country) this.countries.push(actor)
      this.counts.set(actor.country, (this.counts.get(actor.country) ?? 0) + 1)
    }
  }

  /** A name learned earlier. @example byName('Nasirzadeh') -> IRN actor */
  byName(name: string): Actor | null {
    return this.names.get(foldKey(name)) ?? null
  }

  /** The last actor seen in a role, by the role's label. @example byRole('Minister of Defence') */
  byRole(label: string): Actor | null {
    return this.roles.get(label) ?? null
  }

  /** Note the country of the article's dateline ("PARIS, March 18 -"). */
  noteDateline(country: string): void {
    this.filedIn ??= country
  }

  /** The country the article was filed from, for a bare "the foreign ministry" nobody named before. */
  datelineCountry(): string | null {
    return this.filedIn
  }

  /** The last country named that is not `own`: whose "his counterpart" is meant. */
  lastOtherCountry(own: string): Actor | null {
    for (let i = this.countries.length - 1; i >= 0; i--) {
      const actor = this.countries[i]
      if (actor && actor.country !== own) return actor
    }
    return null
  }

  /**
   * The subject of the last sentence before `sentence` that named one, for a sentence opening with
   * "He": "The Pakistani minister met the Afghan president. He also held talks ..." is the minister.
   */
  lastSubject(sentence: number): Actor | null {
    return latestBefore(this.subjects, sentence)
  }

  /** The state or body subject of the last sentence before `sentence` that had one, for "It". */
  lastStateSubject(sentence: number): Actor | null {
    return latestBefore(this.stateSubjects, sentence)
  }

  /** The subject of sentence `sentence` when named before this point, for "his counterpart". */
  subjectOf(sentence: number): Actor | null {
    return this.subjects.get(sentence) ?? null
  }

  /** The last person of a country the article named. @example lastPersonOf('CHN') -> Wang Yi */
  lastPersonOf(country: string): Actor | null {
    return this.personOf.get(country) ?? null
  }

  /** The last person or official, for "he"/"his". */
  lastPerson(): Actor | null {
    return this.person
  }

  /**
   * The article's main dyad so far, for "the two countries": the last pair named together, else
   * the two countries named most often,
   * ties going to the more recent. A passing "arrived from Managua, Nicaragua" does not displace
   * Iran and Venezuela.
   */
  lastPair(): [Actor, Actor] | null {
    // "India and Pakistan", "Iran-Venezuela": a pair named together is the dyad the article follows.
    if (this.coordinated) return this.coordinated
    const latest = new Map<string, { actor: Actor; at: number }>()
    this.countries.forEach((actor, at) => latest.set(actor.country, { actor, at }))
    const ranked = [...latest.values()].sort(
      (a, b) => (this.counts.get(b.actor.country) ?? 0) - (this.counts.get(a.actor.country) ?? 0) || b.at - a.at,
    )
    const [first, second] = ranked
    if (!first || !second) return null
    return first.at < second.at ? [first.actor, second.actor] : [second.actor, first.actor]
  }

  /** Two countries named together ("India and Pakistan", "the Iran-Venezuela commission"). */
  /** Remember a list of three or more states named together ("Argentina, Chile and Peru"). */
  rememberList(members: readonly Actor[]): void {
    this.lists.push(members)
  }

  /** The last list of exactly `size` states, for "the seven governments". */
  lastList(size: number): readonly Actor[] | null {
    for (let i = this.lists.length - 1; i >= 0; i--) {
      const list = this.lists[i]
      if (list && list.length === size) return list
    }
    return null
  }

  rememberPair(first: Actor, second: Actor): void {
    if (first.country !== second.country) this.coordinated = [first, second]
  }

  /** Names learned so far, for a second pass over the article. */
  learnedNames(): ReadonlyMap<string, Actor> {
    return this.names
  }
}

/** The subject of the last sentence before `sentence` that has one in `bySentence`. */
function latestBefore(bySentence: ReadonlyMap<number, Actor>, sentence: number): Actor | null {
  let best: { at: number; actor: Actor } | null = null
  for (const [at, actor] of bySentence) if (at < sentence && (!best || at > best.at)) best = { at, actor }
  return best?.actor ?? null
}
