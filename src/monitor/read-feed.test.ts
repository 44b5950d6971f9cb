import { describe, expect, it } from 'vitest'
import { looksLikeFeed, readFeed } from './read-feed.js'

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Caribbean Desk</title><link>https://desk.example/</link>
<item><title>Venezuela and Iran sign refinery accord</title><link>/2024/11/20/accord</link>
<description>&lt;p&gt;The two governments signed the accord in Caracas.&lt;/p&gt;&lt;p&gt;More talks are planned.&lt;/p&gt;</description>
<pubDate>Wed, 20 Nov 2024 10:00:00 GMT</pubDate><guid isPermaLink="false">accord-1</guid></item>
<item><title>Untitled link-less note</title></item>
</channel></rss>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Minsk Bulletin</title><id>urn:bulletin</id>
<updated>2024-11-19T09:00:00Z</updated>
<entry><title>Belarus hosts Venezuelan delegation</title>
<link rel="alternate" href="https://bulletin.example/a/delegation"/><id>urn:1</id>
<published>2024-11-19T08:00:00Z</published><updated>2024-11-19T09:00:00Z</updated>
<content type="html">&lt;p&gt;A Venezuelan delegation arrived in Minsk.&lt;/p&gt;</content></entry>
</feed>`

describe('readFeed', () => {
  it('reads RSS 2.0 items: absolute link, day, summary paragraphs, feed title as outlet', () => {
    const feed = readFeed(RSS)
    if (!feed.ok) throw new Error(feed.reason)
    expect(feed.title).toBe('Caribbean Desk')
    const [first, second] = feed.entries
    expect(first).toMatchObject({
      url: 'https://desk.example/2024/11/20/accord',
      title: 'Venezuela and Iran sign refinery accord',
      publishedOn: '2024-11-20',
      outlet: 'Caribbean Desk',
      guid: 'accord-1',
    })
    expect(first?.paragraphs).toEqual([
      'The two governments signed the accord in Caracas.',
      'More talks are planned.',
    ])
    expect(second?.url).toBeNull()
  })

  it('reads Atom entries, published before updated', () => {
    const feed = readFeed(ATOM)
    if (!feed.ok) throw new Error(feed.reason)
    expect(feed.entries).toHaveLength(1)
    expect(feed.entries[0]).toMatchObject({
      url: 'https://bulletin.example/a/delegation',
      publishedOn: '2024-11-19',
      outlet: 'Minsk Bulletin',
      paragraphs: ['A Venezuelan delegation arrived in Minsk.'],
    })
  })

  it("takes the item's day as the publisher wrote it, not shifted to UTC", () => {
    const feed = readFeed(
      RSS.replace('Wed, 20 Nov 2024 10:00:00 GMT', 'Wed, 20 Nov 2024 01:00:00 +0330'),
    )
    expect(feed.ok && feed.entries[0]?.publishedOn).toBe('2024-11-20')
  })

  it("takes an item's own source as its outlet (aggregator feeds)", () => {
    const withSource = RSS.replace(
      '<guid isPermaLink="false">accord-1</guid>',
      '<guid isPermaLink="false">accord-1</guid><source url="https://wire.example/rss">Andes Wire</source>',
    )
    const feed = readFeed(withSource)
    expect(feed.ok && feed.entries.map((entry) => entry.outlet)).toEqual([
      'Andes Wire',
      'Caribbean Desk',
    ])
    const atom = readFeed(
      ATOM.replace('<id>urn:1</id>', '<id>urn:1</id><source><title>Baltic Post</title></source>'),
    )
    expect(atom.ok && atom.entries[0]?.outlet).toBe('Baltic Post')
  })

  it('says why a document is not a feed', () => {
    const page = readFeed('<html><body><p>Just a page</p></body></html>')
    expect(page.ok).toBe(false)
    if (!page.ok) expect(page.reason).toMatch(/not an RSS or Atom feed/)
  })
})

describe('looksLikeFeed', () => {
  it('tells feeds from pages by their root element', () => {
    expect(looksLikeFeed(RSS)).toBe(true)
    expect(looksLikeFeed(ATOM)).toBe(true)
    expect(looksLikeFeed('<!doctype html><html><head><title>x</title></head></html>')).toBe(false)
  })
})
