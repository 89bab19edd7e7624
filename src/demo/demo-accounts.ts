import type { OrganizationType, Role } from '../platform/access/index.js'

// Wutai demo organizations and accounts. The organizations are invented for the demo (only the
// places are real); every account's password is DEMO_PASSWORD. Listed in the README.

export const DEMO_PASSWORD = 'Wutai@2019'

export interface DemoOrganization {
  key: string
  type: OrganizationType
  name: string
  divisionCode: string
  parentKey?: string
  address?: string
  contactName?: string
  contactPhone?: string
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'bureau',
    type: 'bureau',
    name: '五台县商务局',
    divisionCode: '140922100',
    address: '台城镇',
    contactPhone: '0350-6522000',
  },
  {
    key: 'operator',
    type: 'operating_company',
    name: '五台县电子商务公共服务中心',
    divisionCode: '140922100',
    address: '台城镇电商产业园',
    contactName: '王经理',
    contactPhone: '0350-6523001',
  },
  {
    key: 'hub',
    type: 'hub',
    name: '五台县县级仓储物流中心',
    divisionCode: '140922100',
    parentKey: 'operator',
    address: '台城镇物流园',
  },
  {
    key: 'post',
    type: 'carrier',
    name: '中国邮政五台县分公司',
    divisionCode: '140922100',
    contactName: '李站长',
    contactPhone: '0350-6524002',
  },
  { key: 'zto', type: 'carrier', name: '中通快递五台网点', divisionCode: '140922100' },
  { key: 'yto', type: 'carrier', name: '圆通速递五台网点', divisionCode: '140922100' },
  { key: 'sto', type: 'carrier', name: '申通快递五台网点', divisionCode: '140922100' },
  { key: 'yunda', type: 'carrier', name: '韵达快递五台网点', divisionCode: '140922100' },
  { key: 'jt', type: 'carrier', name: '极兔速递五台网点', divisionCode: '140922100' },
  { key: 'sf', type: 'carrier', name: '顺丰速运五台营业点', divisionCode: '140922100' },
  {
    key: 'station-taicheng',
    type: 'village_station',
    name: '台城村村级服务站',
    divisionCode: '140922100201',
    parentKey: 'hub',
  },
  {
    key: 'station-foguang',
    type: 'village_station',
    name: '佛光村村级服务站',
    divisionCode: '140922103208',
    parentKey: 'hub',
  },
  {
    key: 'taimo',
    type: 'merchant',
    name: '五台山台蘑专业合作社',
    divisionCode: '140971100',
    contactName: '赵社长',
    contactPhone: '13935012345',
  },
  {
    key: 'millet',
    type: 'merchant',
    name: '五台县黄小米种植专业合作社',
    divisionCode: '140922103',
    contactName: '刘社长',
    contactPhone: '13935054321',
  },
  {
    key: 'enterprise',
    type: 'enterprise',
    name: '五台县台山农产品加工有限公司',
    divisionCode: '140922100',
  },
  {
    key: 'store',
    type: 'store',
    name: '五台斋选O2O体验店（台城店）',
    divisionCode: '140922100',
    parentKey: 'operator',
  },
  // SVC-1: five O2O specialty stores in all — the county town, the scenic area and three
  // market towns.
  ...(
    [
      ['store-taihuai', '五台斋选O2O体验店（台怀店）', '140971100'],
      ['store-doucun', '五台斋选O2O体验店（豆村店）', '140922103'],
      ['store-dongye', '五台斋选O2O体验店（东冶店）', '140922105'],
      ['store-gengzhen', '五台斋选O2O体验店（耿镇店）', '140922102'],
    ] as const
  ).map(([key, name, divisionCode]) => ({
    key,
    type: 'store' as const,
    name,
    divisionCode,
    parentKey: 'operator',
  })),
  {
    key: 'school',
    type: 'training_provider',
    name: '五台县电子商务培训学校',
    divisionCode: '140922100',
  },
]

export interface DemoAccount {
  username: string
  displayName: string
  organizationKey: string
  role: Role
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    organizationKey: 'operator',
    role: 'system_admin',
  },
  {
    username: 'bureau',
    displayName: '张科长（商务局）',
    organizationKey: 'bureau',
    role: 'bureau_admin',
  },
  {
    username: 'operator',
    displayName: '王经理（运营中心）',
    organizationKey: 'operator',
    role: 'operator_admin',
  },
  {
    username: 'carrier',
    displayName: '李站长（邮政）',
    organizationKey: 'post',
    role: 'carrier_admin',
  },
  { username: 'hub', displayName: '陈师傅（物流中心）', organizationKey: 'hub', role: 'hub_staff' },
  { username: 'driver', displayName: '郭师傅（司机）', organizationKey: 'hub', role: 'driver' },
  {
    username: 'station',
    displayName: '杨站长（台城村）',
    organizationKey: 'station-taicheng',
    role: 'station_master',
  },
  {
    username: 'merchant',
    displayName: '赵社长（台蘑合作社）',
    organizationKey: 'taimo',
    role: 'merchant_admin',
  },
  {
    username: 'merchant2',
    displayName: '刘社长（小米合作社）',
    organizationKey: 'millet',
    role: 'merchant_admin',
  },
  {
    username: 'enterprise',
    displayName: '孙总（台山农产品）',
    organizationKey: 'enterprise',
    role: 'enterprise_admin',
  },
  {
    username: 'store',
    displayName: '周店员（台城店）',
    organizationKey: 'store',
    role: 'store_clerk',
  },
  {
    username: 'trainer',
    displayName: '吴老师（培训学校）',
    organizationKey: 'school',
    role: 'trainer',
  },
]
