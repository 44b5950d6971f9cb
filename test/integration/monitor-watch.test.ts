/**
 * `dyad watch` as a user runs it: a spawned process polling a loopback news site every second,
 * stopped with Ctrl-C (SIGINT). Alerts on IRN-VEN fire once per matching event, on stdout, in a
 * JSONL file and at a webhook; a second poll adds nothing.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LINKS, startNewsServer, type NewsServer } from '../helpers/news-server.js'
import { CLI_PATH, hasStackTrace, makeTempDir, runCli } from '../helpers/run-cli.js'

let site: NewsServer
const temp = makeTempDir('dyad-watch-')

beforeAll(async () => {
  site = await startNewsServer({ slowMs: 8000, hugeBytes: 3 * 1024 * 1024 })
})

afterAll(async () => {
  await site.close()
  temp.remove()
})

/** A running `dyad watch`: its output so far, and a way to wait for a line. */
function startWatch(args: readonly string[]) {
  const child = spawn(process.execPath, [CLI_PATH, 'watch', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const waitFor = async (pattern: RegExp, ms = 60_000): Promise<void> => {
    const end = Date.now() + ms
    while (!pattern.test(stderr)) {
      if (Date.now() > end || child.exitCode !== null) {
        throw new Error(`no ${pattern} in the watch log:\n${stderr}`)
      }
      await new Promise((done) => setTimeout(done, 50))
    }
  }
  return { child, exited, waitFor, out: () => stdout, log: () => stderr }
}

describe('dyad watch', () => {
  it('polls, stores once, fires each alert once per event, and stops cleanly on Ctrl-C', async () => {
    const db = join(temp.dir, 'watch.db')
    const jsonl = join(temp.dir, 'alerts.jsonl')
    const feeds = join(temp.dir, 'feeds.txt')
    writeFileSync(
      feeds,
      `# the test site\n${site.base}/rss.xml\n${site.base}/atom.xml  # Europe desk\n`,
    )
    const add = (...args: string[]) => runCli(['alerts', 'add', '--db', db, ...args])
    expect(
      (
        await add(
          '--dyad',
          'VEN-IRN',
          '--type',
          'sign_agreement,cooperate_military',
          '--jsonl',
          jsonl,
          '--webhook',
          `${site.base}/webhook`,
        )
      ).code,
    ).toBe(0)
    expect(
      (await add('--dyad', 'IRN-VEN', '--type', 'sign_agreement', '--min-sources', '2')).code,
    ).toBe(0)
    expect(
      (await add('--dyad', 'IRN-VEN', '--type', 'sign_agreement', '--on-new-source')).code,
    ).toBe(0)
    const list = await runCli(['alerts', 'list', '--db', db])
    expect(list.stdout.trim().split('\n')).toHaveLength(3)

    // Short limits keep the test quick: the slow page times out after a second.
    const limits = ['--timeout', '1s', '--max-size', '1MB', '--follow', '--db', db]
    const watch = startWatch(['--feeds', feeds, '--every', '1s', ...limits])
    await watch.waitFor(/poll 2: /)
    const log = watch.log()
    const poll1 = /poll 1: (.*)/.exec(log)?.[1] ?? ''
    // The copy under another URL is the same text (already stored); the oil deal's link in the
    // Atom feed was seen in the RSS feed, so it is not fetched again.
    expect(poll1).toMatch(
      /^2 feeds, 4 new articles \(1 already stored\), \d+ event mentions, [1-9]\d* new events, 4 failed, 2 alerts/,
    )
    // Each failure of the first poll is one line naming the page and why.
    for (const [path, reason] of [
      [LINKS.slow, 'timed out after 1s'],
      [LINKS.broken, 'HTTP 500 Internal Server Error'],
      [LINKS.missing, 'HTTP 404 Not Found'],
      [LINKS.huge, 'too large'],
    ] as const) {
      expect(log).toContain(`failed ${site.base}${path}: ${reason}`)
    }
    // The second poll asked for the feeds only if changed (ETag): both answered 304.
    expect(site.notModified()).toBeGreaterThanOrEqual(2)
    expect(/poll 2: (.*)/.exec(log)?.[1]).toMatch(
      /^2 feeds, 0 new articles, 0 event mentions, 0 new events, \d+ failed, 0 alerts/,
    )
    // Alert 1 (sign_agreement or cooperate_military) and alert 3 fire for the Tehran signing.
    const alertLines = () =>
      watch
        .out()
        .trim()
        .split('\n')
        .filter((line) => line !== '')
    expect(alertLines()).toEqual([
      expect.stringMatching(
        /^alert 1 IRN-VEN: sign_agreement IRN\S* -> VEN\S* 2024-11-20.*1 source \(new event\)/,
      ),
      expect.stringMatching(/^alert 3 IRN-VEN: sign_agreement .*\(new event\)/),
    ])

    // News: a second outlet reports the signing. The event gains a source: alert 2 (at least two
    // sources) fires now, alert 3 fires again, alert 1 stays quiet.
    site.publishWire()
    const polls = (watch.log().match(/poll \d+: /g) ?? []).length
    await watch.waitFor(new RegExp(`poll ${polls + 1}: [^\\n]*\\n[\\s\\S]*poll ${polls + 2}: `))
    expect(alertLines().slice(2)).toEqual([
      expect.stringMatching(/^alert 2 IRN-VEN: sign_agreement .*2 sources \(new event\)/),
      expect.stringMatching(/^alert 3 IRN-VEN: sign_agreement .*2 sources \(new source\)/),
    ])

    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(0)
    expect(watch.log()).toMatch(/stopped after \d+ polls: 5 new articles/)
    expect(hasStackTrace(watch.log())).toBe(false)

    expect(site.webhook).toHaveLength(1)
    expect(site.webhook[0]).toMatchObject({
      alert: 1,
      dyad: 'IRN-VEN',
      why: 'new event',
      event: { type: 'sign_agreement', num_sources: 1 },
    })
    expect(existsSync(jsonl)).toBe(true)
    const written = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(written).toEqual([site.webhook[0]])

    // Restarted, it remembers what it saw: one poll, nothing new, no alert.
    const again = await runCli(['watch', '--feeds', feeds, '--once', ...limits])
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/poll 1: 2 feeds, 0 new articles/)
    expect(again.stdout).toBe('')
  }, 120_000)

  it('names a feed that fails or is a page, and goes on', async () => {
    const feeds = join(temp.dir, 'mixed.txt')
    writeFileSync(
      feeds,
      `${site.base}/gone.xml\n${site.base}${LINKS.minsk}\n${site.base}/atom.xml\n`,
    )
    const run = await runCli([
      'watch',
      '--feeds',
      feeds,
      '--once',
      '--every',
      '1m',
      '--db',
      join(temp.dir, 'mixed.db'),
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`failed ${site.base}/gone.xml: HTTP 404 Not Found; next try in 1m`)
    expect(run.stderr).toContain(
      `failed ${site.base}${LINKS.minsk}: not an RSS or Atom feed (text/html)`,
    )
    // The Atom feed's two items, from their summaries (no --follow).
    expect(run.stderr).toMatch(
      /poll 1: 3 feeds, 2 new articles, \d+ event mentions, \d+ new events, 2 failed, 0 alerts\n/,
    )
  })

  it('refuses a bad --every or a missing feeds file with exit 2', async () => {
    const feeds = join(temp.dir, 'one.txt')
    writeFileSync(feeds, `${site.base}/rss.xml\n`)
    const bad = await runCli(['watch', '--feeds', feeds, '--every', 'often'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--every "often" is not a duration like 30s, 15m or 1h')
    const missing = await runCli(['watch', '--feeds', join(temp.dir, 'nope.txt')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/)
    const badType = await runCli([
      'alerts',
      'add',
      '--dyad',
      'IRN-VEN',
      '--type',
      'hug',
      '--db',
      join(temp.dir, 'x.db'),
    ])
    expect(badType.code).toBe(2)
    expect(badType.stderr).toMatch(/unknown event type hug/)
  })
})
