/**
 * The workbench in a real browser (Debian's chromium via playwright-core) against the real
 * `dyad serve` over a store with articles ingested: pick a dyad, read its timeline, open an event
 * and see its evidence marked in each article that reports it, search, and survive an article
 * full of markup.
 * Skips with a message when chromium is missing; CI installs it.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventDetail, EventRow, Page as ApiPage } from '../../src/api/types.js'
import { REPO_ROOT, makeTempDir, runCli } from '../helpers/run-cli.js'
import { launchBrowser, startServer, whyNoBrowser, type Server } from './browser.js'

const noBrowser = whyNoBrowser()
if (noBrowser !== null) console.warn(`SKIPPED browser tests: ${noBrowser}`)

const SEEDS = join(REPO_ROOT, '..', 'shared', 'corpus', 'seeds.jsonl')
const noSeeds = existsSync(SEEDS)
  ? null
  : `${SEEDS} is missing (the ../shared corpus is not beside this checkout)`
if (noBrowser === null && noSeeds !== null)
  console.warn(`SKIPPED seed-corpus browser tests: ${noSeeds}`)

const temp = makeTempDir('dyad-e2e-')
// The README's picture: refreshed with `DYAD_SCREENSHOT=1 npm run test:e2e`; other runs write it
// to the temp folder so a test run leaves the checkout clean.
const SCREENSHOT = process.env['DYAD_SCREENSHOT']
  ? join(REPO_ROOT, 'docs', 'img', 'workbench.png')
  : join(temp.dir, 'workbench.png')
let browser: Browser

beforeAll(async () => {
  if (noBrowser === null) browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  temp.remove()
})

/** Ingest `inputs` into a fresh store and serve it. */
async function serveStore(
  name: string,
  inputs: string[],
  env: Record<string, string> = {},
  exitCode = 0,
): Promise<Server> {
  const db = join(temp.dir, `${name}.db`)
  const ingest = await runCli(['ingest', ...inputs, '--db', db])
  expect(ingest.code, ingest.stderr).toBe(exitCode)
  return startServer(db, env)
}

/** A page that fails the test on any script error, and records dialogs (alert() = script ran). */
async function openPage(server: Server): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  await page.goto(server.url)
  return { page, problems }
}

/** Pick a dyad in the two selects and wait until the timeline and the table show it. */
async function pickDyad(page: Page, a: string, b: string): Promise<void> {
  // Through a country of its own first, so the dyad is really picked, not just the default.
  await page.selectOption('#country-b', '')
  await page.waitForSelector('#timeline-panel[data-state="ready"]')
  await page.selectOption('#country-a', a)
  await page.selectOption('#country-b', b)
  await page.waitForFunction(([x, y]) => location.hash === `#dyad=${x}-${y}`, [a, b] as const)
  await page.waitForSelector('#timeline-panel[data-state="ready"]')
  await page.waitForSelector('#events-panel[data-state="ready"]')
}

async function timelinePoints(page: Page): Promise<number> {
  return Number(await page.getAttribute('#timeline-chart', 'data-points'))
}

/** Open the first event of the table; returns what the API says about it. */
async function openFirstEvent(page: Page, server: Server): Promise<EventDetail> {
  const row = page.locator('#events-table tbody tr').first()
  const id = (await row.getAttribute('data-event-id')) ?? ''
  await row.click()
  await page.waitForSelector(
    `#detail-panel[data-state="ready"] article.event[data-event-id="${id}"]`,
  )
  const response = await fetch(`${server.url}/api/events/${id}`)
  return (await response.json()) as EventDetail
}

/** Every evidence mark of an open event matches its reports, source by source. */
async function expectEvidenceMarked(page: Page, detail: EventDetail): Promise<void> {
  const sources = page.locator('#detail article.source')
  expect(await sources.count()).toBe(detail.sources.length)
  for (const [index, source] of detail.sources.entries()) {
    const box = sources.nth(index)
    expect(await box.getAttribute('data-article-id')).toBe(source.article.id)
    const marks = await box.locator('.article-text mark.current').allTextContents()
    expect(marks).toEqual(source.mentions.map((report) => report.mention.evidence))
  }
}

async function search(page: Page, phrase: string): Promise<string[]> {
  await page.fill('#search-input', phrase)
  await page.press('#search-input', 'Enter')
  await page.waitForSelector('#search-panel[data-state="ready"], #search-panel[data-state="empty"]')
  return page
    .locator('#search-results li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-article-id') ?? ''))
}

describe.skipIf(noBrowser !== null)(
  `workbench on examples/articles${noBrowser === null ? '' : ` (SKIPPED: ${noBrowser})`}`,
  () => {
    const token = randomBytes(16).toString('hex')
    let server: Server

    beforeAll(async () => {
      server = await serveStore('examples', ['examples/articles'], { DYAD_TOKEN: token })
    })
    afterAll(async () => server?.stop())

    it('opens on the busiest dyad with its timeline drawn', async () => {
      const { page, problems } = await openPage(server)
      await page.waitForSelector('#timeline-panel[data-state="ready"]')
      expect(
        [await page.inputValue('#country-a'), await page.inputValue('#country-b')].sort(),
      ).toEqual(['IRN', 'VEN'])
      expect(await timelinePoints(page)).toBeGreaterThan(0)
      await page.waitForSelector('#network-panel[data-state="ready"] svg.network .edge.selected')
      await page.waitForSelector('#map-panel[data-state="ready"] svg.world circle.place')
      expect(problems).toEqual([])
      await page.close()
    })

    it('picks Iran–Venezuela, opens an event and marks its evidence in the article', async () => {
      const { page, problems } = await openPage(server)
      await pickDyad(page, 'IRN', 'VEN')
      expect(await page.textContent('#timeline-title')).toBe('Events per month: Iran – Venezuela')
      expect(await timelinePoints(page)).toBeGreaterThan(0)
      expect(await page.locator('#events-table tbody tr').count()).toBeGreaterThan(0)

      const detail = await openFirstEvent(page, server)
      expect(detail.kind).toBe('event')
      await expectEvidenceMarked(page, detail)
      expect(await page.textContent('#detail dd.fact-why')).toBe(detail.mention.why)

      await mkdirOf(SCREENSHOT)
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({ path: SCREENSHOT })
      expect(problems).toEqual([])
      await page.close()
    })

    it('shows the Amir-Abdollahian–Maduro meeting once, with both reporting articles', async () => {
      const query = 'dyad=IRN-VEN&type=meet&from=2023-02-03&to=2023-02-03'
      const listed = (await (
        await fetch(`${server.url}/api/events?${query}`)
      ).json()) as ApiPage<EventRow>
      expect(listed.items).toHaveLength(1)
      const [meeting] = listed.items
      expect(meeting).toMatchObject({ kind: 'event', num_articles: 2, num_sources: 2 })
      expect(meeting?.mention.source.person ?? meeting?.mention.target?.person).toMatch(/Maduro/)

      const { page, problems } = await openPage(server)
      await pickDyad(page, 'IRN', 'VEN')
      const row = page.locator(`#events-table tbody tr[data-event-id="${meeting?.id ?? ''}"]`)
      expect(await row.locator('td.source small.reports').textContent()).toBe('+1 more article')
      await row.click()
      await page.waitForSelector(`#detail-panel[data-state="ready"] article.event`)
      expect(await page.textContent('#detail h3')).toBe('2 sources')
      const shown = await page
        .locator('#detail article.source')
        .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-article-id')))
      expect([...shown].sort()).toEqual([
        'amir-abdollahian-maduro-caracas-2023-02-03',
        'maduro-abdollahian-meridian-post',
      ])
      const detail = (await (
        await fetch(`${server.url}/api/events/${meeting?.id ?? ''}`)
      ).json()) as EventDetail
      await expectEvidenceMarked(page, detail)
      expect(problems).toEqual([])
      await page.close()
    })

    it('searches for a phrase and opens its article', async () => {
      const { page, problems } = await openPage(server)
      await page.waitForSelector('#events-panel[data-state="ready"]')
      const hits = await search(page, '"Central House of Officers"')
      expect(hits).toEqual(['nasirzadeh-minsk-2025-03-12'])
      expect(await page.textContent('#search-results mark')).toBe('Central House of Officers')
      await page.click('#search-results li button')
      await page.waitForSelector(
        '#detail article.source[data-article-id="nasirzadeh-minsk-2025-03-12"]',
      )
      expect(
        await page.locator('#detail .article-text mark[data-event-id]').count(),
      ).toBeGreaterThan(0)
      expect(await search(page, 'quokkagram')).toEqual([])
      expect(await page.textContent('#search-panel .status')).toMatch(/No article matches/)
      expect(problems).toEqual([])
      await page.close()
    })

    it('shows an article holding <script> and <img onerror> as text, and runs none of it', async () => {
      const title = 'Nasirzadeh <script>window.__xss = "title"; alert("title")</script> lands'
      const markup = "<img src=x onerror=\"window.__xss = 'img'; alert('img')\">"
      const text =
        `Iranian Defence Minister Aziz Nasirzadeh arrived in Caracas on Wednesday for talks with ` +
        `President Nicolas Maduro about the quokkagram ${markup} plan.\n\n` +
        `<script>window.__xss = "body"; alert("body")</script> Officials said nothing more.`
      const posted = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          id: 'xss-probe',
          title,
          text,
          published: '2024-11-21',
          outlet: '<b>Outlet</b>',
        }),
      })
      expect(posted.status, await posted.clone().text()).toBe(201)

      const { page, problems } = await openPage(server)
      await page.waitForSelector('#events-panel[data-state="ready"]')
      expect(await search(page, 'quokkagram')).toEqual(['xss-probe'])
      expect(await page.textContent('#search-results strong')).toBe(title)
      await page.click('#search-results li button')
      await page.waitForSelector('#detail article.source[data-article-id="xss-probe"]')
      const shown = (await page.textContent('#detail .article-text')) ?? ''
      expect(shown).toContain(markup)
      expect(shown).toContain('<script>window.__xss = "body"; alert("body")</script>')
      expect(await page.textContent('#detail h4')).toBe(title)
      expect(await page.textContent('#detail .meta')).toContain('<b>Outlet</b>')

      // Open the event from its mark (it may join the Caracas visit another article reports):
      // the probe's evidence sentence holds the <img> as text too.
      await page.click('#detail .article-text mark[data-event-id]')
      await page.waitForSelector('#detail article.event')
      expect(
        await page.textContent(
          '#detail article.source[data-article-id="xss-probe"] .article-text mark.current',
        ),
      ).toContain(markup)

      expect(
        await page
          .locator('#detail img, #detail script, #search-results img, #search-results script')
          .count(),
      ).toBe(0)
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
      ).toBeUndefined()
      expect(problems).toEqual([])
      await page.close()
    })

    it('shows the store is empty, and a failing API, as states of their own', async () => {
      // An empty file is skipped (exit 3), which leaves a store with no article at all.
      const empty = await serveStore(
        'empty',
        [join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'empty.txt')],
        {},
        3,
      )
      try {
        const { page } = await openPage(empty)
        await page.waitForSelector('#timeline-panel[data-state="empty"]')
        expect(await page.textContent('#timeline-panel .status')).toMatch(
          /No events are stored yet/,
        )
        await page.close()
      } finally {
        await empty.stop()
      }
      const { page } = await openPage(server)
      await page.waitForSelector('#events-panel[data-state="ready"]')
      await page.route('**/api/events?*', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'E_INTERNAL', message: 'The server failed; the error is in its log.' },
          }),
        }),
      )
      await page.selectOption('#filter-type', 'visit')
      await page.waitForSelector('#events-panel[data-state="error"] button.retry')
      expect(await page.textContent('#events-panel .status')).toMatch(
        /Could not load: The server failed/,
      )
      await page.unroute('**/api/events?*')
      await page.click('#events-panel button.retry')
      await page.waitForSelector('#events-panel[data-state="ready"]')
      await page.close()
    })
  },
)

describe.skipIf(noBrowser !== null || noSeeds !== null)(
  `workbench on ../shared/corpus/seeds.jsonl${
    noBrowser !== null
      ? ` (SKIPPED: ${noBrowser})`
      : noSeeds !== null
        ? ` (SKIPPED: ${noSeeds})`
        : ''
  }`,
  () => {
    let server: Server

    beforeAll(async () => {
      server = await serveStore('seeds', [SEEDS])
    })
    afterAll(async () => server?.stop())

    it('picks Iran–Venezuela, marks an event’s evidence, and finds the naval squadron', async () => {
      const { page, problems } = await openPage(server)
      await pickDyad(page, 'IRN', 'VEN')
      expect(await timelinePoints(page)).toBeGreaterThan(0)
      const detail = await openFirstEvent(page, server)
      await expectEvidenceMarked(page, detail)
      const hits = await search(page, 'naval squadron')
      expect(hits).toContain('002_bb2af67e8fbee159')
      expect(problems).toEqual([])
      await page.close()
    })
  },
)

async function mkdirOf(file: string): Promise<void> {
  mkdirSync(join(file, '..'), { recursive: true })
}
