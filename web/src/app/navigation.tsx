import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  AlertOutlined,
  BankOutlined,
  CalculatorOutlined,
  CarOutlined,
  CustomerServiceOutlined,
  DeploymentUnitOutlined,
  EnvironmentOutlined,
  FireOutlined,
  GiftOutlined,
  ScissorOutlined,
  CalendarOutlined,
  UsergroupAddOutlined,
  IdcardOutlined,
  DatabaseOutlined,
  InboxOutlined,
  InteractionOutlined,
  KeyOutlined,
  MessageOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  ProductOutlined,
  LineChartOutlined,
  MoneyCollectOutlined,
  QrcodeOutlined,
  RiseOutlined,
  ScanOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Membership, Permission, RoleKey } from '../lib/api-types'
import type { MessageKey } from '../lib/i18n'

export type NavigationKey =
  | 'driver'
  | 'station'
  | 'pickups'
  | 'pos'
  | 'users'
  | 'organizations'
  | 'apiTokens'
  | 'auditLog'
  | 'countySettings'
  | 'parcels'
  | 'hubScanning'
  | 'manifests'
  | 'dispatch'
  | 'promise'
  | 'network'
  | 'fleet'
  | 'statements'
  | 'uplink'
  | 'shopReview'
  | 'myShop'
  | 'products'
  | 'stock'
  | 'orders'
  | 'afterSales'
  | 'afterSalesReview'
  | 'complaints'
  | 'localShare'
  | 'payouts'
  | 'reconciliation'
  | 'smsLog'
  | 'flashSales'
  | 'teamBuys'
  | 'bargains'
  | 'bulkBuys'
  | 'promotionEvents'
  | 'geography'
  | 'account'

export interface NavigationEntry {
  key: NavigationKey
  path: string
  label: MessageKey
  icon: ReactNode
  /** null: every signed-in user may open it. */
  permission: Permission | null
  /** Pages for one kind of worker (a driver's trips): shown only to people with that role. */
  role?: RoleKey
}

/** What the menu needs to know about the signed-in user. */
export interface NavigationUser {
  permissions: readonly Permission[]
  memberships: readonly Pick<Membership, 'role'>[]
}

// Order matters: the menu shows it, and after login the user lands on the first allowed entry.
// "My account" comes last, so it is the landing page only when nothing else is allowed.
// aria-hidden keeps icon names out of the menu items' accessible names.
// Drivers and station masters land on their phone page; store clerks on pickup hand-over.
export const NAVIGATION: readonly NavigationEntry[] = [
  {
    key: 'driver',
    path: '/driver',
    label: 'nav.driver',
    icon: <CarOutlined aria-hidden />,
    permission: 'parcels:scan',
    role: 'driver',
  },
  {
    key: 'station',
    path: '/station',
    label: 'nav.station',
    icon: <ShopOutlined aria-hidden />,
    permission: 'parcels:scan',
    role: 'station_master',
  },
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
    key: 'countySettings',
    path: '/county-settings',
    label: 'nav.countySettings',
    icon: <SettingOutlined aria-hidden />,
    permission: 'county:manage',
  },
  {
    key: 'auditLog',
    path: '/audit-log',
    label: 'nav.auditLog',
    icon: <AuditOutlined aria-hidden />,
    permission: 'audit:read',
  },
  {
    key: 'parcels',
    path: '/parcels',
    label: 'nav.parcels',
    icon: <InboxOutlined aria-hidden />,
    permission: 'parcels:read',
  },
  {
    key: 'hubScanning',
    path: '/hub-scanning',
    label: 'nav.hubScanning',
    icon: <ScanOutlined aria-hidden />,
    permission: 'parcels:scan',
    role: 'hub_staff',
  },
  {
    key: 'manifests',
    path: '/manifests',
    label: 'nav.manifests',
    icon: <UploadOutlined aria-hidden />,
    permission: 'parcels:submit',
  },
  {
    key: 'dispatch',
    path: '/dispatch',
    label: 'nav.dispatch',
    icon: <DeploymentUnitOutlined aria-hidden />,
    permission: 'parcels:manage',
  },
  {
    key: 'promise',
    path: '/promise',
    label: 'nav.promise',
    icon: <LineChartOutlined aria-hidden />,
    permission: 'parcels:read',
  },
  {
    key: 'uplink',
    path: '/uplink',
    label: 'nav.uplink',
    icon: <RiseOutlined aria-hidden />,
    permission: 'parcels:manage',
  },
  {
    key: 'network',
    path: '/network',
    label: 'nav.network',
    icon: <ApartmentOutlined aria-hidden />,
    permission: 'network:read',
  },
  {
    key: 'fleet',
    path: '/fleet',
    label: 'nav.fleet',
    icon: <CarOutlined aria-hidden />,
    // Those who keep the fleet; drivers and station masters read the network but need no fleet page.
    permission: 'network:write',
  },
  {
    key: 'statements',
    path: '/statements',
    label: 'nav.statements',
    icon: <AccountBookOutlined aria-hidden />,
    permission: 'statements:read',
  },
  {
    key: 'pickups',
    path: '/pickups',
    label: 'nav.pickups',
    icon: <QrcodeOutlined aria-hidden />,
    permission: 'pickups:verify',
  },
  {
    key: 'pos',
    path: '/pos',
    label: 'nav.pos',
    icon: <CalculatorOutlined aria-hidden />,
    permission: 'pos:sell',
  },
  {
    key: 'shopReview',
    path: '/shop-review',
    label: 'nav.shopReview',
    icon: <SafetyCertificateOutlined aria-hidden />,
    permission: 'shops:review',
  },
  {
    key: 'myShop',
    path: '/my-shop',
    label: 'nav.myShop',
    icon: <ShoppingOutlined aria-hidden />,
    permission: 'shops:apply',
  },
  {
    key: 'products',
    path: '/products',
    label: 'nav.products',
    icon: <ProductOutlined aria-hidden />,
    permission: 'catalog:write',
  },
  {
    key: 'stock',
    path: '/stock',
    label: 'nav.stock',
    icon: <DatabaseOutlined aria-hidden />,
    permission: 'stock:write',
  },
  {
    key: 'orders',
    path: '/orders',
    label: 'nav.orders',
    icon: <OrderedListOutlined aria-hidden />,
    permission: 'orders:read',
  },
  {
    key: 'afterSales',
    path: '/after-sales',
    label: 'nav.afterSales',
    icon: <CustomerServiceOutlined aria-hidden />,
    permission: 'after-sales:respond',
  },
  {
    key: 'afterSalesReview',
    path: '/after-sales-review',
    label: 'nav.afterSalesReview',
    icon: <InteractionOutlined aria-hidden />,
    permission: 'orders:manage',
  },
  {
    key: 'complaints',
    path: '/complaints',
    label: 'nav.complaints',
    icon: <AlertOutlined aria-hidden />,
    permission: 'complaints:handle',
  },
  {
    key: 'localShare',
    path: '/local-share',
    label: 'nav.localShare',
    icon: <PieChartOutlined aria-hidden />,
    permission: 'orders:read',
  },
  {
    key: 'payouts',
    path: '/payouts',
    label: 'nav.payouts',
    icon: <MoneyCollectOutlined aria-hidden />,
    permission: 'payouts:read',
  },
  {
    key: 'reconciliation',
    path: '/reconciliation',
    label: 'nav.reconciliation',
    icon: <ReconciliationOutlined aria-hidden />,
    permission: 'orders:manage',
  },
  // 促销活动: one entry per kind of promotion; the bureau reads them, the operator runs them.
  {
    key: 'flashSales',
    path: '/promotions/flash-sales',
    label: 'nav.flashSales',
    icon: <FireOutlined aria-hidden />,
    permission: 'promotions:read',
  },
  {
    key: 'teamBuys',
    path: '/promotions/team-buys',
    label: 'nav.teamBuys',
    icon: <UsergroupAddOutlined aria-hidden />,
    permission: 'promotions:read',
  },
  {
    key: 'bargains',
    path: '/promotions/bargains',
    label: 'nav.bargains',
    icon: <ScissorOutlined aria-hidden />,
    permission: 'promotions:read',
  },
  {
    key: 'bulkBuys',
    path: '/promotions/bulk-buys',
    label: 'nav.bulkBuys',
    icon: <GiftOutlined aria-hidden />,
    permission: 'promotions:read',
  },
  {
    key: 'promotionEvents',
    path: '/promotions/events',
    label: 'nav.promotionEvents',
    icon: <CalendarOutlined aria-hidden />,
    permission: 'promotions:read',
  },
  {
    key: 'smsLog',
    path: '/sms-log',
    label: 'nav.smsLog',
    icon: <MessageOutlined aria-hidden />,
    permission: 'notifications:read',
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

export function isAllowed(entry: NavigationEntry, user: NavigationUser): boolean {
  if (entry.permission !== null && !user.permissions.includes(entry.permission)) return false
  return entry.role === undefined || user.memberships.some((m) => m.role === entry.role)
}

export function allowedNavigation(user: NavigationUser): NavigationEntry[] {
  return NAVIGATION.filter((entry) => isAllowed(entry, user))
}

export function landingPath(user: NavigationUser): string {
  return allowedNavigation(user)[0]?.path ?? '/account'
}
