/**
 * Writes need a bearer token: `Authorization: Bearer $DYAD_TOKEN`. Without a configured token
 * writing is off (503), so a server started without one can never be written to by accident.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { DyadError } from '../errors.js'

/**
 * Middleware that lets a request through only with the right token.
 * @example app.post('/api/articles', requireToken(process.env.DYAD_TOKEN), handler)
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  // Compare digests, not the strings: equal lengths for timingSafeEqual, and the time taken
  // says nothing about the token's length or its first characters.
  const expected = token === undefined || token === '' ? null : digest(token)
  return async (c, next) => {
    if (expected === null) {
      throw new DyadError('E_TOKEN_UNSET', 'this server accepts no articles: DYAD_TOKEN is not set')
    }
    const header = c.req.header('Authorization') ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (match?.[1] === undefined || !timingSafeEqual(digest(match[1]), expected)) {
      throw new DyadError(
        'E_UNAUTHORIZED',
        header === '' ? 'missing Authorization header' : 'wrong or malformed bearer token',
      )
    }
    await next()
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}
