/**
 * How dyad names itself to web servers: a clear User-Agent, so a site's operator can tell what
 * fetches its pages and where to read about it.
 */
import { readFileSync } from 'node:fs'

/** The package version, read once from package.json (found from src/ and from dist/src/). */
function packageVersion(): string {
  for (const path of ['../../package.json', '../../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string
        version?: string
      }
      if (json.name === 'dyad' && typeof json.version === 'string') return json.version
    } catch {
      // Not at this depth; try the next.
    }
  }
  return '0.0.0'
}

/**
 * The User-Agent header. `DYAD_CONTACT` (a URL or an e-mail address) is added as `+contact`, the
 * convention crawlers follow, so a site's operator can reach whoever runs the monitor.
 * @example userAgent({}) -> 'dyad/0.1.0 (news event monitor)'
 * @example userAgent({ DYAD_CONTACT: 'ops@example.org' }) -> 'dyad/0.1.0 (news event monitor; +ops@example.org)'
 */
export function userAgent(env: NodeJS.ProcessEnv = process.env): string {
  const contact = env['DYAD_CONTACT']?.replace(/[^\x20-\x7e]/gu, '').trim()
  const extra = contact === undefined || contact === '' ? '' : `; +${contact}`
  return `dyad/${VERSION} (news event monitor${extra})`
}

const VERSION = packageVersion()
