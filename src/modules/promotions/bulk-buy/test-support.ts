import { expect } from 'vitest'
import type { Client, TestApp } from '../../../test/test-app.js'
import { hoursFromNow, storeSku, type Ordered } from '../bargain/test-support.js'
import type { Tier } from './ladder.js'

// Set-up shared by the 团购 tests (tests only).

export const LADDER: Tier[] = [
  { minQuantity: 0, priceFen: 4500 },
  { minQuantity: 3, priceFen: 4000 },
  { minQuantity: 5, priceFen: 3500 },
]

export async function openCampaign(
  t: TestApp,
  terms: { minQuantity?: number; cap?: number; perUserMax?: number; endsAt?: string } = {},
) {
  const { skuId, storeId, merchant, operator } = await storeSku(t, 5000)
  const created = await operator.request({
    method: 'POST',
    url: '/api/promotions/bulk-buys',
    payload: {
      skuId,
      title: '莜面团购',
      ladder: LADDER,
      minQuantity: terms.minQuantity ?? 3,
      cap: terms.cap ?? 100,
      perUserMax: terms.perUserMax ?? 5,
      startsAt: hoursFromNow(-1),
      endsAt: terms.endsAt ?? hoursFromNow(2),
      pickupLocationId: storeId,
      pickupDate: '2026-12-04',
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  return { campaignId: created.json<{ id: string }>().id, storeId, merchant, operator }
}

export interface JoinedOrder extends Ordered {
  bulkOrderId: string
  unitPriceFen: number
}

export const join = (campaignId: string, buyer: Client, quantity: number) =>
  buyer.request({
    method: 'POST',
    url: `/api/promotions/shop/bulk-buys/${campaignId}/orders`,
    payload: { quantity, delivery: 'home' },
  })

export const campaignRow = (t: TestApp, id: string) =>
  t.db.selectFrom('bulk_campaign').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
