/**
 * A deterministic corpus of synthetic news articles for the benchmark: sentence templates in news
 * style (visits, meetings, signings, criticism, sanctions, background, quotes, noise lines) filled
 * from the real dictionaries (countries, capitals, adjectives, people with the roles they held on
 * the article's day). Same seed and count, same articles, byte for byte.
 *
 *   npx tsx bench/generate-corpus.ts --articles 100 --seed 1 --out /tmp/corpus.jsonl
 *
 * The JSONL records are `{id, title, text, published, url, outlet}`, the shape `dyad ingest` reads.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

import type { Article } from '../src/doc.js'
import { loadDictionaries } from '../src/dict/load.js'
import type { CountryEntry, Dictionaries, PersonEntry } from '../src/dict/types.js'
import { composeArticle, type ArticleParts } from '../src/ingest/compose-article.js'

/** One generated article: the Article the pipeline takes, and the parts it was composed from. */
export interface GeneratedArticle {
  readonly article: Article
  readonly parts: ArticleParts
}

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  readonly articles: number
  readonly seed: number
  /** Dictionaries to draw names from; loaded from dictionaries/ when absent. */
  readonly dictionaries?: Dictionaries
  /** Prefix of article ids. @example 'bench' -> 'bench-1-000042' */
  readonly idPrefix?: string
}

/** A tiny seeded PRNG (mulberry32): fast, 32-bit state, good enough for text generation. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Pick by weight. @example weighted(rng, [['a', 3], ['b', 1]]) -> 'a' three times in four */
function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0)
  let r = rng() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  const last = items[items.length - 1]
  if (last === undefined) throw new Error('weighted pick from an empty list')
  return last[0]
}

// --- Names from the dictionaries --------------------------------------------------------------

/** How news writes a role before a name ("Foreign Minister Abbas Araghchi"). */
const ROLE_TITLES: Record<string, string> = {
  president: 'President',
  'prime-minister': 'Prime Minister',
  'foreign-minister': 'Foreign Minister',
  'defence-minister': 'Defence Minister',
  'vice-president': 'Vice President',
  speaker: 'Parliament Speaker',
  'national-security-adviser': 'National Security Adviser',
  'finance-minister': 'Finance Minister',
  'deputy-prime-minister': 'Deputy Prime Minister',
  'deputy-foreign-minister': 'Deputy Foreign Minister',
  'interior-minister': 'Interior Minister',
  'economy-minister': 'Economy Minister',
  'trade-minister': 'Trade Minister',
  'oil-minister': 'Oil Minister',
  king: 'King',
  'crown-prince': 'Crown Prince',
  emir: 'Emir',
  chancellor: 'Chancellor',
}

/** Roles written without a name when nobody is known in office on the day. */
const ANONYMOUS_ROLES = [
  'foreign minister',
  'defence minister',
  'president',
  'prime minister',
  'ambassador',
  'trade minister',
  'deputy foreign minister',
]

/** Countries that no longer exist: not used for 2010-2025 articles. */
const HISTORICAL = new Set(['CSK', 'DDR', 'SUN', 'YUG'])

interface CountryInfo {
  readonly entry: CountryEntry
  readonly adjective: string
  readonly capital: string
  readonly people: readonly PersonEntry[]
}

interface Cast {
  readonly countries: readonly CountryInfo[]
  /** Countries with at least one known office holder, weighted toward those with many. */
  readonly weightedCountries: readonly (readonly [CountryInfo, number])[]
  readonly organisations: readonly string[]
}

/** The adjective news uses most: one that starts like the name ('Kyrgyz', not 'Kirghiz'). */
function adjectiveOf(entry: CountryEntry): string {
  const stem = entry.name.slice(0, 3).toLowerCase()
  const singular = entry.adjectives.filter((a) => !a.endsWith('s') || a.endsWith('ss'))
  return singular.find((a) => a.toLowerCase().startsWith(stem)) ?? singular[0] ?? entry.name
}

function buildCast(dicts: Dictionaries): Cast {
  const byCountry = new Map<string, PersonEntry[]>()
  for (const person of dicts.people) {
    for (const spell of person.roles) {
      if (ROLE_TITLES[spell.role] === undefined) continue
      const list = byCountry.get(spell.country) ?? []
      if (!list.includes(person)) list.push(person)
      byCountry.set(spell.country, list)
    }
  }
  const countries: CountryInfo[] = []
  for (const entry of dicts.countries) {
    if (entry.kind !== 'state' || HISTORICAL.has(entry.code)) continue
    const capital = entry.capitals[0]?.name
    if (capital === undefined) continue
    countries.push({
      entry,
      adjective: adjectiveOf(entry),
      capital,
      people: byCountry.get(entry.code) ?? [],
    })
  }
  const weightedCountries = countries.map((c) => [c, 1 + Math.sqrt(c.people.length) * 3] as const)
  const organisations = dicts.countries
    .filter((c) => c.kind === 'organisation')
    .map((c) => c.aliases.find((a) => /^[A-Z]{2,6}$/u.test(a)) ?? c.name)
  return { countries, weightedCountries, organisations }
}

/** One side of an article: a country and how it is named on the article's day. */
interface Side {
  readonly name: string
  readonly adj: string
  readonly cap: string
  /** First mention of its actor. @example 'Iranian Foreign Minister Abbas Araghchi' */
  readonly actor: string
  /** Later mentions. @example 'Araghchi' or 'the minister' */
  readonly short: string
  /** The role word alone. @example 'foreign minister' */
  readonly role: string
}

function sideOf(rng: Rng, country: CountryInfo, day: string): Side {
  const holders: { person: PersonEntry; role: string }[] = []
  for (const person of country.people) {
    for (const spell of person.roles) {
      const title = ROLE_TITLES[spell.role]
      if (title === undefined || spell.country !== country.entry.code) continue
      if (spell.from <= day && (spell.to === null || day < spell.to)) {
        holders.push({ person, role: title })
      }
    }
  }
  const base = { name: country.entry.name, adj: country.adjective, cap: country.capital }
  if (holders.length > 0 && rng() < 0.85) {
    const { person, role } = pick(rng, holders)
    const words = person.name.split(' ')
    const surname = person.variants.find((v) => !v.includes(' ')) ?? words[words.length - 1] ?? ''
    return {
      ...base,
      actor: `${country.adjective} ${role} ${person.name}`,
      short: rng() < 0.7 ? surname : `the ${role.toLowerCase()}`,
      role: role.toLowerCase(),
    }
  }
  const role = pick(rng, ANONYMOUS_ROLES)
  return { ...base, actor: `the ${country.adjective} ${role}`, short: `the ${role}`, role }
}

// --- Templates ----------------------------------------------------------------------------------

const TOPICS = [
  'energy cooperation',
  'trade and investment',
  'regional security',
  'oil and gas projects',
  'defence cooperation',
  'agriculture and food security',
  'the situation in the Middle East',
  'visa-free travel',
  'nuclear energy',
  'infrastructure financing',
  'counter-terrorism',
  'student exchanges',
  'pharmaceutical production',
  'banking ties and payments in national currencies',
]
const GRIEVANCES = [
  'military build-up near the border',
  'detention of journalists',
  'missile tests',
  'interference in its internal affairs',
  'treatment of protesters',
  'decision to expel two diplomats',
  'airstrikes on civilian areas',
  'support for armed groups',
  'violations of the ceasefire',
]
const SANCTION_TARGETS = ['officials', 'banks', 'oil exporters', 'military commanders', 'companies']
const GOALS = [
  'diversify its partners',
  'break out of diplomatic isolation',
  'secure new markets for its exports',
  'position itself as a mediator',
  'win support ahead of a UN vote',
]
const COMMODITIES = ['natural gas', 'wheat', 'electricity', 'fertiliser', 'crude oil', 'drones']
const SEAS = ['Caspian Sea', 'Gulf of Oman', 'Mediterranean', 'South China Sea', 'Caribbean']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']
const TRENDS = ['deepened steadily', 'been strained', 'warmed considerably', 'cooled', 'grown closer']
const REPORTERS = ['Parisa Hafezi', 'Mayela Armas', 'John Irish', 'Andrew Osborn', 'Nidal al-Mughrabi']

/** What a template is filled from. */
interface Slots {
  readonly rng: Rng
  readonly a: Side
  readonly b: Side
  readonly c: Side
  readonly year: number
  readonly org: string
  /** Sides whose actor was already named in full. */
  readonly introduced: Set<Side>
}

type Template = (s: Slots) => string

/** The side's actor: named in full on first mention, by the short form after. */
function who(s: Slots, side: Side): string {
  if (s.introduced.has(side)) return side.short
  s.introduced.add(side)
  return side.actor
}

const day = (s: Slots): string => pick(s.rng, WEEKDAYS)
const topic = (s: Slots): string => pick(s.rng, TOPICS)
const grievance = (s: Slots): string => pick(s.rng, GRIEVANCES)

/** Lead sentences: the event the article is about. */
const LEADS: readonly (readonly [Template, number])[] = [
  [(s) => `${who(s, s.a)} arrived in ${s.b.cap} on ${day(s)} for a ${int(s.rng, 2, 4)}-day official visit, ${s.a.adj} state media reported.`, 4],
  [(s) => `${who(s, s.a)} met ${who(s, s.b)} in ${s.b.cap} on ${day(s)} to discuss ${topic(s)}.`, 4],
  [(s) => `${who(s, s.b)} received ${who(s, s.a)} on ${day(s)}, and the two sides reviewed ${topic(s)}, officials in both capitals said.`, 3],
  [(s) => `${s.a.name} and ${s.b.name} signed ${int(s.rng, 2, 12)} agreements on ${topic(s)} in ${s.a.cap} on ${day(s)}.`, 3],
  [(s) => `${who(s, s.a)} criticised ${s.b.name} on ${day(s)} for its ${grievance(s)}, calling it "dangerous and unacceptable".`, 2],
  [(s) => `${s.a.name} imposed new sanctions on ${s.b.adj} ${pick(s.rng, SANCTION_TARGETS)} on ${day(s)} over ${grievance(s)}.`, 2],
  [(s) => `${who(s, s.a)} spoke by phone with ${who(s, s.b)} on ${day(s)} about ${topic(s)}.`, 2],
  [(s) => `${s.b.name} summoned the ${s.a.adj} ambassador on ${day(s)} to protest against ${grievance(s)}.`, 2],
  [(s) => `${who(s, s.a)} will travel to ${s.b.name} next week to discuss ${topic(s)}, the foreign ministry said.`, 2],
]

/** Body sentences: follow-ups, background, quotes, analysis. */
const BODY: readonly (readonly [Template, number])[] = [
  [(s) => `${who(s, s.a)} was received at the airport by ${s.b.adj} officials.`, 2],
  [(s) => `The two countries signed ${int(s.rng, 2, 9)} memorandums of understanding on ${topic(s)} during the visit.`, 3],
  [(s) => `${who(s, s.a)} also met ${who(s, s.b)} to discuss ${topic(s)}.`, 3],
  [(s) => `${s.a.cap} condemned the ${grievance(s)} by ${s.b.name} in a statement issued late on ${day(s)}.`, 2],
  [(s) => `${s.a.adj} officials said they were considering sanctions against ${s.b.name} if the talks failed.`, 1],
  [(s) => `Relations between ${s.a.name} and ${s.b.name} have ${pick(s.rng, TRENDS)} since ${s.year - int(s.rng, 1, 12)}.`, 3],
  [(s) => `${s.b.name} is one of ${s.a.name}'s largest trading partners, with bilateral trade worth about $${int(s.rng, 1, 40)} billion last year.`, 2],
  [(s) => `"We are ready to expand cooperation in every field," ${who(s, s.a)} told reporters.`, 3],
  [(s) => `"${s.b.name} will not accept pressure from any country," a spokesperson for the ${s.b.adj} foreign ministry said.`, 2],
  [(s) => `Analysts said the visit signalled ${s.a.cap}'s wish to ${pick(s.rng, GOALS)}.`, 2],
  [(s) => `${s.a.adj} officials denied that ${who(s, s.a)} would meet ${s.b.adj} counterparts during the trip.`, 1],
  [(s) => `The talks come weeks after ${who(s, s.c)} visited ${s.b.cap}.`, 2],
  [(s) => `${s.a.name} pledged $${int(s.rng, 5, 900)} million in aid to ${s.b.name} for reconstruction and health care.`, 1],
  [(s) => `${s.a.adj} and ${s.b.adj} navies held joint exercises in the ${pick(s.rng, SEAS)} last month.`, 1],
  [(s) => `If the agreement is ratified, ${s.a.name} could begin exporting ${pick(s.rng, COMMODITIES)} to ${s.b.name} by ${s.year + int(s.rng, 1, 4)}.`, 1],
  [(s) => `The ${s.org} called on both sides to show restraint.`, 1],
  [(s) => `${s.c.name} accused ${s.a.name} of ${pick(s.rng, ['destabilising the region', 'violating international law', 'breaking its promises'])}.`, 1],
  [(s) => `The ${s.a.role} is expected to visit ${s.c.name} later this month.`, 1],
  [() => `The ministry did not give further details.`, 2],
  [() => `Neither side gave a timetable for the projects.`, 2],
  [(s) => `Officials did not say how much the projects would cost, and the ${s.b.adj} side gave no figures either.`, 1],
  [(s) => `The ${s.b.adj} foreign ministry said in a statement that the meeting had taken place "in a warm and friendly atmosphere".`, 2],
  [(s) => `${who(s, s.a)} is due to leave for ${s.c.cap} on ${day(s)}.`, 1],
]

/** Lines a scraper leaves in: each one a paragraph of its own. */
const NOISE: readonly Template[] = [
  () => 'Follow us on Telegram',
  () => 'Advertisement',
  () => 'Subscribe to our newsletter for daily updates',
  () => 'Share this article',
  (s) => `Read more: ${s.c.name} and ${s.a.name} discuss ${topic(s)}`,
  (s) => `RELATED: ${s.b.adj} parliament approves new budget`,
]

const TITLES: readonly Template[] = [
  (s) => `${s.a.adj} ${s.a.role} visits ${s.b.cap}`,
  (s) => `${s.a.name}, ${s.b.name} sign deals on ${topic(s)}`,
  (s) => `${s.b.name} hosts ${s.a.adj} delegation as ties deepen`,
  (s) => `${s.a.name} slaps sanctions on ${s.b.adj} ${pick(s.rng, SANCTION_TARGETS)}`,
  (s) => `${s.a.adj} ${s.a.role} criticises ${s.b.name}`,
  (s) => `${s.a.name} and ${s.b.name} pledge closer cooperation`,
]

const OUTLETS = [
  ['Global Wire', 'globalwire.example'],
  ['The Daily Dispatch', 'dailydispatch.example'],
  ['Press Agency Network', 'pan.example'],
  ['World Report', 'worldreport.example'],
] as const

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A day between 2010-01-01 and 2025-12-31, as ISO. */
function randomDay(rng: Rng): string {
  const start = Date.UTC(2010, 0, 1)
  const days = Math.round((Date.UTC(2025, 11, 31) - start) / 86_400_000)
  return new Date(start + int(rng, 0, days) * 86_400_000).toISOString().slice(0, 10)
}

/** 3 to 40 sentences, most articles short, a long tail. */
function sentenceCount(rng: Rng): number {
  return 3 + Math.floor(38 * rng() ** 1.8)
}

function generateOne(rng: Rng, cast: Cast, id: string): ArticleParts {
  const published = randomDay(rng)
  const year = Number(published.slice(0, 4))
  const countryA = weighted(rng, cast.weightedCountries)
  let countryB = weighted(rng, cast.weightedCountries)
  while (countryB === countryA) countryB = weighted(rng, cast.weightedCountries)
  const countryC = pick(rng, cast.countries)
  const slots: Slots = {
    rng,
    a: sideOf(rng, countryA, published),
    b: sideOf(rng, countryB, published),
    c: sideOf(rng, countryC, published),
    year,
    org: pick(rng, cast.organisations),
    introduced: new Set(),
  }
  const title = capitalise(pick(rng, TITLES)(slots))
  const sentences = [capitalise(weighted(rng, LEADS)(slots))]
  const wanted = sentenceCount(rng)
  const recent: Template[] = []
  while (sentences.length < wanted) {
    // Avoid a template used in the last few sentences (a few draws, then accept a repeat).
    let template = weighted(rng, BODY)
    for (let tries = 0; tries < 4 && recent.includes(template); tries++) {
      template = weighted(rng, BODY)
    }
    recent.push(template)
    if (recent.length > 6) recent.shift()
    sentences.push(capitalise(template(slots)))
  }

  // Paragraphs of 1-3 sentences; the first one opens with a dateline most of the time.
  const paragraphs: string[] = []
  for (let i = 0; i < sentences.length; ) {
    const size = Math.min(int(rng, 1, 3), sentences.length - i)
    paragraphs.push(sentences.slice(i, i + size).join(' '))
    i += size
    if (i < sentences.length && rng() < 0.08) paragraphs.push(pick(rng, NOISE)(slots))
  }
  if (rng() < 0.8) {
    const [y, m, d] = published.split('-').map(Number) as [number, number, number]
    const dateline = `${slots.b.cap.toUpperCase()}, ${MONTHS[m - 1]} ${d}, ${y} - `
    paragraphs[0] = dateline + (paragraphs[0] ?? '')
  }
  if (rng() < 0.3) {
    paragraphs.push(`(Reporting by ${pick(rng, REPORTERS)}; Editing by ${pick(rng, REPORTERS)})`)
  }
  const [outlet, domain] = pick(rng, OUTLETS)
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '')
  return {
    id,
    title,
    body: paragraphs.join('\n\n'),
    publishedOn: published,
    publishedBasis: 'jsonl',
    url: `https://${domain}/${published.slice(0, 7).replace('-', '/')}/${slug}`,
    outlet,
    origin: `bench:${id}`,
  }
}

/**
 * Generate `articles` synthetic articles from `seed`. Texts are unique (a repeated text is drawn
 * again), so every article is stored on ingest.
 * @example generateCorpus({ articles: 2, seed: 1 })[0]?.article.id -> 'bench-1-000000'
 */
export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  return [...streamCorpus(options)]
}

/**
 * The same articles as `generateCorpus`, one at a time, so a run of 200 000 articles never holds
 * them all. Only a number per article is kept (for uniqueness): 52 bits of its content hash.
 */
export function* streamCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  const rng = mulberry32(options.seed)
  const cast = buildCast(options.dictionaries ?? loadDictionaries())
  const prefix = options.idPrefix ?? 'bench'
  const seen = new Set<number>()
  for (let i = 0; i < options.articles; i++) {
    const id = `${prefix}-${options.seed}-${String(i).padStart(6, '0')}`
    for (;;) {
      const parts = generateOne(rng, cast, id)
      const article = { ...composeArticle(parts), language: 'en' }
      // 13 hex digits fit a double exactly; a chance collision among 200 000 texts is ~1 in 10^5.
      const key = parseInt(article.contentHash.slice(0, 13), 16)
      if (seen.has(key)) continue
      seen.add(key)
      yield { article, parts }
      break
    }
  }
}

/** One JSONL line as `dyad ingest` reads it. */
export function toJsonlRecord(generated: GeneratedArticle): string {
  const { parts } = generated
  return JSON.stringify({
    id: parts.id,
    title: parts.title,
    text: parts.body,
    published: parts.publishedOn,
    url: parts.url,
    outlet: parts.outlet,
  })
}

/** Write the corpus as JSONL. */
export function writeJsonl(corpus: readonly GeneratedArticle[], file: string): void {
  writeFileSync(file, corpus.map((g) => toJsonlRecord(g) + '\n').join(''))
}

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  })
  const articles = Number(values.articles)
  const seed = Number(values.seed)
  if (!Number.isInteger(articles) || articles < 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: generate-corpus.ts [--articles N] [--seed S] [--out file.jsonl]\n')
    process.exit(2)
  }
  if (values.out !== undefined) {
    const fd = openSync(values.out, 'w')
    let bytes = 0
    let count = 0
    try {
      for (const g of streamCorpus({ articles, seed })) {
        writeSync(fd, toJsonlRecord(g) + '\n')
        bytes += Buffer.byteLength(g.article.text, 'utf8')
        count++
      }
    } finally {
      closeSync(fd)
    }
    process.stderr.write(`wrote ${count} articles (${bytes} bytes of text) to ${values.out}\n`)
  } else {
    for (const g of streamCorpus({ articles, seed })) process.stdout.write(toJsonlRecord(g) + '\n')
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main()
}
