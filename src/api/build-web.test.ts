import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildWeb, packageRoot } from './build-web.js'

const out = mkdtempSync(join(tmpdir(), 'dyad-web-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('build-web', () => {
  it('bundles the page into a folder: index.html, app.js, app.css', async () => {
    const { files } = await buildWeb({ root: packageRoot(), outdir: out })
    expect([...files.keys()]).toEqual(expect.arrayContaining(['index.html', 'app.js', 'app.css']))
    expect(readFileSync(join(out, 'assets', 'app.js'), 'utf8')).toContain('Topology')
  })

  it('gives the same files from memory, writing nothing', async () => {
    const { folder, files } = await buildWeb({ root: packageRoot() })
    expect(folder).toBe('(memory)')
    expect(files.get('app.js')?.body.byteLength).toBeGreaterThan(100_000)
  })

  it('loads nothing from another origin: no CDN, no tile server, no web font', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1])
    expect(references).toEqual(['data:,', '/assets/app.css', '/assets/app.js'])
    const css = readFileSync(join(out, 'assets', 'app.css'), 'utf8')
    expect(css).not.toMatch(/url\(|@import/)
    // The bundle may name URLs in comments and messages, but never fetches or imports one.
    const js = readFileSync(join(out, 'assets', 'app.js'), 'utf8')
    expect(js).not.toMatch(/fetch\(\s*["'`]https?:|import\(\s*["'`]https?:/)
  })
})
