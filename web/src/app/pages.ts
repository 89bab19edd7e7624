import { lazy } from 'react'

// One chunk per page, so the login screen does not download every table and tree.
export const AccountPage = lazy(() =>
  import('../features/account/components/account-page').then((m) => ({ default: m.AccountPage })),
)
export const UsersPage = lazy(() =>
  import('../features/users/components/users-page').then((m) => ({ default: m.UsersPage })),
)
export const OrganizationsPage = lazy(() =>
  import('../features/organizations/components/organizations-page').then((m) => ({
    default: m.OrganizationsPage,
  })),
)
export const ApiTokensPage = lazy(() =>
  import('../features/api-tokens/components/api-tokens-page').then((m) => ({
    default: m.ApiTokensPage,
  })),
)
export const AuditLogPage = lazy(() =>
  import('../features/audit-log/components/audit-log-page').then((m) => ({
    default: m.AuditLogPage,
  })),
)
export const GeographyPage = lazy(() =>
  import('../features/geography/components/geography-page').then((m) => ({
    default: m.GeographyPage,
  })),
)
export const LoginPage = lazy(() =>
  import('../features/auth/components/login-page').then((m) => ({ default: m.LoginPage })),
)
