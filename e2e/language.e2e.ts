import { describe, it } from 'vitest'
import { logIn, menuLabels } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

describe('the language switch', () => {
  const { browser, baseURL } = useBrowser()

  it('turns the console English, keeps it after a reload, and turns it back', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'bureau')

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Users' }).waitFor()
    expect(await menuLabels(page)).toEqual([
      'Users',
      'Organizations',
      'Audit log',
      'Parcels',
      'Promise & reports',
      'Network',
      'Statements',
      'Orders',
      'Complaints and reports',
      'Local product share',
      'Payouts',
      'Flash sales',
      'Team buys',
      'Bargains',
      'Bulk buys',
      'Offline events',
      'Geography',
      'My account',
    ])
    expect(await page.getByRole('columnheader', { name: 'Username' }).count()).toBe(1)
    // antd's own texts follow too (pagination total, from the enUS locale plus ours).
    await page.getByText(/^\d+ in total$/).waitFor()

    await page.reload()
    await page.getByRole('heading', { name: 'Users' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await saveScreenshot(page, 'users-english')

    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('heading', { name: '用户管理' }).waitFor()
    expect(await menuLabels(page)).toEqual([
      '用户管理',
      '机构管理',
      '审计日志',
      '包裹管理',
      '时效与报表',
      '物流网点',
      '对账结算',
      '订单管理',
      '投诉举报',
      '本地产品占比',
      '结算报表',
      '限时秒杀',
      '拼团',
      '砍价',
      '团购',
      '线下活动',
      '行政区划',
      '我的账户',
    ])
  })
})
