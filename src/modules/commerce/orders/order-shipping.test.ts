import { describe, expect, it } from 'vitest'
import { buildTestApp, type Client, type TestApp } from '../../../test/test-app.js'
import { demoLocations, placeAndPay, sellableSku, signInCustomer } from './test-support.js'
import { parcelRow, smsSent, stockLocationAtSiteOf } from '../../../test/inspect.js'

// Issue 4 with LOG-2 … LOG-5: home delivery and station pickup travel as parcels of the county's
// own network, and the parcel's scans move the order: received → shipped, arrived at the
// station → ready for pickup, picked up → completed.

interface OrderView {
  status: string
  pickupCode: string | null
  shipment: { waybillNo: string; carrierName: string; status: string; stationName: string | null }
  history: { status: string }[]
}

interface World {
  t: TestApp
  hub: Client
  station: Client
  skuId: string
  /** The demo station master's own station, as a pickup point. */
  stationLocationId: string
  /** Its village, for a home address the station delivers to. */
  village: string
}

async function shippingWorld(): Promise<World> {
  // On the whole demo on purpose: the journey from the shop through the demo's network, hub and
  // station masters to the buyer checks that the demo works end to end.
  const t = await buildTestApp()
  const { warehouseId } = await demoLocations(t.db)
  const { skuId } = await sellableSku(t, { priceFen: 3_000, stock: 20, locationId: warehouseId })
  const taicheng = await stockLocationAtSiteOf(t.db, '台城村村级服务站')
  return {
    t,
    hub: await t.logIn('hub'),
    station: await t.logIn('station'),
    skuId,
    stationLocationId: taicheng.id,
    village: taicheng.division_code,
  }
}

const scan = (client: Client, waybillNo: string, type: string, extra: object = {}) =>
  client.request({
    method: 'POST',
    url: '/api/logistics/scans',
    payload: { waybillNo, type, ...extra },
  })

async function orderOf(buyer: Client, id: string): Promise<OrderView> {
  const response = await buyer.request({ method: 'GET', url: `/api/commerce/shop/orders/${id}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<OrderView>()
}

async function travelToStation({ hub, station }: World, waybillNo: string) {
  for (const type of ['received', 'sorted', 'loaded', 'departed'] as const) {
    const scanned = await scan(hub, waybillNo, type)
    expect(scanned.statusCode, `${type}: ${scanned.body}`).toBe(200)
  }
  const arrived = await scan(station, waybillNo, 'arrived')
  expect(arrived.statusCode, arrived.body).toBe(200)
}

const stationOrder = (w: World, buyer: Client, quantity = 1) =>
  placeAndPay(w.t, buyer, {
    skuId: w.skuId,
    quantity,
    delivery: 'station_pickup',
    pickupLocationId: w.stationLocationId,
  })

describe('orders shipped through the logistics network', () => {
  it('a station-pickup order becomes a hub parcel for the station, and follows its scans', async () => {
    const w = await shippingWorld()
    const { t, hub, station } = w
    const buyer = await signInCustomer(t, '13800005101')
    const { orderId } = await stationOrder(w, buyer, 2)
    const paid = await orderOf(buyer, orderId)
    expect(paid.status).toBe('paid')
    expect(paid.pickupCode).toBeNull()
    expect(paid.shipment).toMatchObject({
      carrierName: '五台县县级仓储物流中心',
      status: 'announced',
      stationName: '台城村村级服务站',
    })
    const parcel = await parcelRow(t.db, paid.shipment.waybillNo)
    // Two bags of 2.6 kg and 4,000 cm³ each: what the route planner loads.
    expect(parcel).toMatchObject({
      weight_g: 5_200,
      volume_cm3: 8_000,
      recipient_phone: '13800005101',
    })

    const received = await scan(hub, paid.shipment.waybillNo, 'received')
    expect(received.statusCode, received.body).toBe(200)
    expect((await orderOf(buyer, orderId)).status).toBe('shipped')

    for (const type of ['sorted', 'loaded', 'departed'] as const)
      expect((await scan(hub, paid.shipment.waybillNo, type)).statusCode).toBe(200)
    expect((await scan(station, paid.shipment.waybillNo, 'arrived')).statusCode).toBe(200)
    const ready = await orderOf(buyer, orderId)
    expect(ready.status).toBe('ready_for_pickup')
    expect(ready.pickupCode).toMatch(/^\d{6}$/)
    expect(ready.shipment.status).toBe('at_station')
    const texted = await smsSent(t.db, { phone: '13800005101', template: 'parcel_arrived' })
    expect(texted).toHaveLength(1)

    // The station master hands it over by the buyer's code: the parcel is picked up too.
    const handed = await station.request({
      method: 'POST',
      url: '/api/commerce/pickups/hand-over',
      payload: { locationId: w.stationLocationId, code: ready.pickupCode },
    })
    expect(handed.statusCode, handed.body).toBe(200)
    const done = await orderOf(buyer, orderId)
    expect(done.status).toBe('completed')
    expect(done.shipment.status).toBe('picked_up')
    expect(done.history.map((h) => h.status)).toEqual([
      'created',
      'paid',
      'shipped',
      'ready_for_pickup',
      'completed',
    ])
  })

  it('a station-pickup order picked up by the parcel scan completes too', async () => {
    const w = await shippingWorld()
    const { t, station } = w
    const buyer = await signInCustomer(t, '13800005102')
    const { orderId } = await stationOrder(w, buyer)
    const { shipment } = await orderOf(buyer, orderId)
    await travelToStation(w, shipment.waybillNo)
    const wrongTail = await scan(station, shipment.waybillNo, 'picked_up', { phoneTail: '0000' })
    expect(wrongTail.statusCode).toBe(400)
    expect((await orderOf(buyer, orderId)).status).toBe('ready_for_pickup')
    const picked = await scan(station, shipment.waybillNo, 'picked_up', { phoneTail: '5102' })
    expect(picked.statusCode, picked.body).toBe(200)
    expect((await orderOf(buyer, orderId)).status).toBe('completed')
  })

  it('home delivery goes to the village station of the address and completes on delivery', async () => {
    const w = await shippingWorld()
    const { t, station, skuId } = w
    const buyer = await signInCustomer(t, '13800005103')
    const address = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/addresses',
      payload: {
        recipientName: '杨秀英',
        phone: '13900005103',
        divisionCode: w.village,
        detail: '东街 12 号',
      },
    })
    expect(address.statusCode, address.body).toBe(201)
    const placed = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/checkout',
      payload: {
        items: [{ skuId, quantity: 1 }],
        delivery: 'home',
        addressId: address.json<{ id: string }>().id,
      },
    })
    expect(placed.statusCode, placed.body).toBe(201)
    const token = placed.json<{ action: { url: string } }>().action.url.split('/').pop() ?? ''
    await t.app.inject({ method: 'POST', url: `/api/commerce/shop/local-pay/${token}/confirm` })
    await t.payments.localGateway?.notifier.deliverDue()
    const orderId = placed.json<{ orders: { id: string }[] }>().orders[0]?.id ?? ''
    const { shipment } = await orderOf(buyer, orderId)
    expect(shipment.stationName).toBe('台城村村级服务站')
    const parcel = await parcelRow(t.db, shipment.waybillNo)
    expect(parcel.recipient_name).toBe('杨秀英')
    expect(parcel.address_text).toContain('东街 12 号')
    await travelToStation(w, shipment.waybillNo)
    // Home delivery has no pickup code: the station delivers it to the door.
    expect(await orderOf(buyer, orderId)).toMatchObject({ status: 'shipped', pickupCode: null })
    const delivered = await scan(station, shipment.waybillNo, 'picked_up', { phoneTail: '5103' })
    expect(delivered.statusCode, delivered.body).toBe(200)
    expect((await orderOf(buyer, orderId)).status).toBe('completed')
  })

  it('the hub cannot ship an order the buyer cancelled and was refunded for', async () => {
    const w = await shippingWorld()
    const { t, hub } = w
    const buyer = await signInCustomer(t, '13800005104')
    const { orderId } = await stationOrder(w, buyer)
    const { shipment } = await orderOf(buyer, orderId)
    const cancelled = await buyer.request({
      method: 'POST',
      url: `/api/commerce/shop/orders/${orderId}/cancel`,
      payload: { reason: '不想要了' },
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    const refused = await scan(hub, shipment.waybillNo, 'received')
    expect(refused.statusCode).toBe(409)
    expect(refused.json<{ detailZh: string }>().detailZh).toContain('已退款')
    const parcel = await parcelRow(t.db, shipment.waybillNo)
    expect(parcel.status).toBe('announced')
  })

  it('store pickup needs no parcel', async () => {
    const { t } = await shippingWorld()
    const { storeId } = await demoLocations(t.db)
    const storeSku = await sellableSku(t, { priceFen: 1_000, stock: 5, locationId: storeId })
    const buyer = await signInCustomer(t, '13800005105')
    const { orderId } = await placeAndPay(t, buyer, {
      skuId: storeSku.skuId,
      quantity: 1,
      delivery: 'store_pickup',
      pickupLocationId: storeId,
    })
    expect(await orderOf(buyer, orderId)).toMatchObject({
      status: 'ready_for_pickup',
      shipment: null,
    })
  })
})
