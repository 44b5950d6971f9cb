/**
 * The page: `GET /` serves index.html and `GET /assets/:name` the bundle, from the folder of
 * built assets (src/api/web-assets.ts). Files are read once into memory and looked up by name,
 * so no request path ever reaches the file system.
 */
import { Hono } from 'hono'
import { DyadError } from '../../errors.js'
import type { WebAssets } from '../web-assets.js'

/** @example app.route('/', webRoutes(loadWebAssets('dist/web'))) */
export function webRoutes(assets: WebAssets | null) {
  const serve = (name: string) => {
    const file = assets?.files.get(name)
    if (file === undefined) {
      const advice =
        assets === null
          ? 'the page is not built: run `npm run build` (it writes dist/web)'
          : `no asset "${name}"`
      throw new DyadError('E_NOT_FOUND', advice)
    }
    return new Response(file.body, {
      headers: {
        'Content-Type': file.type,
        // The bundle's names do not change between builds: let the browser revalidate.
        'Cache-Control': 'no-cache',
      },
    })
  }
  return new Hono()
    .get('/', () => serve('index.html'))
    .get('/index.html', () => serve('index.html'))
    .get('/assets/:name', (c) => serve(c.req.param('name')))
}
