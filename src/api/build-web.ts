/**
 * Bundle the page (web/index.html + web/src/*.ts + the world-atlas topology) with esbuild, either
 * into a folder (`npm run build` writes dist/web through scripts/build-web.ts) or into memory
 * (`dyad serve` from a checkout without dist/web). esbuild is a devDependency, so it is imported
 * only when a build is asked for; an installed package serves the dist/web it was built with.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadWebAssets, type WebAsset, type WebAssets } from './web-assets.js'

/**
 * The folder holding dyad's package.json, from src/ (tsx, vitest) or dist/src/ (the build).
 * @example packageRoot() -> '/work/main'
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = from
  for (;;) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'dictionaries')))
      return folder
    const parent = dirname(folder)
    if (parent === folder) throw new Error(`no dyad package.json above ${from}`)
    folder = parent
  }
}

/**
 * Bundle web/ under `root`. With `outdir`, writes index.html and assets/ there and returns
 * them; without, returns them from memory and writes nothing.
 * @example await buildWeb({ root: packageRoot(), outdir: 'dist/web' })
 */
export async function buildWeb(options: { root: string; outdir?: string }): Promise<WebAssets> {
  const { root, outdir } = options
  const esbuild = await importEsbuild()
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: join(root, 'web', 'src', 'main.ts') },
    outdir: join(outdir ?? join(root, '.web-build'), 'assets'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    loader: { '.json': 'json' },
    write: false,
    logLevel: 'silent',
  })
  const files = new Map<string, WebAsset>()
  const html = readFileSync(join(root, 'web', 'index.html'))
  files.set('index.html', { body: new Uint8Array(html), type: 'text/html; charset=utf-8' })
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1)
    files.set(name, { body: new Uint8Array(file.contents), type: typeOf(name) })
  }
  if (outdir === undefined) return { folder: '(memory)', files }
  mkdirSync(join(outdir, 'assets'), { recursive: true })
  for (const [name, file] of files) {
    writeFileSync(
      name === 'index.html' ? join(outdir, name) : join(outdir, 'assets', name),
      file.body,
    )
  }
  return loadWebAssets(resolve(outdir)) ?? { folder: outdir, files }
}

/** How `dyad serve` found its page, for its start-up line. */
export interface FoundWeb {
  readonly assets: WebAssets | null
  /** @example 'dist/web' or 'built from web/ in memory' or why there is no page */
  readonly how: string
}

/**
 * The page to serve: dist/web when it is there and not older than web/; otherwise, in a checkout
 * with esbuild, a fresh in-memory build of web/; otherwise none (the API still runs).
 * @example (await findWebAssets(packageRoot())).how -> 'dist/web'
 */
export async function findWebAssets(root: string): Promise<FoundWeb> {
  const built = join(root, 'dist', 'web')
  const sources = join(root, 'web')
  const hasSources = existsSync(join(sources, 'index.html'))
  const builtAt = existsSync(join(built, 'index.html'))
    ? statSync(join(built, 'index.html')).mtimeMs
    : null
  if (builtAt !== null && (!hasSources || newestIn(sources) <= builtAt)) {
    return { assets: loadWebAssets(built), how: built }
  }
  if (hasSources) {
    try {
      return { assets: await buildWeb({ root }), how: `built from ${sources} in memory` }
    } catch (error) {
      if (builtAt !== null)
        return { assets: loadWebAssets(built), how: `${built} (older than web/)` }
      return {
        assets: null,
        how: `no page: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
  }
  return { assets: null, how: `no page: ${built} is missing; run \`npm run build\`` }
}

type Esbuild = typeof import('esbuild')

async function importEsbuild(): Promise<Esbuild> {
  try {
    return await import('esbuild')
  } catch (error) {
    throw new Error(
      `esbuild is not installed, so web/ cannot be bundled (${String(error)}); ` +
        'run `npm run build` in a checkout with its devDependencies',
    )
  }
}

/** The newest modification time of any file under a folder. */
function newestIn(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    const time = entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs
    newest = Math.max(newest, time)
  }
  return newest
}

function typeOf(name: string): string {
  if (name.endsWith('.js')) return 'text/javascript; charset=utf-8'
  if (name.endsWith('.css')) return 'text/css; charset=utf-8'
  if (name.endsWith('.map')) return 'application/json; charset=utf-8'
  return 'text/plain; charset=utf-8'
}
