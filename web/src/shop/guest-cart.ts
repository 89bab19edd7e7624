import type { CartLine } from '../lib/api-types'

// Before sign-in the cart lives in the browser; signing in moves it to the server.

const STORAGE_KEY = 'cuntong.h5.cart'
const MAX_QUANTITY = 99

export function readGuestCart(): CartLine[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    return Array.isArray(stored) ? (stored as CartLine[]) : []
  } catch {
    return []
  }
}

export function writeGuestCart(lines: readonly CartLine[]): void {
  try {
    if (lines.length === 0) localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(lines))
  } catch {
    // Storage can be disabled; the cart then lasts as long as the page.
  }
}

/** The cart with `line`'s quantity set (0 takes it out), capped at what the server accepts. */
export function withQuantity(lines: readonly CartLine[], line: CartLine): CartLine[] {
  const quantity = Math.min(Math.max(line.quantity, 0), MAX_QUANTITY)
  const others = lines.filter((existing) => existing.skuId !== line.skuId)
  if (quantity === 0) return others
  const index = lines.findIndex((existing) => existing.skuId === line.skuId)
  const updated = { ...line, quantity }
  return index === -1 ? [...lines, updated] : lines.map((l, i) => (i === index ? updated : l))
}

export const cartQuantityLimit = MAX_QUANTITY
