/**
 * `GET /api/search?q=`: full-text search over article titles and text, best match first, each
 * hit with a snippet cut into plain and matching pieces.
 */
import { Hono } from 'hono'
import type { ApiDeps } from '../deps.js'
import { searchQuery } from '../params.js'
import { searchHits } from '../queries/search.js'
import type { SearchResult } from '../types.js'
import { parseParams } from '../validate.js'

/** @example app.route('/api/search', searchRoutes(deps)) */
export function searchRoutes({ store }: ApiDeps) {
  return new Hono().get('/', (c) => {
    const { q, limit } = parseParams(searchQuery, c.req.query(), 'query parameter')
    const result: SearchResult = { q, hits: searchHits(store, q, limit) }
    return c.json(result)
  })
}
