/**
 * Run the built `dyad` binary the way a user does, for CLI tests (Vitest `runVitestCli`).
 * The tests spawn `dist/src/cli/main.js`, so `npm run build` must have run (`npm test` does it).
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (the folder holding package.json). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The built CLI entry point. */
export const CLI_PATH = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js')

/** The seven example articles: examples/ also holds README.md and gold.jsonl, which are not. */
export const EXAMPLE_ARTICLES: readonly string[] = ['examples/text', 'examples/html', 'examples/feed.jsonl']

/** What one run printed and how it ended. `code` is null when a signal ended the process. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunCliOptions {
  /** Working directory; the repository root by default, so 'examples/text' works. */
  readonly cwd?: string
  /** Text written to the process's stdin (for `dyad extract -`). */
  readonly stdin?: string
}

/**
 * Run `node dist/src/cli/main.js ...args` and collect its output; never throws on a non-zero exit.
 * @example await runCli(['extract', 'examples/text', '--format', 'jsonl'])
 *   -> { code: 0, stdout: '{"article":"nasirzadeh-arrives-caracas-2024-11-20",...}\n...', stderr: '' }
 */
export function runCli(args: readonly string[], opts: RunCliOptions = {}): Promise<CliRun> {
  assertBuilt()
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [CLI_PATH, ...args],
      { cwd: opts.cwd ?? REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        // execFile reports a non-zero exit as an error with a numeric `code`; anything else
        // (the binary missing, a timeout) is a real failure of the test harness.
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null
        if (error !== null && code === null && !error.killed) fail(error)
        else done({ code, stdout, stderr })
      },
    )
    child.stdin?.end(opts.stdin ?? '')
  })
}

/** The non-empty lines of a run's stdout. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

/** True when output shows a Node stack trace ("    at fn (file:1:2)"), which users must never see. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text)
}

/** A fresh folder under the OS temp dir, and a function that removes it. */
export function makeTempDir(prefix = 'dyad-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

let checked = false

/** Fail with advice when the CLI has not been built; warn once when the build looks stale. */
function assertBuilt(): void {
  if (checked) return
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} does not exist: run \`npm run build\` first (\`npm test\` does it)`)
  }
  const built = statSync(CLI_PATH).mtimeMs
  const program = join(REPO_ROOT, 'src', 'cli', 'program.ts')
  if (existsSync(program) && statSync(program).mtimeMs > built) {
    console.warn(`dist/ is older than src/cli/program.ts: run \`npm run build\` to test the latest CLI`)
  }
  checked = true
}
