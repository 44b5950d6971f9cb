/**
 * `GET /api/events` (a filtered page of events) and `GET /api/events/:id` (one event with the
 * articles it was read in). Today each event is one event mention (`kind: 'event-mention'`).
 */
import { Hono } from 'hono'
import { DyadError } from '../../errors.js'
import type { ApiDeps } from '../deps.js'
import { eventIdParam, eventsQuery } from '../params.js'
import { getEventRow, queryEventRows, rowIdOf } from '../queries/event-rows.js'
import { toFilter } from '../to-filter.js'
import type { EventDetail, Page, EventRow } from '../types.js'
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
      const found = getEventRow(store, rowIdOf(id) ?? 0)
      if (found === null) throw new DyadError('E_NOT_FOUND', `no event ${id}`)
      const { row, text } = found
      const detail: EventDetail = {
        id: row.id,
        kind: row.kind,
        mention: row.mention,
        sources: [
          {
            id: row.id,
            mention: row.mention,
            article: { ...row.article, text },
            span: row.mention.span,
          },
        ],
      }
      return c.json(detail)
    })
}
