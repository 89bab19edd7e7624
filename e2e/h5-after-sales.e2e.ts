import { describe, it } from 'vitest'
import { apiAs } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'
import { approvedShop, newMerchant, productOnSale } from './support/commerce.js'

// The buyer's side of after-sales (issue 4, GOV-2): on a phone a villager buys a new merchant's
// product for station pickup, asks for part of the money back, follows the request in 售后记录
// until the merchant's approval turns into a refund, and reports the product as counterfeit.

const BUYER_PREFIX = '1360001' // no other journey signs in with numbers starting this way

describe('after-sales in the H5 shop', () => {
  const { browser, baseURL } = useBrowser()

  it('asks for a partial refund, sees the merchant approve it, and files a 假货举报', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '茹村')
    const merchantApi = await apiAs(baseURL, merchant.username)
    await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
    const title = `茹村台蘑${Date.now().toString(36)}`
    const { productId } = await productOnSale(merchantApi, operator, title, 2990)
    const phone = `${BUYER_PREFIX}${String(Date.now() % 10_000).padStart(4, '0')}`

    const { page } = await openPage(browser(), baseURL, test, PHONE)
    await page.goto(`/h5/products/${productId}`)
    await page.getByRole('button', { name: '加入购物车' }).click()
    await page.getByText('已加入购物车').waitFor()
    await page.getByRole('link', { name: /购物车/ }).click()
    await page.getByRole('button', { name: '去结算' }).click()

    await page.waitForURL((url) => url.pathname === '/h5/login')
    await page.getByLabel('手机号').fill(phone)
    await page.getByRole('button', { name: '获取验证码' }).click()
    const revealed = await page.getByTestId('local-code').innerText()
    await page.getByLabel('验证码').fill(revealed.slice(-6))
    await page.getByRole('button', { name: '登录' }).click()

    await page.waitForURL((url) => url.pathname === '/h5/checkout')
    await page.getByRole('radio', { name: '服务站自提' }).check()
    await page.getByRole('group', { name: '选择服务站' }).getByRole('radio').first().check()
    await page.getByRole('button', { name: '提交订单' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/h5/pay/'))
    await page.getByRole('button', { name: '确认支付' }).click()

    await page.waitForURL((url) => url.pathname.startsWith('/h5/orders/'))
    await page.getByTestId('order-status').filter({ hasText: '已付款' }).waitFor()
    const totalText = await page.locator('dd.h5-price').innerText()
    expect(totalText).toMatch(/^¥\d+\.\d{2}$/)

    // The form offers what is left to refund; the buyer asks for ¥5.50 of it.
    await page.getByRole('button', { name: '申请售后' }).click()
    const form = page.getByRole('form', { name: '申请售后' })
    const amount = form.getByLabel(/退款金额/)
    expect(await amount.inputValue()).toBe(totalText.replace('¥', ''))
    await form.getByRole('radio', { name: '仅退款' }).check()
    await amount.fill('999999')
    await form.getByLabel('原因').fill('少发了一袋')
    await form.getByRole('button', { name: '提交申请' }).click()
    await form.getByRole('alert').filter({ hasText: '元之间的金额' }).waitFor()
    await amount.fill('5.5')
    const created = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url().endsWith('/after-sales'),
    )
    await form.getByRole('button', { name: '提交申请' }).click()
    const response = await created
    expect(response.status()).toBe(201)
    const request = (await response.json()) as { id: string; amountFen: number }
    expect(request.amountFen).toBe(550)
    await page.getByTestId('after-sale-done').waitFor()

    // A second open request for the same order is refused in the server's words.
    await page.getByRole('button', { name: '申请售后' }).click()
    await form.getByLabel('原因').fill('再申请一次')
    await form.getByRole('button', { name: '提交申请' }).click()
    const refused = form.getByRole('alert')
    await refused.waitFor()
    expect(await refused.innerText()).not.toBe('出错了，请稍后再试')
    await form.getByRole('button', { name: '取消' }).click()

    await page.getByRole('button', { name: '投诉/举报' }).click()
    const complaint = page.getByRole('form', { name: '投诉/举报' })
    await complaint.getByRole('radio', { name: '假货举报' }).check()
    await complaint.getByLabel('情况说明').fill('收到的台蘑不是包装上写的产地')
    await complaint.getByRole('button', { name: '提交' }).click()
    await page.getByTestId('after-sale-done').filter({ hasText: '已收到你的投诉/举报' }).waitFor()

    await page.getByRole('link', { name: /我的/ }).click()
    await page.getByRole('link', { name: '售后记录' }).click()
    await page.waitForURL((url) => url.pathname === '/h5/after-sales')
    const card = page.getByTestId('after-sale-card')
    await card.getByTestId('after-sale-status').filter({ hasText: '待商家处理' }).waitFor()
    expect(await card.count()).toBe(1)
    const cardText = await card.innerText()
    expect(cardText).toContain('仅退款 · ¥5.50')
    expect(cardText).toContain('少发了一袋')
    expect(cardText).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}（北京时间）前处理/)
    await saveScreenshot(page, 'h5-after-sales-awaiting')
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )

    await merchantApi.post(`/api/commerce/after-sales/${request.id}/respond`, {
      decision: 'approve',
      note: '同意退款，抱歉',
    })
    await card
      .getByTestId('after-sale-status')
      .filter({ hasText: /已同意，退款中|已退款/ })
      .waitFor({ timeout: 30_000 })
    expect(await card.innerText()).toContain('同意退款，抱歉')
    await card.getByTestId('after-sale-status').filter({ hasText: '已退款' }).waitFor({
      timeout: 40_000,
    })
    await saveScreenshot(page, 'h5-after-sales-refunded')
  }, 120_000)
})
