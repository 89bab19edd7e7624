import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { setCsrfToken } from '../lib/api-client'
import { getMe, logOut } from './api/customer'

// Who is buying: a customer signed in by texted code, or nobody yet (browsing needs no sign-in).

export interface Shopper {
  displayName: string
  phone: string
}

export interface ShopSession {
  /** undefined while the first /me answer is on its way. */
  shopper: Shopper | null | undefined
  signedIn: (shopper: Shopper, csrfToken: string) => void
  signOut: () => Promise<void>
}

const ShopSessionContext = createContext<ShopSession | null>(null)

export function ShopSessionProvider({ children }: { children: ReactNode }) {
  const [shopper, setShopper] = useState<Shopper | null | undefined>(undefined)

  useEffect(() => {
    const controller = new AbortController()
    getMe(controller.signal).then(
      (me) => {
        setCsrfToken(me.csrfToken)
        setShopper({ displayName: me.user.displayName, phone: me.user.phone ?? '' })
      },
      () => {
        if (!controller.signal.aborted) setShopper(null)
      },
    )
    return () => controller.abort()
  }, [])

  const signedIn = useCallback((next: Shopper, csrfToken: string) => {
    setCsrfToken(csrfToken)
    setShopper(next)
  }, [])

  const signOut = useCallback(async () => {
    await logOut().catch(() => undefined) // an expired session is signed out already
    setCsrfToken(null)
    setShopper(null)
  }, [])

  const value = useMemo(() => ({ shopper, signedIn, signOut }), [shopper, signedIn, signOut])
  return <ShopSessionContext value={value}>{children}</ShopSessionContext>
}

export function useShopSession(): ShopSession {
  const session = use(ShopSessionContext)
  if (!session) throw new Error('useShopSession must be used inside ShopSessionProvider')
  return session
}
