/**
 * Sectors of cooperation named in a sentence, from the `sectors` table of grammar.yaml.
 * @example 'cooperation in the oil and defence sectors' -> ['defence', 'energy']
 */
import type { Word } from '../nlp/match-words.js'

/** Sector name -> words that name it. */
export type SectorVocabulary = Readonly<Record<string, readonly string[]>>

/** The sectors whose words occur in the sentence, sorted. */
export function findSectors(words: readonly Word[], vocabulary: SectorVocabulary): string[] {
  const keys = new Set(words.map((w) => w.key))
  return Object.entries(vocabulary)
    .filter(([, list]) => list.some((w) => keys.has(w)))
    .map(([sector]) => sector)
    .sort()
}
