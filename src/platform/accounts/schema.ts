import type { Insertable, Selectable, Updateable } from 'kysely'
import { Type, type Static } from 'typebox'
import { OrganizationType, Role } from '../access/index.js'
import { Nullable, PageQuery, PhoneNumber } from '../http/index.js'

// ---- tables ----

export interface OrganizationTable {
  id: string
  type: OrganizationType
  name: string
  /** 统一社会信用代码 (18 characters) when known. */
  code: string | null
  /** GB/T 2260 / NBS division code of the place it sits in. */
  division_code: string | null
  address: string | null
  contact_name: string | null
  contact_phone: string | null
  status: 'active' | 'suspended'
  parent_id: string | null
  created_at: string
  updated_at: string
}
export type OrganizationRow = Selectable<OrganizationTable>
export type NewOrganizationRow = Insertable<OrganizationTable>
export type OrganizationUpdate = Updateable<OrganizationTable>

/** `user` is reserved in PostgreSQL, hence `app_user`. */
export interface UserTable {
  id: string
  /** Stored lower-case; login is case-insensitive. */
  username: string
  display_name: string
  phone: string | null
  password_hash: string
  status: 'active' | 'disabled'
  last_login_at: string | null
  created_at: string
  updated_at: string
}
export type UserRow = Selectable<UserTable>

export interface MembershipTable {
  id: string
  user_id: string
  organization_id: string
  role: Role
  created_at: string
}
export type MembershipRow = Selectable<MembershipTable>

export interface AccountsTables {
  organization: OrganizationTable
  app_user: UserTable
  membership: MembershipTable
}

// ---- API ----

export const OrganizationStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')])
export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')])

export const Membership = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  organizationType: OrganizationType,
  role: Role,
})
export type Membership = Static<typeof Membership>

export const Organization = Type.Object({
  id: Type.String(),
  type: OrganizationType,
  name: Type.String(),
  code: Nullable(Type.String()),
  divisionCode: Nullable(Type.String()),
  divisionName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  status: OrganizationStatus,
  parentId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})
export type Organization = Static<typeof Organization>

const OrganizationName = Type.String({ minLength: 2, maxLength: 100 })
const CreditCode = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' })
const DivisionCode = Type.String({ pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' })
const ShortText = Type.String({ maxLength: 200 })

export const CreateOrganizationBody = Type.Object(
  {
    type: OrganizationType,
    name: OrganizationName,
    code: Type.Optional(CreditCode),
    divisionCode: Type.Optional(DivisionCode),
    address: Type.Optional(ShortText),
    contactName: Type.Optional(Type.String({ maxLength: 50 })),
    contactPhone: Type.Optional(PhoneNumber),
    parentId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>

export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(OrganizationName),
    code: Type.Optional(Nullable(CreditCode)),
    divisionCode: Type.Optional(Nullable(DivisionCode)),
    address: Type.Optional(Nullable(ShortText)),
    contactName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    contactPhone: Type.Optional(Nullable(PhoneNumber)),
    status: Type.Optional(OrganizationStatus),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>

export const OrganizationListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(OrganizationType),
})
export type OrganizationListQuery = Static<typeof OrganizationListQuery>

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  phone: Nullable(Type.String()),
  status: UserStatus,
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
  memberships: Type.Array(Membership),
})
export type User = Static<typeof User>

export const Password = Type.String({ minLength: 8, maxLength: 128 })
export const Username = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.-]{2,31}$' })

export const MembershipInput = Type.Object(
  { organizationId: Type.String({ minLength: 1 }), role: Role },
  { additionalProperties: false },
)
export type MembershipInput = Static<typeof MembershipInput>

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    password: Password,
    phone: Type.Optional(PhoneNumber),
    memberships: Type.Array(MembershipInput, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
)
export type CreateUserBody = Static<typeof CreateUserBody>

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(Nullable(PhoneNumber)),
    status: Type.Optional(UserStatus),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateUserBody = Static<typeof UpdateUserBody>

export const SetPasswordBody = Type.Object({ password: Password }, { additionalProperties: false })

export const UserListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  organizationId: Type.Optional(Type.String()),
})
export type UserListQuery = Static<typeof UserListQuery>
