import { describe, expect, it } from 'vitest'
import { runHeader } from './run-header.js'

describe('run header', () => {
  it('names the UTC time, three load averages, the CPU and the Node version on one line', () => {
    const line = runHeader(new Date('2026-12-07T18:04:47.123Z'))
    expect(line).toMatch(
      /^run 2026-12-07T18:04:47Z, load average \d+\.\d\d \d+\.\d\d \d+\.\d\d, \d+ × .+, node v\d+/,
    )
    expect(line).not.toContain('\n')
  })
})
