/**
 * eld's `detect(text).language` (and, for whole articles, its `getScores()`), computed over the
 * same n-gram database with indexes built once.
 * Every sentence of every article is judged, and eld spent most of that time enumerating the keys
 * of a plain object per n-gram (`for (lang in ngrams[bytes])`) and building an object of the
 * text's n-grams. Here each database n-gram is compiled once into a packed array of
 * (language, score) pairs, and the text's n-grams go into a Set; the arithmetic is eld's own
 * (integer scores, so the sums do not depend on order), and so is every answer.
 *
 * This reads eld's database module and its two tables (letter classes, byte dictionary) from the
 * installed package, the same module instances eld itself loads, so no data is held twice.
 * `compileEldScorer` checks itself against eld on sample sentences and returns null when they
 * disagree (a changed eld), in which case the caller keeps eld's own `detect`.
 */

import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** eld's database: language codes by index, and per n-gram the score of each language. */
interface NgramsData {
  readonly languages: Readonly<Record<string, string>>
  readonly ngrams: Readonly<Record<string, Readonly<Record<string, number>>>>
}

/** eld subtracts this minimum score from every stored score to keep the database small. */
const BASE_NGRAM_SCORE = 53
/** eld judges the first 1000 characters. */
const MAX_CHARS = 1000
/** eld cuts the byte string at the first space after 350 bytes, and anywhere after 380. */
const CUT_AFTER = 350
const ENFORCE_CUT_AFTER = 380
/** Longest word eld takes n-grams from, in bytes. */
const MAX_WORD = 70

/** What eld's `detect(text)` gives: the language ('' when none) and its scaled scores. */
export interface EldResult {
  readonly language: string
  getScores(): Record<string, number>
}

/**
 * A compiled detector: called, the ISO 639-1 code eld would answer, or '' when it has none;
 * `detect`, eld's whole result, scores included (a little more work: for whole articles);
 * `pack`, its database as plain data for another thread (`scorerFromPack`).
 */
export interface EldScorer {
  (text: string): string
  detect(text: string): EldResult
  pack(): PackedEld
}

/**
 * eld's database and tables as plain data, handed to pipeline threads (structured clone, a few
 * ms) so they need not import eld's ~70 MB database module each (~0.4 s). Database n-gram i has
 * the (language, score + base) pairs `scores[offsets[i] .. offsets[i + 1])`.
 */
export interface PackedEld {
  readonly languages: readonly string[]
  readonly separators: RegExp
  readonly dictionary: readonly string[]
  readonly ngrams: readonly string[]
  readonly offsets: Int32Array
  readonly scores: Int32Array
  /** The answers for SAMPLES of the scorer that packed it (checked against eld itself). */
  readonly samples: readonly { readonly language: string; readonly scores: Record<string, number> }[]
}

/** Where a scorer finds a database n-gram's (language, score + base) pairs; undefined if absent. */
interface Database {
  readonly languages: readonly string[]
  readonly separators: RegExp
  readonly dictionary: readonly string[]
  lookup(ngram: string): Int32Array | undefined
  pack(): Omit<PackedEld, 'samples'>
}

/** Sentences in several languages and scripts, to check the compiled detector against eld. */
const SAMPLES = [
  'The foreign minister met his Venezuelan counterpart in Caracas on Friday.',
  'El canciller se reunió con su homólogo venezolano en Caracas el viernes.',
  'Der Außenminister reiste am Montag nach Peking, um über Handel zu sprechen.',
  'Le président français a rencontré vendredi son homologue allemand à Berlin.',
  'Президент России провёл переговоры с премьер-министром Индии в Москве.',
  'وزير الخارجية الإيراني يزور كاراكاس الأسبوع المقبل',
  '中国外交部长周五会见了委内瑞拉外长。',
  'Lula meets Sánchez in Brasília — “don’t” count on it, 2024-11-20 😀 𝔸',
]

/**
 * Build the scorer over eld's loaded database `name` ('medium'); null when eld's layout is not
 * the one this mirrors or when the check against `detect` fails.
 */
export async function compileEldScorer(
  name: string,
  detect: (text: string) => EldResult,
): Promise<EldScorer | null> {
  try {
    const entry = eldEntry()
    if (entry === null) return null
    const [data, patterns, dict] = await Promise.all([
      import(new URL(`../ngrams/${name}.js`, entry).href) as Promise<{ ngramsData?: NgramsData }>,
      import(new URL('../regexPatterns.js', entry).href) as Promise<{ separators?: RegExp }>,
      import(new URL('../dictionary.js', entry).href) as Promise<{ dictionary?: string[] }>,
    ])
    if (!data.ngramsData || !patterns.separators || !dict.dictionary) return null
    const scorer = buildScorer(objectDatabase(data.ngramsData, patterns.separators, dict.dictionary))
    return SAMPLES.every((text) => agrees(scorer, text, detect(text))) ? scorer : null
  } catch {
    return null
  }
}

/**
 * A scorer over a database another thread packed; null when it does not give the answers the
 * packing scorer gave (a damaged pack), in which case the caller loads eld itself.
 */
export function scorerFromPack(pack: PackedEld): EldScorer | null {
  const scorer = buildScorer(packedDatabase(pack))
  const expected = (i: number): EldResult => {
    const sample = pack.samples[i] ?? { language: '', scores: {} }
    return { language: sample.language, getScores: () => sample.scores }
  }
  return SAMPLES.every((text, i) => agrees(scorer, text, expected(i))) ? scorer : null
}

function agrees(scorer: EldScorer, text: string, theirs: EldResult): boolean {
  const ours = scorer.detect(text)
  return (
    scorer(text) === theirs.language &&
    ours.language === theirs.language &&
    sameScores(ours.getScores(), theirs.getScores())
  )
}

/** eld's loaded database module: each n-gram's pairs compiled from its object when first met. */
function objectDatabase(data: NgramsData, separators: RegExp, dictionary: readonly string[]): Database {
  const codes = Object.keys(data.languages).length
  const languages = Array.from({ length: codes }, (_, i) => data.languages[String(i)] ?? '')
  return {
    languages,
    separators,
    dictionary,
    lookup: (ngram) => {
      const stored = Object.hasOwn(data.ngrams, ngram) ? data.ngrams[ngram] : undefined
      return stored === undefined ? undefined : pairsOf(stored)
    },
    pack: () => {
      const ngrams = Object.keys(data.ngrams)
      const offsets = new Int32Array(ngrams.length + 1)
      const lists = ngrams.map((ngram) => pairsOf(data.ngrams[ngram] ?? {}))
      lists.forEach((pairs, i) => (offsets[i + 1] = (offsets[i] as number) + pairs.length))
      const scores = new Int32Array(offsets[ngrams.length] as number)
      lists.forEach((pairs, i) => scores.set(pairs, offsets[i]))
      return { languages, separators, dictionary, ngrams, offsets, scores }
    },
  }
}

/** A packed database: n-grams found through a Map built once (~30 ms for eld's medium). */
function packedDatabase(pack: PackedEld): Database {
  const index = new Map<string, number>()
  pack.ngrams.forEach((ngram, i) => index.set(ngram, i))
  return {
    languages: pack.languages,
    separators: pack.separators,
    dictionary: pack.dictionary,
    lookup: (ngram) => {
      const i = index.get(ngram)
      if (i === undefined) return undefined
      return pack.scores.subarray(pack.offsets[i] as number, pack.offsets[i + 1] as number)
    },
    pack: () => pack,
  }
}

/** One n-gram's scores by language index as [language, score + base, ...]. */
function pairsOf(stored: Readonly<Record<string, number>>): Int32Array {
  const keys = Object.keys(stored)
  const pairs = new Int32Array(keys.length * 2)
  keys.forEach((lang, i) => {
    pairs[2 * i] = Number(lang)
    pairs[2 * i + 1] = (stored[lang] ?? 0) + BASE_NGRAM_SCORE
  })
  return pairs
}

// The file URL of eld's entry module (src/entries/dynamic.js), found along Node's own lookup paths
// for 'eld'; real path, so its modules are the very ones eld loads. (The package exports only an
// `import` entry, so require.resolve cannot name it.)
function eldEntry(): URL | null {
  for (const dir of createRequire(import.meta.url).resolve.paths('eld') ?? []) {
    const entry = join(dir, 'eld', 'src', 'entries', 'dynamic.js')
    if (existsSync(entry)) return pathToFileURL(realpathSync(entry))
  }
  return null
}

/** The installed eld's version (its package.json beside the entry), or null when unreadable. */
export function eldVersion(): string | null {
  const entry = eldEntry()
  if (entry === null) return null
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', entry), 'utf8')) as {
      version?: unknown
    }
    return typeof manifest.version === 'string' ? manifest.version : null
  } catch {
    return null
  }
}

function sameScores(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

/** eld's divisor of a language's mean n-gram score, for scores between 0 and 1 (LanguageResult). */
const SCORE_SCALE = 25

function buildScorer(database: Database): EldScorer {
  const { languages, separators, dictionary } = database
  const codes = languages.length
  // Each n-gram the texts have met gets a number; `packed[id]` holds its scores as
  // [language, score + base, language, score + base, ...], compiled the first time a text has it
  // (building all of the database's ~100k up front would add half a second to every start). An
  // n-gram the database lacks scores nothing, but counts among a text's n-grams for eld's scaled
  // scores, so it gets a number too, with no scores.
  const ids = new Map<string, number>()
  const packed: Int32Array[] = []
  const idOf = (ngram: string): number => {
    const known = ids.get(ngram)
    if (known !== undefined) return known
    packed.push(database.lookup(ngram) ?? NO_SCORES)
    ids.set(ngram, packed.length - 1)
    return packed.length - 1
  }
  // The database n-grams of a whole word, by the word as written (lower case): the same word
  // gives the same n-grams in every text, and most words of news recur. Bounded: cleared when full.
  const byWord = new Map<string, Int32Array>()
  const ngramsOfWord = (word: string): Int32Array => {
    let found = byWord.get(word)
    if (found !== undefined) return found
    if (byWord.size >= WORD_CACHE) byWord.clear()
    const ngrams = wordNgrams(encodeWord(word, dictionary))
    found = Int32Array.from(ngrams.map(idOf))
    byWord.set(word, found)
    return found
  }
  const scores = new Float64Array(codes)
  // A text counts each n-gram once: `seen[id] === round` marks the ones it already has.
  let seen = new Uint32Array(1024)
  let round = 0

  // Grown to the number of n-gram ids before each text is scored (ids only grow).
  const grow = (): void => {
    if (seen.length >= packed.length) return
    const grown = new Uint32Array(Math.max(packed.length, seen.length * 2))
    grown.set(seen)
    seen = grown
  }
  // One text's words and how each is given (see forEachWord); reused from text to text.
  const words: string[] = []
  const whole: boolean[] = []

  // Sums each language's scores over the distinct n-grams of a text into `scores`, as eld's
  // calculateScores; returns how many distinct n-grams the text has (eld's numNgrams).
  const tally = (text: string): number => {
    words.length = 0
    whole.length = 0
    splitByteWords(text.substring(0, MAX_CHARS), separators, dictionary, words, whole)
    const ids: number[] = []
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string
      if (whole[w]) for (const id of ngramsOfWord(word)) ids.push(id)
      else for (const ngram of wordNgrams(word)) ids.push(idOf(ngram))
    }
    grow()
    if (++round === 0xffffffff) {
      seen.fill(0)
      round = 1
    }
    scores.fill(0)
    let distinct = 0
    for (const id of ids) {
      if (seen[id] === round) continue
      seen[id] = round
      distinct++
      const pairs = packed[id] as Int32Array
      for (let i = 0; i < pairs.length; i += 2) {
        const lang = pairs[i] as number
        scores[lang] = (scores[lang] as number) + (pairs[i + 1] as number)
      }
    }
    return distinct
  }
  // The first language with the highest positive score, or -1.
  const bestLanguage = (): number => {
    let best = -1
    let bestScore = 0
    for (let i = 0; i < codes; i++) {
      const score = scores[i] as number
      if (score > 0 && score > bestScore) [best, bestScore] = [i, score]
    }
    return best
  }
  const language = (text: string): string => {
    tally(text)
    const best = bestLanguage()
    return best < 0 ? '' : (languages[best] ?? '')
  }
  const detect = (text: string): EldResult => {
    const ngrams = tally(text)
    const best = bestLanguage()
    if (best < 0) return { language: '', getScores: () => ({}) }
    // eld's orderAndScale and getScores, the same arithmetic in the same order.
    const scaled: [number, number][] = []
    for (let i = 0; i < codes; i++) {
      const raw = scores[i] as number
      if (raw <= 0) continue
      const ngramScore = raw / ngrams
      scaled.push([i, ngramScore / (ngramScore + SCORE_SCALE)])
    }
    scaled.sort((a, b) => b[1] - a[1])
    const byCode: Record<string, number> = {}
    for (const [i, score] of scaled) byCode[languages[i] ?? ''] = score
    return { language: languages[best] ?? '', getScores: () => ({ ...byCode }) }
  }
  const pack = (): PackedEld => {
    const samples = SAMPLES.map((text) => {
      const result = detect(text)
      return { language: result.language, scores: result.getScores() }
    })
    return { ...database.pack(), samples }
  }
  return Object.assign(language, { detect, pack })
}

/** The score list of an n-gram the database does not have. */
const NO_SCORES = new Int32Array(0)

/** Words whose n-grams are remembered, at most. */
const WORD_CACHE = 50_000

// eld's n-grams of one word (a byte string): 4 bytes with a stride of 3; the first carries a
// leading space, the last a trailing one.
function wordNgrams(word: string): string[] {
  const ngrams: string[] = []
  const len = Math.min(word.length, MAX_WORD)
  let j = 0
  for (; j + 4 < len; j += 3) ngrams.push((j === 0 ? ' ' : '') + word.substring(j, j + 4))
  ngrams.push((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ')
  return ngrams
}

// A word as eld's byte string: one character per UTF-8 byte, through eld's dictionary.
function encodeWord(word: string, dictionary: readonly string[]): string {
  let encoded = ''
  for (let i = 0; i < word.length; i++) {
    encoded += encodeAt(word, i, dictionary)
    // A surrogate, as in eld, takes the next character as its other half, whatever it is.
    const code = word.charCodeAt(i)
    if (code >= 0xd800 && code < 0xe000) i++
  }
  return encoded
}

// The byte string of the character at i; a surrogate is read with the character after it.
function encodeAt(str: string, i: number, dictionary: readonly string[]): string {
  let code = str.charCodeAt(i)
  if (code < 0x80) return str[i] as string
  if (code < 0x800) {
    return (dictionary[0xc0 | (code >> 6)] ?? '') + (dictionary[0x80 | (code & 0x3f)] ?? '')
  }
  if (code < 0xd800 || code >= 0xe000) {
    return (
      (dictionary[0xe0 | (code >> 12)] ?? '') +
      (dictionary[0x80 | ((code >> 6) & 0x3f)] ?? '') +
      (dictionary[0x80 | (code & 0x3f)] ?? '')
    )
  }
  code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i + 1) & 0x3ff))
  return (
    (dictionary[0xf0 | (code >> 18)] ?? '') +
    (dictionary[0x80 | ((code >> 12) & 0x3f)] ?? '') +
    (dictionary[0x80 | ((code >> 6) & 0x3f)] ?? '') +
    (dictionary[0x80 | (code & 0x3f)] ?? '')
  )
}

// eld's textProcessor and strToUtf8Bytes: separators to spaces, lower case, then the words, cut
// after ~350 bytes, appended to `words`. Each word is given as written (`whole` true), or, when
// the hard cut at 380 bytes falls inside it, as the byte string of its kept part (`whole` false).
function splitByteWords(
  raw: string,
  separators: RegExp,
  dictionary: readonly string[],
  words: string[],
  whole: boolean[],
): void {
  const str = raw.replace(separators, ' ').trim().toLowerCase()
  let bytes = 0
  let start = 0
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i)
    if (code < 0x80) {
      if (code === 32) {
        if (i > start) {
          words.push(str.slice(start, i))
          whole.push(true)
        }
        start = i + 1
        if (bytes > CUT_AFTER) return
      }
      bytes++
    } else if (code < 0x800) bytes += 2
    else if (code < 0xd800 || code >= 0xe000) bytes += 3
    else {
      i++
      bytes += 4
    }
    if (bytes > ENFORCE_CUT_AFTER) {
      // Cut inside the word: eld keeps its characters up to and including this one.
      if (i + 1 > start) {
        words.push(encodeWord(str.slice(start, i + 1), dictionary))
        whole.push(false)
      }
      return
    }
  }
  if (str.length > start) {
    words.push(str.slice(start))
    whole.push(true)
  }
}
