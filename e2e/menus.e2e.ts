import { describe, it } from 'vitest'
import { logIn, menuLabels } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'

const MENU = {
  driver: '司机任务',
  station: '服务站工作台',
  users: '用户管理',
  organizations: '机构管理',
  apiTokens: 'API 令牌',
  auditLog: '审计日志',
  parcels: '包裹管理',
  manifests: '运单导入',
  dispatch: '配送调度',
  promise: '时效与报表',
  uplink: '农产品上行',
  network: '物流网点',
  statements: '对账结算',
  pickups: '自提核销',
  pos: '门店收银',
  shopReview: '网店审核',
  myShop: '我的网店',
  products: '商品管理',
  stock: '库存管理',
  orders: '订单管理',
  afterSales: '售后处理',
  afterSalesReview: '平台介入',
  complaints: '投诉举报',
  localShare: '本地产品占比',
  payouts: '结算报表',
  reconciliation: '支付对账',
  flashSales: '限时秒杀',
  teamBuys: '拼团',
  bargains: '砍价',
  bulkBuys: '团购',
  promotionEvents: '线下活动',
  smsLog: '短信记录',
  geography: '行政区划',
  account: '我的账户',
} as const
type MenuKey = keyof typeof MENU

const LOGISTICS: MenuKey[] = [
  'parcels',
  'manifests',
  'dispatch',
  'promise',
  'uplink',
  'network',
  'statements',
]
const ALL: MenuKey[] = [
  'users',
  'organizations',
  'apiTokens',
  'auditLog',
  ...LOGISTICS,
  'pickups',
  'pos',
  'shopReview',
  'myShop',
  'products',
  'stock',
  'orders',
  'afterSales',
  'afterSalesReview',
  'complaints',
  'localShare',
  'payouts',
  'reconciliation',
  'flashSales',
  'teamBuys',
  'bargains',
  'bulkBuys',
  'promotionEvents',
  'smsLog',
  'geography',
  'account',
]
const MERCHANT: MenuKey[] = [
  'users',
  'organizations',
  'auditLog',
  'myShop',
  'products',
  'stock',
  'orders',
  'afterSales',
  'localShare',
  'payouts',
  'geography',
  'account',
]
const BUREAU: MenuKey[] = [
  'users',
  'organizations',
  'auditLog',
  'parcels',
  'promise',
  'network',
  'statements',
  'orders',
  'complaints',
  'localShare',
  'payouts',
  'flashSales',
  'teamBuys',
  'bargains',
  'bulkBuys',
  'promotionEvents',
  'geography',
  'account',
]
const CARRIER: MenuKey[] = [
  'users',
  'organizations',
  'apiTokens',
  'auditLog',
  'parcels',
  'manifests',
  'promise',
  'statements',
  'geography',
  'account',
]
const FIELD_WORK: MenuKey[] = ['geography', 'account']
// Store clerks land on pickup hand-over.
const STORE: MenuKey[] = ['pickups', 'pos', 'stock', 'orders', 'localShare', ...FIELD_WORK]
// Drivers and station masters land on their phone page; the hub on the parcel list.
const HUB: MenuKey[] = [
  'parcels',
  'dispatch',
  'promise',
  'uplink',
  'network',
  'statements',
  'smsLog',
  'geography',
  'account',
]
const DRIVER: MenuKey[] = [
  'driver',
  'parcels',
  'promise',
  'network',
  'statements',
  'geography',
  'account',
]
const STATION: MenuKey[] = [
  'station',
  'parcels',
  'promise',
  'network',
  'statements',
  'pickups',
  'geography',
  'account',
]
const PATH: Record<MenuKey, string> = {
  driver: '/driver',
  station: '/station',
  parcels: '/parcels',
  manifests: '/manifests',
  dispatch: '/dispatch',
  promise: '/promise',
  uplink: '/uplink',
  network: '/network',
  statements: '/statements',
  pickups: '/pickups',
  pos: '/pos',
  shopReview: '/shop-review',
  myShop: '/my-shop',
  products: '/products',
  stock: '/stock',
  orders: '/orders',
  afterSales: '/after-sales',
  afterSalesReview: '/after-sales-review',
  complaints: '/complaints',
  localShare: '/local-share',
  payouts: '/payouts',
  reconciliation: '/reconciliation',
  flashSales: '/promotions/flash-sales',
  teamBuys: '/promotions/team-buys',
  bargains: '/promotions/bargains',
  bulkBuys: '/promotions/bulk-buys',
  promotionEvents: '/promotions/events',
  smsLog: '/sms-log',
  users: '/users',
  organizations: '/organizations',
  apiTokens: '/api-tokens',
  auditLog: '/audit-log',
  geography: '/geography',
  account: '/account',
}

const ACCOUNTS: [username: string, menu: MenuKey[]][] = [
  ['admin', ALL],
  ['bureau', BUREAU],
  ['operator', ALL],
  ['carrier', CARRIER],
  ['merchant', MERCHANT],
  ['enterprise', MERCHANT],
  ['hub', HUB],
  ['driver', DRIVER],
  ['station', STATION],
  ['store', STORE],
  ['trainer', FIELD_WORK],
]

describe.concurrent('the side menu', () => {
  const { browser, baseURL } = useBrowser()

  it.for(ACCOUNTS)(
    'shows %s exactly the pages its role allows, landing on the first',
    async ([username, menu], test) => {
      const { page } = await openPage(browser(), baseURL, test)
      await logIn(page, username)
      test.expect(await menuLabels(page)).toEqual(menu.map((key) => MENU[key]))
      test.expect(new URL(page.url()).pathname).toBe(PATH[menu[0]!])
    },
  )
})

describe.concurrent('the side menu headings', () => {
  const { browser, baseURL } = useBrowser()

  it('gathers the operator’s pages under a heading per part of the program; a trainer with two pages gets none', async (test) => {
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    const headings = page.getByRole('navigation').locator('.ant-menu-item-group-title')
    test
      .expect(await headings.allInnerTexts())
      .toEqual(['系统管理', '物流配送', '门店服务', '电商交易', '促销活动', '基础数据'])
    const promotions = page
      .getByRole('navigation')
      .locator('.ant-menu-item-group')
      .filter({ has: page.getByText('促销活动', { exact: true }) })
    test
      .expect(await promotions.getByRole('menuitem').allInnerTexts())
      .toEqual(['限时秒杀', '拼团', '砍价', '团购', '线下活动'])

    const { page: trainer } = await openPage(browser(), baseURL, test)
    await logIn(trainer, 'trainer')
    test.expect(await menuLabels(trainer)).toEqual(['行政区划', '我的账户'])
    test.expect(await trainer.locator('.ant-menu-item-group-title').count()).toBe(0)
  })
})

describe.concurrent('promotions for the bureau', () => {
  const { browser, baseURL } = useBrowser()

  it('shows the bureau the 团购 list and its reports, with no button that changes anything', async (test) => {
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'bureau')
    await page.getByRole('menuitem', { name: '团购' }).click()
    const rows = page.locator('.ant-table-tbody tr.ant-table-row')
    await rows.first().getByRole('button', { name: '数据报表' }).waitFor()
    test.expect(await page.getByRole('button', { name: '新建团购' }).count()).toBe(0)
    test.expect(await rows.getByRole('button', { name: '暂停' }).count()).toBe(0)
    test.expect(await rows.getByRole('button', { name: '提前结束' }).count()).toBe(0)
  })
})

describe.concurrent('pages outside the menu', () => {
  const { browser, baseURL } = useBrowser()

  it('answers 403 when a driver opens the users page by its address', async (test) => {
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'driver')
    await page.goto('/users')
    await page.getByText('无权访问', { exact: true }).waitFor()
    test.expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0)
  })

  it('answers 404 for an address that is no page', async (test) => {
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'hub')
    await page.goto('/no-such-page')
    await page.getByText('页面不存在', { exact: true }).waitFor()
  })

  it('shows the bureau lists without create or edit buttons', async (test) => {
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'bureau')
    // Shop customers are users too; other tests sign many in, so look the operator up.
    await page.goto('/users?q=operator')
    await page.getByRole('cell', { name: 'operator', exact: true }).waitFor()
    test.expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0)
    test.expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0)
    await page.goto('/organizations')
    await page.getByRole('cell', { name: '五台县商务局', exact: true }).waitFor()
    test.expect(await page.getByRole('button', { name: '新建机构' }).count()).toBe(0)
    test.expect(await page.getByRole('button', { name: '暂停' }).count()).toBe(0)
  })
})
