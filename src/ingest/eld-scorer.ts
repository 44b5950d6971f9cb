/**
 * eld's `detect(text).language`, computed over the same n-gram database with indexes built once.
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

import { existsSync, realpathSync } from 'node:fs'
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

/** A compiled detector: the ISO 639-1 code eld would answer, or '' when it has none. */
export type EldScorer = (text: string) => string

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
  detect: (text: string) => string,
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
    const scorer = buildScorer(data.ngramsData, patterns.separators, dict.dictionary)
    return SAMPLES.every((s) => scorer(s) === detect(s)) ? scorer : null
  } catch {
    return null
  }
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

function buildScorer(data: NgramsData, separators: RegExp, dictionary: readonly string[]): EldScorer {
  const codes = Object.keys(data.languages).length
  const languages = Array.from({ length: codes }, (_, i) => data.languages[String(i)] ?? '')
  // Each n-gram's scores as [language, score + base, language, score + base, ...], compiled the
  // first time a text has it (at most the database's ~100k n-grams; building all of them up
  // front would add half a second to every start).
  const table = new Map<string, Int32Array>()
  const compiled = (ngram: string): Int32Array | undefined => {
    let packed = table.get(ngram)
    if (packed !== undefined) return packed
    const stored = Object.hasOwn(data.ngrams, ngram) ? data.ngrams[ngram] : undefined
    if (stored === undefined) return undefined
    const keys = Object.keys(stored)
    packed = new Int32Array(keys.length * 2)
    keys.forEach((lang, i) => {
      ;(packed as Int32Array)[2 * i] = Number(lang)
      ;(packed as Int32Array)[2 * i + 1] = (stored[lang] ?? 0) + BASE_NGRAM_SCORE
    })
    table.set(ngram, packed)
    return packed
  }
  const scores = new Float64Array(codes)
  const ngrams = new Set<string>()

  return (text: string): string => {
    const words = toByteWords(text.substring(0, MAX_CHARS), separators, dictionary)
    ngrams.clear()
    for (const word of words) {
      const len = Math.min(word.length, MAX_WORD)
      // 4-byte n-grams with a stride of 3; the first carries a leading space, the last a trailing.
      let j = 0
      for (; j + 4 < len; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4))
      ngrams.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ')
    }
    scores.fill(0)
    for (const ngram of ngrams) {
      const packed = compiled(ngram)
      if (packed === undefined) continue
      for (let i = 0; i < packed.length; i += 2) {
        const lang = packed[i] as number
        scores[lang] = (scores[lang] as number) + (packed[i + 1] as number)
      }
    }
    // The first language with the highest positive score.
    let best = -1
    let bestScore = 0
    for (let i = 0; i < codes; i++) {
      const score = scores[i] as number
      if (score > 0 && score > bestScore) [best, bestScore] = [i, score]
    }
    return best < 0 ? '' : (languages[best] ?? '')
  }
}

// eld's textProcessor and strToUtf8Bytes: separators to spaces, lower case, then words as byte
// strings (one character per UTF-8 byte, through eld's dictionary), cut after ~350 bytes.
function toByteWords(raw: string, separators: RegExp, dictionary: readonly string[]): string[] {
  const str = raw.replace(separators, ' ').trim().toLowerCase()
  const words: string[] = []
  let encoded = ''
  let bytes = 0
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i)
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded)
          encoded = ''
        }
        if (bytes > CUT_AFTER) break
      } else encoded += str[i]
      bytes++
    } else if (code < 0x800) {
      encoded += (dictionary[0xc0 | (code >> 6)] ?? '') + (dictionary[0x80 | (code & 0x3f)] ?? '')
      bytes += 2
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded +=
        (dictionary[0xe0 | (code >> 12)] ?? '') +
        (dictionary[0x80 | ((code >> 6) & 0x3f)] ?? '') +
        (dictionary[0x80 | (code & 0x3f)] ?? '')
      bytes += 3
    } else {
      i++
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff))
      encoded +=
        (dictionary[0xf0 | (code >> 18)] ?? '') +
        (dictionary[0x80 | ((code >> 12) & 0x3f)] ?? '') +
        (dictionary[0x80 | ((code >> 6) & 0x3f)] ?? '') +
        (dictionary[0x80 | (code & 0x3f)] ?? '')
      bytes += 4
    }
    if (bytes > ENFORCE_CUT_AFTER) break
  }
  if (encoded !== '') words.push(encoded)
  return words
}
