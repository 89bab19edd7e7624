import { Type, type Static } from 'typebox'

// The organizations and roles of "Who uses it" in ../shared/spec/REQUIREMENTS.md.

export const ORGANIZATION_TYPES = [
  'bureau',
  'operating_company',
  'carrier',
  'hub',
  'village_station',
  'merchant',
  'enterprise',
  'store',
  'training_provider',
] as const
export const OrganizationType = Type.Enum(ORGANIZATION_TYPES)
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number]

export const PERMISSIONS = [
  'organizations:read',
  'organizations:write',
  'users:read',
  'users:write',
  'audit:read',
  'geography:read',
  'api-tokens:manage',
  // the county's own settings: name, SMS signature, brand, KPI targets (issue 15)
  'county:manage',
  // logistics (LOG-1 … LOG-6)
  'network:read',
  'network:write',
  'parcels:read',
  'parcels:submit',
  'parcels:scan',
  'parcels:manage',
  // a carrier's monthly statement and fee rule (LOG-2): the carrier's own people and the county's,
  // never the drivers or station masters who only move its parcels
  'statements:read',
  // the SMS log
  'notifications:read',
  'notifications:manage',
  // commerce catalog (BR-1, MKT-1)
  'shops:apply',
  'shops:review',
  'catalog:write',
  'catalog:manage',
  'brand:manage',
  // commerce orders (issue 4): a shop's orders and stock, handing over at pickup points
  'orders:read',
  'orders:manage',
  // handing an order for outside the county to an alliance carrier with its waybill (issue 15)
  'orders:ship',
  // what a shop is owed (商家结算): its owner, the operator and the bureau, not the shop floor
  'payouts:read',
  'stock:write',
  'pickups:verify',
  'pos:sell',
  'after-sales:respond',
  'complaints:handle',
  // promotions (SVC-3, SVC-4, MKT-2): creating, scheduling, pausing and reporting on them;
  // reading lists and reports (the bureau supervises them)
  'promotions:manage',
  'promotions:read',
] as const
export const Permission = Type.Enum(PERMISSIONS)
export type Permission = (typeof PERMISSIONS)[number]

/**
 * `county` roles act on every organization of the county; `organization` roles act on the
 * organization of the membership and the organizations below it.
 */
export type RoleScope = 'county' | 'organization'

interface RoleDefinition {
  nameZh: string
  nameEn: string
  organizationTypes: readonly OrganizationType[]
  scope: RoleScope
  permissions: readonly Permission[]
}

const ALL: readonly Permission[] = PERMISSIONS
const READ_ONLY_SUPERVISION: readonly Permission[] = [
  'organizations:read',
  'users:read',
  'audit:read',
  'geography:read',
]
const ORGANIZATION_ADMIN: readonly Permission[] = [
  'organizations:read',
  'organizations:write',
  'users:read',
  'users:write',
  'audit:read',
  'geography:read',
]
const FIELD_WORK: readonly Permission[] = ['geography:read']
// A merchant's people run their own shop's catalog; only its administrator applies for the shop.
const SHOP_WORK: readonly Permission[] = [
  'catalog:write',
  'orders:read',
  'orders:ship',
  'stock:write',
  'after-sales:respond',
]
const SHOP_OWNER: readonly Permission[] = ['shops:apply', 'payouts:read', ...SHOP_WORK]
const LOGISTICS_SUPERVISION: readonly Permission[] = ['network:read', 'parcels:read']
const HUB_WORK: readonly Permission[] = [
  'geography:read',
  'network:read',
  'parcels:read',
  'parcels:scan',
]

export const ROLES = {
  system_admin: {
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    organizationTypes: ['operating_company'],
    scope: 'county',
    permissions: ALL,
  },
  bureau_admin: {
    nameZh: '商务局监管员',
    nameEn: 'Bureau supervisor',
    organizationTypes: ['bureau'],
    scope: 'county',
    permissions: [
      ...READ_ONLY_SUPERVISION,
      ...LOGISTICS_SUPERVISION,
      'statements:read',
      'orders:read',
      'payouts:read',
      'complaints:handle',
      'promotions:read',
    ],
  },
  operator_admin: {
    nameZh: '运营中心管理员',
    nameEn: 'Operator administrator',
    organizationTypes: ['operating_company'],
    scope: 'county',
    permissions: ALL,
  },
  operator_staff: {
    nameZh: '运营中心职员',
    nameEn: 'Operator staff',
    organizationTypes: ['operating_company'],
    scope: 'county',
    permissions: [
      'organizations:read',
      'users:read',
      'geography:read',
      ...LOGISTICS_SUPERVISION,
      'statements:read',
      'parcels:manage',
      'notifications:read',
      'notifications:manage',
      'shops:review',
      'orders:read',
      'orders:manage',
      'orders:ship',
      'payouts:read',
      'complaints:handle',
      'promotions:manage',
      'promotions:read',
    ],
  },
  carrier_admin: {
    nameZh: '快递公司管理员',
    nameEn: 'Carrier administrator',
    organizationTypes: ['carrier'],
    scope: 'organization',
    permissions: [
      ...ORGANIZATION_ADMIN,
      'api-tokens:manage',
      'parcels:read',
      'parcels:submit',
      'statements:read',
    ],
  },
  carrier_agent: {
    nameZh: '快递公司业务员',
    nameEn: 'Carrier agent',
    organizationTypes: ['carrier'],
    scope: 'organization',
    permissions: [...FIELD_WORK, 'parcels:read', 'parcels:submit', 'statements:read'],
  },
  // The county hub handles every carrier's parcels, so its people act county-wide on logistics.
  hub_staff: {
    nameZh: '物流中心职员',
    nameEn: 'Hub staff',
    organizationTypes: ['hub'],
    scope: 'county',
    // The hub bills every carrier for handling its parcels, so it reads every statement.
    permissions: [...HUB_WORK, 'parcels:manage', 'statements:read', 'notifications:read'],
  },
  driver: {
    nameZh: '司机',
    nameEn: 'Driver',
    organizationTypes: ['hub'],
    scope: 'county',
    permissions: HUB_WORK,
  },
  station_master: {
    nameZh: '村级服务站站长',
    nameEn: 'Station master',
    organizationTypes: ['village_station'],
    scope: 'organization',
    permissions: [...FIELD_WORK, 'network:read', 'parcels:read', 'parcels:scan', 'pickups:verify'],
  },
  merchant_admin: {
    nameZh: '网商管理员',
    nameEn: 'Merchant administrator',
    organizationTypes: ['merchant'],
    scope: 'organization',
    permissions: [...ORGANIZATION_ADMIN, ...SHOP_OWNER],
  },
  merchant_staff: {
    nameZh: '网商店员',
    nameEn: 'Merchant staff',
    organizationTypes: ['merchant'],
    scope: 'organization',
    permissions: [...FIELD_WORK, ...SHOP_WORK],
  },
  enterprise_admin: {
    nameZh: '企业管理员',
    nameEn: 'Enterprise administrator',
    organizationTypes: ['enterprise'],
    scope: 'organization',
    permissions: [...ORGANIZATION_ADMIN, ...SHOP_OWNER],
  },
  store_clerk: {
    nameZh: '体验店店员',
    nameEn: 'Store clerk',
    organizationTypes: ['store'],
    scope: 'organization',
    permissions: [...FIELD_WORK, 'pickups:verify', 'orders:read', 'pos:sell', 'stock:write'],
  },
  trainer: {
    nameZh: '培训讲师',
    nameEn: 'Trainer',
    organizationTypes: ['training_provider'],
    scope: 'organization',
    permissions: FIELD_WORK,
  },
} as const satisfies Record<string, RoleDefinition>

export type Role = keyof typeof ROLES
export const ROLE_NAMES = Object.keys(ROLES) as Role[]
export const Role = Type.Enum(ROLE_NAMES)

export const roleDefinition = (role: Role): RoleDefinition => ROLES[role]

export const isRoleAllowedFor = (role: Role, organizationType: OrganizationType): boolean =>
  (ROLES[role].organizationTypes as readonly OrganizationType[]).includes(organizationType)

export const RoleInfo = Type.Object({
  role: Role,
  nameZh: Type.String(),
  nameEn: Type.String(),
  organizationTypes: Type.Array(OrganizationType),
  scope: Type.Union([Type.Literal('county'), Type.Literal('organization')]),
  permissions: Type.Array(Permission),
})
export type RoleInfo = Static<typeof RoleInfo>

export const listRoles = (): RoleInfo[] =>
  ROLE_NAMES.map((role) => ({
    role,
    nameZh: ROLES[role].nameZh,
    nameEn: ROLES[role].nameEn,
    organizationTypes: [...ROLES[role].organizationTypes],
    scope: ROLES[role].scope,
    permissions: [...ROLES[role].permissions],
  }))
