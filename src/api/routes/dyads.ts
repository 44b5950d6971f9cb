/**
 * `GET /api/dyads/:a/:b/summary`: events between two countries per month, by type, with the
 * Goldstein line. Either order gives the same answer.
 */
import { Hono } from 'hono'
import type { ApiDeps } from '../deps.js'
import { dyadParams, summaryQuery } from '../params.js'
import { summarize } from '../queries/summaries.js'
import { toFilter } from '../to-filter.js'
import { parseParams } from '../validate.js'

/** @example app.route('/api/dyads', dyadsRoutes(deps)) */
export function dyadsRoutes({ store }: ApiDeps) {
  return new Hono().get('/:a/:b/summary', (c) => {
    const { a, b } = parseParams(dyadParams, c.req.param(), 'path parameter')
    const query = parseParams(summaryQuery, c.req.query(), 'query parameter')
    return c.json(summarize(store, toFilter({ ...query, dyad: `${a}-${b}` })))
  })
}
