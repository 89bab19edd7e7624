import {
  AuditOutlined,
  BankOutlined,
  EnvironmentOutlined,
  IdcardOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Permission } from '../lib/api-types'
import type { MessageKey } from '../lib/i18n'

export type NavigationKey =
  'users' | 'organizations' | 'apiTokens' | 'auditLog' | 'geography' | 'account'

export interface NavigationEntry {
  key: NavigationKey
  path: string
  label: MessageKey
  icon: ReactNode
  /** null: every signed-in user may open it. */
  permission: Permission | null
}

// Order matters: the menu shows it, and after login the user lands on the first allowed entry.
// "My account" comes last, so it is the landing page only when nothing else is allowed.
// aria-hidden keeps icon names out of the menu items' accessible names.
export const NAVIGATION: readonly NavigationEntry[] = [
  {
    key: 'users',
    path: '/users',
    label: 'nav.users',
    icon: <TeamOutlined aria-hidden />,
    permission: 'users:read',
  },
  {
    key: 'organizations',
    path: '/organizations',
    label: 'nav.organizations',
    icon: <BankOutlined aria-hidden />,
    permission: 'organizations:read',
  },
  {
    key: 'apiTokens',
    path: '/api-tokens',
    label: 'nav.apiTokens',
    icon: <KeyOutlined aria-hidden />,
    permission: 'api-tokens:manage',
  },
  {
    key: 'auditLog',
    path: '/audit-log',
    label: 'nav.auditLog',
    icon: <AuditOutlined aria-hidden />,
    permission: 'audit:read',
  },
  {
    key: 'geography',
    path: '/geography',
    label: 'nav.geography',
    icon: <EnvironmentOutlined aria-hidden />,
    permission: 'geography:read',
  },
  {
    key: 'account',
    path: '/account',
    label: 'nav.account',
    icon: <IdcardOutlined aria-hidden />,
    permission: null,
  },
]

export function allowedNavigation(permissions: readonly Permission[]): NavigationEntry[] {
  return NAVIGATION.filter(
    (entry) => entry.permission === null || permissions.includes(entry.permission),
  )
}

export function landingPath(permissions: readonly Permission[]): string {
  return allowedNavigation(permissions)[0]?.path ?? '/account'
}
