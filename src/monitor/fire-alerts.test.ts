import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveDoc } from '../store/queries/articles.js'
import { makeEventDoc, makeMention, makeTempStore } from '../../test/helpers/event-fixtures.js'
import { addAlert, type NewAlert } from './alerts.js'
import { deliverFirings, eventsOfArticles, recordFirings, retryWebhooks } from './fire-alerts.js'

/** A webhook receiver that answers 503 while `down`, and keeps what it accepts. */
let receiver: Server
let hook = ''
let down = false
const received: unknown[] = []

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (down) return void res.writeHead(503).end()
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done))
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
})

afterAll(async () => {
  receiver.closeAllConnections()
  await new Promise((done) => receiver.close(done))
})

const signing = (article: string) =>
  makeMention(article, {
    type: 'sign_agreement',
    cameo: '057',
    evidence: 'Iran and Venezuela signed a cooperation agreement in Caracas.',
    location: null,
  })

const ALERT: NewAlert = {
  pair: 'IRN-VEN',
  types: ['sign_agreement'],
  modalities: null,
  minSources: 1,
  onNewSource: false,
  jsonlPath: null,
  webhookUrl: null,
}

describe('alert firings', () => {
  it('fire once per event, again on a new source only when asked, and are written to the JSONL file', async () => {
    const { store, file, remove } = await makeTempStore()
    try {
      const jsonl = join(file, '..', 'alerts.jsonl')
      const once = addAlert(store, { ...ALERT, jsonlPath: jsonl })
      const again = addAlert(store, { ...ALERT, onNewSource: true })
      const twoSources = addAlert(store, { ...ALERT, minSources: 2 })
      const lines: string[] = []
      const fire = async (
        id: string,
        outlet: string,
      ): Promise<{ alert: number; why: string }[]> => {
        saveDoc(store, makeEventDoc(id, [signing(id)], { outlet }))
        const firings = recordFirings(store, eventsOfArticles(store, [id]))
        await deliverFirings(store, firings, {
          print: (line) => lines.push(line),
          log: () => undefined,
        })
        return firings.map((f) => ({ alert: f.alert.id, why: f.why }))
      }
      expect(await fire('a1', 'Wire One')).toEqual([
        { alert: once, why: 'new event' },
        { alert: again, why: 'new event' },
      ])
      // The same outlet again: no new source, nothing fires.
      expect(await fire('a2', 'Wire One')).toEqual([])
      expect(await fire('a3', 'Wire Two')).toEqual([
        { alert: again, why: 'new source' },
        { alert: twoSources, why: 'new event' },
      ])
      // Asked again about the same events, nothing fires twice.
      expect(recordFirings(store, eventsOfArticles(store, ['a1', 'a2', 'a3']))).toEqual([])
      expect(lines).toHaveLength(4)
      expect(lines[0]).toMatch(
        /^alert 1 IRN-VEN: sign_agreement IRNGOVDIP -> VENGOV 2023-02-03, event \d+, 1 source \(new event\): "Iran and Venezuela signed/,
      )
      const written = readFileSync(jsonl, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
      expect(written).toEqual([
        expect.objectContaining({
          alert: once,
          dyad: 'IRN-VEN',
          why: 'new event',
          sources: ['https://example.org/a1'],
        }),
      ])
    } finally {
      remove()
    }
  })

  it('send a webhook that failed again at a later poll, until it gets through', async () => {
    const { store, remove } = await makeTempStore()
    try {
      addAlert(store, { ...ALERT, webhookUrl: hook })
      saveDoc(store, makeEventDoc('b1', [signing('b1')]))
      down = true
      const logged: string[] = []
      const log = (line: string): void => void logged.push(line)
      await deliverFirings(store, recordFirings(store, eventsOfArticles(store, ['b1'])), {
        print: () => undefined,
        log,
      })
      expect(logged).toEqual([`alert 1: webhook ${hook} failed: HTTP 503`])
      expect(received).toHaveLength(0)
      down = false
      expect(await retryWebhooks(store, { log })).toBe(1)
      expect(received).toEqual([
        expect.objectContaining({
          alert: 1,
          event: expect.objectContaining({ type: 'sign_agreement' }),
        }),
      ])
      // Delivered: not sent a third time.
      expect(await retryWebhooks(store, { log })).toBe(0)
      expect(received).toHaveLength(1)
    } finally {
      remove()
    }
  })
})
