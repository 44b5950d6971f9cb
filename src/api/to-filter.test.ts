import { describe, expect, it } from 'vitest'
import { CORE_EVENT_TYPES } from '../doc.js'
import { eventsQuery } from './params.js'
import { toFilter } from './to-filter.js'

describe('toFilter: scope', () => {
  it('keeps the guideline types by default, like the CLI', () => {
    expect(toFilter({}).type).toEqual([...CORE_EVENT_TYPES])
    expect(toFilter({ type: 'all' }).type).toEqual([...CORE_EVENT_TYPES])
  })
  it('drops the type filter for scope=all', () => {
    expect(toFilter({ scope: 'all' })).not.toHaveProperty('type')
  })
  it('lets named types win over the scope', () => {
    expect(toFilter({ type: 'fight,visit' }).type).toEqual(['fight', 'visit'])
  })
  it('accepts extended types and refuses an unknown scope', () => {
    expect(eventsQuery.safeParse({ type: 'fight', scope: 'all' }).success).toBe(true)
    const bad = eventsQuery.safeParse({ scope: 'everything' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('scope must be core or all')
  })
})
