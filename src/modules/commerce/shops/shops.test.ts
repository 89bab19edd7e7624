import { describe, expect, it } from 'vitest'
import { newMerchant } from '../catalog/test-support.js'
import { catalogApp } from '../../../test/fixtures.js'

// MKT-1: a merchant applies for its shop; the operating company reviews it.

interface Shop {
  id: string
  name: string
  status: string
  reviewNote: string | null
}

describe('shop registration and review (MKT-1)', () => {
  it('takes an application, lets the operator reject it with a note, then approve the corrected one', async () => {
    const test = await catalogApp()
    const { client: merchant } = await newMerchant(test, 'shanzhen', '茹村山珍合作社')
    const operator = await test.logIn('operator')

    const applied = await merchant.request({
      method: 'POST',
      url: '/api/commerce/shops',
      payload: { name: '茹村山珍小店', intro: '山货直供' },
    })
    expect(applied.statusCode).toBe(201)
    const shop = applied.json<Shop>()
    expect(shop).toMatchObject({ status: 'pending', name: '茹村山珍小店' })

    const pending = (
      await operator.request({ method: 'GET', url: '/api/commerce/shops?status=pending' })
    ).json<{ items: Shop[]; total: number }>()
    expect(pending.items.map((s) => s.id)).toEqual([shop.id])

    const noNote = await operator.request({
      method: 'POST',
      url: `/api/commerce/shops/${shop.id}/review`,
      payload: { decision: 'reject' },
    })
    expect(noNote.statusCode).toBe(400)
    expect(noNote.json()).toMatchObject({ errors: [{ field: 'note' }] })

    const rejected = await operator.request({
      method: 'POST',
      url: `/api/commerce/shops/${shop.id}/review`,
      payload: { decision: 'reject', note: '请补充营业执照' },
    })
    expect(rejected.json<Shop>()).toMatchObject({
      status: 'rejected',
      reviewNote: '请补充营业执照',
    })

    const again = await merchant.request({
      method: 'POST',
      url: '/api/commerce/shops',
      payload: { name: '茹村山珍小店', intro: '已补充营业执照' },
    })
    expect(again.json<Shop>()).toMatchObject({ id: shop.id, status: 'pending', reviewNote: null })
    const approved = await operator.request({
      method: 'POST',
      url: `/api/commerce/shops/${shop.id}/review`,
      payload: { decision: 'approve' },
    })
    expect(approved.json<Shop>().status).toBe('approved')

    const mine = (await merchant.request({ method: 'GET', url: '/api/commerce/my-shops' })).json<
      Shop[]
    >()
    expect(mine).toMatchObject([{ id: shop.id, status: 'approved' }])

    const audit = (
      await operator.request({ method: 'GET', url: `/api/audit-log?entityId=${shop.id}` })
    ).json<{ items: { action: string }[] }>()
    expect(audit.items.map((e) => e.action).sort()).toEqual(
      ['shop.apply', 'shop.approve', 'shop.reapply', 'shop.reject'].sort(),
    )
  })

  it('refuses a second application while one is pending or approved, and decisions out of order', async () => {
    const test = await catalogApp()
    const merchant = await test.logIn('merchant') // its shop is approved in the demo data
    const second = await merchant.request({
      method: 'POST',
      url: '/api/commerce/shops',
      payload: { name: '又一家店' },
    })
    expect(second.statusCode).toBe(409)
    const operator = await test.logIn('operator')
    const [shop] = (await merchant.request({ method: 'GET', url: '/api/commerce/my-shops' })).json<
      Shop[]
    >()
    const approveTwice = await operator.request({
      method: 'POST',
      url: `/api/commerce/shops/${shop?.id ?? ''}/review`,
      payload: { decision: 'approve' },
    })
    expect(approveTwice.statusCode).toBe(409)
    expect(approveTwice.json()).toMatchObject({ errors: [{ field: 'decision' }] })
  })

  it('keeps reviewing to the operating company and applying to merchants', async () => {
    const test = await catalogApp()
    const merchant = await test.logIn('merchant')
    const [shop] = (await merchant.request({ method: 'GET', url: '/api/commerce/my-shops' })).json<
      Shop[]
    >()
    const selfApproval = await merchant.request({
      method: 'POST',
      url: `/api/commerce/shops/${shop?.id ?? ''}/review`,
      payload: { decision: 'suspend', note: 'x' },
    })
    expect(selfApproval.statusCode).toBe(403)
    const station = await test.logIn('station')
    const apply = await station.request({
      method: 'POST',
      url: '/api/commerce/shops',
      payload: { name: '服务站小店' },
    })
    expect(apply.statusCode).toBe(403)
  })

  it("does not show a merchant another merchant's shop", async () => {
    const test = await catalogApp()
    const merchant = await test.logIn('merchant')
    const other = await test.logIn('merchant2')
    const [otherShop] = (
      await other.request({ method: 'GET', url: '/api/commerce/my-shops' })
    ).json<Shop[]>()
    const read = await merchant.request({
      method: 'GET',
      url: `/api/commerce/shops/${otherShop?.id ?? ''}`,
    })
    expect(read.statusCode).toBe(404)
    const rename = await merchant.request({
      method: 'PATCH',
      url: `/api/commerce/shops/${otherShop?.id ?? ''}`,
      payload: { name: '改名' },
    })
    expect(rename.statusCode).toBe(404)
  })
})
