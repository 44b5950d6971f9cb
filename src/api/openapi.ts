/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Parameters and the request body are
 * generated from the zod schemas the routes validate with (params.ts); responses name their
 * TypeScript type in src/api/types.ts. A test checks that every route of the app is listed here.
 */
import { z } from 'zod'
import {
  actorsQuery,
  articleBody,
  articleIdParam,
  countryParam,
  dyadParams,
  eventIdParam,
  eventsQuery,
  searchQuery,
  summaryQuery,
} from './params.js'

type Method = 'get' | 'post'

/** One documented operation. `path` uses OpenAPI braces: /api/events/{id}. */
interface Operation {
  readonly method: Method
  readonly path: string
  readonly summary: string
  readonly query?: z.ZodObject
  readonly params?: z.ZodObject
  readonly body?: z.ZodType
  /** The TypeScript type (src/api/types.ts) of the 2xx answer. @example 'Page<EventRow>' */
  readonly returns: string
  /** Extra statuses beyond 200/400/500, with what they mean. */
  readonly statuses?: Readonly<Record<string, string>>
  readonly isWrite?: boolean
}

/** Every operation the API has, in the order a reader meets them. */
export const OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/events',
    summary:
      'A page of deduplicated events matching the filters, by date (undated last): each one ' +
      'real-world event, with how many mentions, articles and outlets report it.',
    query: eventsQuery,
    returns: 'Page<EventRow>',
  },
  {
    method: 'get',
    path: '/api/events/{id}',
    summary:
      'One event (id e3) with one source per article that reports it: the whole text and its ' +
      'mentions of the event (evidence span, rule, why).',
    params: eventIdParam,
    returns: 'EventDetail',
    statuses: { '404': 'No event has this id (m12-style ids named event mentions, not events).' },
  },
  {
    method: 'get',
    path: '/api/dyads/{a}/{b}/summary',
    summary: 'Events between two countries (either direction) per month by type, and Goldstein.',
    params: dyadParams,
    query: summaryQuery,
    returns: 'Summary',
  },
  {
    method: 'get',
    path: '/api/countries/{code}/summary',
    summary: 'Events of one country (as source or target) per month by type, and Goldstein.',
    params: countryParam,
    query: summaryQuery,
    returns: 'Summary',
  },
  {
    method: 'get',
    path: '/api/network',
    summary: 'Countries and weighted edges; cooperative (quad 1-2) and conflictual (3-4) apart.',
    query: summaryQuery,
    returns: 'Network',
  },
  {
    method: 'get',
    path: '/api/actors',
    summary: 'Countries and people seen as a side of an event, busiest first.',
    query: actorsQuery,
    returns: 'Actors',
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search over article titles and text, with a snippet of each hit.',
    query: searchQuery,
    returns: 'SearchResult',
  },
  {
    method: 'get',
    path: '/api/articles/{id}',
    summary: 'One article: its text, its event mentions (with spans) and its problems.',
    params: articleIdParam,
    returns: 'ArticleDetail',
    statuses: { '404': 'No article has this id.' },
  },
  {
    method: 'post',
    path: '/api/articles',
    summary:
      'Run the pipeline on one article and store it (201; 200 when the same text is stored ' +
      'already), firing the alerts its events match (told on the server as `dyad ingest` ' +
      'tells them). Needs `Authorization: Bearer $DYAD_TOKEN`.',
    body: articleBody,
    returns: 'ArticleSaved',
    isWrite: true,
    statuses: {
      '201': 'Stored.',
      '401': 'Missing or wrong bearer token.',
      '413': 'The body is larger than the limit (2 MB by default).',
      '422': 'The article could not be read (no text).',
      '503': 'The server was started without DYAD_TOKEN: writing is off.',
    },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document.',
    returns: 'OpenAPI 3.1 document',
  },
]

/**
 * The whole document.
 * @example buildOpenApi().paths['/api/events'].get.parameters[0].name -> 'dyad'
 */
export function buildOpenApi(version = '0.1.0'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {}
    const item = paths[operation.path] as Record<string, unknown>
    item[operation.method] = describeOperation(operation)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'dyad',
      version,
      description:
        'Sourced CAMEO event data between states, read from news articles. Every JSON shape is ' +
        'a TypeScript type in src/api/types.ts (named in each response as x-type); events are ' +
        'deduplicated (ids e<N>, one per real-world event, counted once in summaries and the ' +
        'network); event mentions have the shape of src/doc.ts EventMention.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ApiError: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', examples: ['E_BAD_PARAMETER'] },
                message: { type: 'string' },
                parameter: { type: 'string', description: 'The parameter or field at fault.' },
              },
            },
          },
        },
      },
    },
  }
}

function describeOperation(operation: Operation): Record<string, unknown> {
  const parameters = [
    ...parametersOf(operation.params, 'path'),
    ...parametersOf(operation.query, 'query'),
  ]
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  })
  const responses: Record<string, unknown> = {
    '200': {
      description: `OK: ${operation.returns}`,
      content: { 'application/json': { schema: { type: 'object', 'x-type': operation.returns } } },
    },
  }
  if (parameters.length > 0 || operation.body !== undefined) {
    responses['400'] = errorResponse('A parameter is invalid; `error.parameter` names it.')
  }
  for (const [status, description] of Object.entries(operation.statuses ?? {})) {
    responses[status] =
      status === '201'
        ? { ...(responses['200'] as object), description }
        : errorResponse(description)
  }
  responses['500'] = errorResponse('The server failed; the error is in its log.')
  return {
    summary: operation.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body !== undefined
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(operation.body) } },
          },
        }
      : {}),
    ...(operation.isWrite === true ? { security: [{ bearer: [] }] } : {}),
    responses,
  }
}

function parametersOf(schema: z.ZodObject | undefined, place: 'path' | 'query') {
  if (schema === undefined) return []
  return Object.entries(schema.shape).map(([name, field]) => {
    const type = field as z.ZodType
    return {
      name,
      in: place,
      required: place === 'path' || !type.safeParse(undefined).success,
      ...(type.description !== undefined ? { description: type.description } : {}),
      schema: jsonSchemaOf(type),
    }
  })
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  })
  return rest
}
