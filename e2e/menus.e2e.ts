import { describe, it } from 'vitest'
import { logIn, menuLabels } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'
import { ACCOUNTS, MENU, PATH } from './support/menus.js'

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
