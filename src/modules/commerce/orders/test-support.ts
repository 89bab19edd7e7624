import { expect } from 'vitest'
import type { Db } from '../../../db/database.js'
import { newId } from '../../../shared/ids.js'
import type { Locations } from '../../../test/fixtures.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import { organizationOfUser } from '../../../test/inspect.js'

// Set-up shared by the order tests (tests only): a sellable SKU with stock, pickup points, and
// consumers signed in by texted code.

/** The demo's county warehouse, the store clerk's O2O store and a village station. */
export async function demoLocations(db: Db): Promise<Locations> {
  const store = { id: await organizationOfUser(db, 'store') }
  const find = (kind: 'warehouse' | 'store' | 'station', organizationId?: string) => {
    let query = db.selectFrom('stock_location').select('id').where('kind', '=', kind)
    if (organizationId) query = query.where('organization_id', '=', organizationId)
    return query.orderBy('created_at').orderBy('name').executeTakeFirstOrThrow()
  }
  return {
    warehouseId: (await find('warehouse')).id,
    storeId: (await find('store', store.id)).id,
    stationId: (await find('station')).id,
  }
}

/** An approved shop of `merchant` with one on-sale SKU, and `stock` units at `locationId`. */
export async function sellableSku(
  t: TestApp,
  options: {
    merchant?: string
    title?: string
    priceFen: number
    stock: number
    locationId: string
    localKind?: 'fresh' | 'specialty' | null
  },
): Promise<{ skuId: string; productId: string; shopId: string; merchant: Client }> {
  const merchant = await t.logIn(options.merchant ?? 'merchant')
  const operator = await t.logIn('operator')
  const shopId = await approvedShopOf(merchant, operator)
  const category = await operator.request({
    method: 'POST',
    url: '/api/commerce/categories',
    payload: { name: `杂粮${newId().slice(-6)}` },
  })
  expect(category.statusCode, category.body).toBe(201)
  const created = await merchant.request({
    method: 'POST',
    url: '/api/commerce/products',
    payload: {
      shopId,
      categoryId: category.json<{ id: string }>().id,
      title: options.title ?? '黄小米',
      localKind: options.localKind === undefined ? 'specialty' : options.localKind,
      skus: [
        { spec: '2.5kg', unit: '袋', priceFen: options.priceFen, weightG: 2600, volumeCm3: 4000 },
      ],
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  const product = created.json<{ id: string; skus: { id: string }[] }>()
  const onSale = await merchant.request({
    method: 'PUT',
    url: `/api/commerce/products/${product.id}/status`,
    payload: { status: 'on_sale' },
  })
  expect(onSale.statusCode, onSale.body).toBe(200)
  const skuId = product.skus[0]?.id ?? ''
  const booked = await merchant.request({
    method: 'POST',
    url: '/api/commerce/stock/receipts',
    payload: { skuId, locationId: options.locationId, quantity: options.stock },
  })
  expect(booked.statusCode, booked.body).toBe(200)
  return { skuId, productId: product.id, shopId, merchant }
}

async function approvedShopOf(merchant: Client, operator: Client): Promise<string> {
  const mine = (await merchant.request({ method: 'GET', url: '/api/commerce/my-shops' })).json<
    { id: string; status: string }[]
  >()
  const approved = mine.find((shop) => shop.status === 'approved')
  if (approved) return approved.id
  const applied = await merchant.request({
    method: 'POST',
    url: '/api/commerce/shops',
    payload: { name: `测试网店${newId().slice(-6)}` },
  })
  expect(applied.statusCode, applied.body).toBe(201)
  const shopId = applied.json<{ id: string }>().id
  const review = await operator.request({
    method: 'POST',
    url: `/api/commerce/shops/${shopId}/review`,
    payload: { decision: 'approve' },
  })
  expect(review.statusCode, review.body).toBe(200)
  return shopId
}

/**
 * A consumer signed in with a texted code (the local SMS provider reveals it), from an address
 * of their own, as phones are: the per-address code limits do not add up across a test's buyers.
 */
export async function signInCustomer(t: TestApp, phone: string): Promise<Client> {
  const sent = await t.app.inject({
    method: 'POST',
    url: '/api/commerce/shop/auth/code',
    payload: { phone },
    remoteAddress: phoneAddress(phone),
  })
  expect(sent.statusCode, sent.body).toBe(200)
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/commerce/shop/auth/login',
    payload: { phone, code: sent.json<{ localCode: string }>().localCode },
  })
  expect(login.statusCode, login.body).toBe(200)
  const cookie = login.cookies.find((c) => c.name === 'ct_session')?.value ?? ''
  const { userId, csrfToken } = login.json<{ userId: string; csrfToken: string }>()
  return {
    userId,
    request: (options) =>
      t.app.inject({
        ...options,
        headers: {
          cookie: `ct_session=${cookie}`,
          'x-csrf-token': csrfToken,
          ...(options.headers ?? {}),
        },
      }),
  }
}

/** A made-up client address (10.x.y.z) for a phone number. */
export function phoneAddress(phone: string): string {
  const n = Number(phone.slice(-6))
  return `10.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`
}

export const stockOf = (db: Db, skuId: string, locationId: string) =>
  db
    .selectFrom('stock_level')
    .select(['available', 'reserved', 'sold', 'received'])
    .where('sku_id', '=', skuId)
    .where('location_id', '=', locationId)
    .executeTakeFirstOrThrow()

export interface CheckoutResponse {
  payment: { id: string; outTradeNo: string; amountFen: number; status: string }
  orders: { id: string; status: string; totalFen: number; pickupCode: string | null }[]
  action: { kind: string; url: string } | null
}

export interface OneSkuOrder {
  skuId: string
  quantity: number
  delivery: string
  pickupLocationId: string
}

/** Checks out one SKU without paying. */
export async function placeOrder(buyer: Client, order: OneSkuOrder): Promise<CheckoutResponse> {
  const response = await buyer.request({
    method: 'POST',
    url: '/api/commerce/shop/checkout',
    payload: {
      items: [{ skuId: order.skuId, quantity: order.quantity }],
      delivery: order.delivery,
      pickupLocationId: order.pickupLocationId,
    },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<CheckoutResponse>()
}

/** Checks out one SKU and pays on the local pay page; the callback is delivered before it returns. */
export async function placeAndPay(
  t: TestApp,
  buyer: Client,
  order: OneSkuOrder,
): Promise<{ placed: CheckoutResponse; orderId: string }> {
  const placed = await placeOrder(buyer, order)
  const token = placed.action?.url.split('/').pop() ?? ''
  const confirmed = await t.app.inject({
    method: 'POST',
    url: `/api/commerce/shop/local-pay/${token}/confirm`,
  })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  await t.payments.localGateway?.notifier.deliverDue()
  return { placed, orderId: placed.orders[0]?.id ?? '' }
}
