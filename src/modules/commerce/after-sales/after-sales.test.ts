import { describe, expect, it } from 'vitest'
import { type Client, type TestApp } from '../../../test/test-app.js'
import { runPaymentRound } from '../wiring/index.js'
import { placeAndPay, sellableSku, signInCustomer } from '../orders/test-support.js'
import { ordersApp } from '../../../test/fixtures.js'

// GOV-2: after-sales with the merchant's deadline and escalation, partial refunds; complaints.

const paidOrder = async (t: TestApp, buyer: Client, skuId: string, stationId: string) =>
  (
    await placeAndPay(t, buyer, {
      skuId,
      quantity: 2,
      delivery: 'station_pickup',
      pickupLocationId: stationId,
    })
  ).orderId

const orderOf = async (buyer: Client, id: string) =>
  (await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${id}` })).json<{
    orderNo: string
    status: string
    refundedFen: number
  }>()

describe('after-sales and complaints (GOV-2)', () => {
  it('refunds part of an order once the merchant approves, and only the merchant of that shop may answer', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, merchant } = await sellableSku(t, {
      priceFen: 5000,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800002323')
    const orderId = await paidOrder(t, buyer, skuId, places.stationId)
    expect((await orderOf(buyer, orderId)).status).toBe('paid')

    const ask = (amountFen: number) =>
      buyer.request({
        method: 'POST',
        url: `/api/commerce/shop/orders/${orderId}/after-sales`,
        payload: { kind: 'refund_only', amountFen, reason: '一袋包装破损' },
      })
    expect((await ask(10_001)).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'amountFen' }],
    })
    const request = (await ask(5000)).json<{ id: string; status: string }>()
    expect(request.status).toBe('awaiting_merchant')
    expect((await ask(1000)).statusCode).toBe(409) // one open request per order

    const other = await t.logIn('merchant2')
    const intruder = await other.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${request.id}/respond`,
      payload: { decision: 'approve' },
    })
    expect(intruder.statusCode).toBe(404)
    const approved = await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${request.id}/respond`,
      payload: { decision: 'approve' },
    })
    expect(approved.json()).toMatchObject({ status: 'approved' })
    await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl)
    await t.payments.localGateway?.notifier.deliverDue()
    expect(await orderOf(buyer, orderId)).toMatchObject({ status: 'paid', refundedFen: 5000 })
    const mine = (
      await buyer.request({ method: 'GET', url: '/api/commerce/shop/after-sales' })
    ).json<{ status: string }[]>()
    expect(mine.map((r) => r.status)).toEqual(['refunded'])
  })

  it('refunds a return only when the merchant has the goods back, or after 7 days unconfirmed', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, merchant } = await sellableSku(t, {
      priceFen: 2000,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800004545')
    const askReturn = async (orderId: string) =>
      (
        await buyer.request({
          method: 'POST',
          url: `/api/commerce/shop/orders/${orderId}/after-sales`,
          payload: { kind: 'return_refund', amountFen: 4000, reason: '小米发霉' },
        })
      ).json<{ id: string }>().id
    const settle = async (now?: string) => {
      await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl, now)
      await t.payments.localGateway?.notifier.deliverDue()
    }
    const send = (id: string, payload: object) =>
      buyer.request({ method: 'POST', url: `/api/commerce/shop/after-sales/${id}/return`, payload })
    const receive = (id: string) =>
      merchant.request({ method: 'POST', url: `/api/commerce/after-sales/${id}/receive-return` })

    const first = await paidOrder(t, buyer, skuId, places.stationId)
    const request = await askReturn(first)
    // Approving a return asks for the goods; nothing is refunded yet.
    const approved = await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${request}/respond`,
      payload: { decision: 'approve' },
    })
    expect(approved.json()).toMatchObject({ status: 'awaiting_return', approvedFen: 4000 })
    expect((await receive(request)).statusCode).toBe(409) // nothing sent back yet
    await settle()
    expect((await orderOf(buyer, first)).refundedFen).toBe(0)
    expect(
      (await send(request, { carrier: '中国邮政', waybillNo: '坏单号' })).json(),
    ).toMatchObject({ status: 400, errors: [{ field: 'waybillNo' }] })
    const sent = await send(request, { carrier: '中国邮政', waybillNo: 'ems123456789cn' })
    expect(sent.json()).toMatchObject({ status: 'returning', returnWaybillNo: 'EMS123456789CN' })
    const other = await t.logIn('merchant2')
    expect(
      (
        await other.request({
          method: 'POST',
          url: `/api/commerce/after-sales/${request}/receive-return`,
        })
      ).statusCode,
    ).toBe(404)
    expect((await receive(request)).json()).toMatchObject({ status: 'approved' })
    await settle()
    expect(await orderOf(buyer, first)).toMatchObject({ refundedFen: 4000 })

    // A merchant who never confirms: the buyer is refunded seven days after sending it back.
    const second = await paidOrder(t, buyer, skuId, places.stationId)
    const unanswered = await askReturn(second)
    await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${unanswered}/respond`,
      payload: { decision: 'approve', amountFen: 1500 },
    })
    await send(unanswered, { carrier: '中通快递', waybillNo: '7310000000001' })
    await settle(new Date(Date.now() + 6 * 86_400_000).toISOString())
    expect((await orderOf(buyer, second)).refundedFen).toBe(0)
    await settle(new Date(Date.now() + 7 * 86_400_000 + 60_000).toISOString())
    await settle()
    expect(await orderOf(buyer, second)).toMatchObject({ refundedFen: 1500 })
    const mine = (
      await buyer.request({ method: 'GET', url: '/api/commerce/shop/after-sales' })
    ).json<{ id: string; status: string; operatorNote: string | null }[]>()
    expect(mine.find((r) => r.id === unanswered)).toMatchObject({
      status: 'refunded',
      operatorNote: '商家超时未确认收货，系统自动退款',
    })
  })

  it('sends a refused or unanswered request to the operating company, whose decision is final', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, merchant } = await sellableSku(t, {
      priceFen: 3000,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800003434')
    const operator = await t.logIn('operator')
    const first = await paidOrder(t, buyer, skuId, places.stationId)
    const second = await paidOrder(t, buyer, skuId, places.stationId)
    const ask = async (orderId: string) =>
      (
        await buyer.request({
          method: 'POST',
          url: `/api/commerce/shop/orders/${orderId}/after-sales`,
          payload: { kind: 'return_refund', amountFen: 6000, reason: '与描述不符' },
        })
      ).json<{ id: string }>().id

    // Refused with a reason, then escalated by the buyer and approved by the operator.
    const refused = await ask(first)
    const noReason = await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${refused}/respond`,
      payload: { decision: 'reject' },
    })
    expect(noReason.json()).toMatchObject({ status: 400, errors: [{ field: 'note' }] })
    await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${refused}/respond`,
      payload: { decision: 'reject', note: '商品无质量问题' },
    })
    const tooEarly = await operator.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${refused}/decide`,
      payload: { decision: 'approve', note: '平台核实' },
    })
    expect(tooEarly.statusCode).toBe(409)
    await buyer.request({
      method: 'POST',
      url: `/api/commerce/shop/after-sales/${refused}/escalate`,
    })
    const decided = await operator.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${refused}/decide`,
      payload: { decision: 'approve', note: '照片显示与描述不符' },
    })
    // A return-and-refund request: approved, the goods are then sent back before the refund.
    expect(decided.json()).toMatchObject({
      status: 'awaiting_return',
      operatorNote: '照片显示与描述不符',
    })

    // Unanswered for 48 hours: escalated by the worker.
    const silent = await ask(second)
    const later = new Date(Date.now() + 49 * 3600_000).toISOString()
    expect(
      await runPaymentRound(
        t.db,
        t.promotionHooks,
        t.payments.provider,
        t.payments.notifyUrl,
        later,
      ),
    ).toMatchObject({
      escalated: 1,
    })
    const queue = (
      await operator.request({ method: 'GET', url: '/api/commerce/after-sales?status=escalated' })
    ).json<{ items: { id: string; merchantNote: string }[] }>()
    expect(queue.items).toEqual([
      expect.objectContaining({ id: silent, merchantNote: '商家超时未处理，已转平台处理' }),
    ])
  })

  it('takes complaints and counterfeit reports to the bureau, who records how they were settled', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, shopId } = await sellableSku(t, {
      priceFen: 2000,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800004545')
    const orderId = await paidOrder(t, buyer, skuId, places.stationId)
    const filed = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/complaints',
      payload: { kind: 'counterfeit', orderId, description: '包装上的五台斋选标志与官方不同' },
    })
    expect(filed.json()).toMatchObject({ status: 'open', shopId })
    const stranger = await signInCustomer(t, '13800005656')
    const notMine = await stranger.request({
      method: 'POST',
      url: '/api/commerce/shop/complaints',
      payload: { kind: 'complaint', orderId, description: '别人的订单' },
    })
    expect(notMine.json()).toMatchObject({ status: 400, errors: [{ field: 'orderId' }] })

    const bureau = await t.logIn('bureau')
    const open = (
      await bureau.request({ method: 'GET', url: '/api/commerce/complaints?status=open' })
    ).json<{
      items: { id: string; kind: string }[]
    }>()
    expect(open.items).toEqual([expect.objectContaining({ kind: 'counterfeit' })])
    const id = open.items[0]?.id ?? ''
    const withoutResult = await bureau.request({
      method: 'POST',
      url: `/api/commerce/complaints/${id}/handle`,
      payload: { status: 'resolved' },
    })
    expect(withoutResult.json()).toMatchObject({ status: 400, errors: [{ field: 'resolution' }] })
    const resolved = await bureau.request({
      method: 'POST',
      url: `/api/commerce/complaints/${id}/handle`,
      payload: { status: 'resolved', resolution: '已核查，商家停用该批次包装并退款' },
    })
    expect(resolved.json()).toMatchObject({ status: 'resolved' })
    const merchantView = await (
      await t.logIn('merchant')
    ).request({ method: 'GET', url: '/api/commerce/complaints' })
    expect(merchantView.statusCode).toBe(403)
  })

  it('lets the merchant or the operator approve less than was asked, never more', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, merchant } = await sellableSku(t, {
      priceFen: 4000,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800006767')
    const operator = await t.logIn('operator')
    const ask = async (orderId: string) =>
      (
        await buyer.request({
          method: 'POST',
          url: `/api/commerce/shop/orders/${orderId}/after-sales`,
          payload: { kind: 'refund_only', amountFen: 8000, reason: '部分商品变质' },
        })
      ).json<{ id: string }>().id
    const first = await paidOrder(t, buyer, skuId, places.stationId)
    const second = await paidOrder(t, buyer, skuId, places.stationId)
    const byMerchant = await ask(first)
    const respond = (payload: object) =>
      merchant.request({
        method: 'POST',
        url: `/api/commerce/after-sales/${byMerchant}/respond`,
        payload,
      })
    expect((await respond({ decision: 'approve', amountFen: 8001 })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'amountFen' }],
    })
    expect(
      (await respond({ decision: 'reject', note: '不同意', amountFen: 100 })).json(),
    ).toMatchObject({ status: 400, errors: [{ field: 'amountFen' }] })
    // The request keeps what was asked beside what was approved.
    expect((await respond({ decision: 'approve', amountFen: 2500 })).json()).toMatchObject({
      status: 'approved',
      amountFen: 8000,
      approvedFen: 2500,
    })

    // Refused, escalated, and settled by the operator for part of the amount.
    const byOperator = await ask(second)
    await merchant.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${byOperator}/respond`,
      payload: { decision: 'reject', note: '买家未提供照片' },
    })
    await buyer.request({
      method: 'POST',
      url: `/api/commerce/shop/after-sales/${byOperator}/escalate`,
    })
    const queue = (
      await operator.request({ method: 'GET', url: '/api/commerce/after-sales?status=escalated' })
    ).json<{ items: { id: string; orderNo: string; shopName: string }[] }>()
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: byOperator,
        orderNo: expect.any(String) as string,
        shopName: expect.any(String) as string,
      }),
    ])
    const decided = await operator.request({
      method: 'POST',
      url: `/api/commerce/after-sales/${byOperator}/decide`,
      payload: { decision: 'approve', amountFen: 1500, note: '按变质部分退款' },
    })
    expect(decided.json()).toMatchObject({ status: 'approved', amountFen: 8000, approvedFen: 1500 })
    await runPaymentRound(t.db, t.promotionHooks, t.payments.provider, t.payments.notifyUrl)
    await t.payments.localGateway?.notifier.deliverDue()
    expect(await orderOf(buyer, first)).toMatchObject({ status: 'paid', refundedFen: 2500 })
    expect(await orderOf(buyer, second)).toMatchObject({ status: 'paid', refundedFen: 1500 })
  })

  it('names the order and the shop in the complaints list', async () => {
    const t = await ordersApp()
    const { places } = t
    const { skuId, shopId } = await sellableSku(t, {
      priceFen: 2000,
      stock: 5,
      locationId: places.warehouseId,
    })
    const buyer = await signInCustomer(t, '13800007878')
    const orderId = await paidOrder(t, buyer, skuId, places.stationId)
    await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/complaints',
      payload: { kind: 'fraud', orderId, description: '付款后商家要求加价' },
    })
    await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/complaints',
      payload: { kind: 'complaint', shopId, description: '店铺客服态度差' },
    })
    const order = await orderOf(buyer, orderId)
    const list = (
      await (await t.logIn('bureau')).request({ method: 'GET', url: '/api/commerce/complaints' })
    ).json<{ items: { kind: string; orderNo: string | null; shopName: string | null }[] }>()
    const shopName = list.items[0]?.shopName
    expect(shopName).toEqual(expect.any(String))
    expect(list.items).toEqual([
      expect.objectContaining({ kind: 'complaint', orderNo: null, shopName }),
      expect.objectContaining({ kind: 'fraud', orderNo: order.orderNo, shopName }),
    ])
  })
})
