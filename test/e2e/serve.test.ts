/**
 * `dyad serve` as a user starts it: the address it prints, the page and the API on one port,
 * and clear errors for a missing store or a bad port. Spawns the built CLI (npm test builds it).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page, EventRow } from '../../src/api/types.js'
import { hasStackTrace, makeTempDir, runCli } from '../helpers/run-cli.js'
import { startServer, type Server } from './browser.js'

const temp = makeTempDir('dyad-serve-')
afterAll(() => temp.remove())

describe('dyad serve', () => {
  let server: Server

  beforeAll(async () => {
    const db = join(temp.dir, 'dyad.db')
    const ingest = await runCli(['ingest', 'examples/articles/text', '--db', db])
    expect(ingest.code, ingest.stderr).toBe(0)
    server = await startServer(db)
  })
  afterAll(async () => server?.stop())

  it('prints its address and serves the page and the API on it', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // stderr is its own pipe: its lines may land just after the address.
    await vi.waitFor(() => expect(server.stderr()).toMatch(/writes: off \(DYAD_TOKEN is not set\)/))
    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<script type="module" src="/assets/app.js">')
    const script = await fetch(`${server.url}/assets/app.js`)
    expect(script.headers.get('content-type')).toMatch(/javascript/)
    const events = (await (
      await fetch(`${server.url}/api/events?dyad=IRN-VEN`)
    ).json()) as Page<EventRow>
    expect(events.total).toBeGreaterThan(0)
  })

  it('refuses writes without DYAD_TOKEN', async () => {
    const response = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guess' },
      body: JSON.stringify({ text: 'Iran and Iraq met.' }),
    })
    expect(response.status).toBe(503)
  })

  it.each([
    [
      'a missing store',
      ['--db', 'no-such-dir/none.db'],
      1,
      /no database at no-such-dir\/none.db; run `dyad ingest/,
    ],
    ['a bad port', ['--db', 'dyad.db', '--port', 'http'], 2, /--port "http" is not a port number/],
  ])('stops with a clear message for %s', async (_name, args, code, message) => {
    const run = await runCli(['serve', ...args], { cwd: temp.dir })
    expect(run.code).toBe(code)
    expect(run.stderr).toMatch(message)
    expect(hasStackTrace(run.stderr)).toBe(false)
  })
})
