import { describe, expect, it } from 'vitest'
import { signInCustomer } from '../../modules/commerce/orders/test-support.js'
import { buildTestApp } from '../../test/test-app.js'

// The console's user list is the staff's (issue 2): consumers who signed in to the H5 shop with
// a phone code are customers, not users to manage.

describe('console user list', () => {
  it('lists staff and leaves out shop customers, also when searching by their phone', async () => {
    const t = await buildTestApp({ demo: false, accounts: ['operator'] })
    await signInCustomer(t, '13900006161')
    const operator = await t.logIn('operator')
    const list = async (query: string) =>
      (await operator.request({ method: 'GET', url: `/api/users${query}` })).json<{
        items: { username: string }[]
        total: number
      }>()
    const all = await list('?pageSize=100')
    expect(all.items.map((u) => u.username)).toContain('operator')
    expect(all.items.some((u) => u.username.startsWith('customer:'))).toBe(false)
    expect(all.total).toBe(all.items.length)
    expect((await list('?q=13900006161')).total).toBe(0)
  })
})
