import type { Page } from 'playwright-core'
import { apiAs, type ApiSession } from './app.js'
import { approvedShop, newMerchant, productOnSale } from './commerce.js'

// Set-up of the promotion journeys over HTTP: a merchant's product stocked at a store, and a
// running 拼团 activity (the body of the team-buy tests' set-up) or 秒杀 session on it.

export const STORE = '五台斋选O2O体验店（台城店）'

export interface RunningTeamBuy {
  productId: string
  skuId: string
  activityId: string
  title: string
}

/** A merchant's new product (solo price `priceFen`), ten units at the warehouse and ten at STORE. */
export async function stockedProduct(
  baseURL: string,
  operator: ApiSession,
  priceFen: number,
): Promise<{ productId: string; skuId: string; title: string }> {
  const merchant = await newMerchant(operator, '促销')
  const merchantApi = await apiAs(baseURL, merchant.username)
  await approvedShop(merchantApi, operator, `${merchant.organizationName}小店`)
  const title = `促销小米${Date.now().toString(36)}`
  const { productId, skuId } = await productOnSale(merchantApi, operator, title, priceFen)
  // Store pickup takes the goods from the store's own shelf.
  const locations = await operator.get<{ id: string; name: string }[]>(
    '/api/commerce/stock-locations',
  )
  const store = locations.find((location) => location.name === STORE)
  await merchantApi.post('/api/commerce/stock/receipts', {
    skuId,
    locationId: store?.id,
    quantity: 10,
  })
  return { productId, skuId, title }
}

export async function runningTeamBuy(
  baseURL: string,
  operator: ApiSession,
  terms: { teamSize: number; priceFen: number; teamPriceFen: number },
): Promise<RunningTeamBuy> {
  const { productId, skuId, title } = await stockedProduct(baseURL, operator, terms.priceFen)
  const activity = await operator.post<{ id: string }>('/api/promotions/team-buys', {
    skuId,
    title: `${terms.teamSize}人拼小米`,
    teamPriceFen: terms.teamPriceFen,
    teamSize: terms.teamSize,
    ttlS: 86_400,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    stock: 20,
    perOrderLimit: 2,
    perUserLimit: 10,
    newUserLeaderOnly: false,
    virtualFillMin: null,
  })
  await operator.post(`/api/promotions/team-buys/${activity.id}/status`, { status: 'active' })
  return { productId, skuId, activityId: activity.id, title }
}

/** A flash sale session that started a minute ago, scheduled by the operator. */
export async function runningFlashSale(
  operator: ApiSession,
  skuId: string,
  terms: { title: string; salePriceFen: number; stock: number },
): Promise<{ id: string }> {
  const session = await operator.post<{ id: string }>('/api/promotions/flash-sales', {
    title: terms.title,
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    paymentWindowS: 300,
    perUserLimit: 1,
    skus: [{ skuId, salePriceFen: terms.salePriceFen, stock: terms.stock }],
  })
  await operator.post(`/api/promotions/flash-sales/${session.id}/schedule`)
  return session
}

/** Signs a buyer in on the H5 login page with the code the local SMS stand-in reveals. */
export async function signInOnPhone(page: Page, phone: string): Promise<void> {
  await page.getByLabel('手机号').fill(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  const revealed = await page.getByTestId('local-code').innerText()
  await page.getByLabel('验证码').fill(revealed.slice(-6))
  await page.getByRole('button', { name: '登录' }).click()
}
