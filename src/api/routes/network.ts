/**
 * `GET /api/network`: the countries and the weighted edges between them, cooperative (quad
 * classes 1-2) and conflictual (3-4) counted apart.
 */
import { Hono } from 'hono'
import type { ApiDeps } from '../deps.js'
import { summaryQuery } from '../params.js'
import { buildNetwork } from '../queries/summaries.js'
import { toFilter } from '../to-filter.js'
import { parseParams } from '../validate.js'

/** @example app.route('/api/network', networkRoutes(deps)) */
export function networkRoutes({ store, directory }: ApiDeps) {
  return new Hono().get('/', (c) => {
    const query = parseParams(summaryQuery, c.req.query(), 'query parameter')
    return c.json(buildNetwork(store, toFilter(query), directory))
  })
}
