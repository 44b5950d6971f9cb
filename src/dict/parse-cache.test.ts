import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DyadError } from '../errors.js'
import { loadDictionaries } from './load.js'

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/dictionaries', import.meta.url))

describe('parse cache', () => {
  const temp = mkdtempSync(join(tmpdir(), 'dyad-parse-cache-'))
  const cache = join(temp, 'cache')
  const before = process.env['DYAD_CACHE_DIR']
  beforeEach(() => (process.env['DYAD_CACHE_DIR'] = cache))
  afterEach(() => {
    if (before === undefined) delete process.env['DYAD_CACHE_DIR']
    else process.env['DYAD_CACHE_DIR'] = before
  })
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  it('loads the same dictionaries from the cache as from the YAML', () => {
    process.env['DYAD_CACHE_DIR'] = ''
    const parsed = loadDictionaries()
    process.env['DYAD_CACHE_DIR'] = cache
    loadDictionaries()
    expect(readdirSync(join(cache, 'yaml')).length).toBeGreaterThan(10)
    expect(loadDictionaries()).toStrictEqual(parsed)
  })

  it('names the line of a bad entry in a file it remembered', () => {
    const dir = join(temp, 'dictionaries')
    cpSync(FIXTURE, dir, { recursive: true, filter: (path) => !path.includes('broken') })
    const roles = join(dir, 'roles.yaml')
    const good = readFileSync(roles, 'utf8')
    // Valid YAML, an invalid entry: parsed (and remembered) on the first load, read back after.
    const bad = good.replace('sector: MIL', 'sector: NAVY')
    expect(bad).not.toBe(good)
    writeFileSync(roles, bad)
    const message = (): string => {
      try {
        loadDictionaries(dir)
      } catch (error) {
        if (error instanceof DyadError) return error.message
        throw error
      }
      throw new Error('expected the load to fail')
    }
    const first = message()
    expect(first).toMatch(/roles\.yaml:7: entry "defence-minister": field sector/)
    expect(message()).toBe(first)
  })

  it('still loads when the cache folder cannot be written', () => {
    const file = join(temp, 'a-file')
    writeFileSync(file, '')
    process.env['DYAD_CACHE_DIR'] = file
    expect(loadDictionaries(FIXTURE).countries.length).toBeGreaterThan(0)
  })
})
