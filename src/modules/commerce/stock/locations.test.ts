import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { multipart } from '../../../test/multipart.js'
import { ordersApp } from '../../../test/fixtures.js'
import type { Client } from '../../../test/test-app.js'
import { placeOrder, sellableSku, signInCustomer } from '../orders/test-support.js'

// SVC-1, SVC-5 (issue 15): the operator opens, edits, closes and reopens the O2O stores and the
// warehouse in the console, and brings them in and out of Excel.

interface Location {
  id: string
  kind: string
  name: string
  status: 'open' | 'closed'
  lat: number | null
  contactPhone: string | null
}

const upload = (fileName: string, content: Buffer) => multipart(fileName, content)

const store = {
  kind: 'store',
  name: '东冶体验店',
  divisionCode: '140922103',
  address: '东冶镇新华街 8 号',
  lat: 38.68,
  lon: 113.3,
  openingHours: '09:00-21:00',
  contactName: '刘店长',
  contactPhone: '13900002222',
}

const names = async (client: Client, query: string) =>
  (await client.request({ method: 'GET', url: `/api/commerce/locations?${query}` }))
    .json<{ items: Location[] }>()
    .items.map((l) => l.name)

describe('stores and warehouses (SVC-1, SVC-5, issue 15)', () => {
  it('creates, edits, closes and reopens a store; a closed one sells nothing; bad input names the field', async () => {
    const t = await ordersApp()
    const operator = await t.logIn('operator')
    const created = await operator.request({
      method: 'POST',
      url: '/api/commerce/locations',
      payload: store,
    })
    expect(created.statusCode, created.body).toBe(201)
    const location = created.json<Location>()
    expect(location).toMatchObject({ kind: 'store', status: 'open', lat: 38.68 })

    const badDivision = await operator.request({
      method: 'POST',
      url: '/api/commerce/locations',
      payload: { ...store, divisionCode: '999999' },
    })
    expect(badDivision.statusCode).toBe(400)
    expect(badDivision.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe(
      'divisionCode',
    )
    const badLatitude = await operator.request({
      method: 'POST',
      url: '/api/commerce/locations',
      payload: { ...store, lat: 91 },
    })
    expect(badLatitude.statusCode).toBe(400)

    const edited = await operator.request({
      method: 'PATCH',
      url: `/api/commerce/locations/${location.id}`,
      payload: { name: '东冶镇体验店', contactPhone: '13900003333' },
    })
    expect(edited.json<Location>()).toMatchObject({
      name: '东冶镇体验店',
      contactPhone: '13900003333',
    })
    expect(await names(operator, 'q=东冶&kind=store')).toEqual(['东冶镇体验店'])

    // A consumer's pickup order waiting at the store keeps it open.
    const { skuId } = await sellableSku(t, { priceFen: 1000, stock: 5, locationId: location.id })
    const buyer = await signInCustomer(t, '13800001111')
    await placeOrder(buyer, {
      skuId,
      quantity: 1,
      delivery: 'store_pickup',
      pickupLocationId: location.id,
    })
    const refused = await operator.request({
      method: 'POST',
      url: `/api/commerce/locations/${location.id}/close`,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json<{ detailZh: string }>().detailZh).toContain('1 个待自提订单')

    // The store clerk's store has nothing waiting: it closes, and checkout no longer offers it.
    const closed = await operator.request({
      method: 'POST',
      url: `/api/commerce/locations/${t.places.storeId}/close`,
    })
    expect(closed.json<Location>().status).toBe('closed')
    const atClosed = await buyer.request({
      method: 'POST',
      url: '/api/commerce/shop/checkout',
      payload: {
        items: [{ skuId, quantity: 1 }],
        delivery: 'store_pickup',
        pickupLocationId: t.places.storeId,
      },
    })
    expect(atClosed.statusCode).toBe(400)
    expect(await names(operator, 'status=closed')).toHaveLength(1)
    const reopened = await operator.request({
      method: 'POST',
      url: `/api/commerce/locations/${t.places.storeId}/reopen`,
    })
    expect(reopened.json<Location>().status).toBe('open')

    // Only the network's managers: a store clerk may not change stores.
    const clerk = await t.logIn('store')
    expect(
      (
        await clerk.request({
          method: 'PATCH',
          url: `/api/commerce/locations/${t.places.storeId}`,
          payload: { name: '我的店' },
        })
      ).statusCode,
    ).toBe(403)
  })

  it('imports all rows or none with per-row errors, and exports what it reads back', async () => {
    const t = await ordersApp()
    const operator = await t.logIn('operator')
    const header = '编号,类型,名称,区划代码,地址,纬度,经度,营业时间,联系人,联系电话'
    const bad = [
      header,
      ',体验店,茹村体验店,140922105,茹村乡政府旁,,,09:00-20:00,王五,13900004444',
      ',仓库,坏仓库,999,某处,,,09:00-20:00,,',
      ',体验店,坏坐标店,140922105,某处,38.7,,09:00-20:00,,',
    ].join('\n')
    const refused = await operator.request({
      method: 'POST',
      url: '/api/commerce/locations/import',
      ...upload('stores.csv', Buffer.from(bad)),
    })
    const result = refused.json<{
      created: number
      failed: number
      errors: { row: number; field: string }[]
    }>()
    expect(result).toMatchObject({ created: 0, failed: 2 })
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'divisionCode'],
      [4, 'lon'],
    ])
    expect(await names(operator, 'q=茹村')).toEqual([])

    const good = [header, bad.split('\n')[1]].join('\n')
    const landed = await operator.request({
      method: 'POST',
      url: '/api/commerce/locations/import',
      ...upload('stores.csv', Buffer.from(good)),
    })
    expect(landed.json()).toMatchObject({ created: 1, updated: 0, errors: [] })

    const exported = await operator.request({
      method: 'GET',
      url: '/api/commerce/locations.xlsx?kind=store',
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    const rows: string[] = []
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push(row.getCell(3).text)
    })
    expect(rows).toContain('茹村体验店')
    expect(rows).not.toContain('五台县电子商务仓储中心')
    const again = await operator.request({
      method: 'POST',
      url: '/api/commerce/locations/import',
      ...upload('export.xlsx', exported.rawPayload),
    })
    expect(again.json()).toMatchObject({ created: 0, updated: rows.length, failed: 0 })
  })
})
