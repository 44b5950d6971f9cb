import { describe, expect, it } from 'vitest'

import { formatByteSize, parseByteSize } from './byte-size.js'

describe('byte-size', () => {
  it.each([
    ['10MB', 10 * 1024 * 1024],
    ['10 mb', 10 * 1024 * 1024],
    ['512KB', 512 * 1024],
    ['2.5M', 2.5 * 1024 * 1024],
    ['1g', 1024 ** 3],
    ['2000000', 2_000_000],
    ['100b', 100],
  ])('reads %j as %d bytes', (value, bytes) => {
    expect(parseByteSize(value)).toBe(bytes)
  })

  it.each([['ten'], [''], ['10 parsecs'], ['-5MB'], ['0'], ['0.1b'], ['1e3']])(
    'refuses %j',
    (value) => {
      expect(parseByteSize(value)).toBeNull()
    },
  )

  it.each([
    [52428800, '50 MB'],
    [10 * 1024 * 1024, '10 MB'],
    [1536, '1.5 KB'],
    [999, '999 bytes'],
    [11 * 1024 * 1024 + 40, '11 MB'],
    [3 * 1024 ** 3, '3 GB'],
  ])('writes %d bytes as %j', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text)
  })
})
