/**
 * Find the actors and places each sentence names and resolve them as of the article's date:
 * "Iranian Defence Minister Brigadier General Aziz Nasirzadeh" -> IRN, MIL, the person; later
 * "Nasirzadeh", "the defence minister" and "his" point back to him (see coreference.ts).
 */
import type { Actor, Doc, Mention, Place, Sector, Span } from '../doc.js'
import { need } from '../doc.js'
import type { PersonEntry, RoleEntry } from '../dict/types.js'
import { defineStage } from '../stage.js'
import { isPossessiveAt, type Word } from '../nlp/match-words.js'
import { sentenceWords } from '../nlp/sentence-words.js'
import type { PhraseHit } from '../nlp/phrase-trie.js'
import type { ActorIndex, IndexEntry } from './actor-index.js'
import { holderOn, isGovernmentRole, isPersonalRole, makeActor, spellOn } from './make-actor.js'
import { DocMemory } from './coreference.js'
import type { PeopleRegistry, RegistryHit } from './learned-people.js'

/** The grammar's word lists the recogniser tests words against, as sets. */
interface WordSets {
  readonly particles: ReadonlySet<string>
  readonly determiners: ReadonlySet<string>
  readonly preps: ReadonlySet<string>
}

// Built once per grammar (read-only after loading), not once per phrase or mention.
const wordSetsOf = new WeakMap<ActorIndex['grammar'], WordSets>()

function wordSets(g: ActorIndex['grammar']): WordSets {
  let sets = wordSetsOf.get(g)
  if (sets === undefined) {
    sets = { particles: new Set(g.name_particles), determiners: new Set(g.determiners), preps: new Set(g.prepositions) }
    wordSetsOf.set(g, sets)
  }
  return sets
}

/** What the stage needs in its context. */
export interface RecognizeContext {
  readonly actorIndex: ActorIndex
  readonly people: readonly PersonEntry[]
  /** People learned from earlier articles (the store's); consulted after the article's own. */
  readonly registry?: PeopleRegistry
}

type Hit = PhraseHit<IndexEntry>

function entryOf<K extends IndexEntry['kind']>(
  hit: Hit | undefined,
  kind: K,
): Extract<IndexEntry, { kind: K }> | undefined {
  return hit?.values.find((v) => v.kind === kind) as Extract<IndexEntry, { kind: K }> | undefined
}

/** Everything one sentence's assembly needs. */
interface SentenceScan {
  readonly words: readonly Word[]
  readonly hits: readonly Hit[]
  /** Hit starting at word index, for adjacency checks. */
  readonly hitAt: ReadonlyMap<number, Hit>
  readonly sentence: number
  readonly day: string | null
}

/** A name of capitalised words at `at` ("Nicolás Maduro", "Daniel arap Moi"); returns end index. */
function nameRun(scan: SentenceScan, at: number, particles: ReadonlySet<string>): number {
  let end = at
  for (let i = at; i < scan.words.length; i++) {
    const w = scan.words[i]
    if (!w) break
    const hit = scan.hitAt.get(i)
    // A country or role inside the run ends the name: "Maduro and Iranian ...".
    if (hit && hit.values.some((v) => v.kind !== 'person' && v.kind !== 'title')) break
    // A lone capital letter ("A", "I") is a word, not part of a name.
    if (w.isCapitalized && w.raw.length === 1) break
    if (w.isCapitalized || (particles.has(w.key) && scan.words[i + 1]?.isCapitalized && i > at)) {
      end = i + 1
      if (/[^'’\-‐.]/.test(w.after)) break
      continue
    }
    break
  }
  return end
}

/** One assembled actor phrase. */
interface Assembled {
  readonly from: number
  readonly to: number
  readonly mention: Omit<Mention, 'span' | 'sentence' | 'prep'>
}

/** The person a dictionary entry names, resolved as of the day. */
function personActor(
  person: PersonEntry,
  day: string | null,
  ctx: RecognizeContext,
  why: string,
): Omit<Mention, 'span' | 'sentence' | 'prep'> {
  const spell = spellOn(person, day)
  const role = spell ? ctx.actorIndex.roles.get(spell.role) : undefined
  const actor = makeActor(
    spell?.country ?? person.country,
    role?.sector ?? 'GOV',
    role?.label ?? null,
    person.name,
    role ? isGovernmentRole(role) : false,
  )
  return { kind: 'person', actor, place: null, why: `${why}; ${person.name}${role ? `, ${role.label}` : ''}${day ? ` on ${day}` : ''}` }
}

/**
 * Assemble "<country|adjective|Country's> <role|noun>* <title>* <Name>?" starting at a hit.
 * @example 'Venezuelan Oil Minister Tareck El Aissami' -> VEN, oil minister, 'Tareck El Aissami'
 */
function assembleFrom(
  scan: SentenceScan,
  index: number,
  ctx: RecognizeContext,
  memory: DocMemory,
): Assembled | null {
  const hit = scan.hits[index]
  if (!hit) return null
  const g = ctx.actorIndex.grammar
  const particles = wordSets(g).particles
  const countryEntry = entryOf(hit, 'country') ?? entryOf(hit, 'organisation')
  const adjective = entryOf(hit, 'adjective')
  const person = entryOf(hit, 'person')
  const role = entryOf(hit, 'role')
  const capital = entryOf(hit, 'capital')
  const seat = entryOf(hit, 'seat')

  if (person) {
    return { from: hit.from, to: hit.to, mention: personActor(person.person, scan.day, ctx, `name “${person.person.name}”`) }
  }

  // 1. A country adjective or a possessive country starts a role phrase.
  const owner = adjective?.country ?? countryEntry?.country
  if (owner) {
    let cursor = hit.to
    const possessive = countryEntry && isPossessiveAt(scan.words, cursor)
    if (possessive) cursor++
    // "The Brazilian and Argentinean governments": the first adjective shares the second's noun.
    if (adjective && scan.words[cursor]?.key === 'and') {
      const second = scan.hitAt.get(cursor + 1)
      const shared = second && entryOf(second, 'adjective') ? roleTail(scan, second.to) : null
      if (shared && (shared.role || shared.sector)) {
        const label = shared.role?.label ?? null
        const actor = makeActor(owner.code, shared.sector ?? 'GOV', label, null, shared.role ? isGovernmentRole(shared.role) : false)
        return { from: hit.from, to: hit.to, mention: { kind: 'role', actor, place: null, why: `“${adjective.country.name}” sharing the noun of a coordinated adjective` } }
      }
    }
    let tail = roleTail(scan, cursor)
    // "British corporate affairs minister", "a Ugandan goodwill mission": up to two lower-case
    // words may stand between the adjective and the role noun.
    const isAppositionBreak = /[,;:]/.test(scan.words[cursor - 1]?.after ?? '')
    let nonState = false
    for (let skip = 1; skip <= 2 && adjective && !isAppositionBreak && !tail.role && !tail.sector; skip++) {
      const between = scan.words.slice(cursor, cursor + skip)
      if (between.length < skip || between.some((w) => w.isCapitalized || scan.hitAt.has(scan.words.indexOf(w)) || /[,;:]/.test(w.after))) break
      tail = roleTail(scan, cursor + skip)
      nonState = between.some((w) => g.non_state_words.includes(w.key))
    }
    // "a Kenyan business delegation" is not Kenya: no actor at all.
    if (nonState && (tail.role || tail.sector)) return null
    if (tail.role || tail.sector) {
      return finishRole(scan, hit.from, withTopRole(scan, hit.from, tail, ctx), owner.code, owner.name, ctx, memory, particles)
    }
    // "accusing the French of overfishing": a demonym used as a noun is its state.
    if (adjective && scan.words[hit.from - 1]?.key === 'the' && isDemonymNoun(scan, hit.to, g.demonym_followers)) {
      const actor = makeActor(owner.code, null, null, null)
      return { from: hit.from, to: hit.to, mention: { kind: 'country', actor, place: null, why: `“the ${scan.words[hit.from]?.raw}” for ${owner.name}` } }
    }
    // "the Venezuelan capital" is a place.
    if (adjective && scan.words[hit.to]?.key === 'capital' && owner.capitals[0]) {
      const c = owner.capitals[0]
      const place: Place = { name: c.name, country: owner.code, lat: c.lat, lon: c.lon }
      return { from: hit.from, to: hit.to + 1, mention: { kind: 'place', actor: null, place, why: `“the ${adjective.country.name} capital”` } }
    }
    if (countryEntry) {
      const c = countryEntry.country
      const isOrg = c.kind === 'organisation'
      const actor = makeActor(c.code, isOrg ? 'IGO' : null, null, null, false, isOrg ? c.code : null)
      const place: Place | null = isOrg ? null : { name: c.name, country: c.code, lat: null, lon: null }
      return { from: hit.from, to: hit.to, mention: { kind: isOrg ? 'organisation' : 'country', actor, place, why: `name “${c.name}”` } }
    }
    return null // an adjective alone ("Iranian oil") names no actor
  }

  if (capital && isDateline(scan, hit)) {
    memory.noteDateline(capital.place.country)
    return { from: hit.from, to: hit.to, mention: { kind: 'place', actor: null, place: capital.place, why: `dateline “${capital.place.name}”` } }
  }
  if (capital) {
    const actor = makeActor(capital.country.code, 'GOV', null, null)
    return { from: hit.from, to: hit.to, mention: { kind: 'capital', actor, place: capital.place, why: `capital “${capital.place.name}” of ${capital.country.name}` } }
  }
  if (seat) {
    const actor = makeActor(seat.country.code, 'GOV', null, null)
    return { from: hit.from, to: hit.to, mention: { kind: 'capital', actor, place: null, why: `seat of government of ${seat.country.name}` } }
  }

  // 2. A role without a country before it: "the president of Bolivia, Evo Morales",
  //    "Foreign Minister Ossein Amir-Abdollahian", "the defence minister".
  if (role || entryOf(hit, 'title') || entryOf(hit, 'actor-noun')) {
    const tail = roleTail(scan, hit.from)
    if (!tail.role && !tail.sector && !tail.hasTitle) return null
    let cursor = tail.end
    // "the president of Bolivia, Evo Morales", "the speaker of the Iranian Parliament"
    if (scan.words[cursor]?.key === 'of' && (tail.role || tail.sector)) {
      let at = cursor + 1
      if (scan.words[at]?.key === 'the') at++
      const ofHit = scan.hitAt.get(at)
      const c =
        entryOf(ofHit, 'country')?.country ??
        entryOf(ofHit, 'organisation')?.country ??
        entryOf(ofHit, 'adjective')?.country
      if (ofHit && c) {
        const end = entryOf(ofHit, 'adjective') ? roleTail(scan, ofHit.to).end : ofHit.to
        return finishRole(scan, hit.from, { ...tail, end }, c.code, c.name, ctx, memory, particles)
      }
    }
    return finishRole(scan, hit.from, tail, null, null, ctx, memory, particles)
  }

  if (entryOf(hit, 'pronoun')) {
    // "Peters and his Australian counterpart": a possessive before another actor is part of it.
    const next = scan.hitAt.get(hit.to)
    if (next && next.values.some((v) => v.kind === 'adjective' || v.kind === 'role' || v.kind === 'actor-noun' || v.kind === 'country')) return null
    // A sentence opening with "He" goes on about the last sentence's subject, not its object.
    const opens = hit.from === 0 && ctx.actorIndex.grammar.subject_pronouns.includes(scan.words[0]?.key ?? '')
    const actor = (opens ? memory.lastSubject(scan.sentence) : null) ?? memory.lastPerson()
    if (!actor) return null
    return { from: hit.from, to: hit.to, mention: { kind: 'pronoun', actor, place: null, why: `pronoun “${scan.words[hit.from]?.raw}” → ${actor.person ?? actor.role ?? actor.code}` } }
  }
  if (entryOf(hit, 'state-pronoun')) {
    // Only an opening "It" that acts ("It was agreed that ..." names nobody), or the "it" that
    // says a quote: '"We call upon the DPRK to ...," it said'.
    const says = ctx.actorIndex.grammar.modality.reporting.includes(scan.words[hit.to]?.key ?? '')
    if ((hit.from !== 0 || ctx.actorIndex.grammar.expletive_verbs.includes(scan.words[1]?.key ?? '')) && !says) return null
    const actor = memory.lastStateSubject(scan.sentence)
    if (!actor) return null
    return { from: hit.from, to: hit.to, mention: { kind: 'pronoun', actor, place: null, why: `pronoun “${scan.words[hit.from]?.raw}” → ${actor.code}, the last sentence's subject` } }
  }
  const group = entryOf(hit, 'group')
  if (group) {
    const members = memory.lastList(group.size)
    const first = members?.[0]
    if (!members || !first) return null
    const phrase = scan.words.slice(hit.from, hit.to).map((w) => w.raw).join(' ')
    return { from: hit.from, to: hit.to, mention: { kind: 'group', actor: first, members, place: null, why: `“${phrase}” → ${members.map((m) => m.country).join(', ')}` } }
  }
  if (entryOf(hit, 'pair')) {
    const pair = memory.lastPair()
    if (!pair) return null
    return { from: hit.from, to: hit.to, mention: { kind: 'pair', actor: pair[0], partner: pair[1], place: null, why: `“${scan.words.slice(hit.from, hit.to).map((w) => w.raw).join(' ')}” → ${pair[0].country} and ${pair[1].country}` } }
  }
  return null
}

/**
 * A place at the very start of a sentence written as a dateline names where the story was filed,
 * not an actor: "LONDON, March 24 -", "Bogota :", "SUVA, June 5 (Xinhua) --".
 */
function isDateline(scan: SentenceScan, hit: Hit): boolean {
  if (hit.from !== 0) return false
  const words = scan.words.slice(hit.from, hit.to)
  const isUpper = words.every((w) => w.raw === w.raw.toUpperCase())
  const after = words[words.length - 1]?.after ?? ''
  const next = scan.words[hit.to]
  return isUpper || /^[:–—-]/.test(after) || (after === ',' && next !== undefined && /^\p{Lu}[\p{Ll}]{2}/u.test(next.raw) && /^\d/.test(scan.words[hit.to + 1]?.raw ?? ''))
}

/** After "the French": end of sentence, punctuation or a function word, not a noun it modifies. */
function isDemonymNoun(scan: SentenceScan, at: number, followers: readonly string[]): boolean {
  const next = scan.words[at]
  if (!next) return true
  if (/[,;:.]/.test(scan.words[at - 1]?.after ?? '')) return true
  return followers.includes(next.key)
}

/**
 * "the top Iranian diplomat": when "top" + the head noun is itself a role ("top diplomat" is the
 * foreign minister), that role wins over the bare noun ("diplomat").
 */
function withTopRole(scan: SentenceScan, from: number, tail: RoleTailResult, ctx: RecognizeContext): RoleTailResult {
  if (scan.words[from - 1]?.key !== 'top') return tail
  const head = scan.words[tail.end - 1]?.key
  const phrase = `top ${head}`
  for (const role of ctx.actorIndex.roles.values()) {
    if (role.nouns.includes(phrase)) return { ...tail, role, sector: role.sector }
  }
  return tail
}

interface RoleTailResult {
  readonly end: number
  readonly role: RoleEntry | null
  readonly sector: Sector | null
  readonly hasTitle: boolean
}

/** Absorb role nouns, actor nouns and titles from `at`: "Defence Minister Brigadier General". */
function roleTail(scan: SentenceScan, at: number): RoleTailResult {
  let cursor = at
  let role: RoleEntry | null = null
  let sector: Sector | null = null
  let hasTitle = false
  for (;;) {
    const next = scan.hitAt.get(cursor)
    if (!next) break
    const r = entryOf(next, 'role')
    const n = entryOf(next, 'actor-noun')
    const t = entryOf(next, 'title')
    if (!r && !n && !t) break
    if (r && !role) role = r.role
    if (n && !sector) sector = n.sector
    if (t && !r && !n) hasTitle = true
    cursor = next.to
    // Stop after a comma: "the Iranian minister, Hatami" keeps the apposition for finishRole.
    if (/[,;:]/.test(scan.words[cursor - 1]?.after ?? '')) break
  }
  return { end: cursor, role, sector: role ? role.sector : sector, hasTitle }
}

/** Complete a role phrase with the name that follows, the office holder, or coreference. */
function finishRole(
  scan: SentenceScan,
  from: number,
  tail: RoleTailResult,
  country: string | null,
  countryName: string | null,
  ctx: RecognizeContext,
  memory: DocMemory,
  particles: ReadonlySet<string>,
): Assembled | null {
  let end = tail.end
  // "Minister Hossein Amir-Abdollahian" (known), or ", Evo Morales" after a comma (apposition).
  let nameStart = end
  // Ranks and titles before the name, also after an apposition comma:
  // "his Belarusian counterpart, Lieutenant General Viktor Khrenin".
  // An apposition after "of the Iranian Navy," stays its own mention: it is the subject.
  const isApposition = /,/.test(scan.words[end - 1]?.after ?? '')
  const opensClause = ['', 'and'].includes(prepBefore(scan.words, from, ctx))
  if (scan.words[end]?.isCapitalized && (!isApposition || opensClause)) nameStart = roleTail(scan, end).end
  else if (isApposition) nameStart = -1
  const personHit = scan.hitAt.get(nameStart)
  const known = entryOf(personHit, 'person')
  const label = tail.role?.label ?? null
  const isGov = tail.role ? isGovernmentRole(tail.role) : false
  const phrase = scan.words.slice(from, tail.end).map((w) => w.raw).join(' ')
  if (known && personHit) {
    const m = personActor(known.person, scan.day, ctx, `“${phrase}” + name`)
    const actor = country && m.actor && m.actor.country !== country ? { ...m.actor } : m.actor
    return { from, to: personHit.to, mention: { ...m, actor } }
  }
  const nameEnd = nameStart >= 0 && scan.words[nameStart]?.isCapitalized ? nameRun(scan, nameStart, particles) : nameStart
  const name = nameStart >= 0 && nameEnd > nameStart ? scan.words.slice(nameStart, nameEnd).map((w) => w.raw).join(' ') : null
  if (name) end = nameEnd
  if (!country) {
    const counterpart = counterpartOf(scan, from, tail, name, ctx, memory)
    if (counterpart) return { ...counterpart, to: name ? end : tail.end }
  }
  if (name && !country) {
    // "Foreign Minister Straw": the name may be known from earlier in the article, or from an
    // earlier article.
    const learned = memory.byName(name)
    const stored = ctx.registry?.byName(name, scan.day) ?? null
    if (learned && stored?.actor.person !== learned.person) return { from, to: end, mention: { kind: 'person', actor: learned, place: null, why: `“${name}” seen earlier in the article as ${learned.country}` } }
    if (stored) return { from, to: end, mention: { kind: 'person', actor: stored.actor, place: null, why: stored.why } }
  }
  if (!country) {
    if (name || !tail.role) return null
    // Only a definite singular role points back: "the defence minister", "the general"; a bare
    // plural ("ministers agreed sanctions") names a group, not the last official.
    const determiner = scan.words[from - 1]?.key ?? ''
    const head = scan.words[tail.end - 1]?.key ?? ''
    // A body may also come with "a": "a foreign ministry statement" is the ministry's.
    const isBody = !isPersonalRole(tail.role.label, ctx.actorIndex.institutionWords)
    const definite = ['the', 'this', ...(isBody ? ['a', 'an'] : [])]
    if (!definite.includes(determiner) || /s$/.test(head)) return null
    // Bare role: "the defence minister" -> the last actor in that role in this article.
    const back = memory.byRole(tail.role.label)
    if (!back) return datelineBody(from, end, tail, phrase, ctx, memory)
    return { from, to: end, mention: { kind: 'role', actor: back, place: null, why: `“${phrase}” refers back to ${back.person ?? back.role ?? back.code}` } }
  }
  // "Qureshi and his Chinese counterpart discussed ..." after "his Chinese counterpart Wang Yi":
  // the counterpart already named.
  const named = !name && isCounterpartAfterOwner(scan, from, tail.end, ctx) ? memory.lastPersonOf(country) : null
  if (named) return { from, to: end, mention: { kind: 'person', actor: named, place: null, why: `“${phrase}” refers back to ${named.person}` } }
  const isSingleOffice = tail.role !== null && ctx.actorIndex.grammar.single_office_roles.includes(tail.role.id)
  const holder = tail.role && !name && isSingleOffice ? holderOn(ctx.people, tail.role.id, country, scan.day) : null
  const actor = makeActor(country, tail.sector ?? 'GOV', label, name ?? holder?.name ?? null, isGov)
  const why =
    `“${phrase}”: ${countryName ?? country}` +
    (label ? `, ${label}` : '') +
    (name ? `, named ${name}` : holder ? `, held by ${holder.name} on ${scan.day}` : '')
  // A person no dictionary knows, introduced with country and office: the store learns them.
  const introduces = name !== null && isLearnableName(name) && isPersonalRole(label, ctx.actorIndex.institutionWords)
  return { from, to: end, mention: { kind: name ? 'person' : 'role', actor, place: null, why, ...(introduces ? { introduces } : {}) } }
}

/**
 * "He also held talks with his counterpart FM Salahuddin Rabbani": a counterpart named without a
 * nationality belongs to the last country the article named other than the owner's.
 */
function counterpartOf(
  scan: SentenceScan,
  from: number,
  tail: RoleTailResult,
  name: string | null,
  ctx: RecognizeContext,
  memory: DocMemory,
): Assembled | null {
  // "He also held talks with his counterpart": the counterpart of the sentence's subject.
  const owner = memory.subjectOf(scan.sentence) ?? memory.lastPerson()
  if (!owner || !isCounterpartAfterOwner(scan, from, tail.end, ctx)) return null
  const other = memory.lastOtherCountry(owner.country)
  if (!other) return null
  const actor = makeActor(other.country, owner.sector, owner.role, name, owner.code.includes('GOV'))
  const why = `“${scan.words.slice(from, tail.end).map((w) => w.raw).join(' ')}” of ${owner.person ?? owner.code}: ${other.country}, the other country named before`
  return { from, to: tail.end, mention: { kind: name ? 'person' : 'role', actor, place: null, why } }
}

/** "his counterpart", "their Chinese counterparts": a counterpart noun after an owner's possessive. */
function isCounterpartAfterOwner(scan: SentenceScan, from: number, end: number, ctx: RecognizeContext): boolean {
  const nouns = ctx.actorIndex.grammar.counterpart_nouns
  const owners = ctx.actorIndex.grammar.owner_pronouns
  return owners.includes(scan.words[from - 1]?.key ?? '') && scan.words.slice(from, end).some((w) => nouns.includes(w.key))
}

/**
 * "PARIS, March 18 - ... The foreign ministry said": a body (not a person) named bare, with no
 * earlier mention to point back to, is the body of the country the story was filed from.
 */
function datelineBody(
  from: number,
  end: number,
  tail: RoleTailResult,
  phrase: string,
  ctx: RecognizeContext,
  memory: DocMemory,
): Assembled | null {
  const country = memory.datelineCountry()
  const role = tail.role
  if (!country || !role || isPersonalRole(role.label, ctx.actorIndex.institutionWords)) return null
  const actor = makeActor(country, tail.sector ?? role.sector, role.label, null, isGovernmentRole(role))
  return { from, to: end, mention: { kind: 'role', actor, place: null, why: `“${phrase}” of ${country}, where the story is filed` } }
}

/**
 * A name worth keeping across articles: two words or more, none in capitals only ("IRNA", "PCG"
 * and headlines in capitals are not people). @example isLearnableName('Shirley Ayorkor Botchway')
 */
function isLearnableName(name: string): boolean {
  const words = name.split(/\s+/)
  return words.length >= 2 && !words.some((w) => w.length > 1 && w === w.toUpperCase())
}

/** The preposition before word `at`, skipping determiners: "visit to the Venezuelan capital". */
function prepBefore(words: readonly Word[], at: number, ctx: RecognizeContext): string {
  const { determiners, preps } = wordSets(ctx.actorIndex.grammar)
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const w = words[i]
    if (!w) break
    if (/[,;:]/.test(w.after)) return ''
    if (preps.has(w.key)) return w.key
    if (!determiners.has(w.key)) return ''
  }
  return ''
}

/** A sentence's words and its dictionary phrases: the same in both passes over an article. */
interface Scanned {
  readonly words: readonly Word[]
  readonly hits: readonly Hit[]
}

function scanSentence(text: string, span: Span, ctx: RecognizeContext): Scanned {
  const words = sentenceWords(text, span)
  return { words, hits: ctx.actorIndex.trie.scan(words) }
}

/**
 * A mention with its place in the text. Spelled out rather than spread (`{ ...m, span }`): the
 * assembled mentions come in several shapes, which made the spread one of the recogniser's
 * costliest lines. Keys keep the spread's order.
 */
function placeMention(m: Assembled['mention'], span: Span, sentence: number, prep: string): Mention {
  const base: Mention =
    m.partner === undefined
      ? { kind: m.kind, actor: m.actor, place: m.place, why: m.why, span, sentence, prep }
      : { kind: m.kind, actor: m.actor, partner: m.partner, place: m.place, why: m.why, span, sentence, prep }
  const placed = m.members === undefined ? base : { ...base, members: m.members }
  // Rare (a person no dictionary knows): set only when true, so most mentions keep one shape.
  return m.introduces ? { ...placed, introduces: true } : placed
}

// Every field of an assembled mention must be copied by placeMention: a field added to Mention
// fails to compile here until it is copied there too.
const PLACED_FIELDS: Record<keyof Assembled['mention'], true> = { kind: true, actor: true, partner: true, members: true, place: true, why: true, introduces: true }
void PLACED_FIELDS

/** Recognise and resolve the mentions of one sentence, updating the article's memory. */
export function recognizeSentence(
  text: string,
  span: Span,
  sentence: number,
  day: string | null,
  ctx: RecognizeContext,
  memory: DocMemory,
  scanned: Scanned = scanSentence(text, span, ctx),
): Mention[] {
  const { words, hits } = scanned
  // The states named one after another so far ("Argentina, Chile, Costa Rica and Peru").
  let run: Actor[] = []
  const scan: SentenceScan = { words, hits, hitAt: new Map(hits.map((h) => [h.from, h])), sentence, day }
  const mentions: Mention[] = []
  let consumedTo = 0
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]
    if (!hit || hit.from < consumedTo) continue
    const assembled = assembleFrom(scan, i, ctx, memory)
    if (!assembled) continue
    consumedTo = assembled.to
    pushMention(assembled)
  }
  // Names learned earlier in the article ("Nasirzadeh", "Mr Straw") that no dictionary knows.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (!w?.isCapitalized || mentions.some((m) => m.span[0] <= w.start && w.start < m.span[1])) continue
    const full = ctx.registry ? registryFullName(words, i, day, ctx.registry) : null
    if (full) {
      pushMention({ from: i, to: full.to, mention: { kind: 'person', actor: full.hit.actor, place: null, why: full.hit.why } })
      i = full.to - 1
      continue
    }
    const actor = memory.byName(w.raw)
    // A person the store taught keeps that provenance even once the article has named them.
    const stored = ctx.registry?.byName(w.raw, day) ?? null
    if (actor && stored?.actor.person !== actor.person) {
      pushMention({ from: i, to: i + 1, mention: { kind: 'person', actor, place: null, why: `“${w.raw}” named earlier as ${actor.person ?? actor.code}` } })
    } else if (stored) {
      pushMention({ from: i, to: i + 1, mention: { kind: 'person', actor: stored.actor, place: null, why: stored.why } })
    }
  }
  mentions.sort((a, b) => a.span[0] - b.span[0])
  return mentions

  function pushMention(a: Assembled): void {
    const first = words[a.from]
    const last = words[a.to - 1]
    if (!first || !last) return
    const mention = placeMention(a.mention, [first.start, last.end], sentence, prepBefore(words, a.from, ctx))
    const previous = mentions[mentions.length - 1]
    mentions.push(mention)
    memory.remember(mention, text.slice(mention.span[0], mention.span[1]), isQuoted(text, span[0], mention.span[0]))
    // "India and Pakistan", "Iran-Venezuela": remember the pair for "both countries" later on.
    const gap = previous ? text.slice(previous.span[1], mention.span[0]) : ''
    if (previous?.actor && mention.actor && mention.kind !== 'pronoun' && previous.kind !== 'pronoun' && /^(\s*and\s+(the\s+)?|[-–])$/.test(gap)) {
      memory.rememberPair(previous.actor, mention.actor)
    }
    // "from Argentina, Chile, Costa Rica, Peru and Uruguay": a list the article may later call
    // "the five governments".
    const listed = mention.actor !== null && ['country', 'capital', 'organisation'].includes(mention.kind)
    if (!listed || !mention.actor) return
    const joined = previous !== undefined && run.length > 0 && /^\s*(,\s*(and\s+)?|and\s+)(the\s+)?$/.test(gap)
    run = joined ? [...run, mention.actor] : [mention.actor]
    if (run.length >= 3 && new Set(run.map((a) => a.country)).size === run.length) memory.rememberList(run)
  }
}

/** A learned person's full name starting at word `at` ("Kwame Asante Boadu"), longest first. */
function registryFullName(
  words: readonly Word[],
  at: number,
  day: string | null,
  registry: PeopleRegistry,
): { to: number; hit: RegistryHit } | null {
  let end = at
  while (words[end]?.isCapitalized && (end === at || !/[,;:.]/.test(words[end - 1]?.after ?? ''))) end++
  for (let to = end; to >= at + 2; to--) {
    const hit = registry.byFullName(words.slice(at, to).map((w) => w.raw).join(' '), day)
    if (hit) return { to, hit }
  }
  return null
}

/** The stage: mentions for every sentence, in text order. */
export const recognizeMentions = defineStage<'mentions', RecognizeContext>({
  name: 'recognize-mentions',
  requires: ['article', 'sentences'],
  provides: 'mentions',
  run(doc: Doc, ctx) {
    const sentences = need(doc, 'sentences')
    const day = doc.article.publishedOn
    // First pass learns names from appositions anywhere in the article, so a surname used before
    // its full introduction (a headline "Nasirzadeh in Minsk") still resolves.
    const institutions = ctx.actorIndex.institutionWords
    const learner = new DocMemory(undefined, institutions)
    const text = doc.article.text
    const scanned = sentences.map((s) => scanSentence(text, s.span, ctx))
    sentences.forEach((s, i) => recognizeSentence(text, s.span, s.index, day, ctx, learner, scanned[i]))
    const memory = new DocMemory(learner.learnedNames(), institutions)
    return sentences.flatMap((s, i) => recognizeSentence(text, s.span, s.index, day, ctx, memory, scanned[i]))
  },
})

/** Does `at` stand inside a quotation opened earlier in the sentence? */
function isQuoted(text: string, sentenceStart: number, at: number): boolean {
  let straight = 0
  let curly = 0
  for (let i = sentenceStart; i < at; i++) {
    const c = text[i]
    if (c === '"') straight++
    else if (c === '“') curly++
    else if (c === '”') curly = Math.max(0, curly - 1)
  }
  return straight % 2 === 1 || curly > 0
}
