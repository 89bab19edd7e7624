import { Grid, Layout, Spin } from 'antd'
import { Suspense, useMemo } from 'react'
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom'
import { logout } from '../../features/auth/api/logout'
import type { Me } from '../../lib/api-types'
import { SessionContext, type Session } from '../../lib/session'
import { useAuth } from '../auth-context'
import { AppHeader } from './app-header'
import { SideMenu } from './side-menu'

/** The signed-in frame: menu, header and the current page. Anonymous visitors go to the login page. */
export function AppLayout() {
  const { me } = useAuth()
  const location = useLocation()
  if (!me) {
    const next =
      location.pathname === '/'
        ? ''
        : `?next=${encodeURIComponent(location.pathname + location.search)}`
    return <Navigate to={`/login${next}`} replace />
  }
  return <SignedInLayout me={me} />
}

function SignedInLayout({ me }: { me: Me }) {
  const { setMe } = useAuth()
  const navigate = useNavigate()
  // Phones (drivers, station masters) get the page edge to edge; the menu folds away.
  const wide = Grid.useBreakpoint().md ?? true
  const session = useMemo<Session>(
    () => ({
      me,
      can: (permission) => me.permissions.includes(permission),
      signOut: async () => {
        await logout().catch(() => undefined) // signing out locally is what matters
        setMe(null)
        void navigate('/login', { replace: true })
      },
    }),
    [me, setMe, navigate],
  )
  return (
    <SessionContext value={session}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          breakpoint="lg"
          collapsedWidth={0}
          theme="light"
          width={208}
          // Folded away on small screens, its button sits in the header's left corner.
          zeroWidthTriggerStyle={{ top: 12 }}
        >
          <SideMenu user={me} />
        </Layout.Sider>
        <Layout>
          <AppHeader />
          <Layout.Content style={{ margin: wide ? 24 : 12 }}>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 96 }} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext>
  )
}
