import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { progressLine, startProgress } from './progress.js'

/** A stream that records what is written; `isTTY` as given. */
function recorder(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  }) as unknown as NodeJS.WriteStream
  Object.assign(stream, { isTTY, columns: 80 })
  return { stream, text: () => chunks.join('') }
}

describe('progressLine', () => {
  it('gives count, total, rate and time left', () => {
    expect(progressLine('ingest', 500, 2000, 2)).toBe('ingest  500/2000 articles  250/s  ETA 0:06')
  })
  it('leaves out the ETA while the total is unknown', () => {
    expect(progressLine('extract', 30, null, 3)).toBe('extract  30 articles  10/s')
  })
  it('shows hours for long runs', () => {
    expect(progressLine('ingest', 10, 40_000, 10)).toContain('ETA 11:06:30')
  })
})

describe('startProgress', () => {
  it('draws nothing but the log lines when stderr is not a terminal', () => {
    const { stream, text } = recorder(false)
    const progress = startProgress('ingest', stream)
    progress.setTotal(3)
    for (let i = 0; i < 3; i++) progress.tick()
    progress.log('skipped a.txt: empty file')
    progress.done()
    expect(text()).toBe('skipped a.txt: empty file\n')
  })

  it('draws the bar on a terminal, clears it for a log line and at the end', () => {
    const { stream, text } = recorder(true)
    let clock = 0
    const progress = startProgress('ingest', stream, () => clock)
    progress.setTotal(4)
    clock = 5000 // the dictionaries took 5 s: not part of the rate
    progress.tick()
    clock = 6000
    progress.tick()
    progress.log('note b.txt: no publication date found')
    progress.done()
    const out = text()
    expect(out).toContain('\ringest  2/4 articles  2/s  ETA 0:01')
    expect(out).toContain('\r\x1b[Knote b.txt: no publication date found\n')
    expect(out.endsWith('\r\x1b[K')).toBe(true)
  })
})
