import { expect } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { applyPaymentEvent } from '../../commerce/index.js'
import { demoLocations, sellableSku, signInCustomer } from '../../commerce/orders/test-support.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import { refundRows } from '../../../test/inspect.js'

// Set-up shared by the 砍价 and 团购 tests (tests only): a sellable SKU at a store, consumers,
// and paying on the local pay page.

export const hoursFromNow = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString()

export async function storeSku(t: TestApp, priceFen = 12_900, title?: string) {
  const places = await demoLocations(t.db)
  const { skuId, productId, merchant } = await sellableSku(t, {
    priceFen,
    stock: 500,
    locationId: places.storeId,
    ...(title ? { title } : {}),
  })
  return {
    skuId,
    productId,
    storeId: places.storeId,
    merchant,
    operator: await t.logIn('operator'),
  }
}

let phoneCounter = 0

/** Signed-in consumers with fresh numbers. */
export async function consumers(t: TestApp, count: number): Promise<Client[]> {
  const clients: Client[] = []
  for (let i = 0; i < count; i += 1) {
    phoneCounter += 1
    clients.push(await signInCustomer(t, `1371${String(phoneCounter).padStart(7, '0')}`))
  }
  return clients
}

export interface Ordered {
  orderId: string
  payment: { id: string; outTradeNo: string; amountFen: number; expiresAt: string }
  action: { kind: string; url: string } | null
}

/**
 * Pays on the local pay page and applies the provider's word at once, in its own transaction
 * (the callback the gateway sends as well is then a duplicate).
 */
export async function payOrder(t: TestApp, ordered: Ordered): Promise<void> {
  const token = ordered.action?.url.split('/').pop() ?? ''
  const confirmed = await t.app.inject({
    method: 'POST',
    url: `/api/commerce/shop/local-pay/${token}/confirm`,
  })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  expect(['paid', 'duplicate', 'already-settled']).toContain(await applyPayment(t, ordered))
  await t.payments.localGateway?.notifier.deliverDue()
}

/** What a provider reports when the payer paid a URL we had already given up on (Alipay can). */
export const applyPayment = (t: TestApp, ordered: Ordered) =>
  t.db.transaction().execute((trx) =>
    applyPaymentEvent(trx, t.promotionHooks, systemActor('test'), 'local', {
      kind: 'payment.succeeded',
      outTradeNo: ordered.payment.outTradeNo,
      providerTransactionId: `T${ordered.payment.outTradeNo}`,
      amountFen: ordered.payment.amountFen,
      occurredAt: new Date().toISOString(),
    }),
  )

export const refundsOf = (t: TestApp, orderIds: string[]) => refundRows(t.db, orderIds)

export const ORIGINAL_FEN = 12_900
export const FLOOR_FEN = 3_000

/** A running bargain activity for a store SKU (¥129.00, floor ¥30.00 unless told). */
export async function runningBargains(
  t: TestApp,
  terms: {
    helpersNeeded?: number
    floorPriceFen?: number
    perUserLaunchLimit?: number
    helperDailyQuota?: number
    buyBeforeFloor?: boolean
    stock?: number
  } = {},
) {
  const { skuId, storeId, operator } = await storeSku(t)
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/bargains',
    payload: {
      skuId,
      title: '黄小米砍价',
      originalPriceFen: ORIGINAL_FEN,
      floorPriceFen: terms.floorPriceFen ?? FLOOR_FEN,
      helpersNeeded: terms.helpersNeeded ?? 5,
      stock: terms.stock ?? 10,
      perUserLaunchLimit: terms.perUserLaunchLimit ?? 2,
      helperDailyQuota: terms.helperDailyQuota ?? 3,
      buyBeforeFloor: terms.buyBeforeFloor ?? false,
      startsAt: hoursFromNow(-1),
      endsAt: hoursFromNow(24 * 7),
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  return { activityId: created.json<{ id: string }>().id, skuId, storeId, operator }
}
