import { describe, expect, it } from 'vitest'
import { DatabaseLocalGatewayStore } from './providers/index.js'
import { runPaymentRound } from '../wiring/index.js'
import { sellableSku, placeOrder, signInCustomer, stockOf } from '../orders/test-support.js'
import { ordersApp } from '../../../test/fixtures.js'

// Issue 12: a payment the provider took is an order paid, even when its callback never came —
// the payment worker asks the provider about every payment still pending.

const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000).toISOString()

describe('recovering payments whose callback was lost (issue 12)', () => {
  it('pays the order the provider says was paid, once, after a short grace', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId } = await sellableSku(t, { priceFen: 1800, stock: 2, locationId: places.storeId })
    const buyer = await signInCustomer(t, '13800001212')
    const { payment, orders } = await placeOrder(buyer, {
      skuId,
      quantity: 1,
      delivery: 'store_pickup',
      pickupLocationId: places.storeId,
    })
    // The gateway recorded the payment, then its process died before the callback was queued.
    const gateway = new DatabaseLocalGatewayStore(t.db)
    const trade = await gateway.findTrade(payment.outTradeNo)
    if (!trade) throw new Error('the gateway has no trade')
    await gateway.saveTrade({
      ...trade,
      status: 'succeeded',
      transactionId: 'LOCALLOST0001',
      paidAt: new Date().toISOString(),
    })
    const orderStatus = async () =>
      (
        await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${orders[0]?.id}` })
      ).json<{ status: string }>().status

    // Still within the grace: the callback may yet come.
    expect(
      await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl),
    ).toMatchObject({
      recovered: 0,
    })
    expect(await orderStatus()).toBe('created')

    const later = secondsFromNow(11)
    expect(
      await runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        later,
      ),
    ).toMatchObject({ recovered: 1 })
    expect(await orderStatus()).not.toBe('created')
    expect(
      await runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        later,
      ),
    ).toMatchObject({ queried: 0, recovered: 0 })
    expect(await stockOf(t.db, skuId, places.storeId)).toMatchObject({
      available: 1,
      reserved: 0,
      sold: 1,
    })
  })
})
