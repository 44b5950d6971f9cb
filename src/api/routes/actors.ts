/**
 * `GET /api/actors`: every country and person seen as a side of an event, busiest first.
 */
import { Hono } from 'hono'
import type { ApiDeps } from '../deps.js'
import { actorsQuery } from '../params.js'
import { listActors } from '../queries/summaries.js'
import { toFilter } from '../to-filter.js'
import { parseParams } from '../validate.js'

/** @example app.route('/api/actors', actorsRoutes(deps)) */
export function actorsRoutes({ store, directory }: ApiDeps) {
  return new Hono().get('/', (c) => {
    const query = parseParams(actorsQuery, c.req.query(), 'query parameter')
    return c.json(listActors(store, toFilter(query), directory))
  })
}
