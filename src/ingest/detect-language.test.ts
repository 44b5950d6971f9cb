import { describe, expect, it } from 'vitest'

import { loadLanguageDetector } from './detect-language.js'

describe('detect-language', () => {
  it.each([
    ['en', 'The foreign minister met his Venezuelan counterpart in Caracas on Friday.'],
    ['es', 'El canciller se reunió con su homólogo venezolano en Caracas el viernes.'],
    [null, 'November 20, 2024 - 22:38'],
    [null, ''],
  ])('detects %s in %j', async (expected, text) => {
    const detectLanguage = await loadLanguageDetector()
    expect(detectLanguage(text)).toBe(expected)
  })

  it('loads once and hands out the same detector', async () => {
    expect(await loadLanguageDetector()).toBe(await loadLanguageDetector())
  })
})
