import { formatYuan } from '../../../shared/money.js'

// 团购 price ladders: pure functions of the quantity paid by all buyers. Money in integer fen.

export interface Tier {
  /** The tier applies from this total paid quantity on (the first tier from 0). */
  minQuantity: number
  priceFen: number
}

/** Why a ladder is unusable, or null: first tier from 0, quantities up, prices down, ≥ 1 fen. */
export function ladderProblem(ladder: readonly Tier[]): string | null {
  const [first] = ladder
  if (!first || first.minQuantity !== 0) return 'the first tier must start at quantity 0'
  for (let i = 1; i < ladder.length; i += 1) {
    const before = ladder[i - 1]
    const tier = ladder[i]
    if (!before || !tier) continue
    if (tier.minQuantity <= before.minQuantity) return 'tier quantities must increase'
    if (tier.priceFen >= before.priceFen) return 'tier prices must decrease'
  }
  if (ladder.some((tier) => !Number.isInteger(tier.priceFen) || tier.priceFen < 1))
    return 'every price must be at least 1 fen'
  return null
}

/** The tier that applies at `quantity` units paid (ladder sorted, first tier from 0). */
export function tierFor(ladder: readonly Tier[], quantity: number): Tier {
  let found = ladder[0]
  for (const tier of ladder) if (tier.minQuantity <= quantity) found = tier
  if (!found) throw new Error('programming error: an empty ladder')
  return found
}

/** The next cheaper tier reachable within the cap, or undefined at the lowest reachable. */
export function nextTier(ladder: readonly Tier[], quantity: number, cap: number): Tier | undefined {
  return ladder.find((tier) => tier.minQuantity > quantity && tier.minQuantity <= cap)
}

/** "已团 312 件，再 188 件降到 ¥38.00": exact, never a rounded percentage. */
export function progressText(ladder: readonly Tier[], quantity: number, cap: number): string {
  const next = nextTier(ladder, quantity, cap)
  if (next)
    return `已团 ${quantity} 件，再 ${next.minQuantity - quantity} 件降到 ${formatYuan(next.priceFen)}`
  return `已团 ${quantity} 件，已是最低价 ${formatYuan(tierFor(ladder, quantity).priceFen)}`
}

/** What a buyer gets back at close: paid − final tier price × quantity (never negative). */
export const tierRefundFen = (unitPaidFen: number, finalPriceFen: number, quantity: number) =>
  Math.max(0, (unitPaidFen - finalPriceFen) * quantity)
