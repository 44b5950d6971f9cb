import { describe, expect, it } from 'vitest'

import { BOILERPLATE_RULES } from './boilerplate-rules.js'
import { cleanParagraphs, collapseWhitespace, countWords, judgeParagraphs, lineRuleOf } from './clean.js'

// Texts with every kind of spacing, letters and digits of several scripts, astral letters and
// lone surrogates, put together at random (seeded) from these pieces.
const PIECES = [
  'Iran', 'and', '12', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '|', '»', '+',
  '—', '.', 'é', 'Ж', '中', '٣', '𝔸', '😀', '\ud83d', '\udc00', '\u00ad', '\u200b', "'", '-',
]
function randomTexts(count: number): string[] {
  let seed = 42
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  return Array.from({ length: count }, () =>
    Array.from({ length: next(12) }, () => PIECES[next(PIECES.length)]).join(''),
  )
}

describe('clean', () => {
  it('counts words as the split on spacing and the letter-or-digit test do', () => {
    const plain = (text: string): number =>
      text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length
    for (const text of randomTexts(20_000)) expect([text, countWords(text)]).toEqual([text, plain(text)])
  })

  it('collapses whitespace as the two replaces and the trim do', () => {
    const plain = (text: string): string =>
      text.replace(/[\u00ad\u200b]/gu, '').replace(/\s+/gu, ' ').trim()
    for (const text of randomTexts(20_000)) expect([text, collapseWhitespace(text)]).toEqual([text, plain(text)])
  })

  it.each(BOILERPLATE_RULES.map((rule) => [rule.name, rule.example] as const))(
    'rule %s drops its own example %j',
    (name, example) => {
      expect(lineRuleOf(example)).toBe(name)
    },
  )

  it.each([
    ['navigation', 'Home | World | Politics'],
    ['navigation', 'News » Asia » Diplomacy'],
    ['navigation', 'By Jane Roe · 3 min read'],
    ['share-prompt', 'Share this article'],
    ['share-prompt', 'Follow us on Twitter'],
    ['share-prompt', 'Share on Facebook'],
    ['newsletter-prompt', 'Subscribe to our newsletter'],
    ['newsletter-prompt', 'We never spam! Read our privacy policy for details.'],
    ['click-prompt', 'Click here'],
    ['click-prompt', 'Read more'],
    ['click-prompt', 'Back to top'],
    ['related-heading', 'Related Articles'],
    ['related-heading', 'Related news'],
    ['related-heading', 'You may also like'],
    ['inline-related', 'READ MORE: Talks resume in Doha'],
    ['initials', 'AK/PR'],
    ['initials', '(dw/rc)'],
    ['credits', '(Reporting by Jane Roe; Editing by John Doe)'],
    ['credits', 'Translated by AB/ CD'],
    ['source-line', 'Source: Example Agency'],
    ['copyright', 'Copyright 2023 Example Media Group. All rights reserved.'],
    ['advertisement', 'ADVERTISEMENT'],
  ])('drops a %s line: %j', (rule, line) => {
    expect(lineRuleOf(line)).toBe(rule)
  })

  it.each([
    ['a tweet', 'Una visita productiva del canciller a Caracas. pic.twitter.com/AbCd123xYz'],
    ['a tweet attribution', '— Jane Roe (@janeroe) February 4, 2023'],
    ['a subhead', 'Naval squadron coming soon'],
    ['a short subhead', 'China justifies act'],
    ['"share" in a sentence', 'Both countries share this goal.'],
    ['"follow" in a sentence', 'The two sides agreed to follow up on the deal next month.'],
    ['"sign up" in a headline', 'Iran and Venezuela sign up to a new energy pact'],
    ['a bullet point', '• Technology transfer: both nations will share defence know-how.'],
    ['a sentence with a slash', 'The Iran/Iraq border talks resumed on Monday in Basra.'],
    [
      'a long paragraph with prompt words',
      'Officials said citizens could subscribe to text alerts about the border, and the ministry' +
        ' would share the new crossing rules with traders, drivers and local councils next week.',
    ],
  ])('keeps %s', (_, line) => {
    expect(lineRuleOf(line)).toBeNull()
  })

  it('drops the short link titles under "Related Articles", up to the next paragraph', () => {
    const verdicts = judgeParagraphs([
      'Related Articles',
      'Ports strike ends in Lome',
      'Cocoa prices fall again',
      'The ministers will meet again in March, a spokesman said.',
    ])
    expect(verdicts.map((v) => v.rule)).toEqual(['related-heading', 'link-list', 'link-list', null])
  })

  it('drops a menu written one item per line', () => {
    const lines = ['Home', 'World', 'Politics', 'Sport', 'The envoy arrived on Monday.']
    expect(judgeParagraphs(lines).map((v) => v.rule)).toEqual([
      'menu-run',
      'menu-run',
      'menu-run',
      'menu-run',
      null,
    ])
  })

  it('keeps three short lines (too few for a menu)', () => {
    expect(cleanParagraphs(['Iran', 'Iraq', 'Syria'])).toEqual(['Iran', 'Iraq', 'Syria'])
  })

  it('drops the short questions right above a newsletter prompt', () => {
    const verdicts = judgeParagraphs([
      'The talks ended on Friday.',
      'Want more?',
      'Tired of missing the news?',
      '',
      'Sign up for our daily briefing.',
    ])
    expect(verdicts.map((v) => v.rule)).toEqual([
      null,
      'prompt-lead',
      'prompt-lead',
      'empty',
      'newsletter-prompt',
    ])
  })

  it('drops a body line that repeats the title', () => {
    const title = 'Ghana and Togo sign border trade pact'
    expect(cleanParagraphs([title, 'The pact was signed on Tuesday.'], { title })).toEqual([
      'The pact was signed on Tuesday.',
    ])
  })

  it('strips reporting credits glued to the end of a paragraph', () => {
    const paragraph = 'The pact was signed. (Reporting by Jane Roe; Editing by John Doe)'
    expect(cleanParagraphs([paragraph])).toEqual(['The pact was signed.'])
  })

  it('collapses runs of whitespace inside a line and keeps paragraphs apart', () => {
    expect(collapseWhitespace('  Iran\u00a0and \t Venezuela  ')).toBe('Iran and Venezuela')
    expect(cleanParagraphs(['One  two.', '', 'Three   four.'])).toEqual(['One two.', 'Three four.'])
  })

  it('with keepCharacters, keeps kept paragraphs byte for byte and drops only whole ones', () => {
    const paragraphs = ['  Kept  with   its spaces.  ', 'Share this article', '\tAlso kept.']
    expect(cleanParagraphs(paragraphs, { keepCharacters: true })).toEqual([
      '  Kept  with   its spaces.  ',
      '\tAlso kept.',
    ])
  })
})
