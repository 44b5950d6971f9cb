/**
 * The page's built files (index.html, assets/app.js, assets/app.css), read into memory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'

/** One file and its content type. */
export interface WebAsset {
  readonly body: Uint8Array<ArrayBuffer>
  readonly type: string
}

/** The files by name: 'index.html' and each file of assets/ by its bare name. */
export interface WebAssets {
  readonly folder: string
  readonly files: ReadonlyMap<string, WebAsset>
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/**
 * Read a built web folder, or null when it holds no index.html.
 * @example loadWebAssets('dist/web')?.files.get('app.js')?.type -> 'text/javascript; charset=utf-8'
 */
export function loadWebAssets(folder: string): WebAssets | null {
  if (!existsSync(join(folder, 'index.html'))) return null
  const files = new Map<string, WebAsset>()
  files.set('index.html', read(join(folder, 'index.html')))
  const assets = join(folder, 'assets')
  if (existsSync(assets)) {
    for (const name of readdirSync(assets)) files.set(name, read(join(assets, name)))
  }
  return { folder, files }
}

function read(path: string): WebAsset {
  const type = TYPES[extname(path)] ?? 'application/octet-stream'
  const bytes = readFileSync(path)
  return { body: new Uint8Array(bytes), type }
}
