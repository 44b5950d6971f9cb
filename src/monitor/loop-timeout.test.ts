import { describe, expect, it } from 'vitest'
import { loopTimeout } from './loop-timeout.js'

const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

describe('loopTimeout', () => {
  it('aborts after the time given', async () => {
    const timeout = loopTimeout(150)
    await wait(100)
    expect(timeout.signal.aborted).toBe(false)
    await wait(250)
    expect(timeout.signal.aborted).toBe(true)
  })

  it('does not count a stretch in which the loop was blocked', async () => {
    const timeout = loopTimeout(300)
    const end = Date.now() + 600
    while (Date.now() < end) {
      // Busy: the thread is coding an article.
    }
    await wait(20)
    expect(timeout.signal.aborted).toBe(false)
    timeout.clear()
  })
})
