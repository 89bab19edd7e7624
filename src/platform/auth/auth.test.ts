import { describe, expect, it } from 'vitest'
import { demoOrganizations } from '../../test/factories.js'
import { buildTestApp } from '../../test/test-app.js'
import { THROTTLE } from './login-throttle.js'

describe('login and sessions', () => {
  it('signs in with the demo password and sets an httpOnly SameSite session cookie', async () => {
    const { app } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'Operator', password: 'Wutai@2019' },
    })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'ct_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(res.json()).toMatchObject({
      user: { username: 'operator' },
      memberships: [{ organizationType: 'operating_company', role: 'operator_admin' }],
    })
  })

  it('refuses a wrong password with 401 and the same answer as an unknown user', async () => {
    const { app } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'operator', password: 'nope-nope' },
    })
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope-nope' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json<{ detailZh: string }>().detailZh).toBe(
      unknown.json<{ detailZh: string }>().detailZh,
    )
  })

  it('locks an account after ten wrong passwords, even against the right one', async () => {
    const { app } = await buildTestApp({ demo: false, accounts: ['merchant', 'merchant2'] })
    for (let i = 0; i < THROTTLE.maxFailuresPerUser; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'merchant', password: `wrong-${i}` },
      })
      expect(res.statusCode).toBe(401)
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'merchant', password: 'Wutai@2019' },
    })
    expect(locked.statusCode).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60)
    expect(locked.json()).toMatchObject({ code: 'locked' })
    // Other accounts are unaffected.
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'merchant2', password: 'Wutai@2019' },
    })
    expect(other.statusCode).toBe(200)
  })

  it('forgets earlier failures after a successful login', async () => {
    const { app } = await buildTestApp({ demo: false, accounts: ['merchant'] })
    for (let i = 0; i < THROTTLE.maxFailuresPerUser - 1; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'merchant', password: 'wrong' },
      })
    }
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'merchant', password: 'Wutai@2019' },
        })
      ).statusCode,
    ).toBe(200)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'merchant', password: 'wrong' },
        })
      ).statusCode,
    ).toBe(401)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'merchant', password: 'Wutai@2019' },
        })
      ).statusCode,
    ).toBe(200)
  })

  it('requires the CSRF token on changes made with the session cookie', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    const res = await operator.request({
      method: 'POST',
      url: '/api/organizations',
      headers: { 'x-csrf-token': 'forged' },
      payload: { type: 'merchant', name: '新合作社' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'csrf' })
    expect(
      (await operator.request({ method: 'GET', url: '/api/organizations?q=新合作社' })).json(),
    ).toMatchObject({ total: 0 })
  })

  it('ends the session on logout', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    expect((await operator.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200)
    expect((await operator.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(
      204,
    )
    const after = await operator.request({ method: 'GET', url: '/api/auth/me' })
    expect(after.statusCode).toBe(401)
    expect(after.json()).toMatchObject({ code: 'unauthenticated' })
  })

  it('refuses a tampered session cookie', async () => {
    const { app } = await buildTestApp({ demo: false })
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'ct_session=forged.value' },
    })
    expect(res.statusCode).toBe(401)
  })

  it('ends the sessions of a disabled user', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator', 'merchant'] })
    const operator = await logIn('operator')
    const merchant = await logIn('merchant')
    expect(
      (
        await operator.request({
          method: 'PATCH',
          url: `/api/users/${merchant.userId}`,
          payload: { status: 'disabled' },
        })
      ).statusCode,
    ).toBe(200)
    expect((await merchant.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401)
  })
})

describe('API tokens for machine clients', () => {
  it('lets a carrier create a token that works without cookie or CSRF and stops when revoked', async () => {
    const { app, logIn } = await buildTestApp({ demo: false, accounts: ['carrier'] })
    const carrier = await logIn('carrier')
    const me = (await carrier.request({ method: 'GET', url: '/api/auth/me' })).json<{
      memberships: { organizationId: string }[]
    }>()
    const organizationId = me.memberships[0]?.organizationId
    const created = await carrier.request({
      method: 'POST',
      url: '/api/api-tokens',
      payload: { name: '运单系统', organizationId, role: 'carrier_agent' },
    })
    expect(created.statusCode).toBe(201)
    const { id, secret } = created.json<{ id: string; secret: string }>()
    expect(secret).toMatch(/^ct_/)

    const withToken = await app.inject({
      method: 'GET',
      url: '/api/geography/divisions',
      headers: { authorization: `Bearer ${secret}` },
    })
    expect(withToken.statusCode).toBe(200)
    // The token holds carrier_agent: it may not read users.
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/users',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(403)

    const listed = (await carrier.request({ method: 'GET', url: '/api/api-tokens' })).json<{
      items: { id: string; lastUsedAt: string | null }[]
    }>()
    expect(listed.items.find((t) => t.id === id)?.lastUsedAt).not.toBeNull()

    expect(
      (await carrier.request({ method: 'DELETE', url: `/api/api-tokens/${id}` })).statusCode,
    ).toBe(204)
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/geography/divisions',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('does not let a carrier mint a token for another organization', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator', 'carrier'] })
    await demoOrganizations(db, ['zto'])
    const operator = await logIn('operator')
    const carrier = await logIn('carrier')
    const zto = (await operator.request({ method: 'GET', url: '/api/organizations?q=中通' })).json<{
      items: { id: string }[]
    }>().items[0]
    const res = await carrier.request({
      method: 'POST',
      url: '/api/api-tokens',
      payload: { name: 'x', organizationId: zto?.id, role: 'carrier_agent' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ errors: [{ field: 'organizationId' }] })
  })

  it('refuses an unknown bearer token with 401', async () => {
    const { app } = await buildTestApp({ demo: false })
    const res = await app.inject({
      method: 'GET',
      url: '/api/geography/divisions',
      headers: { authorization: 'Bearer ct_madeup' },
    })
    expect(res.statusCode).toBe(401)
  })
})
