import { describe, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { approvedShop, checkOutAtStation, newMerchant, productOnSale } from './support/commerce.js'

describe('orders in the console', () => {
  const { browser, baseURL } = useBrowser()

  it('the merchant reads a villager’s order and the operator finds its payment in the day’s reconciliation', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '阳白')
    const merchantApi = await apiAs(baseURL, merchant.username)
    await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
    const title = `阳白莜面${Date.now().toString(36)}`
    const { skuId } = await productOnSale(merchantApi, operator, title, 1990)
    const phone = `1370000${String(Date.now() % 10_000).padStart(4, '0')}`
    const checkout = await checkOutAtStation(baseURL, operator, phone, skuId, 3)
    const order = checkout.orders[0]
    expect(order?.totalFen).toBe(5970)

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, merchant.username)
    await page.getByRole('menuitem', { name: '订单管理' }).click()
    const row = page.locator('tr.ant-table-row').filter({ hasText: order?.orderNo ?? '' })
    await row.getByText('待付款').waitFor()
    await row.getByText('服务站自提').waitFor()
    await row.getByRole('cell', { name: '¥59.70' }).waitFor()
    await row.getByRole('button', { name: order?.orderNo }).click()
    const drawer = page.locator('.ant-drawer').filter({ hasText: '订单详情' })
    const line = drawer.locator('tr.ant-table-row').filter({ hasText: title })
    await line.waitFor()
    expect(await line.locator('td').allInnerTexts()).toEqual([
      title,
      '500g',
      '¥19.90',
      '3',
      '¥59.70',
    ])
    // Goods for a station come from the warehouse, but the buyer collects them at the station.
    const pickupPoint = drawer.locator('.ant-descriptions-row').filter({ hasText: '自提点' })
    await pickupPoint.getByText(checkout.stationName, { exact: false }).waitFor()
    await saveScreenshot(page, 'merchant-order')

    const { page: operatorPage } = await openPage(browser(), baseURL, test)
    await logIn(operatorPage, 'operator')
    await operatorPage.getByRole('menuitem', { name: '支付对账' }).click()
    const payment = operatorPage
      .locator('tr.ant-table-row')
      .filter({ hasText: checkout.payment.outTradeNo })
    expect(await payment.locator('td').nth(3).innerText()).toBe('¥59.70')
    await payment.getByText('一致').waitFor()
  })
})
