import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Event } from '../events/event.js'
import { modalitiesOf, pairOfDyad, typesOf, type Alert } from './alerts.js'
import { readFeedList } from './feed-list.js'
import { matches } from './fire-alerts.js'
import { backoffMs } from './seen-urls.js'

const ALERT: Alert = {
  id: 1,
  pair: 'IRN-VEN',
  types: ['sign_agreement', 'cooperate_military'],
  modalities: null,
  minSources: 2,
  onNewSource: false,
  jsonlPath: null,
  webhookUrl: null,
  createdAt: '2026-11-24T00:00:00.000Z',
}

/** An event with the fields matching reads; the rest does not matter to it. */
function event(over: Partial<Event> & { from: string; to: string | null }): Event {
  const actor = (country: string) => ({ country, sector: null, person: null, code: country })
  return {
    type: 'sign_agreement',
    modality: 'asserted',
    num_sources: 2,
    ...over,
    source: actor(over.from),
    target: over.to === null ? null : actor(over.to),
  } as unknown as Event
}

describe('matches', () => {
  it('takes either direction of the pair, the listed types and enough sources', () => {
    expect(matches(ALERT, event({ from: 'VEN', to: 'IRN' }))).toBe(true)
    expect(matches(ALERT, event({ from: 'IRN', to: 'VEN', type: 'cooperate_military' }))).toBe(true)
    expect(matches(ALERT, event({ from: 'IRN', to: 'VEN', type: 'visit' }))).toBe(false)
    expect(matches(ALERT, event({ from: 'IRN', to: 'VEN', num_sources: 1 }))).toBe(false)
    expect(matches(ALERT, event({ from: 'IRN', to: 'CUB' }))).toBe(false)
    expect(matches(ALERT, event({ from: 'IRN', to: null }))).toBe(false)
    const assertedOnly = { ...ALERT, modalities: ['asserted'] }
    expect(matches(assertedOnly, event({ from: 'IRN', to: 'VEN', modality: 'planned' }))).toBe(
      false,
    )
  })
})

describe('alert options', () => {
  it('read a dyad in either order and refuse what is not one', () => {
    expect(pairOfDyad('ven-irn')).toBe('IRN-VEN')
    expect(() => pairOfDyad('IRN')).toThrow(/not a pair of country codes/)
    expect(() => pairOfDyad('IRN-VEN-CUB')).toThrow(/not a pair/)
  })

  it('check types and modalities against what dyad codes', () => {
    expect(typesOf('sign_agreement, sanction')).toEqual(['sign_agreement', 'sanction'])
    expect(() => typesOf('sign_agreement,hug')).toThrow(/unknown event type hug/)
    expect(modalitiesOf('asserted')).toEqual(['asserted'])
    expect(() => modalitiesOf('rumoured')).toThrow(/asserted, planned or both/)
  })
})

describe('backoffMs', () => {
  it('doubles with each failure up to an hour, or one interval when longer', () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, 15 * 60_000))).toEqual([
      15 * 60_000,
      30 * 60_000,
      60 * 60_000,
      60 * 60_000,
      60 * 60_000,
    ])
    expect(backoffMs(3, 2 * 3_600_000)).toBe(2 * 3_600_000)
  })
})

describe('readFeedList', () => {
  it('reads URLs and files, skips comments, and names a bad line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-feeds-'))
    try {
      const file = join(dir, 'feeds.txt')
      writeFileSync(
        file,
        '# desks\nhttps://a.example/rss  # world\n\nsaved/b.atom\nhttps://a.example/rss\n',
      )
      expect(readFeedList(file)).toEqual(['https://a.example/rss', join(dir, 'saved/b.atom')])
      writeFileSync(file, 'https://a.example/rss\nftp://b.example/feed\n')
      expect(() => readFeedList(file)).toThrow(
        /feeds\.txt:2: "ftp:\/\/b\.example\/feed" is not an http or https URL/,
      )
      writeFileSync(file, '# nothing yet\n')
      expect(() => readFeedList(file)).toThrow(/lists no feed/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
