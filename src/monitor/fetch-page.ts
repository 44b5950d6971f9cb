/**
 * Fetch one web resource (an article page or a feed) the careful way: an overall timeout (of
 * waiting, not of dyad's own work: loop-timeout.ts), a byte limit enforced while the body streams
 * (a huge or endless page costs at most the limit), at most a few redirects followed by hand
 * (each hop checked), and a User-Agent that says who is asking.
 * Trouble is an `ok: false` answer with a one-line reason, never a throw.
 */
import { formatByteSize } from '../ingest/byte-size.js'
import { formatDuration } from './duration.js'
import { loopTimeout } from './loop-timeout.js'
import { userAgent } from './user-agent.js'

export interface FetchOptions {
  /** The whole exchange (connect, headers, body, every redirect) must end within this. */
  readonly timeoutMs?: number
  /** The most body bytes taken; a larger body is dropped unread past the limit. */
  readonly maxBytes?: number
  readonly maxRedirects?: number
  /** Stops the fetch from outside (Ctrl-C in `dyad watch`). */
  readonly signal?: AbortSignal
  /** What the request accepts. @example 'text/html,application/xhtml+xml' */
  readonly accept?: string
  /** Validators of a copy already held: a 304 answer is `notModified`. */
  readonly etag?: string | null
  readonly lastModified?: string | null
}

/** A body that arrived whole, with the URL it came from after redirects. */
export interface Fetched {
  readonly ok: true
  /** The URL asked for. */
  readonly url: string
  /** The URL the body came from (after redirects). */
  readonly finalUrl: string
  /** Lower-cased media type without parameters. @example 'text/html' */
  readonly contentType: string | null
  readonly bytes: Buffer
  /** The response's validators, for the next conditional request. */
  readonly etag: string | null
  readonly lastModified: string | null
}

export type FetchOutcome =
  Fetched | { ok: false; url: string; reason: string; aborted?: boolean; notModified?: boolean }

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_REDIRECTS = 5
/** 10 MB, as for files (`DEFAULT_MAX_BYTES` in read-inputs.ts). */
const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * Fetch a URL.
 * @example await fetchPage('https://news.example/a/1', { timeoutMs: 5000 })
 *   -> { ok: true, finalUrl: 'https://news.example/a/1', contentType: 'text/html', bytes: <Buffer> }
 * @example await fetchPage('https://news.example/missing')
 *   -> { ok: false, reason: 'HTTP 404 Not Found' }
 */
export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchOutcome> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = opts.maxBytes ?? DEFAULT_FETCH_MAX_BYTES
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const timeout = loopTimeout(timeoutMs)
  const signal =
    opts.signal === undefined ? timeout.signal : AbortSignal.any([timeout.signal, opts.signal])
  const fail = (reason: string): FetchOutcome => ({ ok: false, url, reason })
  let current = url
  try {
    for (let hop = 0; ; hop++) {
      const scheme = schemeError(current)
      if (scheme !== null) return fail(scheme)
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': userAgent(),
          accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          ...(opts.etag ? { 'if-none-match': opts.etag } : {}),
          ...(opts.lastModified ? { 'if-modified-since': opts.lastModified } : {}),
        },
      })
      if (response.status === 304) {
        await response.body?.cancel()
        return { ok: false, url, reason: 'not modified', notModified: true }
      }
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (location === null) return fail(`HTTP ${response.status} redirect without a Location`)
        if (hop >= maxRedirects) return fail(`more than ${maxRedirects} redirects`)
        current = new URL(location, current).href
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        return fail(
          `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        )
      }
      const tooLarge = (size: string): string =>
        `too large: ${size}, over the limit of ${formatByteSize(maxBytes)} per article (--max-size)`
      const declared = Number(response.headers.get('content-length') ?? Number.NaN)
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel()
        return fail(tooLarge(formatByteSize(declared)))
      }
      const bytes = await readLimited(response, maxBytes)
      if (bytes === null) return fail(tooLarge(`more than ${formatByteSize(maxBytes)}`))
      return {
        ok: true,
        url,
        finalUrl: current,
        contentType: mediaTypeOf(response.headers.get('content-type')),
        bytes,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      }
    }
  } catch (error) {
    if (opts.signal?.aborted === true) return { ok: false, url, reason: 'stopped', aborted: true }
    if (timeout.signal.aborted) return fail(`timed out after ${formatDuration(timeoutMs)}`)
    return fail(networkReason(error))
  } finally {
    timeout.clear()
  }
}

/** The body, or null once it passes `maxBytes` (the rest is not read). */
async function readLimited(response: Response, maxBytes: number): Promise<Buffer | null> {
  if (response.body === null) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** Why a URL is not fetched, or null. Only http and https are: never file: or data:. */
function schemeError(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not a valid URL'
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return null
  return `not an http or https URL (${parsed.protocol})`
}

/** @example mediaTypeOf('text/html; charset=utf-8') -> 'text/html' */
function mediaTypeOf(header: string | null): string | null {
  const type = header?.split(';')[0]?.trim().toLowerCase()
  return type === undefined || type === '' ? null : type
}

/**
 * A network failure in words: undici hides the system error (ECONNREFUSED, ENOTFOUND) in `cause`.
 * @example networkReason(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))
 *   -> 'network error: ECONNREFUSED'
 */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const code = typeof cause?.code === 'string' ? cause.code : null
  if (code !== null) return `network error: ${code}`
  const message =
    typeof cause?.message === 'string'
      ? cause.message
      : error instanceof Error
        ? error.message
        : String(error)
  return `network error: ${message.slice(0, 200)}`
}

/** True when a path names a web resource rather than a file. @example isUrl('https://a/b') -> true */
export function isUrl(path: string): boolean {
  return /^https?:\/\//iu.test(path)
}
