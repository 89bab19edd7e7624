import { describe, it } from 'vitest'
import { logIn, pickOption } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'

// Issue 15, SVC-1: a buyer in 广东省 广州市 天河区 orders on a phone, pays (local stand-in); the
// operator hands the parcel to an alliance carrier and enters its waybill on the order; the buyer
// sees the carrier and the waybill, and /track finds it.

const BUYER_PHONE = '13600008861' // no other journey signs in with this number
const CARRIER = '中国邮政五台县分公司' // a carrier of the demo alliance
const WAYBILL = `YZ${Date.now().toString().slice(-10)}`

describe('an order to another province', () => {
  const { browser, baseURL } = useBrowser()

  it('checks out to Guangzhou, ships with a carrier waybill, and the buyer sees it', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test, PHONE)
    await page.goto('/h5')
    await page.getByLabel('搜索商品').fill('小米')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.getByRole('list', { name: '搜索结果' }).getByRole('link').first().click()
    await page.getByRole('button', { name: '加入购物车' }).click()
    await page.getByText('已加入购物车').waitFor()
    await page.getByRole('link', { name: /购物车/ }).click()
    await page.getByRole('button', { name: '去结算' }).click()

    await page.waitForURL((url) => url.pathname === '/h5/login')
    await page.getByLabel('手机号').fill(BUYER_PHONE)
    await page.getByRole('button', { name: '获取验证码' }).click()
    const revealed = await page.getByTestId('local-code').innerText()
    await page.getByLabel('验证码').fill(revealed.slice(-6))
    await page.getByRole('button', { name: '登录' }).click()

    await page.waitForURL((url) => url.pathname === '/h5/checkout')
    await page.getByRole('radio', { name: '送货上门' }).check()
    const choose = async (label: string, option: string) => {
      const select = page.getByLabel(label)
      await select.locator('option', { hasText: option }).waitFor({ state: 'attached' })
      await select.selectOption({ label: option })
    }
    await choose('省份', '广东省')
    await choose('城市', '广州市')
    await choose('区县', '天河区')
    await choose('乡镇/街道', '五山街道')
    await page.getByText('县外地址由联盟快递公司寄出').waitFor()
    await page.getByLabel('收货人').fill('陈嘉欣')
    await page.getByLabel('手机号').fill('13900008861')
    await page.getByLabel('详细地址').fill('五山路 483 号')
    await page.getByRole('button', { name: '保存地址' }).click()
    await page.getByText('广东省 广州市 天河区 五山街道').waitFor()
    await page.getByRole('button', { name: '提交订单' }).click()

    await page.waitForURL((url) => url.pathname.startsWith('/h5/pay/'))
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/h5/orders/'))
    await page.getByTestId('order-status').filter({ hasText: '已付款' }).waitFor()
    const orderNo = await page.locator('.h5-facts dt:has-text("订单号") + dd').innerText()
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )

    const console = await openPage(browser(), baseURL, test)
    await logIn(console.page, 'operator')
    await console.page.goto('/orders')
    await console.page.getByRole('button', { name: orderNo }).click()
    await pickOption(console.page, '快递公司', CARRIER)
    await console.page.getByLabel('快递运单号').fill(WAYBILL)
    await console.page.getByRole('button', { name: '确认发货' }).click()
    await console.page
      .getByRole('button', { name: '确 定' })
      .or(console.page.getByRole('button', { name: '确定' }))
      .click()
    await console.page.getByTestId('order-shipment').filter({ hasText: WAYBILL }).waitFor()
    await saveScreenshot(console.page, 'order-shipped-by-carrier')

    await page.reload()
    await page.getByTestId('order-status').filter({ hasText: '已发货' }).waitFor()
    const facts = await page.locator('.h5-facts[aria-label="物流"]').innerText()
    expect(facts).toContain(CARRIER)
    expect(facts).toContain(WAYBILL)
    await saveScreenshot(page, 'h5-order-shipped-by-carrier')
  })
})
