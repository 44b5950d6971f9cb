import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Doc, EventMention } from '../doc.js'
import {
  INGESTED_AT,
  makeEventDoc,
  makeMeeting,
  makeMention,
  makeTempStore,
  saveDocs,
} from '../../test/helpers/event-fixtures.js'
import type { Store } from './database.js'
import { GroupCommit } from './group-commit.js'

/** Articles that report two events between them, and one no event. */
const corpus = (): Doc[] => [
  makeEventDoc('A', [makeMention('A', { date: '2023-02-02' }), makeMeeting('A', { sentence: 2 })]),
  makeEventDoc('B', [makeMention('B'), makeMention('B', { sentence: 3, modality: 'negated' })]),
  makeEventDoc('C', [makeMeeting('C', { date: '2023-02-04' })], { publishedOn: '2023-02-05' }),
  makeEventDoc('D', []),
]

/** An article whose second mention cannot be stored (CAMEO code is NOT NULL). */
const broken = (): Doc =>
  makeEventDoc('X', [
    makeMention('X'),
    { ...makeMention('X', { sentence: 2 }), cameo: undefined } as unknown as EventMention,
  ])

/** Every row of the tables a save writes, as another process would read them. */
function readAll(file: string) {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    const all = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()
    return {
      articles: db.prepare('SELECT id FROM articles ORDER BY seq').all(),
      event_mentions: all('event_mentions'),
      events: all('events'),
      problems: all('problems'),
    }
  } finally {
    db.close()
  }
}

describe('group commit', () => {
  let temp: { store: Store; file: string; remove: () => void }
  let committed: string[][]
  let group: GroupCommit
  beforeEach(async () => {
    temp = await makeTempStore()
    committed = []
    group = new GroupCommit(temp.store, (ids) => committed.push([...ids]))
  })
  afterEach(() => temp.remove())

  it('stores the same rows, events included, as committing each article alone', async () => {
    for (const doc of corpus()) group.save(doc, INGESTED_AT)
    group.commit()
    const alone = await makeTempStore()
    try {
      saveDocs(alone.store, corpus())
      expect(readAll(temp.file)).toEqual(readAll(alone.file))
      expect(readAll(temp.file).events.length).toBeGreaterThan(0)
    } finally {
      alone.remove()
    }
  })

  it('says an article is stored once its group is committed, and others see it then', () => {
    const [a, b] = corpus()
    expect(group.save(a!)).toEqual({ stored: true })
    expect(group.save(b!)).toEqual({ stored: true })
    expect(group.save(a!)).toEqual({ stored: false, reason: 'duplicate' })
    expect(committed).toEqual([])
    expect(readAll(temp.file).articles).toEqual([])
    group.commit()
    expect(committed).toEqual([['A', 'B']])
    expect(readAll(temp.file).articles).toEqual([{ id: 'A' }, { id: 'B' }])
  })

  it('rolls a failing article back alone, commits the ones before it, goes on after', async () => {
    const [a, b, c] = corpus()
    group.save(a!, INGESTED_AT)
    group.save(b!, INGESTED_AT)
    expect(() => group.save(broken(), INGESTED_AT)).toThrow(
      expect.objectContaining({ code: 'E_STORE', message: expect.stringMatching(/NOT NULL/) }),
    )
    expect(committed).toEqual([['A', 'B']])
    group.save(c!, INGESTED_AT)
    group.commit()
    expect(committed).toEqual([['A', 'B'], ['C']])
    const stored = readAll(temp.file)
    expect(stored.articles).toEqual([{ id: 'A' }, { id: 'B' }, { id: 'C' }])
    const mentionsOf = (id: string) =>
      stored.event_mentions.filter((m) => (m as { article_id: string }).article_id === id)
    expect(mentionsOf('X')).toEqual([])
    expect(mentionsOf('A')).toHaveLength(2)
    // The same rows, ids and events included, as if the failing article had never come.
    const alone = await makeTempStore()
    try {
      saveDocs(alone.store, [a!, b!, c!])
      expect(stored).toEqual(readAll(alone.file))
    } finally {
      alone.remove()
    }
  })

  it('fails an article that opens a group alone, and stores the next', () => {
    const [a] = corpus()
    expect(() => group.save(broken())).toThrow(expect.objectContaining({ code: 'E_STORE' }))
    expect(committed).toEqual([])
    group.save(a!)
    group.commit()
    expect(committed).toEqual([['A']])
    expect(readAll(temp.file).event_mentions).toHaveLength(2)
  })

  it('commits on its own while no article comes, so the store is not kept locked', async () => {
    group.save(corpus()[0]!)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(committed).toEqual([['A']])
    // Another writer gets the lock at once.
    const other = new BetterSqlite3(temp.file, { timeout: 0 })
    try {
      expect(() => other.exec('BEGIN IMMEDIATE; COMMIT')).not.toThrow()
    } finally {
      other.close()
    }
  })
})
