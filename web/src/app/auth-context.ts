import { createContext, use } from 'react'
import type { Me } from '../lib/api-types'

export interface Auth {
  /** null: nobody is signed in. */
  me: Me | null
  setMe: (me: Me | null) => void
}

export const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = use(AuthContext)
  if (!auth) throw new Error('useAuth must be used inside <AuthRoot>')
  return auth
}
