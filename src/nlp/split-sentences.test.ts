import { describe, expect, it } from 'vitest'
import type { Article, Doc } from '../doc.js'
import { runStages } from '../stage.js'
import { segment, splitSentences, withoutNames } from './split-sentences.js'

const sentencesOf = (text: string): string[] =>
  segment(text).map((s) => text.slice(s.span[0], s.span[1]))

describe('split-sentences', () => {
  // prettier-ignore
  it.each([
    // abbreviations stay inside the sentence
    ['Dr. Lee met the U.S. envoy. He left.', ['Dr. Lee met the U.S. envoy.', 'He left.']],
    ['Gen. Smith arrived on Jan. 5 in Washington.', ['Gen. Smith arrived on Jan. 5 in Washington.']],
    ['Lt. Col. Smith and Adm. Kirby spoke.', ['Lt. Col. Smith and Adm. Kirby spoke.']],
    ['Pres. Biden met Gov. Newsom.', ['Pres. Biden met Gov. Newsom.']],
    ['He flew to the U.S. The talks began.', ['He flew to the U.S.', 'The talks began.']],
    ['The U.N. Security Council met on Sept. 3. It ended.', ['The U.N. Security Council met on Sept. 3.', 'It ended.']],
    ['He left at 5 a.m. local time.', ['He left at 5 a.m. local time.']],
    ['Rafsanjani warned the U.S. Not to intervene in the Gulf.', ['Rafsanjani warned the U.S. Not to intervene in the Gulf.']],
    ['No. 10 Downing Street said so.', ['No. 10 Downing Street said so.']],
    // quotes
    ['“We will go,” he said. "It is fine," she said.', ['“We will go,” he said.', '"It is fine," she said.']],
    ['He said “we will go.” Then he left.', ['He said “we will go.”', 'Then he left.']],
    ['Nobody asked. File now!!!"', ['Nobody asked.', 'File now!!!"']],
    // every line break is a boundary: titles, datelines, tweets
    ['Iran protests\n\nPARIS, March 18 - France protested.', ['Iran protests', 'PARIS, March 18 - France protested.']],
    ['November 20, 2024 - 22:38\n\nTEHRAN – Iran called', ['November 20, 2024 - 22:38', 'TEHRAN – Iran called']],
    ['The minister\nsaid no', ['The minister', 'said no']],
    ['@user: hola amigo #tag\nRT @AmbJohnBolton: We stand with Venezuela. pic.twitter.com/u6KeMmXddz', ['@user: hola amigo #tag', 'RT @AmbJohnBolton: We stand with Venezuela.', 'pic.twitter.com/u6KeMmXddz']],
    ['Line one.\r\nLine two.', ['Line one.', 'Line two.']],
    // spacing is trimmed and empty sentences are skipped
    ['  Iran protested.   \n \n\n  It said so.  ', ['Iran protested.', 'It said so.']],
    ['', []],
    [' \n\n ', []],
  ])('%j -> %j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected)
  })

  it.each([
    'Dr. Lee met the U.S. envoy. He left.',
    'Title\n\n  PARIS, March 18 - It\u00a0rained. “Yes,” he said.\n@x: hola\n',
    'A\tB. C\u200bD e\u0301t\u00e9. ﬁne don’t “go”!',
  ])('gives exact, trimmed spans in text order: %j', (text) => {
    const sentences = segment(text)
    sentences.forEach((s, i) => {
      const piece = text.slice(s.span[0], s.span[1])
      expect(s.index).toBe(i)
      expect(piece).toBe(piece.trim())
      expect(piece).not.toMatch(/\n/)
      expect(piece.length).toBeGreaterThan(0)
      if (i > 0) expect(s.span[0]).toBeGreaterThanOrEqual(sentences[i - 1]!.span[1])
    })
  })

  it('asks the detector for each sentence language', () => {
    const detect = (s: string) => (/hola/.test(s) ? 'es' : s.length < 10 ? null : 'en')
    const got = segment('Iran protested loudly.\nhola amigos de Venezuela\nOK.', detect)
    expect(got.map((s) => s.language)).toEqual(['en', 'es', null])
    expect(segment('Iran protested loudly.')[0]!.language).toBeNull()
  })

  it('judges a sentence’s language on its own words, not on the names it carries', async () => {
    const { loadLanguageDetector } = await import('../ingest/detect-language.js')
    const detect = await loadLanguageDetector()
    const text =
      'Colombian President Juan Manuel Santos met Venezuelan President Hugo Chavez on Tuesday.\n' +
      'El presidente Nicolás Maduro recibió al canciller iraní en Caracas este sábado.'
    const [names, spanish] = segment(text, detect)
    expect(names?.language ?? 'en').toBe('en')
    expect(spanish?.language).toBe('es')
    expect(withoutNames('El presidente Maduro recibió al canciller.')).toBe('El presidente recibió al canciller.')
  })

  it('runs as a stage with the detector from the context', () => {
    const text = 'Iran protests\n\nFrance protested. Canada did not.'
    const article: Article = {
      id: 'a',
      title: 'Iran protests',
      text,
      publishedOn: null,
      publishedBasis: null,
      url: null,
      outlet: null,
      language: 'en',
      origin: 'test',
      contentHash: '',
    }
    const doc: Doc = { article, problems: [] }
    const out = runStages(doc, [splitSentences], { detectLanguage: () => 'en' })
    const got = out.sentences?.map((s) => [s.index, text.slice(s.span[0], s.span[1]), s.language])
    expect(got).toEqual([
      [0, 'Iran protests', 'en'],
      [1, 'France protested.', 'en'],
      [2, 'Canada did not.', 'en'],
    ])
  })
})
