import { eld } from 'eld'

import type { DetectLanguage } from './compose-article.js'
import { recallPack, rememberPack } from './eld-pack-cache.js'
import { compileEldScorer, scorerFromPack, type EldResult, type EldScorer, type PackedEld } from './eld-scorer.js'

/**
 * Language detection with eld (Nito-ELD), for whole articles and, in nlp/, single sentences.
 */

/** Below this many letters a text is too short to tell. @example 'November 20, 2024' (8 letters) */
export const MIN_LETTERS = 20

/** Longer texts are judged on their start: enough for a reliable answer, and fast. */
const MAX_CHARS = 10_000

/** The eld database size: 'medium' is eld's default (~70 MB in memory, loads in ~0.5 s). */
const DATABASE = 'medium'

type Eld = ReturnType<typeof eld.newInstance>

/**
 * Names and short headlines fool the detector ('Lula meets Sánchez in Brasília' -> 'pt'): an
 * article counts as English when English scores at least this share of the best language's score.
 * Measured on the corpora: English texts judged otherwise score 0.80 or more, real Spanish,
 * French, German, Italian, Dutch or Portuguese 0.68 or less.
 */
const ENGLISH_MARGIN = 0.75

/** The eld instance is loaded once and shared: it is read-only after loading. */
let loading: Promise<Eld> | null = null
let compiled: Promise<Detectors> | null = null
let sentenceDetector: Promise<DetectLanguage> | null = null
let articleDetector: Promise<DetectLanguage> | null = null

function loadEld(): Promise<Eld> {
  loading ??= createEld().catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

/** eld's answer alone (sentences), and its whole result with scores (articles). */
interface Detectors {
  readonly language: (text: string) => string
  readonly detect: (text: string) => EldResult
  /** The compiled scorer, when there is one (eld itself otherwise). */
  readonly scorer: EldScorer | null
}

/**
 * eld compiled (eld-scorer.ts: the same answers and scores, several times faster), or eld itself
 * when the compiled scorer declines. Built once per process, shared by both detectors.
 */
function loadDetectors(): Promise<Detectors> {
  compiled ??= (async () => {
    // A pack an earlier run built (eld-pack-cache.ts) spares importing eld's database.
    const pack = recallPack(DATABASE)
    const remembered = pack === undefined ? null : scorerFromPack(pack)
    if (remembered !== null) {
      return { language: remembered, detect: remembered.detect, scorer: remembered }
    }
    const instance = await loadEld()
    const scorer = await compileEldScorer(DATABASE, (text) => instance.detect(text))
    if (scorer !== null) {
      rememberPack(DATABASE, scorer.pack())
      return { language: scorer, detect: scorer.detect, scorer }
    }
    const language = (text: string): string => instance.detect(text).language
    return { language, detect: (text: string) => instance.detect(text), scorer: null }
  })()
  compiled.catch(() => (compiled = null))
  return compiled
}

/**
 * The compiled detector's database as plain data for pipeline threads (`adoptEldPack`), or null
 * when eld's own detector is in use (the threads then load eld themselves).
 */
export async function packLanguageDetector(): Promise<PackedEld | null> {
  return (await loadDetectors()).scorer?.pack() ?? null
}

/**
 * Detect with a database the main thread packed instead of loading eld: a pipeline thread's
 * start, ~0.4 s and ~70 MB less. False (and nothing changed) when the pack does not check out.
 */
export function adoptEldPack(pack: PackedEld): boolean {
  if (compiled !== null) return false
  const scorer = scorerFromPack(pack)
  if (scorer === null) return false
  compiled = Promise.resolve({ language: scorer, detect: scorer.detect, scorer })
  return true
}

/**
 * Load the detector once per process; each call returns a detector over the same instance.
 * @example (await loadLanguageDetector())('El canciller se reunió con su homólogo.') -> 'es'
 * @example (await loadLanguageDetector())('Home | World') -> null (too short)
 */
export function loadLanguageDetector(): Promise<DetectLanguage> {
  sentenceDetector ??= loadDetectors().then(({ language: detect }) => (text: string): string | null => {
    const start = text.slice(0, MAX_CHARS)
    if (!hasEnoughLetters(start)) return null
    const language = detect(start)
    return language === '' ? null : language
  })
  sentenceDetector.catch(() => (sentenceDetector = null))
  return sentenceDetector
}

/**
 * The language of a whole article, leaning to English when names make it a close call.
 * @example (await loadArticleLanguageDetector())('Lula meets Sánchez in Brasília ...') -> 'en'
 * @example (await loadArticleLanguageDetector())('El presidente recibió al canciller ...') -> 'es'
 */
export function loadArticleLanguageDetector(): Promise<DetectLanguage> {
  articleDetector ??= loadDetectors().then(({ detect }) => (text: string): string | null => {
    const start = text.slice(0, MAX_CHARS)
    if (!hasEnoughLetters(start)) return null
    const result = detect(start)
    if (result.language === '' || result.language === 'en') return result.language || null
    const scores = result.getScores() as Record<string, number | undefined>
    const best = scores[result.language] ?? 0
    const english = scores['en'] ?? 0
    return best > 0 && english >= best * ENGLISH_MARGIN ? 'en' : result.language
  })
  articleDetector.catch(() => (articleDetector = null))
  return articleDetector
}

async function createEld(): Promise<Eld> {
  const instance = eld.newInstance()
  // The package's root entry is the loader build; the static builds (eld/medium) have no load().
  if (hasLoader(instance)) await instance.load(DATABASE)
  return instance
}

// At least MIN_LETTERS letters, found without collecting every letter of the text into an array.
const ENOUGH_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${MIN_LETTERS}}`, 'u')

function hasEnoughLetters(text: string): boolean {
  // Count ASCII letters by code; the regex (slow, it backtracks) only once another character
  // comes before the count is reached.
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 128) return ENOUGH_LETTERS.test(text)
    if (((c | 0x20) >= 97 && (c | 0x20) <= 122) && ++letters >= MIN_LETTERS) return true
  }
  return false
}

function hasLoader(instance: Eld): instance is Extract<Eld, { load: unknown }> {
  return typeof (instance as { load?: unknown }).load === 'function'
}
