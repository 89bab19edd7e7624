import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption, shanghaiDay } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { approvedShop, newMerchant, productOnSale } from './support/commerce.js'

const STORE_NAME = '五台斋选O2O体验店（台城店）'

interface LocalShareRow {
  locationId: string
  storeName: string
  salesFen: number
}

/** "¥1,234.50" or "¥1234.50" → 123450 fen, by string arithmetic. */
function fenOf(text: string): number {
  const match = /^¥(\d+)\.(\d{2})$/.exec(text.trim().replace(/,/g, ''))
  if (!match) throw new Error(`not an amount: ${text}`)
  return Number(match[1]) * 100 + Number(match[2])
}

describe('counter sales at an O2O store', () => {
  const { browser, baseURL } = useBrowser()

  it('the store clerk sells 2 for cash, the shelf drops by 2 and the store’s sales grow by the sale', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '台城')
    const merchantApi = await apiAs(baseURL, merchant.username)
    const shop = await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
    const title = `台城台蘑${Date.now().toString(36)}`
    const { skuId } = await productOnSale(merchantApi, operator, title, 1250)
    const store = await apiAs(baseURL, 'store')
    const locations = await store.get<{ id: string; name: string }[]>(
      '/api/commerce/stock-locations',
    )
    const locationId = locations.find((location) => location.name === STORE_NAME)?.id
    expect(locationId).toBeDefined()
    await merchantApi.post('/api/commerce/stock/receipts', { skuId, locationId, quantity: 5 })
    const month = `${shanghaiDay().slice(0, 8)}01`
    const shares = () =>
      store.get<LocalShareRow[]>(
        `/api/commerce/reports/store-local-share?from=${month}&to=${shanghaiDay()}`,
      )
    const before = (await shares()).find((row) => row.locationId === locationId)
    expect(before).toBeDefined()

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'store')
    await page.getByRole('menuitem', { name: '门店收银' }).click()
    await pickOption(page, '商品', `${title} · ${shop.name}`, title)
    await page.getByRole('button', { name: '加入 500g ¥12.50' }).click()
    // More than the 5 on the shelf: the server refuses (409) and the clerk reads why.
    await page.getByLabel(`${title} 数量`).fill('6')
    await page.getByTestId('pos-total').getByText('合计 ¥75.00').waitFor()
    await page.getByRole('button', { name: '确认收款' }).click()
    await page.getByRole('alert').getByText(`${title}库存不足`).waitFor()
    await page.getByLabel(`${title} 数量`).fill('2')
    await page.getByTestId('pos-total').getByText('合计 ¥25.00').waitFor()
    await page.getByText('现金', { exact: true }).click()
    await page.getByRole('button', { name: '确认收款' }).click()
    await page.getByRole('status').getByText('收款成功，共 ¥25.00').waitFor()
    await page.getByText('请从左侧加入商品').waitFor() // the counter is ready for the next sale
    await saveScreenshot(page, 'store-pos')

    // The clerk's stock list covers the clerk's own organization's products; the merchant's
    // covers this product at every location: 5 booked in at the store, 2 sold at the counter.
    const levels = await merchantApi.get<{ skuId: string; available: number; sold: number }[]>(
      `/api/commerce/stock?locationId=${locationId}`,
    )
    const level = levels.find((row) => row.skuId === skuId)
    expect(level).toMatchObject({ available: 3, sold: 2 })

    await page.getByRole('menuitem', { name: '本地产品占比' }).click()
    const storeRow = page.locator('tr.ant-table-row').filter({ hasText: STORE_NAME })
    await storeRow.waitFor()
    // A clerk sees only the own store.
    expect(await page.locator('tr.ant-table-row').count()).toBe(1)
    const salesFen = fenOf(await storeRow.locator('td').nth(1).innerText())
    // Other journeys may sell at this store meanwhile, so this sale is a lower bound.
    expect(salesFen).toBeGreaterThanOrEqual((before?.salesFen ?? 0) + 2 * 1250)
    await storeRow.getByText(/^(达标|未达标)$/).waitFor()
  })
})
