/**
 * The pipeline: the stages in order, one line each. The CLI, the API, the benchmark and the
 * queue worker all call `processArticle`, so every mode runs the same code.
 */
import type { Article, Doc } from './doc.js'
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

/** Run every stage on one article. Trouble with the article becomes a Problem on the Doc. */
export function processArticle(article: Article, resources: Resources): Doc {
  const doc: Doc = { article, problems: [] }
  const problems = article.publishedOn
    ? []
    : [{ stage: 'ingest', code: 'W_NO_DATE', message: 'no publication date found; event dates that depend on it stay empty' }]
  const done = runStages(
    { ...doc, problems },
    STAGES as unknown as readonly Stage<LayerName, Resources>[],
    resources,
  )
  return done
}
