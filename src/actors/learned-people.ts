/**
 * People learned from the text rather than from dictionaries/people. An apposition such as
 * "Ghana's Minister of Foreign Affairs, Shirley Ayorkor Botchway" binds a name to a country and a
 * role; the store keeps it (store/queries/learned-people.ts), and the registry below lets a later
 * article that names only "Botchway" or "Shirley Ayorkor Botchway" resolve to Ghana too.
 */
import type { Actor, Doc, Sector } from '../doc.js'
import { foldKey } from '../nlp/match-words.js'

/** One person as learned from one article. */
export interface LearnedPerson {
  readonly name: string
  readonly country: string
  readonly sector: Sector | null
  readonly role: string
  /** The actor code as resolved in the teaching article. @example 'GHAGOVDIP' */
  readonly code: string
  /** Publication days of the first and last article that named them (null when undated). */
  readonly firstSeen: string | null
  readonly lastSeen: string | null
  readonly articleId: string
  /** The words that taught it. @example 'Ghana’s Minister of Foreign Affairs, Shirley Ayorkor Botchway' */
  readonly evidence: string
}

/** The people a processed article introduces (mentions marked `introduces`), once per name. */
export function learnedFrom(doc: Doc): LearnedPerson[] {
  const day = doc.article.publishedOn
  const byName = new Map<string, LearnedPerson>()
  for (const m of doc.mentions ?? []) {
    const a = m.actor
    if (!m.introduces || !a?.person || !a.role || byName.has(a.person)) continue
    byName.set(a.person, {
      name: a.person,
      country: a.country,
      sector: a.sector,
      role: a.role,
      code: a.code,
      firstSeen: day,
      lastSeen: day,
      articleId: doc.article.id,
      evidence: doc.article.text.slice(m.span[0], m.span[1]),
    })
  }
  return [...byName.values()]
}

/** A surname alone is trusted this many years around the days the person was seen. */
const SURNAME_REACH_YEARS = 3
/** The learned role is kept this many years around the days seen; further off, the country only. */
const ROLE_REACH_YEARS = 2

const year = (day: string): number => Number(day.slice(0, 4))

/** Years between a day and the span [first, last] seen; 0 inside it or when a date is missing. */
function yearsOff(day: string | null, p: LearnedPerson): number {
  if (day === null || p.firstSeen === null || p.lastSeen === null) return 0
  if (day < p.firstSeen) return year(p.firstSeen) - year(day)
  if (day > p.lastSeen) return year(day) - year(p.lastSeen)
  return 0
}

/** What a name resolves to, and why, for a mention's `why`. */
export interface RegistryHit {
  readonly actor: Actor
  readonly why: string
}

/**
 * Names learned in earlier articles, looked up by full name or by surname. A surname two
 * different learned people share resolves to neither.
 */
export class PeopleRegistry {
  private readonly full = new Map<string, LearnedPerson[]>()
  private readonly surnames = new Map<string, LearnedPerson[]>()

  /** `people`: the rows it was built from, to hand to pipeline threads. */
  constructor(readonly people: readonly LearnedPerson[]) {
    for (const p of people) {
      add(this.full, foldKey(p.name), p)
      const last = p.name.split(/\s+/).pop() ?? ''
      const tail = last.split(/[-‐]/).pop() ?? ''
      for (const s of new Set([last, tail])) if (s.length > 3) add(this.surnames, foldKey(s), p)
    }
  }

  get size(): number {
    return this.full.size
  }

  /** The person a full name or a surname refers to on a day, or null. @example byName('Botchway', '2018-02-01') */
  byName(name: string, day: string | null): RegistryHit | null {
    const key = foldKey(name)
    const full = this.full.get(key)
    if (full) return this.pick(name, full, day)
    return this.pick(name, this.surnames.get(key)?.filter((p) => yearsOff(day, p) <= SURNAME_REACH_YEARS), day)
  }

  /** Only a whole name ("Shirley Ayorkor Botchway"), never a surname. */
  byFullName(name: string, day: string | null): RegistryHit | null {
    return this.pick(name, this.full.get(foldKey(name)), day)
  }

  private pick(name: string, found: readonly LearnedPerson[] | undefined, day: string | null): RegistryHit | null {
    if (!found || found.length === 0) return null
    // One person may be stored with several roles; two people with one surname are ambiguous.
    if (new Set(found.map((p) => foldKey(p.name))).size > 1) return null
    const p = [...found].sort((a, b) => yearsOff(day, a) - yearsOff(day, b) || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))[0]!
    const keepsRole = yearsOff(day, p) <= ROLE_REACH_YEARS
    const actor: Actor = keepsRole
      ? { country: p.country, sector: p.sector, role: p.role, person: p.name, org: null, code: p.code }
      : { country: p.country, sector: null, role: null, person: p.name, org: null, code: p.country }
    const seen = p.firstSeen === p.lastSeen ? `on ${p.firstSeen ?? 'an undated day'}` : `${p.firstSeen} → ${p.lastSeen}`
    const why =
      `“${name}” learned from article ${p.articleId} (“${p.evidence}”, seen ${seen})` +
      (keepsRole ? '' : `; the role ${p.role} is too far from this date to keep`)
    return { actor, why }
  }
}

function add(map: Map<string, LearnedPerson[]>, key: string, p: LearnedPerson): void {
  const list = map.get(key)
  if (list) list.push(p)
  else map.set(key, [p])
}
