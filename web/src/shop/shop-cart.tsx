import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { CartLine } from '../lib/api-types'
import { getCart, putCartQuantity } from './api/cart'
import { cartQuantityLimit, readGuestCart, withQuantity, writeGuestCart } from './guest-cart'
import { useShopSession } from './shop-session'

// One cart for the whole shop: the server's once signed in, the browser's before.

export interface ShopCart {
  lines: CartLine[]
  count: number
  totalFen: number
  /** Sets a line's quantity (0 removes it). */
  setQuantity: (line: CartLine, quantity: number) => Promise<void>
  add: (line: CartLine) => Promise<void>
  reload: () => void
}

const ShopCartContext = createContext<ShopCart | null>(null)

export function ShopCartProvider({ children }: { children: ReactNode }) {
  const { shopper } = useShopSession()
  const [lines, setLines] = useState<CartLine[]>(readGuestCart)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!shopper) {
      setLines(readGuestCart())
      return
    }
    let cancelled = false
    void moveGuestCartToServer().then((serverLines) => {
      if (!cancelled) setLines(serverLines)
    })
    return () => {
      cancelled = true
    }
  }, [shopper, version])

  const setQuantity = useCallback(
    async (line: CartLine, quantity: number) => {
      if (shopper) {
        setLines(await putCartQuantity(line.skuId, Math.min(quantity, cartQuantityLimit)))
      } else {
        const next = withQuantity(readGuestCart(), { ...line, quantity })
        writeGuestCart(next)
        setLines(next)
      }
    },
    [shopper],
  )

  const add = useCallback(
    async (line: CartLine) => {
      const existing = lines.find((l) => l.skuId === line.skuId)?.quantity ?? 0
      await setQuantity(line, existing + line.quantity)
    },
    [lines, setQuantity],
  )

  const value = useMemo<ShopCart>(
    () => ({
      lines,
      count: lines.reduce((sum, line) => sum + line.quantity, 0),
      totalFen: lines.reduce((sum, line) => sum + line.unitPriceFen * line.quantity, 0),
      setQuantity,
      add,
      reload: () => setVersion((v) => v + 1),
    }),
    [lines, setQuantity, add],
  )
  return <ShopCartContext value={value}>{children}</ShopCartContext>
}

/** Adds what was put in the cart before sign-in to the server's cart, then forgets it. */
async function moveGuestCartToServer(): Promise<CartLine[]> {
  let serverLines = await getCart().catch(() => [])
  for (const guest of readGuestCart()) {
    const existing = serverLines.find((line) => line.skuId === guest.skuId)?.quantity ?? 0
    const quantity = Math.min(existing + guest.quantity, cartQuantityLimit)
    serverLines = await putCartQuantity(guest.skuId, quantity).catch(() => serverLines)
  }
  writeGuestCart([])
  return serverLines
}

export function useShopCart(): ShopCart {
  const cart = use(ShopCartContext)
  if (!cart) throw new Error('useShopCart must be used inside ShopCartProvider')
  return cart
}
