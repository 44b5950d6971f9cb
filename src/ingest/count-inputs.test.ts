import { describe, expect, it } from 'vitest'
import { countInputs } from './count-inputs.js'
import { readInputs } from './read-inputs.js'

describe('countInputs', () => {
  it('counts what the reader reads: files and JSONL lines, skipped ones included', async () => {
    const paths = ['examples/articles', 'test/fixtures/ingest', 'test/fixtures/reliability']
    let read = 0
    for await (const _result of readInputs(paths)) read++
    // Broken JSONL lines and odd files still count once each, as the reader reports each.
    expect(await countInputs(paths)).toBe(read)
  })
  it('counts a missing path as one input (the reader reports it as one)', async () => {
    expect(await countInputs(['no/such/folder'])).toBe(1)
  })
})
