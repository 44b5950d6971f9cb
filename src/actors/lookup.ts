/**
 * Explain how dyad resolves a phrase: a role in a country on a day ("defence minister", IRN,
 * 2019-01-10 -> Amir Hatami), a name ("Amir-Abdollahian" -> Iran, foreign minister 2021-2024), a
 * capital or an adjective. The same recogniser the pipeline uses does the work.
 */
import type { Actor, Span } from '../doc.js'
import type { PersonEntry, RoleEntry } from '../dict/types.js'
import { foldKey, splitWords } from '../nlp/match-words.js'
import { DocMemory } from './coreference.js'
import { holderOn, isGovernmentRole, makeActor } from './make-actor.js'
import { recognizeSentence, type RecognizeContext } from './recognize-mentions.js'

/** One way the phrase resolves, with the reason and, for people, every dated role. */
export interface Resolution {
  readonly text: string
  readonly actor: Actor | null
  readonly why: string
  readonly spells: readonly { role: string; country: string; from: string; to: string | null }[]
}

/** Where to look: the country a bare role belongs to and the day that picks the office holder. */
export interface LookupOptions {
  readonly country?: string
  readonly date?: string
}

/**
 * Resolve a phrase as of a day.
 * @example lookupActor('defence minister', { country: 'IRN', date: '2019-01-10' }, ctx)[0].actor?.person -> 'Amir Hatami'
 */
export function lookupActor(phrase: string, opts: LookupOptions, ctx: RecognizeContext): Resolution[] {
  const day = opts.date ?? null
  const role = opts.country ? roleNamed(phrase, ctx) : null
  if (role && opts.country) return [resolveRole(role, opts.country, day, ctx)]
  const span: Span = [0, phrase.length]
  const mentions = recognizeSentence(phrase, span, 0, day, ctx, new DocMemory())
  if (mentions.length === 0) return adjectivesIn(phrase, ctx)
  return mentions.map((m) => {
    const person = m.actor?.person ? personNamed(m.actor.person, ctx.people) : null
    return {
      text: phrase.slice(m.span[0], m.span[1]),
      actor: m.actor,
      why: m.why,
      spells: person ? person.roles.map((s) => ({ role: labelOf(s.role, ctx), country: s.country, from: s.from, to: s.to })) : [],
    }
  })
}

/** The role entry whose noun is the whole phrase ("defence minister", "top diplomat"). */
function roleNamed(phrase: string, ctx: RecognizeContext): RoleEntry | null {
  const key = foldKey(phrase.trim().replace(/^the\s+/i, ''))
  for (const role of ctx.actorIndex.roles.values()) if (role.nouns.some((n) => foldKey(n) === key)) return role
  return null
}

function resolveRole(role: RoleEntry, country: string, day: string | null, ctx: RecognizeContext): Resolution {
  const isSingleOffice = ctx.actorIndex.grammar.single_office_roles.includes(role.id)
  const holder = isSingleOffice ? holderOn(ctx.people, role.id, country, day) : null
  const actor = makeActor(country, role.sector, role.label, holder?.name ?? null, isGovernmentRole(role))
  const why = holder
    ? `${role.label} of ${country} on ${day}: ${holder.name}`
    : day
      ? `${role.label} of ${country}; no office holder on ${day} in the dictionary`
      : `${role.label} of ${country}; give --date to name the office holder`
  return { text: role.label, actor, why, spells: [] }
}

function personNamed(name: string, people: readonly PersonEntry[]): PersonEntry | null {
  return people.find((p) => p.name === name) ?? null
}

/** An adjective alone names no actor in a sentence, but a user asking wants its country. */
function adjectivesIn(phrase: string, ctx: RecognizeContext): Resolution[] {
  const words = splitWords(phrase, 0)
  return ctx.actorIndex.trie.scan(words).flatMap((hit) =>
    hit.values
      .filter((v) => v.kind === 'adjective')
      .map((v) => ({
        text: phrase.slice(words[hit.from]?.start ?? 0, words[hit.to - 1]?.end ?? phrase.length),
        actor: makeActor(v.country.code, null, null, null),
        why: `adjective of ${v.country.name}; with a role noun it names an official ("${phrase} foreign minister")`,
        spells: [],
      })),
  )
}

function labelOf(roleId: string, ctx: RecognizeContext): string {
  return ctx.actorIndex.roles.get(roleId)?.label ?? roleId
}
