import { describe, expect, it } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import { runPaymentRound } from '../../commerce/index.js'
import { applyPaymentEvent } from '../../commerce/index.js'
import { signInCustomer, type CheckoutResponse } from '../../commerce/orders/test-support.js'
import {
  flashContext,
  flashTestApp,
  minutesFromNow,
  openSession,
  type OpenSession,
} from './test-support.js'
import { runFlashSaleRound } from './worker.js'
import { orderRow, orderRows, refundRows } from '../../../test/inspect.js'
import { sellOutStock } from '../../../test/factories.js'

// Holds over time, with the clock passed in: expiry, unpaid orders, late payments.

describe.each(['database', 'redis'] as const)('flash sale holds over time (%s)', (mode) => {
  const admit = (buyer: Client, sale: OpenSession) =>
    buyer.request({
      method: 'POST',
      url: `/api/promotions/shop/flash-sales/${sale.sessionId}/admissions`,
      payload: { skuId: sale.skuId, quantity: 1 },
    })
  const order = async (buyer: Client, sale: OpenSession, holdId: string) =>
    buyer.request({
      method: 'POST',
      url: `/api/promotions/shop/flash-sale-holds/${holdId}/checkout`,
      payload: { delivery: 'station_pickup', pickupLocationId: sale.stationId },
    })
  const admitAndOrder = async (buyer: Client, sale: OpenSession) => {
    const hold = await admit(buyer, sale)
    expect(hold.statusCode, hold.body).toBe(201)
    const placed = await order(buyer, sale, hold.json<{ id: string }>().id)
    expect(placed.statusCode, placed.body).toBe(201)
    return { holdId: hold.json<{ id: string }>().id, placed: placed.json<CheckoutResponse>() }
  }
  const holdStatus = async (t: TestApp, id: string) =>
    (
      await t.db
        .selectFrom('flash_hold')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status
  const expireOrders = (t: TestApp) =>
    runPaymentRound(
      t.db,
      t.promotionHooks,
      t.payments.provider,
      t.payments.notifyUrl,
      minutesFromNow(6),
    )
  // What a provider reports when the payer paid a URL we had already given up on.
  const latePayment = (t: TestApp, placed: CheckoutResponse) =>
    t.db.transaction().execute((trx) =>
      applyPaymentEvent(trx, t.promotionHooks, systemActor('test'), 'local', {
        kind: 'payment.succeeded',
        outTradeNo: placed.payment.outTradeNo,
        providerTransactionId: `LATE${placed.payment.outTradeNo}`,
        amountFen: placed.payment.amountFen,
        occurredAt: new Date().toISOString(),
      }),
    )
  const orderStatus = async (t: TestApp, placed: CheckoutResponse) =>
    (await orderRow(t.db, placed.orders[0]?.id ?? '')).status

  it('gives the unit of a hold not ordered in time back, for the next buyer', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 1 })
    const [first, second] = [
      await signInCustomer(t, '13900004441'),
      await signInCustomer(t, '13900004442'),
    ] as [Client, Client]
    const held = await admit(first, sale)
    expect(held.statusCode).toBe(201)
    expect((await admit(second, sale)).statusCode).toBe(409)

    const context = flashContext(mode, t)
    expect(await runFlashSaleRound(t.db, context, minutesFromNow(4))).toEqual({
      released: 0,
      ended: 0,
    })
    expect(await runFlashSaleRound(t.db, context, minutesFromNow(6))).toEqual({
      released: 1,
      ended: 0,
    })
    expect(await holdStatus(t, held.json<{ id: string }>().id)).toBe('released')
    // Past the sold-out shedding second, the unit is there again.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await admit(second, sale)).statusCode).toBe(201)
    const late = await order(first, sale, held.json<{ id: string }>().id)
    expect(late.statusCode).toBe(409)
  })

  it('creates the order of a hold once, however often it is asked', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 2 })
    const buyer = await signInCustomer(t, '13900005551')
    const hold = await admit(buyer, sale)
    const holdId = hold.json<{ id: string }>().id
    const seen = (client: Client) =>
      client.request({ method: 'GET', url: `/api/promotions/shop/flash-sale-holds/${holdId}` })
    // With Redis the hold is not in the database yet: the buyer sees it all the same.
    expect((await seen(buyer)).json()).toMatchObject({ id: holdId, status: 'held' })
    const answers = await Promise.all([1, 2, 3].map(() => order(buyer, sale, holdId)))
    expect((await seen(buyer)).json()).toMatchObject({ id: holdId, status: 'ordered' })
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201])
    const payments = new Set(answers.map((a) => a.json<CheckoutResponse>().payment.id))
    expect(payments.size).toBe(1)
    const placed = answers[0]?.json<CheckoutResponse>()
    expect(placed?.payment.amountFen).toBe(990)
    expect((await orderRows(t.db)).map(({ promotion_id }) => ({ promotion_id }))).toEqual([
      { promotion_id: holdId },
    ])
    const stranger = await signInCustomer(t, '13900005552')
    expect((await order(stranger, sale, holdId)).statusCode).toBe(404)
    expect((await seen(stranger)).statusCode).toBe(404)
  })

  it('returns the unit when the order of a hold expires unpaid', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 1 })
    const buyer = await signInCustomer(t, '13900006661')
    const { holdId, placed } = await admitAndOrder(buyer, sale)
    expect(await expireOrders(t)).toMatchObject({ closed: 1 })
    expect(await orderStatus(t, placed)).toBe('cancelled')
    expect(await holdStatus(t, holdId)).toBe('released')
    const report = await sale.operator.request({
      method: 'GET',
      url: `/api/promotions/flash-sales/${sale.sessionId}/report`,
    })
    expect(report.json()).toMatchObject({
      skus: [{ stockTotal: 1, stockLeft: 1, admitted: 1, ordered: 0, released: 1 }],
    })
    // The buyer's count went back too: they may try again.
    expect((await admit(buyer, sale)).statusCode).toBe(201)
  })

  it('keeps a late payment while the session still has the unit', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 1 })
    const buyer = await signInCustomer(t, '13900007771')
    const { holdId, placed } = await admitAndOrder(buyer, sale)
    await expireOrders(t)
    expect(await latePayment(t, placed)).toBe('paid-after-expiry')
    expect(await orderStatus(t, placed)).toBe('paid')
    expect(await holdStatus(t, holdId)).toBe('paid')
    const report = await sale.operator.request({
      method: 'GET',
      url: `/api/promotions/flash-sales/${sale.sessionId}/report`,
    })
    expect(report.json()).toMatchObject({ skus: [{ stockLeft: 0, paid: 1 }] })
  })

  it('refunds a late payment in full when the unit has gone to someone else', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 1 })
    const [first, second] = [
      await signInCustomer(t, '13900008881'),
      await signInCustomer(t, '13900008882'),
    ] as [Client, Client]
    const { holdId, placed } = await admitAndOrder(first, sale)
    await expireOrders(t)
    expect((await admit(second, sale)).statusCode).toBe(201)
    await latePayment(t, placed)
    expect(await orderStatus(t, placed)).toBe('refunding')
    expect(await holdStatus(t, holdId)).toBe('refunded')
    expect(
      (await refundRows(t.db)).map(({ amount_fen, status }) => ({ amount_fen, status })),
    ).toEqual([{ amount_fen: placed.payment.amountFen, status: 'pending' }])
  })

  it('marks the hold refunded when a late payment finds the warehouse itself sold out', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 1 })
    const buyer = await signInCustomer(t, '13900008883')
    const { holdId, placed } = await admitAndOrder(buyer, sale)
    await expireOrders(t)
    // Meanwhile the shop sold every unit the warehouse had (a stocktake would say the same).
    await sellOutStock(t.db, sale.skuId)
    expect(await latePayment(t, placed)).toBe('refunded-after-expiry')
    expect(await orderStatus(t, placed)).toBe('refunding')
    expect(await holdStatus(t, holdId)).toBe('refunded')
  })

  it('ends the session at its end and writes the stock back to the database', async () => {
    const t = await flashTestApp(mode)
    const sale = await openSession(t, { stock: 3 })
    const buyer = await signInCustomer(t, '13900009991')
    expect((await admit(buyer, sale)).statusCode).toBe(201)
    expect(await runFlashSaleRound(t.db, flashContext(mode, t), minutesFromNow(61))).toMatchObject({
      ended: 1,
    })
    const row = await t.db
      .selectFrom('flash_session')
      .innerJoin('flash_sku', 'flash_sku.session_id', 'flash_session.id')
      .select(['status', 'stock_in_redis', 'stock_left'])
      .executeTakeFirstOrThrow()
    // The hold expired too (its window passed): all three units are back.
    expect(row).toEqual({ status: 'ended', stock_in_redis: 0, stock_left: 3 })
    expect((await admit(buyer, sale)).statusCode).toBe(409)
  })
})
