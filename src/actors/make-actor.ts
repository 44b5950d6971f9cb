import type { Actor, Sector } from '../doc.js'
import type { PersonEntry, RoleEntry, RoleSpell } from '../dict/types.js'
import { foldKey } from '../nlp/match-words.js'

/**
 * Build an Actor and its CAMEO-style code. Ministers are government agents of their sector, so a
 * defence minister is `IRNGOVMIL`, an army is `IRNMIL`, a bare country `IRN`.
 * @example makeActor('IRN', 'MIL', 'Minister of Defence', 'Aziz Nasirzadeh', true).code -> 'IRNGOVMIL'
 */
export function makeActor(
  country: string,
  sector: Sector | null,
  role: string | null,
  person: string | null,
  isGovernmentOffice = false,
  org: string | null = null,
): Actor {
  let code = country
  if (sector === 'GOV') code += 'GOV'
  else if (sector && isGovernmentOffice) code += `GOV${sector}`
  else if (sector) code += sector
  return { country, sector, role, person, org, code }
}

/** A role noun names a government office when it is a minister, ministry, president and so on. */
export function isGovernmentRole(role: RoleEntry): boolean {
  return role.sector === 'GOV' || /minist|secretary|president|chancellor|premier/.test(role.id)
}

/**
 * A role one person holds ("Minister of Foreign Affairs"), not a body ("Ministry of Foreign
 * Affairs", "Armed forces"): no word of the label is an institution word (grammar.yaml).
 */
export function isPersonalRole(label: string | null, institutionWords: ReadonlySet<string>): boolean {
  return label !== null && !foldKey(label).split(/\s+/).some((w) => institutionWords.has(w))
}

/**
 * The role spell a person held on a day; with no day, the most recent spell.
 * @example spellOn(hatami, '2019-01-10')?.role -> 'defence-minister'
 */
export function spellOn(person: PersonEntry, day: string | null): RoleSpell | null {
  const spells = person.roles
  if (spells.length === 0) return null
  if (day === null) return spells[spells.length - 1] ?? null
  return spells.find((s) => s.from <= day && (s.to === null || day <= s.to)) ?? null
}

/**
 * Who held a role in a country on a day. @example holderOn(people, 'defence-minister', 'IRN', '2019-01-10') -> Amir Hatami
 */
export function holderOn(
  people: readonly PersonEntry[],
  roleId: string,
  country: string,
  day: string | null,
): PersonEntry | null {
  if (day === null) return null
  let holder: PersonEntry | null = null
  for (const p of holdersIndex(people).get(`${roleId}|${country}`) ?? []) {
    if (!p.roles.some((s) => s.role === roleId && s.country === country && s.from <= day && (s.to === null || day <= s.to))) continue
    // Offices with several holders at once (ambassadors, envoys) name no one in particular.
    if (holder !== null) return null
    holder = p
  }
  return holder
}

// Everyone who ever held a role in a country, by 'role|country', in dictionary order: a role is
// resolved for most role phrases of every article, and scanning all people each time was the
// recogniser's largest cost. Built once per people list (the dictionaries are read-only).
const holdersByList = new WeakMap<readonly PersonEntry[], Map<string, PersonEntry[]>>()

function holdersIndex(people: readonly PersonEntry[]): Map<string, PersonEntry[]> {
  let index = holdersByList.get(people)
  if (index === undefined) {
    index = new Map()
    for (const p of people) {
      for (const key of new Set(p.roles.map((s) => `${s.role}|${s.country}`))) {
        const list = index.get(key)
        if (list) list.push(p)
        else index.set(key, [p])
      }
    }
    holdersByList.set(people, index)
  }
  return index
}
