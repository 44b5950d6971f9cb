import { describe, expect, it } from 'vitest'

import { loadArticleLanguageDetector, loadLanguageDetector } from './detect-language.js'

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

  // Names make short English look Portuguese or Tagalog to eld; real foreign text stays foreign.
  it.each([
    [
      'en',
      'Lula meets Sánchez in Brasília\n\nLuiz Inácio Lula da Silva and Pedro Sánchez met in Brasília.',
    ],
    ['en', 'Xi Jinping meets Kim Jong Un in Pyongyang'],
    ['es', 'El presidente de Venezuela, Nicolás Maduro, recibió el viernes al ministro de Irán.'],
    ['fr', 'Le président français a rencontré vendredi son homologue allemand à Berlin.'],
    ['de', 'Der Außenminister reiste am Montag nach Peking, um über Handel zu sprechen.'],
    [null, 'November 20, 2024'],
  ])('judges a whole article %s: %j', async (expected, text) => {
    const detectLanguage = await loadArticleLanguageDetector()
    expect(detectLanguage(text)).toBe(expected)
  })
})
