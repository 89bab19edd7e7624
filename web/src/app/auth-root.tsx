import { Spin } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Outlet } from 'react-router-dom'
import { LoadErrorResult } from '../components/status-result'
import { getMe } from '../features/auth/api/get-me'
import { onUnauthenticated } from '../lib/api-client'
import type { Me } from '../lib/api-types'
import { AuthContext } from './auth-context'

type State =
  { status: 'loading' } | { status: 'ready'; me: Me | null } | { status: 'failed'; error: unknown }

/** Asks the server once who is signed in, then keeps that answer for every route. */
export function AuthRoot() {
  const [state, setState] = useState<State>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    getMe(controller.signal).then(
      (me) => setState({ status: 'ready', me }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [attempt])

  // Any request that finds the session expired sends the user back to the login page.
  useEffect(() => onUnauthenticated(() => setState({ status: 'ready', me: null })), [])

  const me = state.status === 'ready' ? state.me : null
  const auth = useMemo(
    () => ({ me, setMe: (next: Me | null) => setState({ status: 'ready', me: next }) }),
    [me],
  )

  if (state.status === 'loading') return <Spin size="large" fullscreen />
  if (state.status === 'failed')
    return <LoadErrorResult error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
  return (
    <AuthContext value={auth}>
      <Outlet />
    </AuthContext>
  )
}
