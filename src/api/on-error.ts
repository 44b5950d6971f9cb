/**
 * The one place that turns errors into HTTP answers (Hono `app.onError`): a DyadError's code
 * picks the status, its message goes into `{ error: { code, message, parameter? } }`. Anything
 * else is a bug: logged, and answered with a 500 that leaks no stack trace.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isDyadError, type ErrorCode } from '../errors.js'
import type { ApiError } from './types.js'
import { ParameterError } from './validate.js'

/** HTTP status of each error code; codes not listed are server-side failures (500). */
export const STATUS_OF_CODE: Readonly<Partial<Record<ErrorCode, ContentfulStatusCode>>> = {
  E_USAGE: 400,
  E_BAD_PARAMETER: 400,
  E_INPUT_UNREADABLE: 422,
  E_UNAUTHORIZED: 401,
  E_NOT_FOUND: 404,
  E_TOO_LARGE: 413,
  E_TOKEN_UNSET: 503,
  E_STORE: 500,
}

/** Where unexpected errors are reported; stderr by default. */
export type ErrorLog = (error: unknown) => void

/**
 * Make the `app.onError` handler.
 * @example app.onError(onError()) // DyadError E_NOT_FOUND -> 404 { error: { code: 'E_NOT_FOUND' } }
 */
export function onError(log: ErrorLog = defaultLog) {
  return (error: Error, c: Context): Response => {
    if (isDyadError(error)) {
      const status = STATUS_OF_CODE[error.code] ?? 500
      if (status === 500) log(error)
      const body: ApiError = {
        error: {
          code: error.code,
          message: oneLine(error.message),
          ...(error instanceof ParameterError ? { parameter: error.parameter } : {}),
        },
      }
      if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="dyad"')
      return c.json(body, status)
    }
    // Hono's own (a malformed request it refused): keep its status, in our shape.
    if (error instanceof HTTPException) {
      const body: ApiError = { error: { code: `HTTP_${error.status}`, message: error.message } }
      return c.json(body, error.status)
    }
    log(error)
    const body: ApiError = {
      error: { code: 'E_INTERNAL', message: 'The server failed; the error is in its log.' },
    }
    return c.json(body, 500)
  }
}

/** A DyadError message is a detail line and an advice line; JSON gets them as one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ')
}

function defaultLog(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`dyad serve: ${text}\n`)
}
