import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/test-app.js'
import { signInCustomer } from './test-support.js'
import { aCounty } from '../../../test/factories.js'

describe('delivery addresses', () => {
  it('keeps exactly one default when twenty defaults are added at once', async () => {
    const t = await buildTestApp({ demo: false })
    await aCounty(t.db)
    const village = '140922100201' // 台城村
    const buyer = await signInCustomer(t, '13800007001')
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        buyer.request({
          method: 'POST',
          url: '/api/commerce/shop/addresses',
          payload: {
            recipientName: '王秀兰',
            phone: '13900007001',
            divisionCode: village,
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
