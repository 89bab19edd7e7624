import { DEMO_PASSWORD, type ApiSession } from './app.js'
import { fetchLoginCode } from './login-code.js'

// Set-up steps of the commerce journeys, over HTTP. The demo merchants already run shops, so
// each journey opens its own merchant organization with its own administrator.

export interface NewMerchant {
  username: string
  organizationName: string
}

/** A merchant organization and its administrator (password DEMO_PASSWORD), made by the operator. */
export async function newMerchant(operator: ApiSession, label: string): Promise<NewMerchant> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
  const organizationName = `${label}合作社${stamp}`
  const organization = await operator.post<{ id: string }>('/api/organizations', {
    type: 'merchant',
    name: organizationName,
  })
  const username = `m${stamp}`
  await operator.post('/api/users', {
    username,
    displayName: `${label}店主`,
    password: DEMO_PASSWORD,
    memberships: [{ organizationId: organization.id, role: 'merchant_admin' }],
  })
  return { username, organizationName }
}

/** The shop the merchant applied for, approved by the operator. */
export async function approvedShop(
  merchant: ApiSession,
  operator: ApiSession,
  name: string,
): Promise<{ id: string; name: string }> {
  const shop = await merchant.post<{ id: string; name: string }>('/api/commerce/shops', {
    name,
    intro: '测试店铺',
  })
  await operator.post(`/api/commerce/shops/${shop.id}/review`, { decision: 'approve' })
  return shop
}

/** A product on sale with one SKU and stock at the county warehouse, made over the API. */
export async function productOnSale(
  merchant: ApiSession,
  operator: ApiSession,
  title: string,
  priceFen: number,
  descriptionHtml?: string,
): Promise<{ productId: string; skuId: string }> {
  const categories = await merchant.get<{ id: string; children: { id: string }[] }[]>(
    '/api/commerce/shop/categories',
  )
  const product = await merchant.post<{ id: string; skus: { id: string }[] }>(
    '/api/commerce/products',
    {
      categoryId: categories[0]?.children[0]?.id,
      title,
      ...(descriptionHtml === undefined ? {} : { descriptionHtml }),
      skus: [{ spec: '500g', unit: '袋', priceFen, weightG: 500, volumeCm3: 1500 }],
    },
  )
  const skuId = product.skus[0]?.id ?? ''
  await merchant.put(`/api/commerce/products/${product.id}/status`, { status: 'on_sale' })
  const locations = await operator.get<{ id: string; kind: string }[]>(
    '/api/commerce/stock-locations',
  )
  const warehouse = locations.find((location) => location.kind === 'warehouse')
  await merchant.post('/api/commerce/stock/receipts', {
    skuId,
    locationId: warehouse?.id,
    quantity: 10,
  })
  return { productId: product.id, skuId }
}

interface Checkout {
  stationName: string
  payment: { outTradeNo: string }
  orders: { orderNo: string; totalFen: number }[]
  /** Where the buyer pays: the local stand-in's pay page. */
  action: { kind: string; url?: string } | null
}

/** A villager signs in with a texted code and orders `quantity` of a SKU for station pickup. */
export async function checkOutAtStation(
  baseURL: string,
  operator: ApiSession,
  phone: string,
  skuId: string,
  quantity: number,
): Promise<Checkout> {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseURL}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
    return response
  }
  const code = await fetchLoginCode(baseURL, phone)
  const login = await post('/api/commerce/shop/auth/login', { phone, code })
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ')
  const station = (
    await operator.get<{ id: string; kind: string; name: string }[]>(
      '/api/commerce/stock-locations',
    )
  ).find((location) => location.kind === 'station')
  const checkout = await post(
    '/api/commerce/shop/checkout',
    { items: [{ skuId, quantity }], delivery: 'station_pickup', pickupLocationId: station?.id },
    { cookie, 'x-csrf-token': csrfToken },
  )
  return {
    ...((await checkout.json()) as Omit<Checkout, 'stationName'>),
    stationName: station?.name ?? '',
  }
}
