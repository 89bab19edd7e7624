import { describe, it } from 'vitest'
import { apiAs } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'
import { bargainActivity, signInOnH5 } from './support/promotions-bargain.js'

// Issue 6, point 6 on a phone: a product's 砍价 and 团购 show on its page without any activity
// link, and /h5/bulk-buys lists every open campaign with the server's exact progress line.

describe('public promotion lists on the H5 shop', () => {
  const { browser, baseURL } = useBrowser()

  it('shows the bargain and bulk-buy entries and lists the campaign with its progress', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const { productId, skuId } = await bargainActivity(baseURL, operator, apiAs, {
      originalPriceFen: 12_900,
      floorPriceFen: 3_000,
      helpersNeeded: 3,
    })
    const hour = 3_600_000
    const title = `台蘑团购${Date.now().toString(36)}`
    await operator.post('/api/promotions/bulk-buys', {
      skuId,
      title,
      ladder: [
        { minQuantity: 0, priceFen: 4500 },
        { minQuantity: 3, priceFen: 4000 },
      ],
      minQuantity: 3,
      cap: 50,
      perUserMax: 5,
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
    })

    const { page } = await openPage(browser(), baseURL, test, PHONE)
    await page.goto(`/h5/products/${productId}`)
    const bargain = page.getByTestId('bargain-entry')
    await bargain.waitFor()
    expect(await bargain.innerText()).toContain('砍价 最低 ¥30.00')
    expect(await bargain.innerText()).toContain('原价 ¥129.00，邀 3 位好友帮砍到底价')
    const bulk = page.getByTestId('bulk-buy-entry')
    expect(await bulk.innerText()).toContain('已团 0 件，再 3 件降到 ¥40.00')
    await saveScreenshot(page, 'h5-product-promotion-entries')

    await page.goto('/h5/bulk-buys')
    const card = page.getByRole('link').filter({ hasText: title })
    await card.waitFor()
    expect(await card.getByTestId('bulk-buy-progress').innerText()).toBe(
      '已团 0 件，再 3 件降到 ¥40.00',
    )
    await saveScreenshot(page, 'h5-bulk-buys-list')
    await card.click()
    await page.waitForURL((url) => url.pathname.startsWith('/h5/bulk-buys/'))
    expect(await page.getByTestId('bulk-progress').innerText()).toBe(
      '已团 0 件，再 3 件降到 ¥40.00',
    )
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )

    // Signed in, the buyer sees what is left of the per-user maximum and cannot step past it.
    await page.getByRole('link', { name: '登录后参团' }).click()
    await signInOnH5(page, `1377${Date.now().toString().slice(-7)}`)
    await page.getByText('（你已买 0 件，还可买 5 件）').waitFor()
    const more = page.getByRole('button', { name: '增加参团数量' })
    for (let step = 0; step < 4; step += 1) await more.click()
    expect(await page.getByRole('group', { name: '参团数量' }).innerText()).toContain('5')
    expect(await more.isDisabled()).toBe(true)
  })
})
