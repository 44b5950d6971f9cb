import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ARTICLES_PER_THREAD, autoWorkers } from './auto-workers.js'

describe('autoWorkers', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dyad-auto-workers-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  const feed = (lines: number): string => {
    const file = join(folder, `feed-${lines}.jsonl`)
    writeFileSync(file, '{"id":"a","text":"x"}\n'.repeat(lines))
    return file
  }

  it('runs a handful of articles in one thread, whatever the cores', async () => {
    expect(await autoWorkers(['examples/articles'], 8)).toBe(1)
  })
  it('adds a thread per ARTICLES_PER_THREAD articles, up to the cores', async () => {
    const file = feed(ARTICLES_PER_THREAD * 2 + 50)
    expect(await autoWorkers([file], 8)).toBe(2)
    expect(await autoWorkers([file], 1)).toBe(1)
    expect(await autoWorkers([feed(ARTICLES_PER_THREAD * 20)], 4)).toBe(4)
  })
})
