import type { Locator, Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption, shanghaiDay } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'
import { approvedShop, newMerchant, productOnSale } from './support/commerce.js'

// The promotions console (issue 6): the operator sets up a team buy, activates it and sees its
// share QR code in the report, plans an offline event, records what came of it, and downloads
// the year's events for the bureau.

interface TeamBuy {
  title: string
  teamPriceFen: number
  teamSize: number
  status: string
}

interface PromotionEvent {
  title: string
  status: string
  visitors: number | null
  salesFen: number | null
  products: { title: string }[]
}

describe('the promotions console', () => {
  const { browser, baseURL } = useBrowser()

  it('lets the operator run a team buy and an offline event and export the events', async (test) => {
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '促销')
    const merchantApi = await apiAs(baseURL, merchant.username)
    await approvedShop(merchantApi, operator, `${merchant.organizationName}小店`)
    const productTitle = `拼团台蘑${Date.now().toString(36)}`
    await productOnSale(merchantApi, operator, productTitle, 1500)

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')

    // 拼团: a draft for two at ¥9.90 (the SKU sells at ¥15.00 alone), then activated.
    const teamTitle = `${productTitle}两人团`
    await page.goto('/promotions/team-buys')
    await page.getByRole('button', { name: '新建拼团' }).click()
    await page.getByLabel('活动名称').fill(teamTitle)
    await pickOption(
      page,
      '商品',
      `${productTitle}（${merchant.organizationName}小店）`,
      productTitle,
    )
    await page.getByLabel('规格').locator('..').getByText('500g · ¥15.00').waitFor()
    await page.getByLabel('拼团价（元）').fill('9.90')
    await page.getByLabel('活动库存').fill('5')
    await page.getByRole('button', { name: '保存' }).click()
    const teamRow = page.getByRole('row').filter({ hasText: teamTitle })
    await teamRow.getByText('草稿').waitFor()
    await teamRow.getByRole('button', { name: '上线' }).click()
    await page.getByRole('tooltip').getByRole('button', { name: '上线' }).click()
    await teamRow.getByText('进行中').waitFor()
    const teamBuys = await operator.get<TeamBuy[]>('/api/promotions/team-buys?status=active')
    test.expect(teamBuys.find((activity) => activity.title === teamTitle)).toMatchObject({
      teamPriceFen: 990,
      teamSize: 2,
      status: 'active',
    })

    // Its report drawer shows the share link (MKT-2) as a QR code to print, with its counts.
    await teamRow.getByRole('button', { name: '数据报表' }).click()
    const drawer = page.getByRole('dialog')
    const shareLink = await drawer.getByTestId('share-link').innerText()
    test.expect(shareLink).toMatch(new RegExp(`^${baseURL}/h5/share/[a-z0-9]+$`))
    await drawer
      .getByRole('img', { name: `分享二维码 ${shareLink}` })
      .locator('svg')
      .waitFor()
    await drawer.getByRole('button', { name: '下载二维码' }).waitFor()
    await drawer.getByText('付款订单').waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // 线下活动: planned for yesterday (Beijing time), then its results recorded.
    const eventTitle = `${productTitle}推介会`
    const day = shanghaiDay(-1)
    await page.goto('/promotions/events')
    await page.getByRole('button', { name: '新建线下活动' }).click()
    await page.getByLabel('活动名称').fill(eventTitle)
    await page.getByLabel('活动地点').fill('台怀镇游客中心广场')
    await pickOption(page, '所在区划', '台怀镇')
    await page.keyboard.press('Escape') // the township's villages stay open otherwise
    await typeDateTime(page, '开始时间（北京时间）', `${day} 09:00`)
    await typeDateTime(page, '结束时间（北京时间）', `${day} 17:00`)
    await pickOption(
      page,
      '推介商品',
      `${productTitle}（${merchant.organizationName}小店）`,
      productTitle,
    )
    await page.getByRole('button', { name: '保存' }).click()
    const eventRow = page.getByRole('row').filter({ hasText: eventTitle })
    await eventRow.getByText('计划中').waitFor()
    await eventRow.getByRole('button', { name: '登记结果' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('到场人数').fill('120')
    await dialog.getByLabel('成交订单数').fill('8')
    await dialog.getByLabel('销售额（元）').fill('1234.50')
    await dialog.getByRole('button', { name: '保存' }).click()
    await eventRow.getByText('已举办').waitFor()
    await eventRow.getByText('到场 120 人 · 8 单 · ¥1234.50').waitFor()
    const year = Number(day.slice(0, 4))
    const events = await operator.get<{ items: PromotionEvent[] }>(
      `/api/promotions/events?year=${year}&pageSize=100`,
    )
    test.expect(events.items.find((event) => event.title === eventTitle)).toMatchObject({
      status: 'held',
      visitors: 120,
      salesFen: 123450,
      products: [{ title: productTitle }],
    })

    // The yearly sheet: the button downloads an Excel workbook.
    if (year !== new Date(Date.now() + 8 * 3_600_000).getUTCFullYear())
      await pickOption(page, '年份', String(year))
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ])
    test.expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const answer = await page.request.get(`/api/promotions/events.xlsx?year=${year}`)
    test.expect(answer.status()).toBe(200)
    test
      .expect(answer.headers()['content-type'])
      .toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const bytes = await answer.body()
    test.expect(bytes.subarray(0, 2).toString()).toBe('PK') // a zip, as every .xlsx is
  })
})

/** Types a Beijing date-time into an antd picker and commits it. */
async function typeDateTime(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await waitForValue(input, value)
}

async function waitForValue(input: Locator, value: string): Promise<void> {
  for (let waitedMs = 0; (await input.inputValue()) !== value; waitedMs += 100) {
    if (waitedMs > 3_000)
      throw new Error(`the picker shows ${await input.inputValue()}, not ${value}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
