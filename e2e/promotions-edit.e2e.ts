import { describe, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'
import { stockedProduct } from './support/promotions.js'

// Issue 6, point 6: an operator who mistyped a promotion's terms corrects them in the console.
// 编辑 shows on the rows whose terms may still change and opens the create form pre-filled (yuan,
// Beijing time, the product and SKU sold); 保存 replaces the terms. A 团购 starting tomorrow, a
// draft 秒杀 and a draft 拼团; the bureau, which only reads, sees no 编辑.

interface Campaign {
  id: string
  title: string
  ladder: { minQuantity: number; priceFen: number }[]
  startsAt: string
  status: string
}

describe('editing a promotion in the console', () => {
  const { browser, baseURL } = useBrowser()

  it('lets the operator correct the title and first tier price of a bulk buy not yet started', async (test) => {
    const operator = await apiAs(baseURL, 'operator')
    const { skuId, title: productTitle } = await stockedProduct(baseURL, operator, 5000)
    const title = `${productTitle}团购`
    // On a whole minute: the pickers show minutes, and the window must survive the round trip.
    const startsAt = new Date(
      Math.ceil(Date.now() / 60_000) * 60_000 + 24 * 3_600_000,
    ).toISOString()
    const created = await operator.post<Campaign>('/api/promotions/bulk-buys', {
      skuId,
      title,
      ladder: [
        { minQuantity: 0, priceFen: 4800 },
        { minQuantity: 10, priceFen: 4000 },
      ],
      minQuantity: 5,
      cap: 50,
      perUserMax: 5,
      startsAt,
      endsAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
    })

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.goto('/promotions/bulk-buys')
    const row = page.getByRole('row').filter({ hasText: title })
    await row.getByText('¥48.00').waitFor()
    await row.getByRole('button', { name: '编辑' }).click()

    const drawer = page.getByRole('dialog')
    await drawer.getByText('编辑团购').waitFor()
    // Pre-filled with the current terms: the SKU sold, prices in yuan.
    await drawer.getByText('500g · ¥50.00').waitFor()
    const firstPrice = drawer.getByRole('textbox', { name: '单价（元） 1' })
    test.expect(await firstPrice.inputValue()).toBe('48.00')
    const titleInput = drawer.getByLabel('活动名称')
    test.expect(await titleInput.inputValue()).toBe(title)

    const corrected = `${title}（更正）`
    await titleInput.fill(corrected)
    await firstPrice.fill('45.50')
    await drawer.getByRole('button', { name: '保存' }).click()
    await drawer.waitFor({ state: 'hidden' })

    const correctedRow = page.getByRole('row').filter({ hasText: corrected })
    await correctedRow.getByText('¥45.50').waitFor()
    const campaigns = await operator.get<Campaign[]>('/api/promotions/bulk-buys')
    test.expect(campaigns.find((campaign) => campaign.id === created.id)).toMatchObject({
      title: corrected,
      ladder: [
        { minQuantity: 0, priceFen: 4550 },
        { minQuantity: 10, priceFen: 4000 },
      ],
      startsAt, // the window came back unchanged through the Beijing-time pickers
      status: 'open',
    })

    // The bureau supervises with promotions:read: it sees the campaign and its report, no 编辑.
    const { page: bureauPage } = await openPage(browser(), baseURL, test)
    await logIn(bureauPage, 'bureau')
    await bureauPage.goto('/promotions/bulk-buys')
    const bureauRow = bureauPage.getByRole('row').filter({ hasText: corrected })
    await bureauRow.getByRole('button', { name: '数据报表' }).waitFor()
    test.expect(await bureauRow.getByRole('button', { name: '编辑' }).count()).toBe(0)
  })

  it('lets the operator correct a draft flash sale, its SKU shown as chosen', async (test) => {
    const operator = await apiAs(baseURL, 'operator')
    const { skuId, title: productTitle } = await stockedProduct(baseURL, operator, 5000)
    const title = `${productTitle}秒杀`
    const session = await operator.post<{ id: string }>('/api/promotions/flash-sales', {
      title,
      startsAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 26 * 3_600_000).toISOString(),
      paymentWindowS: 300,
      perUserLimit: 1,
      skus: [{ skuId, salePriceFen: 3900, stock: 5 }],
    })

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.goto('/promotions/flash-sales')
    await page
      .getByRole('row')
      .filter({ hasText: title })
      .getByRole('button', { name: '编辑' })
      .click()
    const drawer = page.getByRole('dialog')
    await drawer.getByText('编辑秒杀场次').waitFor()
    await drawer.getByText(productTitle).waitFor()
    await drawer.getByText('500g · ¥50.00').waitFor()
    const salePrice = drawer.getByLabel('秒杀价（元）')
    test.expect(await salePrice.inputValue()).toBe('39.00')
    await salePrice.fill('35')
    await drawer.getByRole('button', { name: '保存' }).click()
    await drawer.waitFor({ state: 'hidden' })

    const sessions = await operator.get<
      { id: string; status: string; skus: { skuId: string; salePriceFen: number }[] }[]
    >('/api/promotions/flash-sales')
    test.expect(sessions.find((found) => found.id === session.id)).toMatchObject({
      status: 'draft',
      skus: [{ skuId, salePriceFen: 3500 }],
    })
  })

  it('lets the operator correct a draft team buy, its SKU kept', async (test) => {
    const operator = await apiAs(baseURL, 'operator')
    const { skuId, title: productTitle } = await stockedProduct(baseURL, operator, 5000)
    const title = `${productTitle}两人团`
    const activity = await operator.post<{ id: string }>('/api/promotions/team-buys', {
      skuId,
      title,
      teamPriceFen: 4500,
      teamSize: 2,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      stock: 10,
      perOrderLimit: 1,
      perUserLimit: 1,
    })

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.goto('/promotions/team-buys')
    const row = page.getByRole('row').filter({ hasText: title })
    await row.getByRole('button', { name: '编辑' }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByText('编辑拼团').waitFor()
    await drawer.getByText(`${productTitle} · 500g`).waitFor()
    const teamPrice = drawer.getByLabel('拼团价（元）')
    test.expect(await teamPrice.inputValue()).toBe('45.00')
    await teamPrice.fill('42.50')
    await drawer.getByRole('button', { name: '保存' }).click()
    await drawer.waitFor({ state: 'hidden' })

    const activities = await operator.get<{ id: string; teamPriceFen: number; skuId: string }[]>(
      '/api/promotions/team-buys',
    )
    test.expect(activities.find((found) => found.id === activity.id)).toMatchObject({
      teamPriceFen: 4250,
      skuId,
    })
  })
})
