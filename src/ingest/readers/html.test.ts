import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { paragraphsOfHtml, readHtml } from './html.js'

const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/ingest/folder/nested/b-page.html', import.meta.url),
)

/** A small page around `body`, with `head` added to its head. */
function page(head: string, body: string): string {
  const title = '<title>Envoy visits Lima</title>'
  return `<!doctype html><html><head>${title}${head}</head><body>${body}</body></html>`
}

/** Paragraphs long enough for Readability to see an article. */
const STORY = [
  '<article>',
  '<p>The envoy of Chile arrived in Lima on Monday for talks with the foreign minister of Peru',
  ' about fishing rights.</p>',
  '<p>Both sides said the talks were useful and that a second round would follow in Santiago',
  ' next month.</p>',
  '</article>',
].join('')

function articleOf(html: string, origin = 'pages/lima.html') {
  const outcome = readHtml(html, origin)
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.article
}

describe('readers/html', () => {
  it('reads a cluttered page into clean paragraphs with its metadata', () => {
    const article = articleOf(readFileSync(FIXTURE, 'utf8'), FIXTURE)
    expect(article).toMatchObject({
      id: 'b-page',
      title: 'Ghana and Togo sign border trade pact',
      publishedOn: '2023-06-14',
      publishedBasis: 'html-meta',
      outlet: 'The Coastal Ledger',
      url: 'https://ledger.example.org/world/2023/06/14/ghana-togo-pact',
    })
    expect(article.text.split('\n\n')).toEqual([
      'Ghana and Togo sign border trade pact',
      'Ghana and Togo signed a pact on Tuesday that cuts the paperwork for traders who cross their shared border every day, officials in Accra said.',
      'The trade ministers of the two countries signed the text at a ceremony in the border town of Aflao, and said customs posts would start using a single form within three months.',
      'Market traders on both sides of the border have long complained about long queues and fees, and welcomed the news with cautious hope.',
    ])
  })

  it.each([
    [
      'article:published_time',
      '<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">',
    ],
    ['og:published_time', '<meta property="og:published_time" content="2024-03-05">'],
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@graph":[{"datePublished":"2024-03-05T10:00Z"}]}</script>',
    ],
    ['meta name=date', '<meta name="date" content="March 5, 2024">'],
  ])('takes the published day from %s', (_, head) => {
    expect(articleOf(page(head, STORY))).toMatchObject({
      publishedOn: '2024-03-05',
      publishedBasis: 'html-meta',
    })
  })

  it('takes the published day from <time datetime>', () => {
    const body = `<time datetime="2024-03-05T09:00">5 March</time>${STORY}`
    expect(articleOf(page('', body))).toMatchObject({
      publishedOn: '2024-03-05',
      publishedBasis: 'html-meta',
    })
  })

  it('falls back to a date line in the text, then to a dated URL', () => {
    const dated = STORY.replace('<article>', '<article><p>November 20, 2024 - 22:38</p>')
    expect(articleOf(page('', dated))).toMatchObject({
      publishedOn: '2024-11-20',
      publishedBasis: 'dateline',
    })
    const canonical = '<link rel="canonical" href="https://example.org/news/2024/3/5/lima">'
    expect(articleOf(page(canonical, STORY))).toMatchObject({
      publishedOn: '2024-03-05',
      publishedBasis: 'url',
    })
  })

  it('leaves the published day null when the page does not say', () => {
    expect(articleOf(page('', STORY))).toMatchObject({ publishedOn: null, publishedBasis: null })
  })

  it('drops the outlet from the <title>', () => {
    const html = page('<meta property="og:site_name" content="Daily Wire">', STORY).replace(
      '<title>Envoy visits Lima</title>',
      '<title>Envoy visits Lima | Daily Wire</title>',
    )
    expect(articleOf(html).title).toBe('Envoy visits Lima')
  })

  it('splits block elements into paragraphs and keeps inline text together', () => {
    const html = '<div><p>One <b>bold</b> word.</p><p>Two<br>Three</p><ul><li>Four</li></ul></div>'
    expect(paragraphsOfHtml(html)).toEqual(['One bold word.', 'Two', 'Three', 'Four'])
  })

  it('reads a page too short for Readability from its body', () => {
    const article = articleOf(page('', '<p>The envoy arrived in Lima.</p>'))
    expect(article.text).toBe('Envoy visits Lima\n\nThe envoy arrived in Lima.')
  })

  it.each([
    ['a bare fragment', '<p>The envoy arrived in Lima.', 'The envoy arrived in Lima.'],
    ['plain text', 'The envoy arrived in Lima.', 'The envoy arrived in Lima.'],
    [
      'a <title> never closed',
      '<title>Envoy visits Lima\n<body><p>The envoy arrived in Lima.</p>',
      'Envoy visits Lima\n\nThe envoy arrived in Lima.',
    ],
    [
      'unclosed tags and a stray "<"',
      '<div><p>The envoy <b>arrived <i>in Lima</b> on <<< Monday.<p>Talks began.',
      'The envoy arrived in Lima on <<< Monday.\n\nTalks began.',
    ],
  ])('reads broken HTML: %s', (_, html, text) => {
    expect(articleOf(html).text).toBe(text)
  })

  it('reads a page nested 20,000 deep quickly, without Readability or a stack overflow', () => {
    const story = '<p>The envoy arrived in Lima on Monday for talks on the border.</p>'
    const html = page('', `${'<div>'.repeat(20_000)}${story}${'</div>'.repeat(20_000)}`)
    const started = Date.now()
    expect(articleOf(html).text).toBe(
      'Envoy visits Lima\n\nThe envoy arrived in Lima on Monday for talks on the border.',
    )
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
