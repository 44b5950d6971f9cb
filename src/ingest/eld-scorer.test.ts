import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { eld } from 'eld'
import { describe, expect, it } from 'vitest'

import { compileEldScorer, scorerFromPack } from './eld-scorer.js'

// The example articles, cut into lines and sentences, plus text in other scripts and noise.
function sampleTexts(): string[] {
  const dir = 'examples/articles/text'
  const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))
  const pieces = texts.flatMap((t) => [t, ...t.split(/(?<=[.!?])\s+|\n+/u)])
  return [
    ...pieces,
    'Il ministro degli Esteri ha incontrato il suo omologo a Roma.',
    'Премьер-министр Индии прибыл в Москву с официальным визитом.',
    '日本の首相は月曜日にワシントンを訪問した。',
    '🇮🇷 ✈️ 🇻🇪 — 2024-11-20, 22:38 · https://example.com/a?b=c',
    'x'.repeat(90) + ' ' + 'é'.repeat(90) + ' \ud83d',
    // Past eld's cuts (350 bytes at a space, 380 inside a word), words repeated, a surrogate
    // swallowing the space after it.
    'der die das und '.repeat(20) + 'ü'.repeat(200),
    'le la les '.repeat(30) + 'é'.repeat(30) + '😀'.repeat(40),
    'ein \ud83d der \udc00 die '.repeat(3) + 'straße '.repeat(60),
  ]
}

describe('eld-scorer', () => {
  it('answers as eld does, text for text', async () => {
    const instance = eld.newInstance()
    if ('load' in instance && typeof instance.load === 'function') await instance.load('medium')
    const scorer = await compileEldScorer('medium', (text) => instance.detect(text))
    expect(scorer).not.toBeNull()
    const texts = sampleTexts()
    expect(texts.length).toBeGreaterThan(50)
    for (const text of texts) {
      const theirs = instance.detect(text)
      expect([text, scorer?.(text)]).toEqual([text, theirs.language])
      // Whole articles read the scores too (the lean to English): the same numbers, bit for bit.
      const ours = scorer?.detect(text)
      expect([text, ours?.language, ours?.getScores()]).toEqual([text, theirs.language, theirs.getScores()])
    }
  })

  it('answers as eld does from a database packed for another thread', async () => {
    const instance = eld.newInstance()
    if ('load' in instance && typeof instance.load === 'function') await instance.load('medium')
    const scorer = await compileEldScorer('medium', (text) => instance.detect(text))
    // What a pipeline thread gets: the pack after a structured clone.
    const packed = scorerFromPack(structuredClone(scorer!.pack()))
    expect(packed).not.toBeNull()
    for (const text of sampleTexts()) {
      const theirs = instance.detect(text)
      const ours = packed?.detect(text)
      expect([text, packed?.(text), ours?.getScores()]).toEqual([text, theirs.language, theirs.getScores()])
    }
  })

  it('declines a damaged pack, so the thread loads eld itself', async () => {
    const instance = eld.newInstance()
    if ('load' in instance && typeof instance.load === 'function') await instance.load('medium')
    const pack = (await compileEldScorer('medium', (text) => instance.detect(text)))!.pack()
    expect(scorerFromPack({ ...pack, scores: pack.scores.map((score, i) => (i % 2 ? score + 1 : score)) })).toBeNull()
  })

  it('declines when the database is not there, so eld itself is used', async () => {
    const none = { language: '', getScores: () => ({}) }
    expect(await compileEldScorer('no-such-database', () => none)).toBeNull()
  })
})
