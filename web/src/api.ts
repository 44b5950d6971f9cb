/**
 * The page's calls to the API: typed GETs that turn an error answer into an `ApiFailure`
 * carrying the server's message.
 */
import type { ApiError } from '../../src/api/types.js'

/** A failed call, with the message to show. */
export class ApiFailure extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

/** Query parameters; undefined and '' are left out. */
export type Params = Readonly<Record<string, string | number | undefined>>

/**
 * GET a JSON answer.
 * @example await getJson<Page<EventRow>>('/api/events', { dyad: 'IRN-VEN', limit: 25 })
 */
export async function getJson<T>(
  path: string,
  params: Params = {},
  signal?: AbortSignal,
): Promise<T> {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(name, String(value))
  }
  const url = query.size > 0 ? `${path}?${query.toString()}` : path
  let response: Response
  try {
    response = await fetch(url, { signal: signal ?? null, headers: { Accept: 'application/json' } })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiFailure(0, 'The server cannot be reached. Is `dyad serve` still running?')
  }
  if (!response.ok) {
    let message = `The server answered ${response.status}.`
    try {
      const body = (await response.json()) as ApiError
      message = body.error.message
    } catch {
      // Not our JSON (a proxy's page): keep the status line.
    }
    throw new ApiFailure(response.status, message)
  }
  return (await response.json()) as T
}

/** True for the error a superseded request ends with; it is not shown. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** The message of any failure. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
