/**
 * One phrase index over everything that can name an actor or a place: country names and
 * adjectives, capitals, seats of government, organisations, people, role nouns, titles. Built once
 * per process from the dictionaries and shared read-only by every article.
 */
import type { Place, Sector } from '../doc.js'
import type { CountryEntry, PersonEntry, RoleEntry } from '../dict/types.js'
import type { Grammar } from '../coding/pattern-types.js'
import { PhraseTrie } from '../nlp/phrase-trie.js'

/** What a dictionary phrase stands for. */
export type IndexEntry =
  | { readonly kind: 'country'; readonly country: CountryEntry }
  | { readonly kind: 'adjective'; readonly country: CountryEntry }
  | { readonly kind: 'capital'; readonly country: CountryEntry; readonly place: Place }
  | { readonly kind: 'seat'; readonly country: CountryEntry }
  | { readonly kind: 'organisation'; readonly country: CountryEntry }
  | { readonly kind: 'person'; readonly person: PersonEntry }
  | { readonly kind: 'role'; readonly role: RoleEntry }
  | { readonly kind: 'actor-noun'; readonly sector: Sector; readonly noun: string }
  | { readonly kind: 'title' }
  | { readonly kind: 'pronoun' }
  | { readonly kind: 'state-pronoun' }
  | { readonly kind: 'pair' }
  | { readonly kind: 'group'; readonly size: number }

/** The dictionaries the actor recogniser needs. */
export interface ActorDictionaries {
  readonly countries: readonly CountryEntry[]
  readonly people: readonly PersonEntry[]
  readonly roles: readonly RoleEntry[]
  readonly grammar: Grammar
}

/** The compiled index plus lookups by code. */
export interface ActorIndex {
  readonly trie: PhraseTrie<IndexEntry>
  readonly countries: ReadonlyMap<string, CountryEntry>
  readonly roles: ReadonlyMap<string, RoleEntry>
  readonly grammar: Grammar
  /** grammar.institution_words as a set: "Ministry", "Navy" name bodies, not people. */
  readonly institutionWords: ReadonlySet<string>
}

// Short all-capital aliases ('US', 'UK', 'EC') are words too ('us'): match them as written.
const isAcronym = (phrase: string): boolean => /^[A-Z.]{2,5}$/.test(phrase)

/**
 * Build the phrase index. @example buildActorIndex(dicts).trie.scan(splitWords('Iranian FM', 0))
 */
export function buildActorIndex(dicts: ActorDictionaries): ActorIndex {
  const trie = new PhraseTrie<IndexEntry>()
  const countries = new Map<string, CountryEntry>()
  for (const country of dicts.countries) {
    countries.set(country.code, country)
    const exact = new Set(country.caseSensitive ?? [])
    const add = (phrase: string, entry: IndexEntry) =>
      trie.add(phrase, entry, exact.has(phrase) || isAcronym(phrase))
    const nameKind = country.kind === 'organisation' ? 'organisation' : 'country'
    for (const name of [country.name, ...country.aliases]) add(name, { kind: nameKind, country })
    for (const adjective of country.adjectives) add(adjective, { kind: 'adjective', country })
    for (const capital of country.capitals) {
      const place: Place = { name: capital.name, country: country.code, lat: capital.lat, lon: capital.lon }
      add(capital.name, { kind: 'capital', country, place })
    }
    for (const seat of country.seats) add(seat.replace(/^the\s+/i, ''), { kind: 'seat', country })
  }
  for (const person of dicts.people) {
    for (const name of [person.name, ...person.variants]) trie.add(name, { kind: 'person', person })
  }
  for (const role of dicts.roles) for (const noun of role.nouns) trie.add(noun, { kind: 'role', role })
  const g = dicts.grammar
  for (const [sector, nouns] of Object.entries(g.actor_nouns)) {
    for (const noun of nouns ?? []) trie.add(noun, { kind: 'actor-noun', sector: sector as Sector, noun })
  }
  for (const title of g.titles) trie.add(title, { kind: 'title' })
  for (const pronoun of g.pronouns) trie.add(pronoun, { kind: 'pronoun' })
  for (const pronoun of g.state_pronouns) trie.add(pronoun, { kind: 'state-pronoun' })
  for (const phrase of g.pair_phrases) trie.add(phrase, { kind: 'pair' })
  // "the seven governments": sizes from three, as the grammar lists them.
  g.group_sizes.forEach((size, i) => {
    for (const noun of g.group_nouns) trie.add(`the ${size} ${noun}`, { kind: 'group', size: i + 3 })
  })
  const roles = new Map(dicts.roles.map((r) => [r.id, r]))
  return { trie, countries, roles, grammar: g, institutionWords: new Set(g.institution_words) }
}
