import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Client, TestApp } from '../../../test/test-app.js'
import { systemActor } from '../../../platform/http/index.js'
import { applyPaymentEvent, runPaymentRound } from '../wiring/index.js'
import {
  placeAndPay,
  sellableSku,
  signInCustomer,
  stockOf,
  type CheckoutResponse,
} from './test-support.js'
import { auditEntries, smsSent } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// Issue 4: checkout reserves stock atomically; payment callbacks are verified and idempotent;
// store pickup with a code; merchants see only their own orders.

describe('checkout and stock (issue 4)', () => {
  it('sells exactly the last 50 units to 200 concurrent checkouts, and the books balance', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, {
      priceFen: 3800,
      stock: 50,
      locationId: places.storeId,
    })
    const buyers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signInCustomer(t, `1380000${String(i).padStart(4, '0')}`),
      ),
    )
    const attempts = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (buyers[i % buyers.length] as Client).request({
          method: 'POST',
          url: '/api/commerce/shop/checkout',
          payload: {
            items: [{ skuId, quantity: 1 }],
            delivery: 'store_pickup',
            pickupLocationId: places.storeId,
          },
        }),
      ),
    )
    const codes = attempts.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(50)
    expect(codes.filter((c) => c === 409)).toHaveLength(150)
    const refused = attempts.find((r) => r.statusCode === 409)
    expect(refused?.json()).toMatchObject({ errors: [{ field: 'items/0/quantity' }] })
    expect(await stockOf(t.db, skuId, places.storeId)).toEqual({
      available: 0,
      reserved: 50,
      sold: 0,
      received: 50,
    })
    const orders = await t.db.selectFrom('shop_order').select('id').execute()
    expect(orders).toHaveLength(50)
  })

  it('names the scarce line of a two-line basket when concurrent checkouts run out of it (issue 14)', async () => {
    const t = await ordersApp()
    const { places } = t
    const plenty = await sellableSku(t, { priceFen: 1000, stock: 100, locationId: places.storeId })
    const scarce = await sellableSku(t, { priceFen: 2000, stock: 5, locationId: places.storeId })
    const buyers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        signInCustomer(t, `1390000${String(i).padStart(4, '0')}`),
      ),
    )
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (buyers[i % buyers.length] as Client).request({
          method: 'POST',
          url: '/api/commerce/shop/checkout',
          payload: {
            items: [
              { skuId: plenty.skuId, quantity: 1 },
              { skuId: scarce.skuId, quantity: 1 },
            ],
            delivery: 'store_pickup',
            pickupLocationId: places.storeId,
          },
        }),
      ),
    )
    const codes = attempts.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(5)
    for (const refused of attempts.filter((r) => r.statusCode === 409))
      expect(refused.json()).toMatchObject({ errors: [{ field: 'items/1/quantity' }] })
    expect(await stockOf(t.db, scarce.skuId, places.storeId)).toMatchObject({
      available: 0,
      reserved: 5,
    })
    expect(await stockOf(t.db, plenty.skuId, places.storeId)).toMatchObject({
      available: 95,
      reserved: 5,
    })
  })

  it('refuses bad baskets with the field named, and writes nothing', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, {
      priceFen: 3800,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800001111')
    const checkout = (payload: object) =>
      buyer.request({ method: 'POST', url: '/api/commerce/shop/checkout', payload })

    const tooMany = await checkout({
      items: [{ skuId, quantity: 6 }],
      delivery: 'station_pickup',
      pickupLocationId: places.stationId,
    })
    expect(tooMany.statusCode).toBe(409)
    expect(tooMany.json()).toMatchObject({
      detailZh: expect.stringContaining('仅剩 5 件') as string,
    })
    const noAddress = await checkout({ items: [{ skuId, quantity: 1 }], delivery: 'home' })
    expect(noAddress.json()).toMatchObject({ status: 400, errors: [{ field: 'addressId' }] })
    const unknown = await checkout({
      items: [{ skuId: 'nope', quantity: 1 }],
      delivery: 'store_pickup',
      pickupLocationId: places.storeId,
    })
    expect(unknown.json()).toMatchObject({ status: 400, errors: [{ field: 'items/0/skuId' }] })
    const zero = await checkout({ items: [{ skuId, quantity: 0 }], delivery: 'home' })
    expect(zero.statusCode).toBe(400)

    expect(await stockOf(t.db, skuId, places.warehouseId)).toMatchObject({
      available: 5,
      reserved: 0,
    })
    expect(await t.db.selectFrom('shop_order').select('id').execute()).toEqual([])
  })
})

describe('payment and pickup (issue 4)', () => {
  it('pays with the local provider, applies a callback delivered five times once, and hands over at the store', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, {
      priceFen: 3800,
      stock: 10,
      locationId: places.storeId,
    })
    const buyer = await signInCustomer(t, '13800002222')
    const placed = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/checkout',
      payload: {
        items: [{ skuId, quantity: 2 }],
        delivery: 'store_pickup',
        pickupLocationId: places.storeId,
      },
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const { payment, orders, action } = placed.json<CheckoutResponse>()
    expect(payment).toMatchObject({ amountFen: 7600, status: 'pending' })
    expect(action?.kind).toBe('redirect')
    const token = action?.url.split('/').pop() ?? ''

    // The payer confirms on the local pay page; the signed callback comes back through HTTP.
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/commerce/shop/local-pay/${token}/confirm`,
    })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    const order = await waitForOrder(buyer, orders[0]?.id ?? '', 'ready_for_pickup')
    expect(order.pickupCode).toMatch(/^\d{6}$/)
    expect(await stockOf(t.db, skuId, places.storeId)).toEqual({
      available: 8,
      reserved: 0,
      sold: 2,
      received: 10,
    })

    // The same callback, replayed four more times with its original signature: nothing changes.
    const delivered = await t.db.selectFrom('payment_notification').selectAll().execute()
    expect(delivered).toHaveLength(1)
    const replays = await replayLastCallback(t, 4)
    expect(replays.every((code) => code === 200 || code === 204)).toBe(true)
    expect(await t.db.selectFrom('payment_notification').selectAll().execute()).toHaveLength(1)
    expect(await stockOf(t.db, skuId, places.storeId)).toMatchObject({ sold: 2 })
    const events = await t.db
      .selectFrom('order_event')
      .select('to_status')
      .where('order_id', '=', order.id)
      .execute()
    expect(events.map((e) => e.to_status)).toEqual(['created', 'paid', 'ready_for_pickup'])

    // At the store: a wrong code is refused, the right one completes the order, once.
    const clerk = await t.logIn('store')
    const handOver = (code: string) =>
      clerk.request({
        method: 'POST',
        url: '/api/commerce/pickups/hand-over',
        payload: { locationId: places.storeId, code },
      })
    const wrong = order.pickupCode === '000000' ? '000001' : '000000'
    expect((await handOver(wrong)).statusCode).toBe(404)
    const done = await handOver(order.pickupCode ?? '')
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'completed', pickupCode: null })
    expect((await handOver(order.pickupCode ?? '')).statusCode).toBe(404)
    // Another store's clerk (or a station master) cannot hand over this store's orders.
    const station = await t.logIn('station')
    const elsewhere = await station.request({
      method: 'POST',
      url: '/api/commerce/pickups/hand-over',
      payload: { locationId: places.storeId, code: order.pickupCode },
    })
    expect(elsewhere.statusCode).toBe(400)
  })

  it('closes an unpaid order when its window passes and gives the stock back; its pay page then refuses', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, { priceFen: 1000, stock: 1, locationId: places.storeId })
    const first = await signInCustomer(t, '13800003333')
    const second = await signInCustomer(t, '13800004444')
    const checkout = (buyer: typeof first) =>
      buyer.request({
        method: 'POST',
        url: '/api/commerce/shop/checkout',
        payload: {
          items: [{ skuId, quantity: 1 }],
          delivery: 'store_pickup',
          pickupLocationId: places.storeId,
        },
      })
    const placed = (await checkout(first)).json<CheckoutResponse>()
    expect((await checkout(second)).statusCode).toBe(409)

    const later = new Date(Date.now() + 16 * 60 * 1000).toISOString()
    const round = await runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      later,
    )
    expect(round.closed).toBe(1)
    expect(await stockOf(t.db, skuId, places.storeId)).toMatchObject({ available: 1, reserved: 0 })
    const cancelled = await first.request({
      method: 'GET',
      url: `/api/commerce/shop/orders/${placed.orders[0]?.id}`,
    })
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '超时未支付，订单已取消',
    })

    // The second buyer takes the unit; the first one's pay page now refuses the closed trade.
    const taken = (await checkout(second)).json<CheckoutResponse>()
    expect(taken.payment.status).toBe('pending')
    const token = placed.action?.url.split('/').pop() ?? ''
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/commerce/shop/local-pay/${token}/confirm` }))
        .statusCode,
    ).toBe(409)
  })
})

describe('refunds and late payments (issue 4)', () => {
  it('refunds an uncollected order once, however the payment and refund callbacks are repeated or reordered', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, { priceFen: 2500, stock: 3, locationId: places.storeId })
    const buyer = await signInCustomer(t, '13800007777')
    const { orderId } = await placeAndPay(t, buyer, {
      skuId,
      quantity: 1,
      delivery: 'store_pickup',
      pickupLocationId: places.storeId,
    })
    await waitForOrder(buyer, orderId, 'ready_for_pickup')
    const paymentCallback = t.sentCallbacks.at(-1)

    const cancelled = await buyer.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${orderId}/cancel`,
    })
    expect(cancelled.json()).toMatchObject({ status: 'refunding' })
    await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl)
    const refunded = await waitForOrder(buyer, orderId, 'refunded')
    expect(refunded).toMatchObject({ status: 'refunded' })

    // The payment callback arrives again after the refund, then the refund callback twice more.
    for (const callback of [paymentCallback, t.sentCallbacks.at(-1), t.sentCallbacks.at(-1)]) {
      if (!callback) throw new Error('missing callback')
      await t.app.inject({
        method: 'POST',
        url: callback.url,
        headers: callback.headers,
        payload: callback.body,
      })
    }
    const order = (
      await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${orderId}` })
    ).json<{
      status: string
      refundedFen: number
    }>()
    expect(order).toMatchObject({ status: 'refunded', refundedFen: 2500 })
    expect(await t.db.selectFrom('payment').select(['status', 'refunded_fen']).execute()).toEqual([
      { status: 'succeeded', refunded_fen: 2500 },
    ])
    expect(await t.db.selectFrom('refund').select(['status', 'amount_fen']).execute()).toEqual([
      { status: 'succeeded', amount_fen: 2500 },
    ])
    // The goods never left the store: back on the shelf, once.
    expect(await stockOf(t.db, skuId, places.storeId)).toEqual({
      available: 3,
      reserved: 0,
      sold: 0,
      received: 3,
    })
  })

  it('keeps a payment that arrives after the window when the stock is still there, and refunds it in full when not', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, { priceFen: 1200, stock: 1, locationId: places.storeId })
    const buyers = [await signInCustomer(t, '13800008881'), await signInCustomer(t, '13800008882')]
    const checkout = async (buyer: Client) =>
      (
        await buyer.request({
          method: 'POST',
          url: '/api/commerce/shop/checkout',
          payload: {
            items: [{ skuId, quantity: 1 }],
            delivery: 'store_pickup',
            pickupLocationId: places.storeId,
          },
        })
      ).json<CheckoutResponse>()
    const expireAll = () =>
      runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        new Date(Date.now() + 3_600_000).toISOString(),
      )
    // What a provider reports when the payer paid a URL we had already given up on (Alipay can).
    const latePayment = (placed: CheckoutResponse) =>
      t.db.transaction().execute((trx) =>
        applyPaymentEvent(trx, t.promotionHooks, systemActor('test'), 'local', {
          kind: 'payment.succeeded',
          outTradeNo: placed.payment.outTradeNo,
          providerTransactionId: `LATE${placed.payment.outTradeNo}`,
          amountFen: placed.payment.amountFen,
          occurredAt: new Date().toISOString(),
        }),
      )

    const first = await checkout(buyers[0] as Client)
    await expireAll()
    expect(await latePayment(first)).toBe('paid-after-expiry')
    expect(await stockOf(t.db, skuId, places.storeId)).toMatchObject({ available: 0, sold: 1 })

    await t.db.updateTable('stock_level').set({ available: 1, received: 2 }).execute()
    const second = await checkout(buyers[1] as Client)
    await expireAll()
    const third = await checkout(buyers[0] as Client) // takes the unit back
    expect(third.payment.status).toBe('pending')
    expect(await latePayment(second)).toBe('refunded-after-expiry')
    expect(await t.db.selectFrom('refund').select(['amount_fen', 'status']).execute()).toEqual([
      { amount_fen: 1200, status: 'pending' },
    ])
    const order = await t.db
      .selectFrom('shop_order')
      .select('status')
      .where('id', '=', second.orders[0]?.id ?? '')
      .executeTakeFirstOrThrow()
    expect(order.status).toBe('refunding')
    expect(await stockOf(t.db, skuId, places.storeId)).toMatchObject({
      available: 0,
      reserved: 1,
      sold: 1,
    })
  })
})

describe('orders nobody collects (SVC-2)', () => {
  it('texts the buyer once after three days and refunds in full after seven', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, { priceFen: 4500, stock: 2, locationId: places.storeId })
    const buyer = await signInCustomer(t, '13800001212')
    const { orderId } = await placeAndPay(t, buyer, {
      skuId,
      quantity: 1,
      delivery: 'store_pickup',
      pickupLocationId: places.storeId,
    })
    const ready = await waitForOrder(buyer, orderId, 'ready_for_pickup')
    const day = 86_400_000
    const at = (days: number) => new Date(Date.now() + days * day + 60_000).toISOString()
    const round = (days: number) =>
      runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl, at(days))
    const reminders = () => smsSent(t.db, { template: 'pickup_reminder' })

    expect(await round(2)).toMatchObject({ reminded: 0, refunded: 0 })
    expect(await round(3)).toMatchObject({ reminded: 1, refunded: 0 })
    expect(await round(3.5)).toMatchObject({ reminded: 0, refunded: 0 })
    const texts = await reminders()
    expect(texts).toHaveLength(1)
    expect(texts[0]?.phone).toBe('13800001212')
    expect(JSON.parse(texts[0]?.params_json ?? '{}')).toMatchObject({
      pickupCode: ready.pickupCode,
      days: '3',
    })

    expect(await round(7)).toMatchObject({ refunded: 1, refundsSubmitted: 1 })
    await waitForOrder(buyer, orderId, 'refunded')
    expect(await stockOf(t.db, skuId, places.storeId)).toEqual({
      available: 2,
      reserved: 0,
      sold: 0,
      received: 2,
    })
  })
})

describe('who sees which orders (issue 4)', () => {
  it('shows a merchant only its own shop’s orders, and another’s as not found', async () => {
    const t = await ordersApp()
    const { places } = t
    const mine = await sellableSku(t, {
      merchant: 'merchant',
      priceFen: 500,
      stock: 5,
      locationId: places.warehouseId,
    })
    const theirs = await sellableSku(t, {
      merchant: 'merchant2',
      priceFen: 700,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800005555')
    const placed = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/checkout',
      payload: {
        items: [
          { skuId: mine.skuId, quantity: 1 },
          { skuId: theirs.skuId, quantity: 2 },
        ],
        delivery: 'station_pickup',
        pickupLocationId: places.stationId,
      },
    })
    const { orders, payment } = placed.json<CheckoutResponse>()
    expect(orders).toHaveLength(2) // split by merchant, one payment
    expect(payment.amountFen).toBe(500 + 1400)

    const list = (
      await mine.merchant.request({ method: 'GET', url: '/api/commerce/orders' })
    ).json<{
      items: { id: string; shopId: string; totalFen: number }[]
    }>()
    expect(list.items).toEqual([expect.objectContaining({ shopId: mine.shopId, totalFen: 500 })])
    // The Excel download holds the same orders, and only those.
    const download = await mine.merchant.request({
      method: 'GET',
      url: '/api/commerce/orders.xlsx',
    })
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('订单'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.rowCount).toBe(3) // caption, header, one order
    expect(sheet?.getRow(3).getCell(6).value).toBe('待付款')
    expect(sheet?.getRow(3).getCell(10).value).toBe(5)
    const other = orders.find((o) => o.totalFen === 1400)?.id ?? ''
    expect(
      (await mine.merchant.request({ method: 'GET', url: `/api/commerce/orders/${other}` }))
        .statusCode,
    ).toBe(404)
    const denied = await auditEntries(t.db, { entityId: other })
    expect(denied.map((d) => d.action)).toContain('access.denied')
    // A consumer cannot read another consumer's order either.
    const stranger = await signInCustomer(t, '13800006666')
    expect(
      (await stranger.request({ method: 'GET', url: `/api/commerce/shop/orders/${other}` }))
        .statusCode,
    ).toBe(404)
  })
})

interface OrderView {
  id: string
  status: string
  pickupCode: string | null
}

/** Polls the buyer's order until the asynchronous payment callback has moved it to `status`. */
async function waitForOrder(buyer: Client, id: string, status: string): Promise<OrderView> {
  for (let i = 0; i < 100; i++) {
    const order = (
      await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${id}` })
    ).json<OrderView>()
    if (order.status === status) return order
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`order ${id} never became ${status}`)
}

/** Sends the last callback the local gateway sent again, byte for byte, `times` times. */
async function replayLastCallback(t: TestApp, times: number): Promise<number[]> {
  const last = t.sentCallbacks.at(-1)
  if (!last) throw new Error('no callback was sent')
  const codes: number[] = []
  for (let i = 0; i < times; i++) {
    const response = await t.app.inject({
      method: 'POST',
      url: last.url,
      headers: last.headers,
      payload: last.body,
    })
    codes.push(response.statusCode)
  }
  return codes
}
