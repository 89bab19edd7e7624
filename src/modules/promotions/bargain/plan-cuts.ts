import { randomInt } from 'node:crypto'
import { mulberry32 } from '../../../shared/seeded-random.js'

// 砍价: the amounts the helpers cut, fixed when the bargain is launched. From the recorded seed
// anyone can recompute them, so the outcome is auditable: the N cuts are whole fen, each at
// least 1 fen, and sum exactly to original − floor. Pure; integer arithmetic only.

const MAX_WEIGHT = 1 << 16

/**
 * Splits `totalFen` into `helpers` cuts of at least 1 fen each, summing exactly to `totalFen`,
 * largest first (the first friends move the price most). Deterministic from `seed` (uint32).
 * Throws a RangeError when `totalFen` < `helpers` (a cut below 1 fen is impossible).
 */
export function planCuts(totalFen: number, helpers: number, seed: number): number[] {
  if (!Number.isSafeInteger(totalFen) || !Number.isSafeInteger(helpers) || helpers < 1)
    throw new RangeError(`planCuts needs whole numbers and at least one helper (got ${helpers})`)
  if (totalFen < helpers)
    throw new RangeError(
      `cannot split ${totalFen} fen among ${helpers} helpers with at least 1 fen each`,
    )
  const random = mulberry32(seed)
  // Everyone cuts 1 fen; the rest is shared in proportion to random integer weights.
  const restFen = totalFen - helpers
  const weights = Array.from({ length: helpers }, () => 1 + (random() % MAX_WEIGHT))
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  // Exact shares as quotient + remainder, kept in integers (restFen × weight stays below 2^53
  // for any price in fen a shop could ask).
  const shares = weights.map((weight, index) => {
    const scaled = BigInt(restFen) * BigInt(weight)
    return {
      index,
      fen: Number(scaled / BigInt(weightSum)),
      remainder: scaled % BigInt(weightSum),
    }
  })
  let leftFen = restFen - shares.reduce((sum, share) => sum + share.fen, 0)
  // Largest remainder first (ties by position), one fen each: the sum comes out exact.
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  for (const share of byRemainder) {
    if (leftFen === 0) break
    share.fen += 1
    leftFen -= 1
  }
  return shares.map((share) => share.fen + 1).sort((a, b) => b - a)
}

/** A fresh seed for a new bargain, recorded with it (below 2^31: a PostgreSQL integer). */
export const newCutSeed = (): number => randomInt(0, 0x8000_0000)

/** The price after the first `helpsDone` cuts. */
export const priceAfter = (originalFen: number, cuts: readonly number[], helpsDone: number) =>
  originalFen - cuts.slice(0, helpsDone).reduce((sum, cut) => sum + cut, 0)
