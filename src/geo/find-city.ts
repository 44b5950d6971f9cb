/**
 * A town named as where an event happened, when no dictionary place is at hand: "held talks in
 * Cartagena", "met at Sochi". The name must follow "in" or "at" in the trigger's own clause, be
 * written with capitals and not be part of an actor's name, and the gazetteer must know it in one
 * of the event's countries.
 */
import type { Place } from '../doc.js'
import type { Word } from '../nlp/match-words.js'
import type { Gazetteer } from './gazetteer.js'

/** Longest town names tried, in words ("Rio de Janeiro" is three with its particle). */
const MAX_WORDS = 3

/**
 * The place a sentence's "in/at <Name>" names near the trigger at word `trigger`.
 * @example cityNear(words('They met in Cartagena on Friday.'), 1, ...) -> Cartagena, COL
 */
export function cityNear(
  words: readonly Word[],
  trigger: number,
  taken: (index: number) => boolean,
  breaks: ReadonlySet<string>,
  countries: ReadonlySet<string>,
  gazetteer: Gazetteer,
): Place | null {
  for (let i = 0; i + 1 < words.length; i++) {
    const prep = words[i]?.key
    if (prep !== 'in' && prep !== 'at') continue
    const start = i + 1
    if (!words[start]?.isCapitalized || taken(start)) continue
    // Only the trigger's clause: "met in Minsk, while Tehran ..." keeps Minsk for "met".
    const [from, to] = start < trigger ? [start, trigger] : [trigger + 1, i]
    if (words.slice(from, to).some((w) => breaks.has(w.key))) continue
    for (let n = Math.min(MAX_WORDS, words.length - start); n >= 1; n--) {
      const run = words.slice(start, start + n)
      if (!run[0]?.isCapitalized || !run[n - 1]?.isCapitalized) continue
      // A name stops at punctuation: "in Sochi, Russia" tries "Sochi".
      if (run.slice(0, -1).some((w) => /[,;:.]/.test(w.after))) continue
      if (run.some((_, k) => taken(start + k))) continue
      const place = gazetteer.find(run.map((w) => w.raw).join(' '), countries)
      if (place) return place
    }
  }
  return null
}
