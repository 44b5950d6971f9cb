/**
 * What the browser tests share: Debian's chromium through playwright-core (never a downloaded
 * browser), and the real `dyad serve` on a free port over a temp store.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { CLI_PATH, REPO_ROOT } from '../helpers/run-cli.js'

/** Where Debian's `apt-get install chromium` puts the browser. */
export const CHROMIUM = process.env['DYAD_CHROMIUM'] ?? '/usr/bin/chromium'

/** Why the browser tests cannot run here, or null when they can. */
export function whyNoBrowser(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` to run the browser tests`
}

/** Launch headless chromium with the flags this machine kind needs (../shared/stack.md). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}

/** A running `dyad serve`. */
export interface Server {
  readonly url: string
  /** Everything it wrote to stderr so far, for failure messages. */
  readonly stderr: () => string
  stop(): Promise<void>
}

/**
 * Start the built CLI's `serve` on port 0 and wait for the address it prints.
 * @example const server = await startServer(db, { DYAD_TOKEN: 'secret' }); server.url
 *   -> 'http://127.0.0.1:40123'
 */
export function startServer(db: string, env: Record<string, string> = {}): Promise<Server> {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first (\`npm test\` does it)`)
  }
  const child = spawn(process.execPath, [CLI_PATH, 'serve', '--db', db, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DYAD_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill()
      fail(new Error(`dyad serve printed no address within 60 s; stderr:\n${stderr}`))
    }, 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`dyad serve exited with ${code}; stderr:\n${stderr}`))
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /dyad serve: (http:\/\/\S+)/.exec(stdout)
      if (match?.[1] === undefined) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      done({ url: match[1], stderr: () => stderr, stop: () => stop(child) })
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}
