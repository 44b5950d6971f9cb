import { eld } from 'eld'

import type { DetectLanguage } from './compose-article.js'

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

/** The detector is loaded once and shared: it is read-only after loading. */
let loading: Promise<DetectLanguage> | null = null

/**
 * Load the detector once per process; each call returns the same detector.
 * @example (await loadLanguageDetector())('El canciller se reunió con su homólogo.') -> 'es'
 * @example (await loadLanguageDetector())('Home | World') -> null (too short)
 */
export function loadLanguageDetector(): Promise<DetectLanguage> {
  loading ??= createDetector().catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

async function createDetector(): Promise<DetectLanguage> {
  const instance = eld.newInstance()
  // The package's root entry is the loader build; the static builds (eld/medium) have no load().
  if (hasLoader(instance)) await instance.load(DATABASE)
  return (text: string): string | null => {
    const start = text.slice(0, MAX_CHARS)
    if ((start.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null
    const language = instance.detect(start).language
    return language === '' ? null : language
  }
}

function hasLoader(instance: Eld): instance is Extract<Eld, { load: unknown }> {
  return typeof (instance as { load?: unknown }).load === 'function'
}
