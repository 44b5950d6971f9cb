import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { deserialize, serialize } from 'node:v8'
import { recallEntry, rememberEntry } from './disk-cache.js'
import type { PackedEld } from './ingest/eld-scorer.js'

const temp = mkdtempSync(join(tmpdir(), 'dyad-disk-cache-'))
const before = process.env['DYAD_CACHE_DIR']
afterEach(() => {
  if (before === undefined) delete process.env['DYAD_CACHE_DIR']
  else process.env['DYAD_CACHE_DIR'] = before
  vi.resetModules()
})
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** A fresh cache folder for one test, set as DYAD_CACHE_DIR. */
function useCache(name: string): string {
  const dir = join(temp, name)
  process.env['DYAD_CACHE_DIR'] = dir
  return dir
}

describe('disk cache', () => {
  it('gives back what was remembered under the same key, typed arrays and RegExps included', () => {
    useCache('round-trip')
    const data = { words: ['a', 'b'], scores: new Int32Array([3, 4]), separators: /[\s,]+/u }
    rememberEntry('test', 'key one', data)
    expect(recallEntry('test', 'key one')).toEqual({ data })
    expect(recallEntry('test', 'key two')).toBeUndefined()
  })

  it('keeps only the newest entries of a kind that asks so (an upgrade does not pile up)', () => {
    const dir = useCache('keep')
    for (const n of [1, 2, 3]) rememberEntry('yaml', `file ${n}`, n)
    for (const n of [1, 2, 3]) {
      rememberEntry('places', `version ${n}`, n, 2)
      // Each entry a minute older than the next one (files written within a ms share a time).
      for (const name of readdirSync(join(dir, 'places'))) {
        const path = join(dir, 'places', name)
        const time = statSync(path).mtime.getTime() / 1000 - 60
        utimesSync(path, time, time)
      }
    }
    expect(readdirSync(join(dir, 'yaml'))).toHaveLength(3)
    expect(readdirSync(join(dir, 'places'))).toHaveLength(2)
    expect(recallEntry('places', 'version 3')).toEqual({ data: 3 })
    expect(recallEntry('places', 'version 1')).toBeUndefined()
  })

  it('is off when DYAD_CACHE_DIR is empty, and a folder it cannot write only means no cache', () => {
    process.env['DYAD_CACHE_DIR'] = ''
    rememberEntry('test', 'key', 1)
    expect(recallEntry('test', 'key')).toBeUndefined()
    const file = join(temp, 'a-file')
    writeFileSync(file, '')
    process.env['DYAD_CACHE_DIR'] = file
    expect(() => rememberEntry('test', 'key', 1)).not.toThrow()
    expect(recallEntry('test', 'key')).toBeUndefined()
  })
})

/**
 * A start with an empty cache, one that reads the entry it left, and one after the entry was
 * damaged (it must build and write it again): all three give `start`'s first answer.
 */
async function acrossStarts<T>(kind: string, start: () => Promise<T>) {
  const dir = useCache(kind)
  const first = await start()
  const [entry] = readdirSync(join(dir, kind))
  expect(entry).toBeDefined()
  const file = join(dir, kind, entry!)
  const remembered = readFileSync(file)
  vi.resetModules()
  expect(await start()).toEqual(first)
  writeFileSync(file, 'not a serialized pack')
  vi.resetModules()
  expect(await start()).toEqual(first)
  // (Buffer.equals: a deep equal of megabytes would take the test's whole time.)
  expect(readFileSync(file).equals(remembered)).toBe(true)
  return { first, file, remembered }
}

describe('what a start reads back instead of building', () => {
  const names: [string, string[]][] = [
    ['Santa Marta', ['COL']],
    ['cartagena', ['ESP', 'COL']],
    ['São Paulo', ['BRA']],
    ['Sao Paulo', ['BRA']],
    ['Isfahan', ['IRN']],
    ['Springfield', ['USA']],
    ['Cartagena', ['IRN']],
    ['Nowhere-at-all', ['USA']],
  ]
  const finds = async (): Promise<unknown[]> => {
    const { loadGazetteer } = await import('./geo/gazetteer.js')
    const gazetteer = loadGazetteer()
    return [gazetteer.size, ...names.map(([name, in_]) => gazetteer.find(name, new Set(in_)))]
  }

  it('the gazetteer: the same places from the cache, and a damaged entry is built again', async () => {
    const { first: built, file } = await acrossStarts('places', finds)
    expect(built[0]).toBeGreaterThan(100_000)
    expect(built[1]).toMatchObject({ name: 'Santa Marta', country: 'COL' })
    // And what is remembered is what a start uses: a planted one-town gazetteer is read back.
    const one = {
      keys: 'santa marta',
      first: new Int32Array([0, 1]),
      names: 'Santa Marta',
      countries: 'COL',
      lat: new Float64Array([1]),
      lon: new Float64Array([2]),
    }
    writeFileSync(file, serialize(one))
    vi.resetModules()
    const planted = { name: 'Santa Marta', country: 'COL', lat: 1, lon: 2 }
    expect(await finds()).toEqual([1, planted, ...names.slice(1).map(() => null)])
  })

  it('the language detector: the same answers from the cache, a damaged entry ignored', async () => {
    const texts = [
      'The foreign minister met his Venezuelan counterpart in Caracas on Friday.',
      'El canciller se reunió con su homólogo venezolano en Caracas el viernes.',
      'Lula meets Sánchez in Brasília as ministers sign a trade accord on Monday.',
    ]
    const answers = async (): Promise<unknown[]> => {
      const detectors = await import('./ingest/detect-language.js')
      const article = await detectors.loadArticleLanguageDetector()
      const sentence = await detectors.loadLanguageDetector()
      return texts.flatMap((text) => [article(text), sentence(text)])
    }
    const { first: loaded, file, remembered } = await acrossStarts('eld', answers)
    expect(loaded.slice(0, 4)).toEqual(['en', 'en', 'es', 'es'])
    // And what is remembered is what a start uses: a planted pack that calls English Spanish and
    // Spanish English (its own check samples relabelled alike, so it passes them) is read back.
    const swap = (code: string): string => (code === 'en' ? 'es' : code === 'es' ? 'en' : code)
    const pack = deserialize(remembered) as PackedEld
    const planted: PackedEld = {
      ...pack,
      languages: pack.languages.map(swap),
      samples: pack.samples.map((sample) => ({
        language: swap(sample.language),
        scores: Object.fromEntries(Object.entries(sample.scores).map(([k, v]) => [swap(k), v])),
      })),
    }
    writeFileSync(file, serialize(planted))
    vi.resetModules()
    expect((await answers()).slice(0, 4)).toEqual(['es', 'es', 'en', 'en'])
  })
})
