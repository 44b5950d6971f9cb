import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchPage } from './fetch-page.js'

let server: Server
let base = ''
const agents: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    agents.push(req.headers['user-agent'] ?? '')
    const path = req.url ?? '/'
    if (path === '/feed') {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end()
      else res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>')
    } else if (path === '/page')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>hi</p>')
    else if (path === '/hop') res.writeHead(301, { location: '/page' }).end()
    else if (path === '/loop') res.writeHead(302, { location: '/loop' }).end()
    else if (path === '/slow') setTimeout(() => res.end('late'), 2000)
    else if (path === '/declared-big')
      res.writeHead(200, { 'content-length': String(5000) }).end('x'.repeat(5000))
    else if (path === '/streamed-big') {
      res.writeHead(200, { 'content-type': 'text/html' })
      for (let i = 0; i < 50; i++) res.write('y'.repeat(1000))
      res.end()
    } else res.writeHead(503, 'Service Unavailable').end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

describe('fetchPage', () => {
  it('gives the body, its media type and the URL after redirects, and names itself', async () => {
    const page = await fetchPage(`${base}/hop`)
    expect(page).toMatchObject({ ok: true, finalUrl: `${base}/page`, contentType: 'text/html' })
    if (page.ok) expect(page.bytes.toString()).toBe('<p>hi</p>')
    expect(agents.at(-1)).toMatch(/^dyad\/\d+\.\d+\.\d+ \(news event monitor/)
  })

  it('asks only for a changed copy when given its ETag', async () => {
    const first = await fetchPage(`${base}/feed`)
    expect(first).toMatchObject({ ok: true, etag: '"v1"' })
    const again = await fetchPage(`${base}/feed`, { etag: '"v1"' })
    expect(again).toMatchObject({ ok: false, notModified: true })
  })

  it('names each failure in a few words', async () => {
    const cases: [string, Parameters<typeof fetchPage>[1], RegExp][] = [
      ['/gone', {}, /^HTTP 503 Service Unavailable$/],
      ['/loop', { maxRedirects: 3 }, /^more than 3 redirects$/],
      ['/slow', { timeoutMs: 200 }, /^timed out after 200ms$/],
      ['/declared-big', { maxBytes: 1000 }, /^too large: 4\.9 KB, over the limit of 1000 bytes/],
      ['/streamed-big', { maxBytes: 10_000 }, /^too large: more than 9\.8 KB/],
    ]
    for (const [path, opts, reason] of cases) {
      const answer = await fetchPage(`${base}${path}`, opts)
      expect(answer.ok, path).toBe(false)
      if (!answer.ok) expect(answer.reason, path).toMatch(reason)
    }
  })

  it('refuses what is not http or https, and reports a closed port', async () => {
    const file = await fetchPage('file:///etc/passwd')
    expect(file).toMatchObject({ ok: false, reason: 'not an http or https URL (file:)' })
    // A port that was just free: nothing listens there.
    const probe = createServer()
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
    const port = (probe.address() as AddressInfo).port
    await new Promise((done) => probe.close(done))
    const closed = await fetchPage(`http://127.0.0.1:${port}/`)
    expect(closed).toMatchObject({ ok: false, reason: 'network error: ECONNREFUSED' })
  })
})
