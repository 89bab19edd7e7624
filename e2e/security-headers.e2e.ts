import type { BrowserContext, Page, Response } from 'playwright-core'
import { describe, it, type ExpectStatic } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, PHONE, useBrowser } from './support/browser.js'
import { approvedShop, checkOutAtStation, newMerchant, productOnSale } from './support/commerce.js'

// The server sends a Content-Security-Policy with every page (issue 12). These journeys open the
// console, the H5 shop, the pay page, tracking and the API docs under it and fail on any
// violation, so a new inline script or a third-party source shows up here, not in production.

/** Collects CSP violations from every document the context opens, and the console's reports. */
async function watchViolations(
  context: BrowserContext,
  page: Page,
): Promise<() => Promise<string[]>> {
  // An init script is injected by the browser itself, so the page's CSP does not stop it. A
  // string, not a function: this project's TypeScript has no DOM types outside web/.
  await context.addInitScript(`
    window.cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI)
    })
  `)
  const reported: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text())
  })
  // Each call hands over what came in since the last one.
  return async () => [
    ...reported.splice(0),
    ...((await page.evaluate<string[] | undefined>('window.cspViolations?.splice(0)')) ?? []),
  ]
}

function expectHeaders(expect: ExpectStatic, response: Response | null): void {
  const headers = response?.headers() ?? {}
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
}

describe('the content security policy', () => {
  const { browser, baseURL } = useBrowser()

  it('lets the console run: sign-in, tables, forms, the map and the charts', async (test) => {
    const { expect } = test
    const { context, page } = await openPage(browser(), baseURL, test)
    const violations = await watchViolations(context, page)
    expectHeaders(expect, await page.goto('/login'))
    await logIn(page, 'operator')
    const seen: string[] = []
    for (const path of ['/network', '/promise', '/uplink', '/products', '/promotions/team-buys']) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      seen.push(...(await violations()))
    }
    // ECharts draws on a canvas: the map and the charts are there.
    await page.goto('/network')
    await page.locator('canvas').first().waitFor()
    seen.push(...(await violations()))
    expect(seen).toEqual([])
  })

  it('lets the H5 shop, a product with a rich description, the pay page and tracking run on a phone', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '安全')
    const merchantApi = await apiAs(baseURL, merchant.username)
    await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
    const { productId, skuId } = await productOnSale(
      merchantApi,
      operator,
      `台蘑${Date.now().toString(36)}`,
      2990,
      // An https picture (nothing listens there: only the policy's answer matters).
      '<h3>产地</h3><p><strong>台顶</strong>草甸<img src="x" onerror="alert(1)"></p>' +
        '<img src="https://127.0.0.1:9/taimo.png" alt="台蘑">' +
        '<p><a href="https://wutai.gov.cn">官网</a><script>alert(2)</script></p>',
    )
    const phone = `1371000${String(Date.now() % 10_000).padStart(4, '0')}`
    const checkout = await checkOutAtStation(baseURL, operator, phone, skuId, 1)

    const { context, page } = await openPage(browser(), baseURL, test, PHONE)
    const violations = await watchViolations(context, page)
    const seen: string[] = []
    expectHeaders(expect, await page.goto('/h5'))
    await page.getByLabel('搜索商品').waitFor()
    seen.push(...(await violations()))

    await page.goto(`/h5/products/${productId}`)
    await page.getByRole('heading', { name: '产地' }).waitFor()
    // The sanitizer kept the link (opened apart from the shop) and dropped the handler and script.
    const link = page.getByRole('link', { name: '官网' })
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow')
    expect(await page.locator('[onerror], .h5-page script').count()).toBe(0)
    await page.getByRole('img', { name: '台蘑' }).waitFor({ state: 'attached' })
    seen.push(...(await violations()))

    const payUrl = checkout.action?.url ?? ''
    expect(payUrl).toMatch(/^\/h5\/pay\//)
    expectHeaders(expect, await page.goto(payUrl))
    await page.getByTestId('pay-amount').waitFor()
    await page.getByRole('button', { name: '确认支付' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/h5/pay/'))
    seen.push(...(await violations()))

    expectHeaders(expect, await page.goto('/track'))
    await page.getByLabel('运单号').fill('NOSUCHWAYBILL1')
    await page.getByRole('button', { name: '查询' }).click()
    await page.waitForLoadState('networkidle')
    seen.push(...(await violations()))
    expect(seen).toEqual([])
  })

  it('lets the API docs run', async (test) => {
    const { expect } = test
    const { context, page } = await openPage(browser(), baseURL, test)
    const violations = await watchViolations(context, page)
    expectHeaders(expect, await page.goto('/api/docs'))
    await page.getByText('Cuntong API').first().waitFor()
    await page.locator('.opblock').first().waitFor()
    expect(await violations()).toEqual([])
  })

  it('keeps the console out of other sites’ frames', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    const refused: string[] = []
    page.on('console', (message) => refused.push(message.text()))
    // An attacker's page (about:blank here) framing the sign-in form for clickjacking.
    await page.setContent(`<iframe src="${baseURL}/login" width="800" height="600"></iframe>`)
    await expect.poll(() => refused.join('\n')).toMatch(/frame-ancestors|X-Frame-Options/)
    const framed = page.frames().find((frame) => frame.url().startsWith(baseURL))
    expect(
      (await framed
        ?.locator('#root')
        .count()
        .catch(() => 0)) ?? 0,
    ).toBe(0)
  })
})
