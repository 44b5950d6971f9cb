/**
 * `dyad ingest` on URLs and feeds, against a real news site on loopback (test/helpers/news-server.ts):
 * every good article stored once, every failure named on one line, a second run adds nothing.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeStore, openStore } from '../../src/store/database.js'
import { LINKS, startNewsServer, type NewsServer } from '../helpers/news-server.js'
import { hasStackTrace, makeTempDir, runCli } from '../helpers/run-cli.js'

let site: NewsServer
const temp = makeTempDir('dyad-monitor-')

beforeAll(async () => {
  site = await startNewsServer({ slowMs: 3000, hugeBytes: 3 * 1024 * 1024 })
})

afterAll(async () => {
  await site.close()
  temp.remove()
})

/** The stored articles' URLs, published days and outlets. */
function storedArticles(db: string): { url: string; published_on: string; outlet: string }[] {
  const store = openStore(db)
  try {
    return store.sqlite
      .prepare('SELECT url, published_on, outlet, published_basis FROM articles ORDER BY url')
      .all() as { url: string; published_on: string; outlet: string }[]
  } finally {
    closeStore(store)
  }
}

describe('dyad ingest FEED --follow', () => {
  it('stores every good page once, names each failure once, and a second run adds nothing', async () => {
    const db = join(temp.dir, 'feeds.db')
    const args = ['ingest', `${site.base}/rss.xml`, `${site.base}/atom.xml`, '--follow']
    const limits = ['--timeout', '500ms', '--max-size', '1MB', '--db', db]
    const first = await runCli([...args, ...limits])
    expect(first.code).toBe(3)
    expect(hasStackTrace(first.stderr)).toBe(false)
    const skipped = first.stderr.split('\n').filter((line) => line.startsWith('skipped '))
    expect(skipped, first.stderr).toHaveLength(4)
    const reasonOf = (path: string): string | undefined =>
      skipped.find((line) => line.startsWith(`skipped ${site.base}${path}:`))
    expect(reasonOf(LINKS.slow)).toMatch(/timed out after 500ms$/)
    expect(reasonOf(LINKS.broken)).toMatch(/HTTP 500/)
    expect(reasonOf(LINKS.missing)).toMatch(/HTTP 404/)
    expect(reasonOf(LINKS.huge)).toMatch(/too large: more than 1 MB/)

    const articles = storedArticles(db)
    // The redirect is stored under its target's canonical URL; the copy and the oil deal in the
    // Atom feed are the same text, stored once.
    expect(articles.map((a) => a.url.slice(site.base.length))).toEqual([
      LINKS.minsk,
      LINKS.oilDeal,
      LINKS.caracas,
      '/world/russia-venezuela-energy',
    ])
    expect(articles.find((a) => a.url.endsWith(LINKS.caracas))).toMatchObject({
      published_on: '2024-11-18',
      outlet: 'Test Wire',
    })
    expect(first.stderr).toMatch(
      /4 new articles, \d+ event mentions, 2 already stored, 4 inputs skipped/,
    )
    expect([...site.userAgents].every((ua) => /^dyad\/\S+ \(news event monitor/.test(ua))).toBe(
      true,
    )

    const second = await runCli([...args, ...limits])
    expect(second.stderr).toMatch(/0 new articles, 0 event mentions, 6 already stored/)
    expect(storedArticles(db)).toHaveLength(4)
  })
})

describe('dyad ingest URL', () => {
  it('reads one page with its own published date, and fails clearly on a dead link', async () => {
    const db = join(temp.dir, 'page.db')
    const run = await runCli(['ingest', `${site.base}${LINKS.minsk}`, '--db', db])
    expect(run.code).toBe(0)
    expect(storedArticles(db)).toEqual([
      expect.objectContaining({ url: `${site.base}${LINKS.minsk}`, published_on: '2024-11-19' }),
    ])
    const events = await runCli(['events', '--db', db, '--dyad', 'BLR-VEN', '--format', 'jsonl'])
    expect(events.stdout).toMatch(/"type":"meet"/)

    const dead = await runCli(['ingest', `${site.base}${LINKS.missing}`, '--db', db])
    expect(dead.code).toBe(3)
    expect(dead.stderr).toContain(`skipped ${site.base}${LINKS.missing}: HTTP 404 Not Found`)
  })
})

describe('dyad ingest FILE.rss', () => {
  it('makes each item an article: item date, link as URL, feed title as outlet', async () => {
    const feed = join(temp.dir, 'desk.rss')
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Caribbean Desk</title>
<link>https://desk.example/</link>
<item><title>Iran and Venezuela sign refinery agreement</title><link>https://desk.example/a/refinery</link>
<description>Iran and Venezuela signed an agreement on refinery repairs in Caracas on Tuesday.</description>
<pubDate>Tue, 19 Nov 2024 10:00:00 GMT</pubDate></item>
<item><title>Cuba and Venezuela hold talks</title><link>https://desk.example/a/talks</link>
<description>Officials of Cuba and Venezuela held talks in Havana.</description>
<pubDate>Mon, 18 Nov 2024 10:00:00 GMT</pubDate></item>
</channel></rss>`,
    )
    const db = join(temp.dir, 'file.db')
    const run = await runCli(['ingest', feed, '--db', db])
    expect(run.code).toBe(0)
    expect(storedArticles(db)).toEqual([
      expect.objectContaining({
        url: 'https://desk.example/a/refinery',
        published_on: '2024-11-19',
        outlet: 'Caribbean Desk',
        published_basis: 'feed',
      }),
      expect.objectContaining({
        url: 'https://desk.example/a/talks',
        published_on: '2024-11-18',
        outlet: 'Caribbean Desk',
      }),
    ])
    const events = await runCli(['events', '--db', db, '--dyad', 'IRN-VEN', '--format', 'jsonl'])
    expect(events.stdout).toMatch(/"type":"sign_agreement"/)
  })
})
