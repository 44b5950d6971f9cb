/**
 * Problems recorded for articles (no date found, an unknown actor), as the UI shows them.
 */
import type { Problem } from '../../doc.js'
import type { Store } from '../database.js'
import { selectRows } from '../execute.js'

/**
 * The problems of one article, in the order the stages recorded them.
 * @example queryProblems(store, '000_2737ec37436efcb6')
 *   -> [{ stage: 'resolve-dates', code: 'no-date', message: '"next year" has no day' }]
 */
export function queryProblems(store: Store, article: string): Problem[] {
  const query = store.db
    .selectFrom('problems')
    .select(['stage', 'code', 'message', 'span_start', 'span_end'])
    .where('article_id', '=', article)
    .orderBy('id')
  return selectRows(store, query).map(({ stage, code, message, span_start, span_end }) =>
    span_start === null || span_end === null
      ? { stage, code, message }
      : { stage, code, message, span: [span_start, span_end] },
  )
}
