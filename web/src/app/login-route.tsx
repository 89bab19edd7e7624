import { Spin } from 'antd'
import { Suspense } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import type { Me } from '../lib/api-types'
import { useAuth } from './auth-context'
import { landingPath } from './navigation'
import { LoginPage } from './pages'

/** Only same-site paths may be used as a post-login target. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null
}

export function LoginRoute() {
  const { me, setMe } = useAuth()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const next = safeNext(params.get('next'))
  if (me) return <Navigate to={next ?? landingPath(me)} replace />

  function signedIn(signedInMe: Me) {
    setMe(signedInMe)
    void navigate(next ?? landingPath(signedInMe), { replace: true })
  }
  return (
    <Suspense fallback={<Spin fullscreen />}>
      <LoginPage onSignedIn={signedIn} />
    </Suspense>
  )
}

export function LandingRedirect() {
  const { me } = useAuth()
  return <Navigate to={me ? landingPath(me) : '/login'} replace />
}
