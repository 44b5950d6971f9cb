/**
 * In-document memory for coreference: names learned from appositions ("Iranian Defence Minister
 * Brigadier General Aziz Nasirzadeh" teaches "Nasirzadeh"), the last person-like actor for
 * pronouns ("his visit"), the last actor per role ("the defence minister"), and the last two
 * countries for "the two countries".
 */
import type { Actor, Mention } from '../doc.js'
import { foldKey } from '../nlp/match-words.js'

/** Memory of one article, filled in text order. */
export class DocMemory {
  private readonly names = new Map<string, Actor>()
  private person: Actor | null = null
  private readonly roles = new Map<string, Actor>()
  private readonly countries: Actor[] = []

  constructor(learned?: ReadonlyMap<string, Actor>) {
    if (learned) for (const [k, v] of learned) this.names.set(k, v)
  }

  /** Take note of a mention just recognised. */
  remember(mention: Mention): void {
    const actor = mention.actor
    if (!actor) return
    if (mention.kind === 'person' && actor.person) {
      this.person = actor
      // Learn the full name and its last word: "Aziz Nasirzadeh" -> "nasirzadeh".
      const parts = actor.person.split(/\s+/)
      this.names.set(foldKey(actor.person), actor)
      const last = parts[parts.length - 1]
      if (last && last.length > 2) this.names.set(foldKey(last), actor)
      // Hyphenated surnames are also used by their second half: "Amir-Abdollahian" -> "Abdollahian".
      const tail = last?.split(/[-‐]/).pop()
      if (tail && tail !== last && tail.length > 3) this.names.set(foldKey(tail), actor)
    }
    if (mention.kind === 'role' || (mention.kind === 'person' && actor.role)) {
      this.person = actor
      if (actor.role) this.roles.set(actor.role, actor)
    }
    if (mention.kind !== 'pronoun' && mention.kind !== 'pair') {
      const prev = this.countries[this.countries.length - 1]
      if (!prev || prev.country !== actor.country) this.countries.push(actor)
    }
  }

  /** A name learned earlier. @example byName('Nasirzadeh') -> IRN actor */
  byName(name: string): Actor | null {
    return this.names.get(foldKey(name)) ?? null
  }

  /** The last actor seen in a role (by role id or label). */
  byRole(roleId: string): Actor | null {
    for (const actor of this.roles.values()) if (actor.role && foldKey(actor.role).includes(roleId.replace(/-/g, ' '))) return actor
    return [...this.roles.values()].find((a) => a.role === roleId) ?? null
  }

  /** The last person or official, for "he"/"his". */
  lastPerson(): Actor | null {
    return this.person
  }

  /** The last two distinct countries, for "the two countries". */
  lastPair(): [Actor, Actor] | null {
    const seen: Actor[] = []
    for (let i = this.countries.length - 1; i >= 0 && seen.length < 2; i--) {
      const a = this.countries[i]
      if (a && !seen.some((s) => s.country === a.country)) seen.push(a)
    }
    return seen.length === 2 && seen[0] && seen[1] ? [seen[1], seen[0]] : null
  }

  /** Names learned so far, for a second pass over the article. */
  learnedNames(): ReadonlyMap<string, Actor> {
    return this.names
  }
}
