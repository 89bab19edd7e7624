import { describe, expect, it } from 'vitest'
import { systemActor } from '../../../platform/http/index.js'
import { consumers, payOrder, refundsOf } from '../bargain/test-support.js'
import { settleBulkCampaigns } from './settle-campaigns.js'
import { campaignRow, join, openCampaign, type JoinedOrder } from './test-support.js'
import { auditEntries } from '../../../test/inspect.js'
import { ordersApp } from '../../../test/fixtures.js'

// Property-style races, on SQLite and (TEST_DB=postgres) on PostgreSQL.

describe('团购 under concurrency', () => {
  it.each([
    { cap: 10, buyers: 8, quantity: 2 },
    { cap: 7, buyers: 10, quantity: 3 },
  ])(
    'never takes more than the cap of $cap when $buyers buyers join and pay at once',
    async ({ cap, buyers, quantity }) => {
      const t = await ordersApp()
      const { campaignId } = await openCampaign(t, { cap, perUserMax: 5, minQuantity: 1 })
      const people = await consumers(t, buyers)
      const answers = await Promise.all(people.map((buyer) => join(campaignId, buyer, quantity)))
      const admitted = answers.filter((r) => r.statusCode === 201)
      expect(admitted).toHaveLength(Math.floor(cap / quantity))
      expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(
        buyers - Math.floor(cap / quantity),
      )
      await Promise.all(admitted.map((r) => payOrder(t, r.json<JoinedOrder>())))
      const campaign = await campaignRow(t, campaignId)
      expect(campaign.paid_quantity).toBe(Math.floor(cap / quantity) * quantity)
      expect(campaign.paid_quantity + campaign.reserved_quantity).toBeLessThanOrEqual(cap)
      expect(campaign.reserved_quantity).toBe(0)
    },
  )

  it('keeps one buyer within the per-user maximum when their joins race', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t, { perUserMax: 3 })
    const [buyer] = await consumers(t, 1)
    if (!buyer) throw new Error('consumers')
    const answers = await Promise.all(Array.from({ length: 5 }, () => join(campaignId, buyer, 1)))
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(3)
    expect((await campaignRow(t, campaignId)).reserved_quantity).toBe(3)
  })
})

describe('团购 payments racing the close', () => {
  it('counts each payment before the close or refunds it in full after, never both, never lost', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t, { minQuantity: 3, perUserMax: 2 })
    const people = await consumers(t, 6)
    const joined: JoinedOrder[] = []
    for (const buyer of people) {
      const answer = await join(campaignId, buyer, 1)
      expect(answer.statusCode, answer.body).toBe(201)
      joined.push(answer.json<JoinedOrder>())
    }
    const actor = systemActor('test')
    // Past the close and its grace: the round settles whatever has been paid by then.
    const closing = new Date(Date.now() + 3 * 3_600_000).toISOString()
    await Promise.all([
      ...joined.map((order) => payOrder(t, order)),
      settleBulkCampaigns(t.db, t.promotionHooks, actor, closing),
      settleBulkCampaigns(t.db, t.promotionHooks, actor, closing),
    ])
    await settleBulkCampaigns(t.db, t.promotionHooks, actor, closing)

    const campaign = await campaignRow(t, campaignId)
    expect(['settled', 'failed']).toContain(campaign.status)
    const links = await t.db
      .selectFrom('bulk_order')
      .select(['id', 'order_id', 'status', 'quantity', 'unit_paid_fen'])
      .where('campaign_id', '=', campaignId)
      .execute()
    const refunds = await refundsOf(
      t,
      joined.map((o) => o.orderId),
    )
    expect(new Set(refunds.map((r) => r.order_id)).size).toBe(refunds.length)
    const refundOf = new Map(refunds.map((r) => [r.order_id, r.amount_fen]))
    // Paid before the close: counted once (its `bulk_order.paid` entry); the others refused.
    const countedIds = await auditEntries(t.db, {
      action: 'bulk_order.paid',
      entityIds: links.map((link) => link.id),
    })
    expect(campaign.paid_quantity).toBe(countedIds.length)
    for (const link of links) {
      expect(['settled', 'refunded']).toContain(link.status)
      if (link.status === 'refunded') expect(refundOf.get(link.order_id)).toBe(link.unit_paid_fen)
      else {
        const owed = link.unit_paid_fen - (campaign.final_price_fen ?? 0)
        expect(refundOf.get(link.order_id) ?? 0).toBe(owed)
      }
    }
  })
})
