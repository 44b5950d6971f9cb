import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'

describe('dyad actors lookup', () => {
  it('names the office holder on the day asked', async () => {
    const run = await runCli(['actors', 'lookup', 'defence minister', '--country', 'IRN', '--date', '2019-01-10'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('IRNGOVMIL')
    expect(run.stdout).toContain('Amir Hatami')
    const later = await runCli(['actors', 'lookup', 'defence minister', '--country', 'IRN', '--date', '2024-11-20'])
    expect(later.stdout).toContain('Aziz Nasirzadeh')
  })

  it('lists the dated offices of a name written another way', async () => {
    const run = await runCli(['actors', 'lookup', 'Ossein Amir-Abdollahian'])
    expect(run.stdout).toContain('Hossein Amir-Abdollahian')
    expect(run.stdout).toMatch(/2021-08-25 → 2024-05-19/)
  })

  it('refuses a bad date or country with exit 2 and no stack trace', async () => {
    const bad = await runCli(['actors', 'lookup', 'president', '--country', 'XXX', '--date', '2020-01-01'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('XXX')
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/)
    const badDate = await runCli(['actors', 'lookup', 'president', '--country', 'USA', '--date', '2020-13-01'])
    expect(badDate.code).toBe(2)
  })

  it('exits 1 when nothing resolves', async () => {
    const run = await runCli(['actors', 'lookup', 'the weather'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('names no actor')
  })
})
