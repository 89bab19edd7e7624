import { createBrowserRouter } from 'react-router-dom'
import type { ComponentType } from 'react'
import { NotFoundResult } from '../components/status-result'
import { AuthRoot } from './auth-root'
import { AppLayout } from './layout/app-layout'
import { LandingRedirect, LoginRoute } from './login-route'
import { NAVIGATION, type NavigationKey } from './navigation'
import * as pages from './pages'
import { RequirePermission } from './require-permission'
import { RouteError } from './route-error'

const PAGE_BY_KEY: Record<NavigationKey, ComponentType> = {
  account: pages.AccountPage,
  users: pages.UsersPage,
  organizations: pages.OrganizationsPage,
  apiTokens: pages.ApiTokensPage,
  auditLog: pages.AuditLogPage,
  geography: pages.GeographyPage,
}

export const router = createBrowserRouter([
  {
    element: <AuthRoot />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <LandingRedirect /> },
          ...NAVIGATION.map((entry) => {
            const Page = PAGE_BY_KEY[entry.key]
            return {
              path: entry.path,
              element: (
                <RequirePermission permission={entry.permission}>
                  <Page />
                </RequirePermission>
              ),
            }
          }),
          { path: '*', element: <NotFoundResult /> },
        ],
      },
    ],
  },
])
