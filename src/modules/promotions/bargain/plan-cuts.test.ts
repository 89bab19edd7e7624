import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../shared/seeded-random.js'
import { planCuts, priceAfter } from './plan-cuts.js'

describe('planCuts', () => {
  it('splits the amount into N whole cuts of at least 1 fen that sum exactly, for 5,000 random cases', () => {
    const random = mulberry32(20261202)
    for (let run = 0; run < 5000; run += 1) {
      const helpers = 1 + (random() % 60)
      const totalFen = helpers + (random() % (run % 10 === 0 ? 50 : 2_000_000))
      const seed = random()
      const cuts = planCuts(totalFen, helpers, seed)
      expect(cuts).toHaveLength(helpers)
      expect(cuts.every((cut) => Number.isInteger(cut) && cut >= 1)).toBe(true)
      expect(cuts.reduce((sum, cut) => sum + cut, 0)).toBe(totalFen)
      expect(cuts).toEqual([...cuts].sort((a, b) => b - a))
    }
  })

  it('gives the same cuts for the same seed, so anyone can recompute a bargain', () => {
    expect(planCuts(12_345, 7, 42)).toEqual(planCuts(12_345, 7, 42))
    expect(planCuts(12_345, 7, 42)).not.toEqual(planCuts(12_345, 7, 43))
  })

  it('gives every helper exactly 1 fen when the amount equals the number of helpers', () => {
    expect(planCuts(5, 5, 9)).toEqual([1, 1, 1, 1, 1])
  })

  it('refuses an amount smaller than the number of helpers', () => {
    expect(() => planCuts(4, 5, 1)).toThrow(/cannot split 4 fen among 5 helpers/)
    expect(() => planCuts(10, 0, 1)).toThrow(RangeError)
  })

  it('reaches the floor exactly after the last cut', () => {
    const cuts = planCuts(9_900, 10, 77)
    expect(priceAfter(12_900, cuts, 0)).toBe(12_900)
    expect(priceAfter(12_900, cuts, 10)).toBe(3_000)
  })
})
