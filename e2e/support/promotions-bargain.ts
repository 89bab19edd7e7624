import type { Page } from 'playwright-core'
import type { ApiSession } from './app.js'
import { approvedShop, newMerchant, productOnSale } from './commerce.js'

// Set-up of the H5 砍价 journey, over HTTP: a merchant's product on sale and a running bargain
// activity on its SKU, created by the operator.

export interface BargainActivitySetUp {
  productId: string
  skuId: string
  activityId: string
}

export async function bargainActivity(
  baseURL: string,
  operator: ApiSession,
  apiAs: (baseURL: string, username: string) => Promise<ApiSession>,
  terms: { originalPriceFen: number; floorPriceFen: number; helpersNeeded: number },
): Promise<BargainActivitySetUp> {
  const merchant = await newMerchant(operator, '砍价')
  const merchantApi = await apiAs(baseURL, merchant.username)
  await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
  const { productId, skuId } = await productOnSale(
    merchantApi,
    operator,
    `台蘑砍价${Date.now().toString(36)}`,
    terms.originalPriceFen,
  )
  const hour = 3_600_000
  const activity = await operator.post<{ id: string }>('/api/promotions/bargains', {
    skuId,
    title: '台蘑砍到底',
    ...terms,
    stock: 5,
    perUserLaunchLimit: 1,
    helperDailyQuota: 3,
    buyBeforeFloor: false,
    startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + 7 * 24 * hour).toISOString(),
  })
  return { productId, skuId, activityId: activity.id }
}

/** On the H5 login page: asks for a code, reads the one the demo reveals, and signs in. */
export async function signInOnH5(page: Page, phone: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/h5/login')
  await page.getByLabel('手机号').fill(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  const revealed = await page.getByTestId('local-code').innerText()
  await page.getByLabel('验证码').fill(revealed.slice(-6))
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname !== '/h5/login')
}
