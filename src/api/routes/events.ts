/**
 * `GET /api/events` (a filtered page of deduplicated events) and `GET /api/events/:id` (one event
 * with every article that reports it).
 */
import { Hono } from 'hono'
import { DyadError } from '../../errors.js'
import type { ApiDeps } from '../deps.js'
import { eventIdParam, eventsQuery } from '../params.js'
import { eventIdOf, getEventDetail, queryEventRows } from '../queries/event-rows.js'
import { toFilter } from '../to-filter.js'
import type { Page, EventRow } from '../types.js'
import { parseParams } from '../validate.js'

/** @example app.route('/api/events', eventsRoutes(deps)) */
export function eventsRoutes({ store }: ApiDeps) {
  return new Hono()
    .get('/', (c) => {
      const query = parseParams(eventsQuery, c.req.query(), 'query parameter')
      const { limit, offset } = query
      const { total, rows } = queryEventRows(store, toFilter(query), { limit, offset })
      const page: Page<EventRow> = { total, limit, offset, items: rows }
      return c.json(page)
    })
    .get('/:id', (c) => {
      const { id } = parseParams(eventIdParam, c.req.param(), 'path parameter')
      const number = eventIdOf(id)
      const detail = number === null ? null : getEventDetail(store, number)
      if (detail === null) {
        const advice = id.startsWith('m')
          ? ': ids like m12 named event mentions; events are deduplicated now, with ids like e3 ' +
            "(GET /api/articles/:id gives each mention's event)."
          : '.'
        throw new DyadError('E_NOT_FOUND', `no event ${id}${advice}`)
      }
      return c.json(detail)
    })
}
