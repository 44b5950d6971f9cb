/**
 * `GET /api/openapi.json`: the OpenAPI document, built once.
 */
import { Hono } from 'hono'
import { buildOpenApi } from '../openapi.js'

/** @example app.route('/api/openapi.json', openApiRoutes()) */
export function openApiRoutes() {
  const document = buildOpenApi()
  return new Hono().get('/', (c) => c.json(document))
}
