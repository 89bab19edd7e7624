import { describe, expect, it } from 'vitest'
import {
  ladderProblem,
  nextTier,
  progressText,
  tierFor,
  tierRefundFen,
  type Tier,
} from './ladder.js'

const LADDER: Tier[] = [
  { minQuantity: 0, priceFen: 4500 },
  { minQuantity: 200, priceFen: 4200 },
  { minQuantity: 500, priceFen: 3800 },
  { minQuantity: 1000, priceFen: 3500 },
]

describe('price ladder', () => {
  it('picks the tier of the quantity paid, boundaries included', () => {
    expect(tierFor(LADDER, 0).priceFen).toBe(4500)
    expect(tierFor(LADDER, 199).priceFen).toBe(4500)
    expect(tierFor(LADDER, 200).priceFen).toBe(4200)
    expect(tierFor(LADDER, 999).priceFen).toBe(3800)
    expect(tierFor(LADDER, 5000).priceFen).toBe(3500)
  })

  it('tells the buyer exactly how many more units bring the next price', () => {
    expect(progressText(LADDER, 312, 2000)).toBe('已团 312 件，再 188 件降到 ¥38.00')
    expect(progressText(LADDER, 0, 2000)).toBe('已团 0 件，再 200 件降到 ¥42.00')
  })

  it('says the lowest price is reached when no cheaper tier fits under the cap', () => {
    expect(progressText(LADDER, 1200, 2000)).toBe('已团 1200 件，已是最低价 ¥35.00')
    expect(progressText(LADDER, 600, 800)).toBe('已团 600 件，已是最低价 ¥38.00')
    expect(nextTier(LADDER, 600, 800)).toBeUndefined()
  })

  it('refunds each buyer the difference to the final tier, never a negative amount', () => {
    expect(tierRefundFen(4500, 3800, 3)).toBe(2100)
    expect(tierRefundFen(3800, 3800, 3)).toBe(0)
    expect(tierRefundFen(3500, 3800, 1)).toBe(0)
  })

  it('refuses ladders that do not start at 0, go up in quantity and down in price', () => {
    expect(ladderProblem(LADDER)).toBeNull()
    expect(ladderProblem([{ minQuantity: 10, priceFen: 100 }])).toMatch(/start at quantity 0/)
    expect(
      ladderProblem([
        { minQuantity: 0, priceFen: 100 },
        { minQuantity: 0, priceFen: 90 },
      ]),
    ).toMatch(/increase/)
    expect(
      ladderProblem([
        { minQuantity: 0, priceFen: 100 },
        { minQuantity: 5, priceFen: 100 },
      ]),
    ).toMatch(/decrease/)
  })
})
