/**
 * Sectors of cooperation named in a sentence, from the `sectors` table of grammar.yaml.
 * @example 'cooperation in the oil and defence sectors' -> ['defence', 'energy']
 */
import type { Word } from '../nlp/match-words.js'

/** Sector name -> words that name it. */
export type SectorVocabulary = Readonly<Record<string, readonly string[]>>

// The last sentence's answer: the coder asks once per event mention, and a sentence often has
// several (one per pair of sides); the words are shared and read-only, so they identify it.
interface Found {
  readonly words: readonly Word[]
  readonly vocabulary: SectorVocabulary
  readonly sectors: readonly string[]
}
let last: Found | null = null

/** The sectors whose words occur in the sentence, sorted. */
export function findSectors(words: readonly Word[], vocabulary: SectorVocabulary): string[] {
  if (last?.words !== words || last.vocabulary !== vocabulary) {
    const keys = new Set(words.map((w) => w.key))
    const sectors = Object.entries(vocabulary)
      .filter(([, list]) => list.some((w) => keys.has(w)))
      .map(([sector]) => sector)
      .sort()
    last = { words, vocabulary, sectors }
  }
  // A new array each time: each event mention owns its list.
  return [...last.sectors]
}
