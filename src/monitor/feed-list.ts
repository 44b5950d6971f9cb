/**
 * The feeds file of `dyad watch`: one feed per line, a URL or a file path (relative to the feeds
 * file), blank lines and `# comments` ignored.
 */
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'

import { DyadError } from '../errors.js'
import { isUrl } from './fetch-page.js'

/**
 * The feeds a file lists, in order, without repeats.
 * @example readFeedList('feeds.txt') -> ['https://wire.example/rss', '/home/me/saved/atom.xml']
 */
export function readFeedList(path: string): string[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new DyadError('E_USAGE', `--feeds ${path}: cannot read the file (${code})`)
  }
  const feeds: string[] = []
  for (const [index, raw] of text.split(/\r?\n/u).entries()) {
    const line = raw.replace(/(^|\s)#.*$/u, '').trim()
    if (line === '') continue
    if (/\s/u.test(line)) {
      throw new DyadError(
        'E_USAGE',
        `${path}:${index + 1}: "${line}" is not one feed; give one URL or file per line`,
      )
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(line) && !isUrl(line)) {
      throw new DyadError('E_USAGE', `${path}:${index + 1}: "${line}" is not an http or https URL`)
    }
    const feed = isUrl(line) || isAbsolute(line) ? line : resolve(dirname(path), line)
    if (!feeds.includes(feed)) feeds.push(feed)
  }
  if (feeds.length === 0) {
    throw new DyadError('E_USAGE', `--feeds ${path} lists no feed; give one URL or file per line`)
  }
  return feeds
}
