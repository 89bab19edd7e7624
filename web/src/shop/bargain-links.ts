import type { PayAction } from '../lib/api-types'

// Where a promotion's order goes next, as on the normal checkout page: to the pay page, which
// returns to the order afterwards; without a pay link, straight to the order.
export function payPathFor(action: PayAction | null, orderId: string): string {
  const orderPath = `/h5/orders/${orderId}`
  if (action?.kind !== 'redirect') return orderPath
  const separator = action.url.includes('?') ? '&' : '?'
  return `${action.url}${separator}next=${encodeURIComponent(orderPath)}`
}
