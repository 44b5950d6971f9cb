/**
 * Real PostgreSQL and Redis servers for tests, each on a free port in its own temp folder, from
 * Debian's packages (`.ci/run` installs them). When a binary is missing the helpers return null
 * and the tests skip, saying why. PostgreSQL refuses to run as root: as root the cluster belongs
 * to the `postgres` user the Debian package creates, and its commands run through `runuser`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A running server and how to stop it. */
export interface TestServer {
  /** @example 'postgres://dyad@127.0.0.1:40123/dyad' or 'redis://127.0.0.1:40124' */
  readonly url: string
  stop(): Promise<void>
}

/** The folder holding initdb and pg_ctl, or null. @example '/usr/lib/postgresql/15/bin' */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  for (const version of versions) {
    const bin = join(root, version, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin
  }
  return null
}

/** redis-server's path, or null. */
export function redisBin(): string | null {
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null
}

/** Why the server tests skip here, or null when both servers can run. */
export function serversMissing(): string | null {
  const missing = [postgresBin() === null ? 'postgresql' : null, redisBin() === null ? 'redis-server' : null]
    .filter((name) => name !== null)
  if (missing.length === 0) return null
  return `skipped: ${missing.join(' and ')} not installed (apt-get install ${missing.join(' ')}; .ci/run does)`
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Start a throwaway PostgreSQL cluster with a database `dyad` owned by superuser `dyad`. */
export async function startPostgres(): Promise<TestServer> {
  const bin = postgresBin()
  if (bin === null) throw new Error('PostgreSQL is not installed (apt-get install postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'dyad-pg-'))
  const asRoot = userInfo().uid === 0
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout))
  // As root, run each command as the `postgres` user.
  const pgRun = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args)
  const data = join(dir, 'data')
  const port = await freePort()
  await pgRun('initdb', ['-D', data, '-U', 'dyad', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  await pgRun('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
  const stop = async (): Promise<void> => {
    await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const pg = (await import('pg')).default
    const client = new pg.Client({ connectionString: `postgres://dyad@127.0.0.1:${port}/postgres` })
    await client.connect()
    await client.query('CREATE DATABASE dyad')
    await client.end()
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `postgres://dyad@127.0.0.1:${port}/dyad`, stop }
}

/** Start a throwaway redis-server that keeps nothing on disk. */
export async function startRedis(): Promise<TestServer> {
  const bin = redisBin()
  if (bin === null) throw new Error('redis-server is not installed (apt-get install redis-server)')
  const dir = mkdtempSync(join(tmpdir(), 'dyad-redis-'))
  const port = await freePort()
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  await new Promise<void>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)))
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
