import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/test-app.js'
import { signInCustomer } from './test-support.js'

describe('delivery addresses', () => {
  it('keeps exactly one default when twenty defaults are added at once', async () => {
    const t = await buildTestApp()
    const village = await t.db
      .selectFrom('logistics_site')
      .select('division_code')
      .where('kind', '=', 'village')
      .executeTakeFirstOrThrow()
    const buyer = await signInCustomer(t, '13800007001')
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        buyer.request({
          method: 'POST',
          url: '/api/commerce/shop/addresses',
          payload: {
            recipientName: '王秀兰',
            phone: '13900007001',
            divisionCode: village.division_code,
            detail: `东街 ${i + 1} 号`,
            isDefault: true,
          },
        }),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 20 }, () => 201))
    const list = await buyer.request({ method: 'GET', url: '/api/commerce/shop/addresses' })
    const addresses = list.json<{ detail: string; isDefault: boolean }[]>()
    expect(addresses).toHaveLength(20)
    expect(addresses.filter((a) => a.isDefault)).toHaveLength(1)
  })
})
