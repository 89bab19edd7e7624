import { describe, expect, it } from 'vitest'
import { Random } from './random.js'

describe('Random', () => {
  it('replays the same sequence for the same seed', () => {
    const a = new Random(7)
    const b = new Random(7)
    const seqA = Array.from({ length: 20 }, () => a.next())
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA)
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})
