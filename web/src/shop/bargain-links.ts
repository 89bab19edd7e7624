import type { PayAction } from '../lib/api-types'

// Where a promotion's order goes next, as on the normal checkout page: to the pay page, which
// returns to the order afterwards; without a pay link, straight to the order.
export function payPathFor(action: PayAction | null, orderId: string): string {
  const orderPath = `/h5/orders/${orderId}`
  if (action?.kind !== 'redirect') return orderPath
  const separator = action.url.includes('?') ? '&' : '?'
  return `${action.url}${separator}next=${encodeURIComponent(orderPath)}`
}

// The progress answer does not say whether the viewer launched the bargain (only canBuyNow and
// orderId hint at it), so the phone remembers the bargains it launched.
const MINE_KEY = 'h5.bargains.mine'

function readMine(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(MINE_KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

export function rememberMyBargain(id: string): void {
  const mine = readMine().filter((known) => known !== id)
  localStorage.setItem(MINE_KEY, JSON.stringify([id, ...mine].slice(0, 50)))
}

export const isMyBargain = (id: string): boolean => readMine().includes(id)
