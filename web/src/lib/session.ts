import { createContext, use } from 'react'
import type { Me, Permission } from './api-types'

export interface Session {
  me: Me
  can: (permission: Permission) => boolean
  signOut: () => Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in user; only usable below the app's authenticated layout. */
export function useSession(): Session {
  const session = use(SessionContext)
  if (!session) throw new Error('useSession must be used inside the signed-in layout')
  return session
}
