import { describe, expect, it } from 'vitest'
import { ordersApp } from '../../../test/fixtures.js'
import { parcelRow } from '../../../test/inspect.js'
import type { Client, TestApp } from '../../../test/test-app.js'
import { sellableSku, signInCustomer } from './test-support.js'

// Issue 15, SVC-1: the county's products sold anywhere in China. An address by province, city,
// county (and street) of the nationwide list; outside the county the order ships through an
// alliance carrier under its waybill (our parcel record, found by /track); inside, the county
// network carries it as before.

const TIANHE = '440106' // 广东省 广州市 天河区
const TIANHE_STREET = '440106001' // 五山街道 (the package's street codes)

interface OrderView {
  id: string
  status: string
  deliveryFen: number
  totalFen: number
  shipment: { waybillNo: string; carrierName: string; status: string } | null
}

async function world() {
  const t = await ordersApp({ network: true })
  const { skuId, merchant } = await sellableSku(t, {
    priceFen: 12_000,
    stock: 10,
    locationId: t.places.warehouseId,
  })
  return { t, skuId, merchant, operator: await t.logIn('operator') }
}

async function addAddress(buyer: Client, divisionCode: string, detail = '天河路 385 号') {
  return buyer.request({
    method: 'POST',
    url: '/api/commerce/shop/addresses',
    payload: { recipientName: '陈嘉欣', phone: '13900006201', divisionCode, detail },
  })
}

async function checkoutAndPay(t: TestApp, buyer: Client, skuId: string, addressId: string) {
  const placed = await buyer.request({
    method: 'POST',
    url: '/api/commerce/shop/checkout',
    payload: { items: [{ skuId, quantity: 1 }], delivery: 'home', addressId },
  })
  expect(placed.statusCode, placed.body).toBe(201)
  const token = placed.json<{ action: { url: string } }>().action.url.split('/').pop() ?? ''
  const paid = await t.app.inject({
    method: 'POST',
    url: `/api/commerce/shop/local-pay/${token}/confirm`,
  })
  expect(paid.statusCode, paid.body).toBe(200)
  await t.payments.localGateway?.notifier.deliverDue()
  return placed.json<{ orders: OrderView[] }>().orders[0] as OrderView
}

const orderOf = async (buyer: Client, id: string) =>
  (await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${id}` })).json<OrderView>()

describe('nationwide regions', () => {
  it('lists provinces, cities, counties and streets from the package, cached and public', async () => {
    const { t } = await world()
    const provinces = await t.app.inject({ method: 'GET', url: '/api/regions' })
    expect(provinces.statusCode).toBe(200)
    expect(provinces.headers['cache-control']).toContain('max-age')
    const names = provinces.json<{ code: string; name: string }[]>().map((p) => p.name)
    expect(names).toContain('广东省')
    expect(names).toHaveLength(31)
    const cities = await t.app.inject({ method: 'GET', url: '/api/regions?parentCode=44' })
    expect(cities.json<{ name: string }[]>().map((c) => c.name)).toContain('广州市')
    // Municipalities show their own name instead of 市辖区.
    const beijing = await t.app.inject({ method: 'GET', url: '/api/regions?parentCode=11' })
    expect(beijing.json<{ name: string }[]>()[0]?.name).toBe('北京市')
    const counties = await t.app.inject({ method: 'GET', url: '/api/regions?parentCode=4401' })
    expect(counties.json<{ code: string; name: string; leaf: boolean }[]>()).toContainEqual({
      code: TIANHE,
      name: '天河区',
      level: 'county',
      leaf: false,
    })
    const streets = await t.app.inject({ method: 'GET', url: `/api/regions?parentCode=${TIANHE}` })
    expect(streets.json<{ code: string; level: string }[]>()).toContainEqual(
      expect.objectContaining({ code: TIANHE_STREET, level: 'street', leaf: true }),
    )
    const unknown = await t.app.inject({ method: 'GET', url: '/api/regions?parentCode=99' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('parentCode')
  })
})

describe('delivery outside the county', () => {
  it('an order to Guangzhou pays the outside fee, ships with a carrier waybill and is tracked by it', async () => {
    const { t, skuId, merchant, operator } = await world()
    // The operator sets the rule: ¥12 everywhere, ¥18 to Guangdong.
    const fees = await operator.request({
      method: 'PUT',
      url: '/api/commerce/outside-delivery-fees',
      payload: { flatFeeFen: 1_200, provinces: [{ provinceCode: '44', feeFen: 1_800 }] },
    })
    expect(fees.statusCode, fees.body).toBe(200)
    expect(fees.json()).toMatchObject({
      flatFeeFen: 1_200,
      provinces: [{ provinceCode: '44', provinceName: '广东省', feeFen: 1_800 }],
    })

    const buyer = await signInCustomer(t, '13800006201')
    const address = await addAddress(buyer, TIANHE_STREET)
    expect(address.statusCode, address.body).toBe(201)
    expect(address.json()).toMatchObject({
      region: '广东省 广州市 天河区 五山街道',
      insideCounty: false,
    })
    const order = await checkoutAndPay(t, buyer, skuId, address.json<{ id: string }>().id)
    // ¥120 of goods is over the county's free-delivery line, but outside it the rule applies.
    expect(order).toMatchObject({ deliveryFen: 1_800, totalFen: 13_800 })
    // Not announced to the county hub: nothing to scan there.
    const paid = await orderOf(buyer, order.id)
    expect(paid).toMatchObject({ status: 'paid', shipment: null })

    const carriers = await merchant.request({
      method: 'GET',
      url: '/api/commerce/shipping-carriers',
    })
    expect(carriers.statusCode, carriers.body).toBe(200)
    const carrier = carriers.json<{ id: string; name: string }[]>()[0]
    if (!carrier) throw new Error('the demo network has carriers')
    const shipped = await merchant.request({
      method: 'POST',
      url: `/api/commerce/orders/${order.id}/ship`,
      payload: { carrierId: carrier.id, carrierWaybillNo: 'zt7788990011' },
    })
    expect(shipped.statusCode, shipped.body).toBe(200)
    expect(shipped.json()).toMatchObject({
      status: 'shipped',
      shipment: { waybillNo: 'ZT7788990011', carrierName: carrier.name, status: 'in_transit' },
    })
    const seen = await orderOf(buyer, order.id)
    expect(seen.shipment).toMatchObject({ waybillNo: 'ZT7788990011', carrierName: carrier.name })
    const parcel = await parcelRow(t.db, 'ZT7788990011')
    expect(parcel.address_text).toBe('广东省广州市天河区五山街道天河路 385 号')

    const tracked = await t.app.inject({ method: 'GET', url: '/api/tracking/ZT7788990011' })
    expect(tracked.statusCode, tracked.body).toBe(200)
    expect(tracked.json()).toMatchObject({
      carrierName: carrier.name,
      status: 'in_transit',
      events: [{ type: 'departed' }],
    })

    // Shipped once: a second waybill is refused, and so is the same waybill on another order.
    const again = await merchant.request({
      method: 'POST',
      url: `/api/commerce/orders/${order.id}/ship`,
      payload: { carrierId: carrier.id, carrierWaybillNo: 'ZT0000000001' },
    })
    expect(again.statusCode).toBe(409)
    const second = await checkoutAndPay(t, buyer, skuId, address.json<{ id: string }>().id)
    const reused = await operator.request({
      method: 'POST',
      url: `/api/commerce/orders/${second.id}/ship`,
      payload: { carrierId: carrier.id, carrierWaybillNo: 'ZT7788990011' },
    })
    expect(reused.statusCode).toBe(409)
    expect(reused.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('carrierWaybillNo')
    expect((await orderOf(buyer, second.id)).status).toBe('paid')
  })

  it('an address at county level elsewhere is enough; the county itself needs its township', async () => {
    const { t } = await world()
    const buyer = await signInCustomer(t, '13800006202')
    const county = await addAddress(buyer, TIANHE)
    expect(county.statusCode, county.body).toBe(201)
    expect(county.json()).toMatchObject({ region: '广东省 广州市 天河区', insideCounty: false })
    for (const code of ['140922', '999999', '140922999'])
      expect((await addAddress(buyer, code)).json<{ errors: { field: string }[] }>()).toMatchObject(
        { errors: [{ field: 'divisionCode' }] },
      )
  })

  it('inside the county the order goes through the hub as before and cannot be shipped by carrier', async () => {
    const { t, skuId, merchant } = await world()
    const buyer = await signInCustomer(t, '13800006203')
    const address = await addAddress(buyer, '140922103208', '二组 3 号') // 佛光村
    expect(address.json()).toMatchObject({ insideCounty: true })
    const order = await checkoutAndPay(t, buyer, skuId, address.json<{ id: string }>().id)
    expect(order.deliveryFen).toBe(0) // over ¥99: free inside the county, as before
    const paid = await orderOf(buyer, order.id)
    // The hub parcel under the order number, waiting for the hub's receipt scan.
    expect(paid.shipment?.status).toBe('announced')
    expect(paid.shipment?.carrierName).toBe('五台县县级仓储物流中心')
    const carriers = await merchant.request({
      method: 'GET',
      url: '/api/commerce/shipping-carriers',
    })
    const refused = await merchant.request({
      method: 'POST',
      url: `/api/commerce/orders/${order.id}/ship`,
      payload: {
        carrierId: carriers.json<{ id: string }[]>()[0]?.id ?? '',
        carrierWaybillNo: 'ZT1234567890',
      },
    })
    expect(refused.statusCode).toBe(409)
  })

  it('only the operator sets the fees, and only for real provinces', async () => {
    const { t, merchant, operator } = await world()
    const denied = await merchant.request({
      method: 'PUT',
      url: '/api/commerce/outside-delivery-fees',
      payload: { flatFeeFen: 0, provinces: [] },
    })
    expect(denied.statusCode).toBe(403)
    const bad = await operator.request({
      method: 'PUT',
      url: '/api/commerce/outside-delivery-fees',
      payload: { flatFeeFen: 1_000, provinces: [{ provinceCode: '99', feeFen: 1 }] },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe(
      'provinces/0/provinceCode',
    )
    const shown = await t.app.inject({ method: 'GET', url: '/api/commerce/outside-delivery-fees' })
    expect(shown.json()).toEqual({ flatFeeFen: 1_200, provinces: [] })
  })
})
