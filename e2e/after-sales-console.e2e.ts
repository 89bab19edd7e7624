import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'
import { approvedShop, newMerchant, productOnSale } from './support/commerce.js'
import { fetchLoginCode } from './support/login-code.js'

// After-sales and complaints in the console (GOV-2): a villager asks for their money back over
// the API, the merchant refuses in the console with a reason, the villager takes it to the
// platform, the operating company settles on part of the amount, and the villager's order page
// shows what came back; a counterfeit report is settled by the bureau with its outcome recorded.

const BUYER_PREFIX = '1350003' // no other journey signs in with numbers starting this way

interface BuyerSession {
  cookies: { name: string; value: string }[]
  get: <T>(path: string) => Promise<T>
  post: <T>(path: string, body?: unknown) => Promise<T>
}

/** A villager signed in with the texted code (the local SMS stand-in hands it back). */
async function signInBuyer(baseURL: string, phone: string): Promise<BuyerSession> {
  const call = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const response = await fetch(`${baseURL}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return response
  }
  const code = await fetchLoginCode(baseURL, phone)
  const login = await call('POST', '/api/commerce/shop/auth/login', {}, { phone, code })
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const cookies = login.headers.getSetCookie().map((header) => {
    const pair = header.split(';')[0] ?? ''
    const at = pair.indexOf('=')
    return { name: pair.slice(0, at), value: pair.slice(at + 1) }
  })
  const headers = {
    cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
    'x-csrf-token': csrfToken,
  }
  return {
    cookies,
    get: async <T>(path: string) => (await (await call('GET', path, headers)).json()) as T,
    post: async <T>(path: string, body?: unknown) =>
      (await (await call('POST', path, headers, body)).json()) as T,
  }
}

interface BuyerOrder {
  id: string
  orderNo: string
  status: string
  totalFen: number
  refundedFen: number
}

async function waitForOrder(
  buyer: BuyerSession,
  id: string,
  done: (order: BuyerOrder) => boolean,
  timeoutMs: number,
): Promise<BuyerOrder> {
  for (const start = Date.now(); ;) {
    const order = await buyer.get<BuyerOrder>(`/api/commerce/shop/orders/${id}`)
    if (done(order)) return order
    if (Date.now() - start > timeoutMs)
      throw new Error(`order ${id} stayed ${JSON.stringify(order)}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Two of the SKU for pickup at a village station, paid on the local stand-in's pay page. */
async function paidOrder(
  buyer: BuyerSession,
  operator: Awaited<ReturnType<typeof apiAs>>,
  skuId: string,
): Promise<BuyerOrder> {
  const station = (
    await operator.get<{ id: string; kind: string }[]>('/api/commerce/stock-locations')
  ).find((location) => location.kind === 'station')
  const checkout = await buyer.post<{ orders: BuyerOrder[]; action: { url: string } | null }>(
    '/api/commerce/shop/checkout',
    { items: [{ skuId, quantity: 2 }], delivery: 'station_pickup', pickupLocationId: station?.id },
  )
  const token = checkout.action?.url.split('/').pop() ?? ''
  await buyer.post(`/api/commerce/shop/local-pay/${encodeURIComponent(token)}/confirm`)
  const order = checkout.orders[0]
  if (!order) throw new Error('checkout made no order')
  return waitForOrder(buyer, order.id, (o) => o.status === 'paid', 30_000)
}

describe('after-sales and complaints in the console', () => {
  const { browser, baseURL } = useBrowser()

  it('the merchant refuses, the buyer escalates, the operator refunds part, the buyer sees it; the bureau settles a 假货举报', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '豆村')
    const merchantApi = await apiAs(baseURL, merchant.username)
    const shop = await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
    const stamp = Date.now().toString(36)
    const title = `豆村黄米${stamp}`
    const { skuId } = await productOnSale(merchantApi, operator, title, 1250)
    const phone = `${BUYER_PREFIX}${String(Date.now() % 10_000).padStart(4, '0')}`
    const buyer = await signInBuyer(baseURL, phone)
    const order = await paidOrder(buyer, operator, skuId)
    expect(order.totalFen).toBe(2500)
    const reason = `两袋都受潮结块了 ${stamp}`
    const request = await buyer.post<{ id: string }>(
      `/api/commerce/shop/orders/${order.id}/after-sales`,
      { kind: 'refund_only', amountFen: 2500, reason },
    )

    // The merchant reads the request, with its deadline in Beijing time, and refuses it.
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, merchant.username)
    await page.getByRole('menuitem', { name: '售后处理' }).click()
    const row = page.locator('tr.ant-table-row').filter({ hasText: order.orderNo })
    await row.getByText('待商家处理').waitFor()
    expect(await row.innerText()).toMatch(
      /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} 剩余 4[78] 小时 \d+ 分/,
    )
    await row.getByRole('button', { name: order.orderNo }).click()
    const drawer = page.locator('.ant-drawer').filter({ hasText: '售后详情' })
    await drawer.getByTestId('after-sale-reason').getByText(reason).waitFor()
    await drawer.locator('tr.ant-table-row').filter({ hasText: title }).waitFor()
    await drawer.getByRole('button', { name: '拒绝' }).click()
    const refuse = page.locator('.ant-modal').filter({ hasText: `拒绝售后申请：${order.orderNo}` })
    await refuse.getByRole('button', { name: '拒绝' }).click()
    await refuse.getByText('请填写拒绝理由，买家会看到').waitFor()
    await refuse.getByLabel('处理意见').fill('包装完好，受潮系保存不当')
    await refuse.getByRole('button', { name: '拒绝' }).click()
    await page.getByText('已提交处理结果').waitFor()
    await row.getByText('已拒绝').waitFor()
    await saveScreenshot(page, 'after-sales-merchant')

    await buyer.post(`/api/commerce/shop/after-sales/${request.id}/escalate`)

    // The operating company decides on part of the amount: at most what was asked.
    const { page: operatorPage } = await openPage(browser(), baseURL, test)
    await logIn(operatorPage, 'operator')
    await operatorPage.getByRole('menuitem', { name: '平台介入' }).click()
    const queued = operatorPage.locator('tr.ant-table-row').filter({ hasText: order.orderNo })
    await queued.getByText('平台介入中').waitFor()
    await queued.getByText(shop.name).waitFor()
    await queued.getByRole('button', { name: order.orderNo }).click()
    const operatorDrawer = operatorPage.locator('.ant-drawer').filter({ hasText: '售后详情' })
    await operatorDrawer.getByText('包装完好，受潮系保存不当').waitFor()
    await operatorDrawer.getByRole('button', { name: '裁决退款' }).click()
    const decide = operatorPage
      .locator('.ant-modal')
      .filter({ hasText: `平台裁决退款：${order.orderNo}` })
    await decide.getByText('平台裁决为最终结果，提交后不可更改。').waitFor()
    const amount = decide.getByLabel('退款金额（元）')
    expect(await amount.inputValue()).toBe('25.00')
    await amount.fill('30')
    await decide.getByRole('button', { name: '裁决退款' }).click()
    await decide.getByText('请输入 0.01 至 25.00 元之间的金额，最多两位小数').waitFor()
    await amount.fill('12.5')
    await decide.getByLabel('处理意见').fill('一袋受潮属实，退一袋的钱')
    await decide.getByRole('button', { name: '裁决退款' }).click()
    await operatorPage.getByText('已提交处理结果').waitFor()
    await operatorPage.getByText('没有待平台处理的售后申请').waitFor()
    await pickOption(operatorPage, '状态', '全部')
    await queued.getByText(/已同意，退款中|已退款/).waitFor()
    expect(await queued.innerText()).toContain('¥12.50')
    await saveScreenshot(operatorPage, 'after-sales-operator')

    // The refund goes through the payment worker; the buyer's order page then shows it.
    const refunded = await waitForOrder(buyer, order.id, (o) => o.refundedFen > 0, 45_000)
    expect(refunded).toMatchObject({ status: 'paid', refundedFen: 1250 })
    const { context: buyerContext, page: buyerPage } = await openPage(
      browser(),
      baseURL,
      test,
      PHONE,
    )
    await buyerContext.addCookies(buyer.cookies.map((cookie) => ({ ...cookie, url: baseURL })))
    await buyerPage.goto(`/h5/orders/${order.id}`)
    await buyerPage.locator('dt', { hasText: '已退款' }).waitFor()
    const facts = buyerPage.locator('dl.h5-facts').filter({ hasText: '实付' })
    expect(await facts.innerText()).toMatch(/已退款\s+¥12\.50/)
    await saveScreenshot(buyerPage, 'after-sales-buyer-order')

    // A counterfeit report on the same order, settled by the bureau.
    const description = `包装上的五台斋选标志与官方不同 ${stamp}`
    await buyer.post('/api/commerce/shop/complaints', {
      kind: 'counterfeit',
      orderId: order.id,
      description,
    })
    const { page: bureauPage } = await openPage(browser(), baseURL, test)
    await logIn(bureauPage, 'bureau')
    await bureauPage.getByRole('menuitem', { name: '投诉举报' }).click()
    await pickOption(bureauPage, '类型', '假货举报')
    const report = bureauPage.locator('tr.ant-table-row').filter({ hasText: description })
    await report.getByText('待处理').waitFor()
    await report.getByText(order.orderNo).waitFor()
    await report.getByRole('button', { name: '处理' }).click()
    const complaintDrawer = bureauPage.locator('.ant-drawer').filter({ hasText: '投诉举报详情' })
    await complaintDrawer.getByText(title, { exact: false }).waitFor()
    await pickOption(bureauPage, '处理后状态', '已解决')
    await complaintDrawer.getByRole('button', { name: '提交处理' }).click()
    await complaintDrawer
      .locator('.ant-form-item-explain-error')
      .getByText('请填写处理结果')
      .waitFor()
    const outcome = '已核查，责令商家停用该批次包装并下架整改'
    await complaintDrawer.getByLabel('处理结果').fill(outcome)
    await complaintDrawer.getByRole('button', { name: '提交处理' }).click()
    await bureauPage.getByText('已更新处理状态').waitFor()
    await complaintDrawer.getByTestId('complaint-status').getByText('已解决').waitFor()
    expect(await complaintDrawer.getByTestId('complaint-resolution').innerText()).toBe(outcome)
    await complaintDrawer.getByText('此投诉举报已办结').waitFor()
    await bureauPage.keyboard.press('Escape')
    await report.getByText('已解决').waitFor()
    await saveScreenshot(bureauPage, 'complaints-bureau')
  }, 150_000)
})
