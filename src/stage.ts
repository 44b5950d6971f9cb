import type { Doc, LayerName, Layers, Problem } from './doc.js'
import { DyadError } from './errors.js'

/** What every stage may use: dictionaries and settings come in here, never from module state. */
export interface StageContext {
  /** Record trouble with this article; the batch goes on. */
  report(problem: Omit<Problem, 'stage'>): void
}

/** A pipeline stage: declares the layers it requires and the one layer it provides. */
export interface Stage<K extends LayerName, C = unknown> {
  readonly name: string
  readonly requires: readonly LayerName[]
  readonly provides: K
  run(doc: Doc, ctx: StageContext & C): Layers[K]
}

/** Identity helper that keeps the stage's literal `provides` type. */
export function defineStage<K extends LayerName, C = unknown>(stage: Stage<K, C>): Stage<K, C> {
  return stage
}

/** Check at start-up that every stage's requirements are provided by an earlier stage. */
export function checkStageOrder(stages: readonly Stage<LayerName, never>[]): void {
  const have = new Set<LayerName>(['article'])
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!have.has(layer)) {
        const provider = stages.find((s) => s.provides === layer)
        throw new DyadError(
          'E_STAGE_ORDER',
          `stage '${stage.name}' requires '${layer}'` +
            (provider ? `, which '${provider.name}' provides later` : ', which no stage provides'),
        )
      }
    }
    have.add(stage.provides)
  }
}

/** Run stages in order, merging each returned layer into a new Doc. */
export function runStages<C>(doc: Doc, stages: readonly Stage<LayerName, C>[], extra: C): Doc {
  let current = doc
  for (const stage of stages) {
    const problems: Problem[] = []
    const ctx = {
      ...extra,
      report: (p: Omit<Problem, 'stage'>) => problems.push({ stage: stage.name, ...p }),
    }
    const layer = stage.run(current, ctx)
    current = { ...current, [stage.provides]: layer, problems: [...current.problems, ...problems] }
  }
  return current
}
