/**
 * What the main thread and a pipeline thread say to each other. Plain data only: it crosses the
 * thread boundary by structured clone.
 */
import type { Article, EventMention, Mention, Problem } from '../doc.js'
import type { ErrorCode } from '../errors.js'
import type { ScopeOption } from '../pipeline.js'

/** Main -> worker: run the pipeline on one article; `seq` pairs the answer with it. */
export interface ToWorker {
  readonly seq: number
  readonly article: Article
  /** `--scope`: which event types to keep (pipeline.ts). */
  readonly scope?: ScopeOption
}

/** Worker -> main. */
export type FromWorker =
  | { readonly kind: 'ready' }
  /** The worker could not load its resources (a bad dictionary): the run cannot go on. */
  | { readonly kind: 'fatal'; readonly code: ErrorCode | null; readonly message: string }
  | {
      readonly kind: 'done'
      readonly seq: number
      readonly eventMentions: readonly EventMention[]
      readonly problems: readonly Problem[]
      /** Mentions introducing a person no dictionary knows, for the store to learn. */
      readonly introductions: readonly Mention[]
    }
  /** A stage threw on this article: the article is skipped, the run goes on. */
  | { readonly kind: 'failed'; readonly seq: number; readonly name: string; readonly message: string }
