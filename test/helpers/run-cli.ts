/**
 * Run the built `dyad` binary the way a user does, for CLI tests (Vitest `runVitestCli`).
 * The tests spawn `dist/src/cli/main.js`, so `npm run build` must have run (`npm test` does it).
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (the folder holding package.json). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The built CLI entry point. */
export const CLI_PATH = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js')

/** The folder of the seven example articles (examples/gold.jsonl holds their gold events). */
export const EXAMPLE_ARTICLES: readonly string[] = ['examples/articles']

/** What one run printed and how it ended. `code` is null when a signal ended the process. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunCliOptions {
  /** Working directory; the repository root by default, so 'examples/articles' works. */
  readonly cwd?: string
  /** Text written to the process's stdin (for `dyad extract -`). */
  readonly stdin?: string
}

/**
 * Run `node dist/src/cli/main.js ...args` and collect its output; never throws on a non-zero exit.
 * @example await runCli(['extract', 'examples/articles', '--format', 'jsonl'])
 *   -> { code: 0, stdout: '{"article":"nasirzadeh-arrives-caracas-2024-11-20",...}\n', stderr: '' }
 */
export function runCli(args: readonly string[], opts: RunCliOptions = {}): Promise<CliRun> {
  assertBuilt()
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [CLI_PATH, ...args],
      {
        cwd: opts.cwd ?? REPO_ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
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

/** True when output shows a Node stack trace ("    at fn (file:1:2)"); users must never see one. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text)
}

/** A fresh folder under the OS temp dir, and a function that removes it. */
export function makeTempDir(prefix = 'dyad-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

let checked = false

/** Fail with advice when the CLI is not built; warn once when src/ is newer than the build. */
function assertBuilt(): void {
  if (checked) return
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first (\`npm test\` does it)`)
  }
  const newest = newestSource(join(REPO_ROOT, 'src'))
  if (newest !== null && newest.mtimeMs > statSync(CLI_PATH).mtimeMs) {
    console.warn(`${newest.path} is newer than dist/: run \`npm run build\` to test it`)
  }
  checked = true
}

/** The most recently changed non-test .ts file under a folder, searched recursively. */
function newestSource(folder: string): { path: string; mtimeMs: number } | null {
  let newest: { path: string; mtimeMs: number } | null = null
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    const found = entry.isDirectory()
      ? newestSource(path)
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? { path, mtimeMs: statSync(path).mtimeMs }
        : null
    if (found !== null && (newest === null || found.mtimeMs > newest.mtimeMs)) newest = found
  }
  return newest
}
