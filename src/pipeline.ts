/**
 * The pipeline: the stages in order, one line each. The CLI, the API, the benchmark and the
 * queue worker all call `processArticle`, so every mode runs the same code.
 */
import { scopeOf, type Article, type Doc } from './doc.js'
import { checkStageOrder, runStages, type Stage } from './stage.js'
import type { LayerName } from './doc.js'
import { splitSentences } from './nlp/split-sentences.js'
import { recognizeMentions } from './actors/recognize-mentions.js'
import { codeEvents } from './coding/code-events.js'
import type { Resources } from './resources.js'

/** The default stages, in order. */
export const STAGES = [
  splitSentences, //     article   -> sentences (with each sentence's language)
  recognizeMentions, //  sentences -> mentions (countries, people, roles, places; coreference)
  codeEvents, //         mentions  -> event mentions (CAMEO, sides, modality, date, place, why)
] as const

checkStageOrder(STAGES as unknown as readonly Stage<LayerName, never>[])

/**
 * Which event mentions an output keeps: `core`, the annotation guideline's types (the default),
 * or `all`, adding the extended CAMEO roots (statements, appeals, force, violence, ...).
 */
export type ScopeOption = 'core' | 'all'

export const SCOPE_OPTIONS: readonly ScopeOption[] = ['core', 'all']

/**
 * Run every stage on one article. Trouble with the article becomes a Problem on the Doc.
 * The coder codes every CAMEO root; events outside `scope` are dropped here, so every mode keeps
 * the same ones.
 */
export function processArticle(article: Article, resources: Resources, scope: ScopeOption = 'core'): Doc {
  const doc: Doc = { article, problems: [] }
  const problems = article.publishedOn
    ? []
    : [{ stage: 'ingest', code: 'W_NO_DATE', message: 'no publication date found; event dates that depend on it stay empty' }]
  const done = runStages(
    { ...doc, problems },
    STAGES as unknown as readonly Stage<LayerName, Resources>[],
    resources,
  )
  if (scope === 'all' || !done.eventMentions) return done
  return { ...done, eventMentions: done.eventMentions.filter((e) => scopeOf(e.type) === 'core') }
}
