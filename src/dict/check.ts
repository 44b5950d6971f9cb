/**
 * Checks across entries and files, run after every entry has passed its schema: unique codes and
 * ids, role ids and country codes that exist, names that two entries claim, and the rule that a
 * name written with diacritics also has its plain twin ('Nicolás Maduro' + 'Nicolas Maduro').
 */
import type { DataPath, Locator } from './locate.js'
import type { CountryEntry, Dictionaries, PersonEntry, RoleEntry } from './types.js'

/** Every cross-reference problem, worded `file:line: entry "X": field f: what is wrong`. */
export function checkDictionaries(dictionaries: Dictionaries, locator: Locator): string[] {
  return [
    ...checkCountries(dictionaries.countries, locator),
    ...checkRoles(dictionaries, locator),
    ...checkPeople(dictionaries, locator),
  ]
}

/** 'Côte d’Ivoire' -> "cote d'ivoire": the key names are compared by. */
export function foldName(text: string): string {
  return plainSpelling(text).toLowerCase()
}

/** 'Côte d’Ivoire' -> "Cote d'Ivoire": the twin a name with diacritics must also list. */
export function plainSpelling(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'")
}

interface Named<E> {
  readonly entry: E
  readonly text: string
  readonly path: DataPath
}

/** Every name of an entry and where it sits. @example { text: 'Tehran', path: ['seats', 0] } */
function countryNames(entry: CountryEntry): Named<CountryEntry>[] {
  return [
    { entry, text: entry.name, path: ['name'] },
    ...entry.aliases.map((text, i) => ({ entry, text, path: ['aliases', i] })),
    ...entry.adjectives.map((text, i) => ({ entry, text, path: ['adjectives', i] })),
    ...entry.capitals.map((c, i) => ({ entry, text: c.name, path: ['capitals', i, 'name'] })),
    ...entry.seats.map((text, i) => ({ entry, text, path: ['seats', i] })),
  ]
}

function checkCountries(countries: readonly CountryEntry[], locator: Locator): string[] {
  const problems = checkUnique(countries, (c) => c.code, 'code', locator)
  const owners = new Map<string, Named<CountryEntry>>()
  for (const entry of countries) {
    const names = countryNames(entry)
    const exact = new Set(names.map((n) => n.text))
    const folded = new Set(names.map((n) => foldName(n.text)))
    problems.push(...checkPlainTwins(names, exact, locator))
    entry.caseSensitive?.forEach((text, i) => {
      if (!exact.has(text)) {
        const where = locator.where(entry, ['caseSensitive', i])
        problems.push(`${where}: "${text}" is not written so among this entry's names`)
      }
    })
    const shared = new Set((entry.shared ?? []).map(foldName))
    entry.shared?.forEach((text, i) => {
      if (!folded.has(foldName(text))) {
        const where = locator.where(entry, ['shared', i])
        problems.push(`${where}: "${text}" is not one of this entry's names`)
      }
    })
    for (const named of names) {
      const key = foldName(named.text)
      const owner = owners.get(key)
      if (!owner) {
        owners.set(key, named)
        continue
      }
      if (owner.entry === entry) continue
      const isDeliberate = shared.has(key) && (owner.entry.shared ?? []).map(foldName).includes(key)
      if (!isDeliberate) {
        const where = locator.where(entry, named.path)
        const first = locator.where(owner.entry, owner.path)
        problems.push(
          `${where}: "${named.text}" is also a name of ${owner.entry.code} (${first}); ` +
            'if both are meant, list it under shared: in both entries',
        )
      }
    }
  }
  return problems
}

function checkRoles(dictionaries: Dictionaries, locator: Locator): string[] {
  const { roles } = dictionaries
  const codes = new Set(dictionaries.countries.map((c) => c.code))
  const problems = checkUnique(roles, (r) => r.id, 'id', locator)
  const owners = new Map<string, Named<RoleEntry>>()
  for (const role of roles) {
    const nouns = role.nouns.map((text, i) => ({ entry: role, text, path: ['nouns', i] }))
    problems.push(...checkPlainTwins(nouns, new Set(role.nouns), locator))
    if (role.country !== undefined && !codes.has(role.country)) {
      problems.push(`${locator.where(role, ['country'])}: unknown country code "${role.country}"`)
    }
    role.caseSensitive?.forEach((text, i) => {
      if (!role.nouns.includes(text.toLowerCase())) {
        const where = locator.where(role, ['caseSensitive', i])
        problems.push(`${where}: "${text}" is not one of the nouns (in lower case)`)
      }
    })
    for (const named of nouns) {
      const owner = owners.get(foldName(named.text))
      if (!owner) owners.set(foldName(named.text), named)
      else if (owner.entry !== role) {
        const where = locator.where(role, named.path)
        const first = locator.where(owner.entry, owner.path)
        const id = owner.entry.id
        problems.push(`${where}: "${named.text}" is already a noun of role ${id} (${first})`)
      }
    }
  }
  return problems
}

function checkPeople(dictionaries: Dictionaries, locator: Locator): string[] {
  const { people } = dictionaries
  const codes = new Set(dictionaries.countries.map((c) => c.code))
  const roleIds = new Set(dictionaries.roles.map((r) => r.id))
  const problems = checkUnique(people, (p) => `${p.name} (${p.country})`, 'name', locator)
  const owners = new Map<string, Named<PersonEntry>>()
  for (const person of people) {
    if (!codes.has(person.country)) {
      const where = locator.where(person, ['country'])
      problems.push(`${where}: unknown country code "${person.country}"`)
    }
    person.roles.forEach((spell, i) => {
      if (!roleIds.has(spell.role)) {
        const where = locator.where(person, ['roles', i, 'role'])
        problems.push(`${where}: unknown role id "${spell.role}" (see roles.yaml)`)
      }
      for (const field of ['country', 'posting'] as const) {
        const code = spell[field]
        if (code !== undefined && !codes.has(code)) {
          const where = locator.where(person, ['roles', i, field])
          problems.push(`${where}: unknown country code "${code}"`)
        }
      }
    })
    const names = [
      { entry: person, text: person.name, path: ['name'] },
      ...person.variants.map((text, i) => ({ entry: person, text, path: ['variants', i] })),
    ]
    problems.push(...checkPlainTwins(names, new Set(names.map((n) => n.text)), locator))
    for (const named of names) {
      const owner = owners.get(foldName(named.text))
      if (!owner) owners.set(foldName(named.text), named)
      else if (owner.entry !== person) {
        const where = locator.where(person, named.path)
        const first = locator.where(owner.entry, owner.path)
        problems.push(
          `${where}: "${named.text}" also names ${owner.entry.name} (${first}); ` +
            'leave out a form that fits two people',
        )
      }
    }
  }
  return problems
}

/** A name with diacritics must come with its plain twin, so both spellings are listed as data. */
function checkPlainTwins<E extends object>(
  names: readonly Named<E>[],
  exact: ReadonlySet<string>,
  locator: Locator,
): string[] {
  const problems: string[] = []
  for (const named of names) {
    const plain = plainSpelling(named.text)
    if (plain !== named.text && !exact.has(plain)) {
      const where = locator.where(named.entry, named.path)
      problems.push(`${where}: "${named.text}" has diacritics: add "${plain}" too`)
    }
  }
  return problems
}

function checkUnique<E extends object>(
  entries: readonly E[],
  key: (entry: E) => string,
  field: string,
  locator: Locator,
): string[] {
  const seen = new Map<string, E>()
  const problems: string[] = []
  for (const entry of entries) {
    const first = seen.get(key(entry))
    if (first) {
      const where = locator.where(entry, [field])
      problems.push(`${where}: "${key(entry)}" is already defined at ${locator.where(first)}`)
    } else {
      seen.set(key(entry), entry)
    }
  }
  return problems
}
