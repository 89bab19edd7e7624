import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/test-app.js'
import { demoLocations, sellableSku, signInCustomer, stockOf } from '../orders/test-support.js'

// SVC-1 / KPI-5: counter sales go through the same order model, and each store's local share is
// computed from what it sold.

describe('O2O store sales (SVC-1, KPI-5)', () => {
  it('records a counter sale from the store’s shelf and computes the local share from all its sales', async () => {
    // On the whole demo on purpose: the report covers the demo's five O2O stores.
    const t = await buildTestApp()
    const places = await demoLocations(t.db)
    const local = await sellableSku(t, { priceFen: 3000, stock: 10, locationId: places.storeId })
    const imported = await sellableSku(t, {
      title: '外地坚果礼盒',
      priceFen: 1000,
      stock: 10,
      locationId: places.storeId,
      localKind: null,
    })
    const clerk = await t.logIn('store')

    // Online, picked up at the store: 2 × ¥30.00 local.
    const buyer = await signInCustomer(t, '13800009999')
    const placed = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/checkout',
      payload: {
        items: [{ skuId: local.skuId, quantity: 2 }],
        delivery: 'store_pickup',
        pickupLocationId: places.storeId,
      },
    })
    const token = placed.json<{ action: { url: string } }>().action.url.split('/').pop() ?? ''
    await t.app.inject({ method: 'POST', url: `/api/commerce/shop/local-pay/${token}/confirm` })
    await t.payments.localGateway?.notifier.deliverDue()

    // At the counter: 1 × ¥30.00 local and 3 × ¥10.00 from outside the county.
    const sale = await clerk.request({
      method: 'POST',
      url: '/api/commerce/pos/sales',
      payload: {
        locationId: places.storeId,
        items: [
          { skuId: local.skuId, quantity: 1 },
          { skuId: imported.skuId, quantity: 3 },
        ],
        paidWith: 'cash',
      },
    })
    expect(sale.statusCode, sale.body).toBe(201)
    // Both from one shop: one order with two lines, completed at once.
    expect(sale.json()).toEqual([
      expect.objectContaining({ channel: 'pos', status: 'completed', totalFen: 6000 }),
    ])
    expect(await stockOf(t.db, imported.skuId, places.storeId)).toEqual({
      available: 7,
      reserved: 0,
      sold: 3,
      received: 10,
    })
    // The clerk reads the store's own shelf, including other merchants' goods on it.
    const shelf = (
      await clerk.request({
        method: 'GET',
        url: `/api/commerce/stock?locationId=${places.storeId}`,
      })
    ).json<{ skuId: string; available: number }[]>()
    expect(shelf).toContainEqual(expect.objectContaining({ skuId: imported.skuId, available: 7 }))
    const warehouse = (
      await clerk.request({
        method: 'GET',
        url: `/api/commerce/stock?locationId=${places.warehouseId}`,
      })
    ).json<unknown[]>()
    expect(warehouse).toEqual([])
    const tooMany = await clerk.request({
      method: 'POST',
      url: '/api/commerce/pos/sales',
      payload: {
        locationId: places.storeId,
        items: [{ skuId: imported.skuId, quantity: 8 }],
        paidWith: 'cash',
      },
    })
    expect(tooMany.json()).toMatchObject({ status: 409, errors: [{ field: 'items/0/quantity' }] })

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const report = await clerk.request({
      method: 'GET',
      url: `/api/commerce/reports/store-local-share?from=${today}&to=${today}`,
    })
    // The clerk sees its own store only: (60 + 30) local of 120 sold.
    expect(report.json()).toEqual([
      expect.objectContaining({
        locationId: places.storeId,
        salesFen: 12000,
        localFen: 9000,
        share: 0.75,
        meetsTarget: false,
      }),
    ])
    const bureau = await t.logIn('bureau')
    const county = (
      await bureau.request({
        method: 'GET',
        url: `/api/commerce/reports/store-local-share?from=${today}&to=${today}`,
      })
    ).json<{ storeName: string; share: number | null }[]>()
    expect(county).toHaveLength(5)
    expect(county.filter((s) => s.share === null)).toHaveLength(4)

    // Another store's clerk (here: a station master) cannot sell from this store's shelf.
    const station = await t.logIn('station')
    const elsewhere = await station.request({
      method: 'POST',
      url: '/api/commerce/pos/sales',
      payload: {
        locationId: places.storeId,
        items: [{ skuId: local.skuId, quantity: 1 }],
        paidWith: 'cash',
      },
    })
    expect(elsewhere.statusCode).toBe(403)
  })
})
