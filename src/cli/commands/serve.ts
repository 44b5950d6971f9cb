/**
 * `dyad serve [--db FILE] [--port 8787] [--host 127.0.0.1]`: the HTTP API and the workbench page
 * over one store. Writes (POST /api/articles) need DYAD_TOKEN in the environment.
 */
import { requireStoreFile } from '../require-store.js'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from '../../api/app.js'
import { findWebAssets, packageRoot } from '../../api/build-web.js'
import { DyadError } from '../../errors.js'
import { loadResources } from '../../resources.js'
import { closeStore, openStore } from '../../store/database.js'
import { migrateStore } from '../../store/migrate.js'

export interface ServeOptions {
  readonly db: string
  readonly port: string
  readonly host: string
}

/** What a started server is, for tests and for stopping it. */
export interface RunningServer {
  readonly url: string
  close(): Promise<void>
}

/**
 * Open the store, find or build the page, listen, and print the address.
 * @example await serveCommand({ db: 'dyad.db', port: '8787', host: '127.0.0.1' })
 *   // prints "dyad serve: http://127.0.0.1:8787 (store dyad.db, page dist/web)"
 */
export async function serveCommand(opts: ServeOptions): Promise<RunningServer> {
  const port = Number(opts.port)
  if (!/^\d+$/.test(opts.port) || port > 65_535) {
    throw new DyadError(
      'E_USAGE',
      `--port "${opts.port}" is not a port number (0-65535; 0 picks a free one)`,
    )
  }
  requireStoreFile(opts.db)
  const store = openStore(opts.db)
  await migrateStore(store)
  const token = process.env['DYAD_TOKEN']
  const web = await findWebAssets(packageRoot())
  const app = createApp({ store, token, web: web.assets })
  // Load the dictionaries now, so the first POST does not wait for them.
  if (token) void loadResources().catch(() => {})

  const server = serve({ fetch: app.fetch, port, hostname: opts.host })
  const address = await new Promise<AddressInfo>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new DyadError(
          'E_USAGE',
          `cannot listen on ${opts.host}:${opts.port}: ${error.code ?? error.message}`,
        ),
      ),
    )
    server.once('listening', () => done(server.address() as AddressInfo))
  })
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  const writes = token ? 'need `Authorization: Bearer $DYAD_TOKEN`' : 'off (DYAD_TOKEN is not set)'
  process.stderr.write(
    `  store: ${opts.db}\n  page: ${web.how}\n  writes: ${writes}\n` +
      `  API: ${url}/api/events, documented at ${url}/api/openapi.json; Ctrl-C stops\n`,
  )
  // Last: a script waiting for this line finds the details above already written.
  process.stdout.write(`dyad serve: ${url}\n`)

  const close = () =>
    new Promise<void>((done) => {
      server.close(() => {
        closeStore(store)
        done()
      })
      // Keep-alive connections from a browser would hold close() open.
      if ('closeAllConnections' in server) server.closeAllConnections()
    })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void close().then(() => process.exit(0)))
  }
  return { url, close }
}
