/**
 * What one queued article carries: the article as read and checked, and the problems found
 * reading it (a date in the future, another language), stored with it as `dyad ingest` does.
 */
import type { Article, Problem } from '../doc.js'

export interface ArticleJob {
  readonly article: Article
  readonly problems: readonly Problem[]
}

/**
 * The job id: the hash of the article's text, so enqueueing the same article again while it
 * waits is a no-op (and the store skips it once stored).
 * @example jobIdOf(article) -> '2737ec37436efcb6…' (64 hex digits)
 */
export function jobIdOf(article: Article): string {
  return article.contentHash
}
