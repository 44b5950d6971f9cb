/**
 * A small news site on loopback for the monitoring tests: an RSS 2.0 feed and an Atom feed whose
 * items link to article pages, some good, one slow, two failing (500, 404), one huge, one
 * redirecting, one a copy of another under a second URL; and a webhook receiver that keeps what
 * it is sent. The article texts are written for these tests (short news-like reports).
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One article page: headline, dateline and paragraphs, and the day in its metadata. */
interface Page {
  readonly title: string
  readonly published: string
  readonly paragraphs: readonly string[]
}

/** The good pages, by path. */
export const PAGES: Readonly<Record<string, Page>> = {
  '/world/iran-venezuela-oil-deal': {
    title: 'Iran and Venezuela sign oil cooperation agreement',
    published: '2024-11-20T09:30:00+03:30',
    paragraphs: [
      'TEHRAN, November 20, 2024 - Iran and Venezuela signed an agreement on oil and gas cooperation on Wednesday, the Iranian oil ministry said.',
      'The deal was signed in Tehran by the oil ministers of the two countries, who also discussed refinery repairs and fuel shipments.',
    ],
  },
  '/world/nasirzadeh-caracas': {
    title: 'Iranian defence minister arrives in Caracas',
    published: '2024-11-18T18:00:00-04:00',
    paragraphs: [
      "CARACAS, November 18, 2024 - Iran's defence minister Aziz Nasirzadeh arrived in Caracas on Monday for talks with Venezuelan officials.",
      'Officials said Iran and Venezuela agreed to expand military cooperation, including training and joint naval exercises.',
    ],
  },
  '/world/belarus-venezuela-minsk': {
    title: 'Belarus and Venezuela foreign ministers meet in Minsk',
    published: '2024-11-19T12:00:00+03:00',
    paragraphs: [
      'MINSK, November 19, 2024 - The foreign ministers of Belarus and Venezuela met in Minsk on Tuesday to discuss trade and transport links.',
      'Both sides said a joint commission would meet again early next year.',
    ],
  },
  '/world/russia-venezuela-energy': {
    title: 'Russia and Venezuela sign energy deal',
    published: '2024-11-21T16:00:00+03:00',
    paragraphs: [
      'MOSCOW, November 21, 2024 - Russia and Venezuela signed an energy cooperation agreement in Moscow on Thursday, the Kremlin said.',
      'The agreement covers oil field services and the supply of drilling equipment.',
    ],
  },
  // A second outlet's report of the Tehran signing: the same event, a second source.
  '/wire/tehran-caracas-accord': {
    title: 'Tehran and Caracas seal oil accord',
    published: '2024-11-20T14:00:00+00:00',
    paragraphs: [
      'TEHRAN, November 20, 2024 - Iran and Venezuela signed an agreement on energy cooperation on Wednesday in Tehran, officials from both governments said.',
    ],
  },
}

/** What the feeds list and how each link behaves. */
export const LINKS = {
  oilDeal: '/world/iran-venezuela-oil-deal',
  caracas: '/world/nasirzadeh-caracas',
  minsk: '/world/belarus-venezuela-minsk',
  /** Redirects (302) to the Moscow page. */
  moved: '/world/moved-story',
  /** Answers after `slowMs`. */
  slow: '/world/slow-story',
  /** HTTP 500. */
  broken: '/world/broken-story',
  /** HTTP 404. */
  missing: '/world/missing-story',
  /** A page of several megabytes, streamed without a Content-Length. */
  huge: '/world/huge-story',
  /** The oil-deal page again, under another URL: same text, stored once. */
  copy: '/world/iran-venezuela-oil-deal-copy',
  wire: '/wire/tehran-caracas-accord',
} as const

export interface NewsServer {
  readonly base: string
  /** Every request path the site answered, in order. */
  readonly requests: string[]
  /** User-Agent headers seen. */
  readonly userAgents: Set<string>
  /** Bodies POSTed to /webhook, parsed. */
  readonly webhook: unknown[]
  /** Feed requests answered 304 Not Modified (the client sent the feed's ETag). */
  readonly notModified: () => number
  /** Add the wire report to the RSS feed (a later poll's news). */
  publishWire(): void
  close(): Promise<void>
}

export interface NewsServerOptions {
  /** How long the slow page takes. */
  readonly slowMs?: number
  /** Bytes of the huge page. */
  readonly hugeBytes?: number
}

/** Start the site on 127.0.0.1, a free port. */
export async function startNewsServer(opts: NewsServerOptions = {}): Promise<NewsServer> {
  const slowMs = opts.slowMs ?? 3000
  const hugeBytes = opts.hugeBytes ?? 3 * 1024 * 1024
  const requests: string[] = []
  const userAgents = new Set<string>()
  const webhook: unknown[] = []
  let wire = false
  let notModified = 0
  const timers = new Set<NodeJS.Timeout>()

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push(path)
    if (req.headers['user-agent'] !== undefined) userAgents.add(req.headers['user-agent'])
    if (path === '/webhook' && req.method === 'POST') {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        webhook.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        res.writeHead(204).end()
      })
      return
    }
    if (path === '/rss.xml' || path === '/atom.xml') {
      const [type, body] =
        path === '/rss.xml'
          ? ['application/rss+xml', rss(base, wire)]
          : ['application/atom+xml', atom(base)]
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
      if (req.headers['if-none-match'] === etag) {
        notModified++
        res.writeHead(304, { etag }).end()
        return
      }
      res.writeHead(200, { 'content-type': type, etag }).end(body)
      return
    }
    if (path === LINKS.moved) {
      res.writeHead(302, { location: '/world/russia-venezuela-energy' }).end()
      return
    }
    if (path === LINKS.broken) return send(res, 'text/plain', 'internal error', 500)
    if (path === LINKS.slow) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        send(res, 'text/html', pageHtml(base, path, PAGES[LINKS.minsk] as Page))
      }, slowMs)
      timers.add(timer)
      return
    }
    if (path === LINKS.huge) return streamHuge(res, hugeBytes)
    const page = PAGES[path === LINKS.copy ? LINKS.oilDeal : path]
    if (page === undefined) return send(res, 'text/plain', 'not found', 404)
    send(res, 'text/html; charset=utf-8', pageHtml(base, path, page))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    requests,
    userAgents,
    webhook,
    notModified: () => notModified,
    publishWire: () => {
      wire = true
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type }).end(body)
}

/** Megabytes of filler, chunk by chunk, with no Content-Length: only a streaming limit stops it. */
function streamHuge(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'text/html' })
  const chunk = `<p>${'Filler text about nothing in particular. '.repeat(400)}</p>\n`
  let sent = 0
  const write = (): void => {
    while (sent < bytes) {
      sent += chunk.length
      if (!res.write(chunk)) {
        res.once('drain', write)
        return
      }
    }
    res.end()
  }
  res.on('error', () => undefined)
  write()
}

function pageHtml(base: string, path: string, page: Page): string {
  const body = page.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')
  return `<!doctype html><html><head><title>${escapeXml(page.title)} | Test Wire</title>
<meta property="og:site_name" content="${path.startsWith('/wire/') ? 'Other Wire' : 'Test Wire'}">
<meta property="article:published_time" content="${page.published}">
<link rel="canonical" href="${base}${path}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${escapeXml(page.title)}</h1>${body}</article>
<footer>Copyright Test Wire. All rights reserved.</footer></body></html>`
}

/** RSS 2.0: the Iran-Venezuela pages, the failing ones, the redirect, the copy. */
function rss(base: string, withWire: boolean): string {
  const items: [string, string, string][] = [
    [
      LINKS.oilDeal,
      'Iran and Venezuela sign oil cooperation agreement',
      'Wed, 20 Nov 2024 06:00:00 GMT',
    ],
    [LINKS.caracas, 'Iranian defence minister arrives in Caracas', 'Mon, 18 Nov 2024 22:00:00 GMT'],
    [LINKS.moved, 'Russia and Venezuela sign energy deal', 'Thu, 21 Nov 2024 13:00:00 GMT'],
    [LINKS.slow, 'A story that takes its time', 'Thu, 21 Nov 2024 14:00:00 GMT'],
    [LINKS.broken, 'A story the server cannot serve', 'Thu, 21 Nov 2024 15:00:00 GMT'],
    [LINKS.missing, 'A story that was taken down', 'Thu, 21 Nov 2024 16:00:00 GMT'],
    [LINKS.huge, 'A story far too long', 'Thu, 21 Nov 2024 17:00:00 GMT'],
    [
      `${LINKS.copy}?utm_source=rss`,
      'Iran and Venezuela sign oil cooperation agreement',
      'Wed, 20 Nov 2024 06:00:00 GMT',
    ],
  ]
  if (withWire)
    items.push([LINKS.wire, 'Tehran and Caracas seal oil accord', 'Wed, 20 Nov 2024 14:00:00 GMT'])
  const xml = items
    .map(
      ([
        path,
        title,
        date,
      ]) => `<item><title>${escapeXml(title)}</title><link>${base}${escapeXml(path)}</link>
<description>${escapeXml(`<p>${title}.</p>`)}</description><pubDate>${date}</pubDate><guid>${base}${escapeXml(path)}</guid></item>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire World</title><link>${base}/</link>
<description>World news for tests</description>
${xml}
</channel></rss>`
}

/** Atom: the Minsk meeting, and the oil deal again (the same link in two feeds). */
function atom(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Wire Europe</title>
<link href="${base}/"/><id>${base}/atom.xml</id><updated>2024-11-21T12:00:00Z</updated>
<entry><title>Belarus and Venezuela foreign ministers meet in Minsk</title>
<link rel="alternate" href="${base}${LINKS.minsk}"/><id>${base}${LINKS.minsk}</id>
<updated>2024-11-19T09:00:00Z</updated><summary>Foreign ministers met in Minsk.</summary></entry>
<entry><title>Iran and Venezuela sign oil cooperation agreement</title>
<link rel="alternate" href="${base}${LINKS.oilDeal}"/><id>${base}${LINKS.oilDeal}</id>
<updated>2024-11-20T06:00:00Z</updated><summary>Oil deal signed in Tehran.</summary></entry>
</feed>`
}

function escapeXml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
}
