/**
 * The HTTP API and the page, as one Hono app. Tests call `createApp(...).request('/api/...')`
 * with no port; `dyad serve` (src/cli/commands/serve.ts) puts it on a port.
 */
import { Hono } from 'hono'
import { DyadError } from '../errors.js'
import { loadResources, type Resources } from '../resources.js'
import type { Store } from '../store/database.js'
import { createCountryDirectory } from './countries.js'
import type { ApiDeps } from './deps.js'
import { onError, type ErrorLog } from './on-error.js'
import { actorsRoutes } from './routes/actors.js'
import { articlesRoutes } from './routes/articles.js'
import { countriesRoutes } from './routes/countries.js'
import { dyadsRoutes } from './routes/dyads.js'
import { eventsRoutes } from './routes/events.js'
import { networkRoutes } from './routes/network.js'
import { openApiRoutes } from './routes/openapi.js'
import { searchRoutes } from './routes/search.js'
import { webRoutes } from './routes/web.js'
import type { WebAssets } from './web-assets.js'

/** The largest article a POST may carry by default: 2 MB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

export interface AppOptions {
  /** An open, migrated store. */
  readonly store: Store
  /** The bearer token for writes (DYAD_TOKEN); unset or '' turns writing off. */
  readonly token?: string | undefined
  /** The built page; null or absent serves the API only. */
  readonly web?: WebAssets | null
  /** The pipeline's dictionaries; the installed ones, loaded on first use, by default. */
  readonly loadResources?: () => Promise<Resources>
  readonly maxBodyBytes?: number
  /** Where unexpected errors are written; stderr by default. */
  readonly log?: ErrorLog
}

// The page runs only its own bundle: no inline script, no other origin. Article text is never
// markup (web/ sets textContent), and this stops anything that slips through from running.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Build the app.
 * @example const app = createApp({ store }); await app.request('/api/events?dyad=IRN-VEN')
 */
export function createApp(options: AppOptions): Hono {
  const deps: ApiDeps = {
    store: options.store,
    directory: createCountryDirectory(),
    token: options.token,
    loadResources: options.loadResources ?? (() => loadResources()),
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
  }
  const app = new Hono()
  app.use(async (c, next) => {
    await next()
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
  })
  app.route('/api/events', eventsRoutes(deps))
  app.route('/api/dyads', dyadsRoutes(deps))
  app.route('/api/countries', countriesRoutes(deps))
  app.route('/api/network', networkRoutes(deps))
  app.route('/api/actors', actorsRoutes(deps))
  app.route('/api/search', searchRoutes(deps))
  app.route('/api/articles', articlesRoutes(deps))
  app.route('/api/openapi.json', openApiRoutes())
  app.route('/', webRoutes(options.web ?? null))
  app.notFound((c) => {
    throw new DyadError('E_NOT_FOUND', `no route ${c.req.method} ${new URL(c.req.url).pathname}`)
  })
  app.onError(onError(options.log))
  return app
}
