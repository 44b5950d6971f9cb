/**
 * Check a request's parameters against a zod schema (src/api/params.ts). A failure becomes one
 * `E_BAD_PARAMETER` naming the parameter, which app.onError turns into a 400.
 */
import type { z } from 'zod'
import { DyadError } from '../errors.js'

/** Where a parameter came from, for the message. */
export type ParameterPlace = 'query parameter' | 'path parameter' | 'body field'

/** A bad request parameter: `parameter` names it. @example new ParameterError('from', '...') */
export class ParameterError extends DyadError {
  readonly parameter: string
  constructor(parameter: string, detail: string) {
    super('E_BAD_PARAMETER', detail)
    this.parameter = parameter
  }
}

/**
 * Parse `values` with `schema`, or throw a `ParameterError` for the first problem.
 * @example parseParams(eventsQuery, { from: '2024-13-01' }, 'query parameter')
 *   -> throws ParameterError('from', 'query parameter "from": from must be a day like 2024-11-20 ...')
 */
export function parseParams<S extends z.ZodType>(
  schema: S,
  values: unknown,
  place: ParameterPlace,
): z.output<S> {
  const result = schema.safeParse(values)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (issue === undefined) throw new ParameterError('', `invalid ${place}`)
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys
    const known = knownKeys(schema)
    throw new ParameterError(
      key,
      `unknown ${place} "${key}"` + (known.length > 0 ? `; known: ${known.join(', ')}` : ''),
    )
  }
  const name = issue.path.map(String).join('.')
  const got = valueAt(values, issue.path)
  const shown = got === undefined ? '' : ` (got ${JSON.stringify(clip(got))})`
  throw new ParameterError(name, `${place} "${name}": ${issue.message}${shown}`)
}

/** The keys an object schema knows. */
function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  return shape === undefined ? [] : Object.keys(shape)
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let value = values
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Long values are cut in messages: a 2 MB text must not come back in a 400. */
function clip(value: unknown): unknown {
  return typeof value === 'string' && value.length > 80 ? `${value.slice(0, 77)}...` : value
}
