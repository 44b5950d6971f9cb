/**
 * `GET /api/countries/:code/summary`: one country's events (as source or target) per month, by
 * type, with the Goldstein line: the same shape as a dyad's summary.
 */
import { Hono } from 'hono'
import type { ApiDeps } from '../deps.js'
import { countryParam, summaryQuery } from '../params.js'
import { summarize } from '../queries/summaries.js'
import { toFilter } from '../to-filter.js'
import { parseParams } from '../validate.js'

/** @example app.route('/api/countries', countriesRoutes(deps)) */
export function countriesRoutes({ store }: ApiDeps) {
  return new Hono().get('/:code/summary', (c) => {
    const { code } = parseParams(countryParam, c.req.param(), 'path parameter')
    const query = parseParams(summaryQuery, c.req.query(), 'query parameter')
    return c.json(summarize(store, toFilter({ ...query, country: code })))
  })
}
