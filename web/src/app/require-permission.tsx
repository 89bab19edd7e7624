import type { ReactNode } from 'react'
import { ForbiddenResult } from '../components/status-result'
import type { Permission } from '../lib/api-types'
import { useSession } from '../lib/session'

/** Shows a 403 result instead of a page the user may not open (the server checks again). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | null
  children: ReactNode
}) {
  const { can } = useSession()
  if (permission && !can(permission)) return <ForbiddenResult />
  return children
}
