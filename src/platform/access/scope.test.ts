import { describe, expect, it } from 'vitest'
import { DEMO_ORGANIZATIONS } from '../../demo/demo-accounts.js'
import { buildTestApp, type Client } from '../../test/test-app.js'
import { demoOrganizations } from '../../test/factories.js'

// Authorization is scoped: a merchant sees only its own organization and people (issue 2).

async function organizationIdOf(client: Client): Promise<string> {
  const me = (await client.request({ method: 'GET', url: '/api/auth/me' })).json<{
    memberships: { organizationId: string }[]
  }>()
  return me.memberships[0]?.organizationId ?? ''
}

async function deniedEntries(client: Client) {
  const res = await client.request({ method: 'GET', url: '/api/audit-log?action=access.denied' })
  return res.json<{
    items: { actorName: string; entityType: string; entityId: string; outcome: string }[]
  }>().items
}

describe('merchant scope', () => {
  it('lists only its own organization and its own people', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const merchant = await logIn('merchant')
    const organizations = (
      await merchant.request({ method: 'GET', url: '/api/organizations' })
    ).json<{ items: { name: string }[]; total: number }>()
    expect(organizations.items.map((o) => o.name)).toEqual(['五台山台蘑专业合作社'])
    const users = (await merchant.request({ method: 'GET', url: '/api/users' })).json<{
      items: { username: string }[]
    }>()
    expect(users.items.map((u) => u.username)).toEqual(['merchant'])
  })

  it("cannot read or change another merchant's organization, and the attempt is audited", async () => {
    const { logIn } = await buildTestApp({
      demo: false,
      accounts: ['merchant', 'merchant2', 'operator'],
    })
    const merchant = await logIn('merchant')
    const other = await logIn('merchant2')
    const otherOrganizationId = await organizationIdOf(other)

    const read = await merchant.request({
      method: 'GET',
      url: `/api/organizations/${otherOrganizationId}`,
    })
    expect(read.statusCode).toBe(404)
    const change = await merchant.request({
      method: 'PATCH',
      url: `/api/organizations/${otherOrganizationId}`,
      payload: { name: '被篡改的名字' },
    })
    expect(change.statusCode).toBe(404)

    const operator = await logIn('operator')
    const unchanged = (
      await operator.request({ method: 'GET', url: `/api/organizations/${otherOrganizationId}` })
    ).json<{ name: string }>()
    expect(unchanged.name).toBe('五台县黄小米种植专业合作社')
    const denied = await deniedEntries(operator)
    expect(denied.filter((e) => e.entityId === otherOrganizationId)).toHaveLength(2)
    expect(denied[0]).toMatchObject({
      actorName: '赵社长（台蘑合作社）',
      entityType: 'organization',
      outcome: 'denied',
    })
  })

  it("cannot read or change another merchant's users", async () => {
    const { logIn } = await buildTestApp({
      demo: false,
      accounts: ['merchant', 'merchant2', 'operator'],
    })
    const merchant = await logIn('merchant')
    const other = await logIn('merchant2')
    expect(
      (await merchant.request({ method: 'GET', url: `/api/users/${other.userId}` })).statusCode,
    ).toBe(404)
    expect(
      (
        await merchant.request({
          method: 'PATCH',
          url: `/api/users/${other.userId}`,
          payload: { status: 'disabled' },
        })
      ).statusCode,
    ).toBe(404)
    expect(
      (
        await merchant.request({
          method: 'POST',
          url: `/api/users/${other.userId}/password`,
          payload: { password: 'taken-over-1' },
        })
      ).statusCode,
    ).toBe(404)
    // The other merchant can still sign in with the old password.
    expect((await other.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200)
    const operator = await logIn('operator')
    expect((await deniedEntries(operator)).filter((e) => e.entityId === other.userId)).toHaveLength(
      3,
    )
  })

  it('cannot create users in another organization or grant county-wide roles', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['merchant', 'merchant2'] })
    const merchant = await logIn('merchant')
    const otherOrganizationId = await organizationIdOf(await logIn('merchant2'))
    const ownOrganizationId = await organizationIdOf(merchant)
    const elsewhere = await merchant.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'spy',
        displayName: '间谍',
        password: 'long-enough-1',
        memberships: [{ organizationId: otherOrganizationId, role: 'merchant_staff' }],
      },
    })
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json()).toMatchObject({ errors: [{ field: 'memberships/0/organizationId' }] })
    const wrongRole = await merchant.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'boss',
        displayName: '老板',
        password: 'long-enough-1',
        memberships: [{ organizationId: ownOrganizationId, role: 'system_admin' }],
      },
    })
    expect(wrongRole.statusCode).toBe(400)
    expect(wrongRole.json()).toMatchObject({ errors: [{ field: 'memberships/0/role' }] })
  })

  it('manages its own staff', async () => {
    const { app, logIn } = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const merchant = await logIn('merchant')
    const organizationId = await organizationIdOf(merchant)
    const created = await merchant.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'clerk1',
        displayName: '店员一',
        password: 'long-enough-1',
        phone: '13800000001',
        memberships: [{ organizationId, role: 'merchant_staff' }],
      },
    })
    expect(created.statusCode).toBe(201)
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk1', password: 'long-enough-1' },
    })
    expect(login.statusCode).toBe(200)
    expect(login.json()).toMatchObject({
      permissions: [
        'after-sales:respond',
        'catalog:write',
        'geography:read',
        'orders:read',
        'orders:ship',
        'stock:write',
      ],
    })
  })

  it('cannot suspend its own organization', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const merchant = await logIn('merchant')
    const res = await merchant.request({
      method: 'PATCH',
      url: `/api/organizations/${await organizationIdOf(merchant)}`,
      payload: { status: 'suspended' },
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('permissions', () => {
  it('answers 401 without a session and 403 without the permission, auditing the refusal', async () => {
    const { app, logIn } = await buildTestApp({ demo: false, accounts: ['station', 'admin'] })
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401)
    const station = await logIn('station')
    const res = await station.request({ method: 'GET', url: '/api/users' })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'forbidden', detailZh: '需要 users:read 权限' })
    const denied = await deniedEntries(await logIn('admin'))
    expect(denied).toContainEqual(
      expect.objectContaining({
        actorName: '杨站长（台城村）',
        entityType: 'route',
        entityId: 'GET /api/users',
      }),
    )
  })

  it('gives the bureau read-only supervision', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['bureau'] })
    await demoOrganizations(
      db,
      DEMO_ORGANIZATIONS.map((organization) => organization.key),
    )
    const bureau = await logIn('bureau')
    expect(
      (await bureau.request({ method: 'GET', url: '/api/organizations' })).json(),
    ).toMatchObject({ total: DEMO_ORGANIZATIONS.length })
    expect(
      (
        await bureau.request({
          method: 'POST',
          url: '/api/organizations',
          payload: { type: 'merchant', name: '新合作社' },
        })
      ).statusCode,
    ).toBe(403)
  })

  it('lets a suspended organization’s members keep no permissions', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator', 'merchant'] })
    const operator = await logIn('operator')
    const merchant = await logIn('merchant')
    const organizationId = await organizationIdOf(merchant)
    expect(
      (
        await operator.request({
          method: 'PATCH',
          url: `/api/organizations/${organizationId}`,
          payload: { status: 'suspended' },
        })
      ).statusCode,
    ).toBe(200)
    expect((await merchant.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403)
  })

  it('refuses to start an app with a route that declares no access rule', async () => {
    const { app } = await buildTestApp({ demo: false })
    await expect(
      app.register(async (scoped) => {
        scoped.get('/api/unguarded', () => 'oops')
      }),
    ).rejects.toThrow(/declares no config.access/)
  })
})
