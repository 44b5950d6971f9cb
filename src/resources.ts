/**
 * Everything the stages read that is built once per process: dictionaries compiled into phrase
 * indexes, the coder's patterns, and the sentence language detector.
 */
import { buildActorIndex, type ActorIndex } from './actors/actor-index.js'
import { buildCoder, type Coder } from './coding/code-events.js'
import { loadDictionaries } from './dict/load.js'
import { compileDateCues } from './nlp/date-cues.js'
import type { Dictionaries, PersonEntry } from './dict/types.js'
import { loadLanguageDetector } from './ingest/detect-language.js'
import type { PeopleRegistry } from './actors/learned-people.js'
import { loadGazetteer, type Gazetteer } from './geo/gazetteer.js'

/** The stage context shared by all articles of a run. */
export interface Resources {
  readonly actorIndex: ActorIndex
  readonly people: readonly PersonEntry[]
  readonly coder: Coder
  readonly detectLanguage: (sentence: string) => string | null
  /** Towns and cities (GeoNames), read on first use. */
  readonly places: () => Gazetteer
  /** People learned from earlier articles, when a store is at hand (`ingest`). */
  readonly registry?: PeopleRegistry
}

let cached: Promise<Resources> | null = null

/** Load and compile the dictionaries once; later calls share the result. */
export function loadResources(dir?: string): Promise<Resources> {
  if (dir === undefined && cached) return cached
  const loading = (async () => buildResources(loadDictionaries(dir)))()
  if (dir === undefined) cached = loading
  return loading
}

/**
 * Compile dictionaries already loaded and checked: a pipeline thread gets them from the main
 * thread (parallel/pipeline-pool.ts), as reading and checking the YAML is most of a start.
 */
export async function buildResources(dicts: Dictionaries): Promise<Resources> {
  const detectLanguage = await loadLanguageDetector()
  return {
    actorIndex: buildActorIndex(dicts),
    people: dicts.people,
    coder: buildCoder(
      dicts.patterns,
      dicts.cameo,
      dicts.grammar,
      dicts.grammar.sectors,
      compileDateCues(dicts.dates),
    ),
    detectLanguage,
    places: loadGazetteer,
  }
}
