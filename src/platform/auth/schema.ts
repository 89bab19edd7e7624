import { Type, type Static } from 'typebox'
import { Membership } from '../accounts/index.js'
import { Permission, Role } from '../access/index.js'
import { Nullable } from '../http/index.js'

export interface SessionTable {
  id: string
  /** sha256 of the cookie's secret: a stolen database does not yield live sessions. */
  token_hash: string
  user_id: string
  csrf_token: string
  created_at: string
  expires_at: string
  last_seen_at: string
  ip: string | null
  user_agent: string | null
}

export interface ApiTokenTable {
  id: string
  name: string
  organization_id: string
  role: Role
  token_hash: string
  created_by: string | null
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

/** Failed logins per key (`user:<name>` or `ip:<address>`); shared by every app node. */
export interface LoginThrottleTable {
  key: string
  failures: number
  window_started_at: string
  locked_until: string | null
}

export interface AuthTables {
  session: SessionTable
  api_token: ApiTokenTable
  login_throttle: LoginThrottleTable
}

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
)
export type LoginBody = Static<typeof LoginBody>

export const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    phone: Nullable(Type.String()),
  }),
  memberships: Type.Array(Membership),
  permissions: Type.Array(Permission),
  csrfToken: Type.String(),
})
export type Me = Static<typeof Me>

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  role: Role,
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
})
export type ApiToken = Static<typeof ApiToken>

export const CreatedApiToken = Type.Object({
  ...ApiToken.properties,
  secret: Type.String({ description: 'Shown once; send as `Authorization: Bearer <secret>`' }),
})
export type CreatedApiToken = Static<typeof CreatedApiToken>

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    organizationId: Type.String({ minLength: 1 }),
    role: Role,
  },
  { additionalProperties: false },
)
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>
