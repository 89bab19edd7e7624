import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { apiAs } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'
import {
  runningFlashSale,
  runningTeamBuy,
  signInOnPhone,
  stockedProduct,
  STORE,
} from './support/promotions.js'

// The check for 拼团 on the H5 shop: the operator runs a two-person team buy; buyer A on
// a phone opens a team from the product page and pays; buyer B follows A's share link, joins and
// pays; both team pages turn 已成团, and A's order, held until the team formed, gets its pickup code.

const LEADER_PHONE = '13600002201' // no other journey signs in with these numbers
const MEMBER_PHONE = '13600002202'
const FLASH_PHONE = '13600002203'

describe('拼团 on the H5 shop', () => {
  const { browser, baseURL } = useBrowser()

  it('forms a team of two through the share link', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const teamBuy = await runningTeamBuy(baseURL, operator, {
      teamSize: 2,
      priceFen: 3000,
      teamPriceFen: 1990,
    })

    // Buyer A opens a team from the product page.
    const leader = await openPage(browser(), baseURL, test, PHONE)
    const a = leader.page
    await a.goto(`/h5/products/${teamBuy.productId}`)
    const block = a.getByRole('region', { name: /2人团/ })
    await block.waitFor()
    expect(await block.getByTestId('team-price').innerText()).toBe('¥19.90')
    expect(await block.innerText()).toContain('¥30.00')
    await block.getByText('暂无进行中的拼团').waitFor()
    await saveScreenshot(a, 'h5-team-buy-product')
    await block.getByRole('button', { name: '发起拼团' }).click()

    await a.waitForURL((url) => url.pathname === '/h5/login')
    await signInOnPhone(a, LEADER_PHONE)
    await a.waitForURL((url) => url.pathname === '/h5/team-checkout')
    await a.getByRole('radio', { name: new RegExp(STORE) }).check()
    await a.getByRole('button', { name: '发起拼团' }).click()
    await payOnLocalPage(a, '¥19.90')

    await a.waitForURL((url) => url.pathname.startsWith('/h5/teams/'))
    const leaderStatus = a.getByTestId('team-status')
    await leaderStatus.filter({ hasText: /^待成团$/ }).waitFor() // the payment callback opens it
    expect(await a.getByText('还差 1 人').count()).toBe(1)
    expect(await a.getByTestId('team-countdown').innerText()).toMatch(/^23:59:\d{2}$/)
    const shareLink = await a.getByTestId('share-link').innerText()
    expect(shareLink).toMatch(new RegExp(`^${baseURL}/h5/share/[a-z0-9]+$`))
    expect(await a.getByRole('button', { name: '参与拼团' }).count()).toBe(0) // A is in it
    await saveScreenshot(a, 'h5-team-buy-open')

    // Buyer B, signed in on another phone, follows the link and joins.
    const member = await openPage(browser(), baseURL, test, PHONE)
    const b = member.page
    await b.goto('/h5/login?next=/h5/me')
    await signInOnPhone(b, MEMBER_PHONE)
    await b.waitForURL((url) => url.pathname === '/h5/me')
    await b.goto(shareLink)
    await b.waitForURL((url) => url.pathname.startsWith('/h5/teams/'))
    const shareCode = shareLink.split('/').pop() ?? ''
    expect(new URL(b.url()).searchParams.get('share')).toBe(shareCode)
    await b.getByTestId('team-status').filter({ hasText: '待成团' }).waitFor()
    expect(await b.getByRole('list', { name: '团员' }).innerText()).toContain('团长')
    await b.getByRole('button', { name: '参与拼团' }).click()
    await b.waitForURL((url) => url.pathname === '/h5/team-checkout')
    expect(new URL(b.url()).searchParams.get('share')).toBe(shareCode)
    await b.getByRole('radio', { name: new RegExp(STORE) }).check()
    await b.getByRole('button', { name: '参与拼团' }).click()
    await payOnLocalPage(b, '¥19.90')

    await b.waitForURL((url) => url.pathname.startsWith('/h5/teams/'))
    await b.getByTestId('team-status').filter({ hasText: '已成团' }).waitFor()
    await saveScreenshot(b, 'h5-team-buy-joined')

    // A's page re-reads the team; A's order was held until the team formed, now it waits at the store.
    await leaderStatus.filter({ hasText: '已成团' }).waitFor()
    await a.getByRole('link', { name: '查看我的订单' }).click()
    await a.getByTestId('order-status').filter({ hasText: '待取货' }).waitFor()
    expect(await a.getByTestId('pickup-code').innerText()).toMatch(/^\d{6}$/)
    await saveScreenshot(a, 'h5-team-buy-order-ready')
    expect(await a.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )
  })

  it('grabs a flash sale unit, orders it within the hold and is told when it is sold out', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const product = await stockedProduct(baseURL, operator, 3000)
    const title = `秒杀${Date.now().toString(36)}`
    await runningFlashSale(operator, product.skuId, { title, salePriceFen: 990, stock: 1 })

    const { page } = await openPage(browser(), baseURL, test, PHONE)
    await page.goto('/h5')
    await page
      .getByRole('region', { name: /限时秒杀/ })
      .getByRole('link', { name: /去抢购/ })
      .click()
    await page.waitForURL((url) => url.pathname === '/h5/flash-sales')
    const session = page.getByRole('region', { name: title })
    await session.waitFor()
    expect(await session.getByTestId('flash-clock').innerText()).toMatch(/^距结束 00:5\d:\d{2}$/)
    expect(await session.innerText()).toContain('剩 1 件')
    await saveScreenshot(page, 'h5-flash-sales')
    await session.getByRole('button', { name: '马上抢' }).click()
    await page.waitForURL((url) => url.pathname === '/h5/login')
    await signInOnPhone(page, FLASH_PHONE)
    await page.waitForURL((url) => url.pathname === '/h5/flash-sales')
    await page.getByRole('region', { name: title }).getByRole('button', { name: '马上抢' }).click()

    await page.waitForURL((url) => url.pathname.startsWith('/h5/flash-sale-holds/'))
    const holdPath = new URL(page.url()).pathname
    expect(await page.getByTestId('hold-left').innerText()).toMatch(/名额保留 00:0[45]:\d{2}/)
    await page.getByRole('radio', { name: new RegExp(STORE) }).check()
    await page.getByRole('button', { name: '提交订单' }).click()
    await payOnLocalPage(page, '¥9.90')
    await page.waitForURL((url) => url.pathname.startsWith('/h5/orders/'))
    await page.getByTestId('order-status').filter({ hasText: '待取货' }).waitFor()

    // The one unit is gone: the list says so, and the hold now leads to its order.
    await page.goto('/h5/flash-sales')
    const after = page.getByRole('region', { name: title })
    await after.getByRole('button', { name: '已抢光' }).waitFor()
    await page.goto(holdPath)
    await page.getByRole('link', { name: '查看订单' }).waitFor()
  })
})

/** On the local pay page: the amount, then 确认支付 (no money moves). */
async function payOnLocalPage(page: Page, amount: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/h5/pay/'))
  await page.getByText('本地模拟支付（演示）', { exact: false }).waitFor()
  if ((await page.getByTestId('pay-amount').innerText()) !== amount)
    throw new Error(`pay page asks for ${await page.getByTestId('pay-amount').innerText()}`)
  await page.getByRole('button', { name: '确认支付' }).click()
}
