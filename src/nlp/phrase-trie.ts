import { phraseKeys, type Word } from './match-words.js'

/** A phrase matched in a word list: words [from, to) and the values stored for that phrase. */
export interface PhraseHit<V> {
  readonly from: number
  readonly to: number
  readonly values: readonly V[]
}

interface Node<V> {
  next: Map<string, Node<V>>
  values: V[]
  /** When set, the phrase only matches with this exact spelling (e.g. 'US', 'Chad'). */
  exact: { raw: string[]; value: V }[]
}

/**
 * A word trie for longest-match phrase lookup over folded keys.
 * @example trie.add('Iranian', x); trie.longestAt(words, 0) -> { from: 0, to: 1, values: [x] }
 */
export class PhraseTrie<V> {
  private readonly root: Node<V> = { next: new Map(), values: [], exact: [] }

  /**
   * @param inserts words a phrase may have inside it without spelling them: with "tuesday",
   *   'promised to' also matches "promised Tuesday to" (news style puts the day after the verb).
   */
  constructor(private readonly inserts: ReadonlySet<string> = new Set()) {}

  /** Add a phrase. `caseSensitive` phrases match only when written exactly so. */
  add(phrase: string, value: V, caseSensitive = false): void {
    const keys = phraseKeys(phrase)
    if (keys.length === 0) return
    let node = this.root
    for (const key of keys) {
      let child = node.next.get(key)
      if (!child) {
        child = { next: new Map(), values: [], exact: [] }
        node.next.set(key, child)
      }
      node = child
    }
    if (caseSensitive) {
      const raw = [...phrase.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
      node.exact.push({ raw, value })
    } else if (!node.values.includes(value)) node.values.push(value)
  }

  /** The longest phrase starting at word `from`, or null. */
  longestAt(words: readonly Word[], from: number): PhraseHit<V> | null {
    let node: Node<V> | undefined = this.root
    let best: PhraseHit<V> | null = null
    for (let i = from; i < words.length && node; i++) {
      const word = words[i]
      if (!word) break
      const child: Node<V> | undefined = node.next.get(word.key)
      // Inside a phrase (never at its start or end) an insert word is passed over.
      if (!child && i > from && this.inserts.has(word.key) && node.next.size > 0 && !/[^.'’\-‐\s]/.test(word.after)) continue
      node = child
      if (!node) break
      // Most nodes have no case-sensitive phrases: their values are shared, not copied (hits
      // are read-only).
      let values: readonly V[] = node.values
      if (node.exact.length > 0) {
        const all = [...node.values]
        for (const e of node.exact) {
          if (e.raw.every((r, k) => words[from + k]?.raw === r)) all.push(e.value)
        }
        values = all
      }
      if (values.length > 0) best = { from, to: i + 1, values }
      // A phrase never spans punctuation other than abbreviation dots, apostrophes and hyphens:
      // 'Caracas, Venezuela' is two phrases, 'U.S.' and 'Amir-Abdollahian' are one.
      if (word.after !== '' && /[^.'’\-‐]/.test(word.after)) break
    }
    return best
  }

  /** All non-overlapping longest matches, left to right. */
  scan(words: readonly Word[]): PhraseHit<V>[] {
    const hits: PhraseHit<V>[] = []
    for (let i = 0; i < words.length; ) {
      const hit = this.longestAt(words, i)
      if (hit) {
        hits.push(hit)
        i = hit.to
      } else i++
    }
    return hits
  }
}
