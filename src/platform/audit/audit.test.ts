import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { aCounty } from '../../test/factories.js'

interface Entry {
  action: string
  actorName: string | null
  actorUserId: string | null
  entityId: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

describe('audit log', () => {
  it('records every mutation with the acting user, before and after', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await aCounty(db)
    const operator = await logIn('operator')
    const organization = (
      await operator.request({
        method: 'POST',
        url: '/api/organizations',
        payload: {
          type: 'merchant',
          name: '五台县蘑菇片加工合作社',
          divisionCode: '140922103',
          contactPhone: '13912345678',
        },
      })
    ).json<{ id: string }>()
    const user = (
      await operator.request({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'mushroom',
          displayName: '蘑菇社长',
          password: 'long-enough-1',
          memberships: [{ organizationId: organization.id, role: 'merchant_admin' }],
        },
      })
    ).json<{ id: string; memberships: { id: string }[] }>()
    await operator.request({
      method: 'PATCH',
      url: `/api/organizations/${organization.id}`,
      payload: { address: '豆村镇佛光村' },
    })
    await operator.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { displayName: '蘑菇社长（新）' },
    })
    await operator.request({
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      payload: { password: 'another-long-1' },
    })
    const added = (
      await operator.request({
        method: 'POST',
        url: `/api/users/${user.id}/memberships`,
        payload: { organizationId: organization.id, role: 'merchant_staff' },
      })
    ).json<{ id: string }>()
    await operator.request({
      method: 'DELETE',
      url: `/api/users/${user.id}/memberships/${added.id}`,
    })

    const log = (
      await operator.request({ method: 'GET', url: '/api/audit-log?pageSize=100' })
    ).json<{ items: Entry[] }>().items
    const mine = log.filter((e) => e.actorUserId === operator.userId)
    expect(mine.map((e) => e.action).reverse()).toEqual([
      'auth.login',
      'organization.create',
      'user.create',
      'organization.update',
      'user.update',
      'user.set_password',
      'membership.create',
      'membership.delete',
    ])
    expect(mine.every((e) => e.actorName === '王经理（运营中心）')).toBe(true)
    const update = mine.find((e) => e.action === 'organization.update')
    expect(update?.before).toMatchObject({ address: null })
    expect(update?.after).toMatchObject({ address: '豆村镇佛光村' })
    expect(JSON.stringify(log)).not.toMatch(/scrypt\$|long-enough-1|another-long-1/)
  })

  it('records failed logins with the name that was tried', async () => {
    const { app, logIn } = await buildTestApp({ demo: false, accounts: ['admin', 'operator'] })
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'operator', password: 'guess-1234' },
    })
    const admin = await logIn('admin')
    const [entry] = (
      await admin.request({ method: 'GET', url: '/api/audit-log?action=auth.login_failed' })
    ).json<{ items: (Entry & { outcome: string })[] }>().items
    expect(entry).toMatchObject({
      actorName: 'operator',
      outcome: 'denied',
      after: { reason: 'wrong_password' },
    })
  })

  it('leaves no user and no audit entry behind when one of several memberships is invalid', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await aCounty(db)
    const operator = await logIn('operator')
    const organization = (
      await operator.request({ method: 'GET', url: '/api/organizations?type=merchant' })
    ).json<{ items: { id: string }[] }>().items[0]
    // The second membership is invalid, so the user and the first membership must not remain.
    const res = await operator.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'halfway',
        displayName: '半途',
        password: 'long-enough-1',
        memberships: [
          { organizationId: organization?.id, role: 'merchant_staff' },
          { organizationId: organization?.id, role: 'driver' },
        ],
      },
    })
    expect(res.statusCode).toBe(400)
    expect(
      (await operator.request({ method: 'GET', url: '/api/users?q=halfway' })).json(),
    ).toMatchObject({ total: 0 })
    expect(
      (await operator.request({ method: 'GET', url: '/api/audit-log?action=user.create' })).json(),
    ).toMatchObject({ total: 0 })
  })

  it('shows a merchant only the entries of its own organization', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['merchant', 'merchant2'] })
    const merchant = await logIn('merchant')
    const other = await logIn('merchant2')
    await other.request({
      method: 'PATCH',
      url: `/api/users/${other.userId}`,
      payload: { phone: '13700000000' },
    })
    await merchant.request({
      method: 'PATCH',
      url: `/api/users/${merchant.userId}`,
      payload: { phone: '13600000000' },
    })
    const entries = (await merchant.request({ method: 'GET', url: '/api/audit-log' })).json<{
      items: Entry[]
    }>().items
    expect(entries.map((e) => e.entityId)).toEqual([merchant.userId])
  })

  it('filters by time range', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['admin'] })
    const admin = await logIn('admin')
    const future = (
      await admin.request({ method: 'GET', url: '/api/audit-log?from=2999-01-01T00:00:00Z' })
    ).json<{ total: number }>()
    expect(future.total).toBe(0)
    const past = (
      await admin.request({ method: 'GET', url: '/api/audit-log?from=2000-01-01T00:00:00%2B08:00' })
    ).json<{ total: number }>()
    expect(past.total).toBeGreaterThan(0)
  })
})
