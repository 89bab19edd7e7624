import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { newId } from '../../shared/ids.js'
import { demoOrganizations } from '../../test/factories.js'

// Issue 2: bad input gets a 400 problem+json naming the field, in Chinese and English; never a 500.

describe('bad input', () => {
  it('answers malformed JSON with a 400 problem naming the body', async () => {
    const { app } = await buildTestApp({ demo: false })
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin",',
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'invalid',
      errors: [{ field: 'body', message: 'is not valid JSON', messageZh: '不是合法的 JSON' }],
    })
  })

  it('names a missing field in both languages', async () => {
    const { app } = await buildTestApp({ demo: false })
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin' },
    })
    expect(res.statusCode).toBe(400)
    const body = res.json<{
      errors: { field: string; message: string; messageZh: string }[]
      titleZh: string
      title: string
    }>()
    expect(body.errors).toEqual([{ field: 'password', message: 'is required', messageZh: '必填' }])
    expect(body.title).toBe('Invalid request')
    expect(body.titleZh).toBe('请求无效')
  })

  it('rejects a wrong type in a JSON body instead of coercing it', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    const res = await operator.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { type: 'merchant', name: 12345 },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      errors: [{ field: 'name', message: 'must be string', messageZh: '类型应为字符串' }],
    })
  })

  it('lists the allowed values when an enum field is wrong', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    const res = await operator.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { type: 'bank', name: '某银行' },
    })
    expect(res.statusCode).toBe(400)
    const [error] = res.json<{ errors: { field: string; message: string }[] }>().errors
    expect(error?.field).toBe('type')
    expect(error?.message).toContain('village_station')
  })

  it('names nested fields by their path', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    const res = await operator.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'newuser',
        displayName: '新用户',
        password: 'long-enough-1',
        memberships: [{ organizationId: newId() }],
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      errors: [{ field: 'memberships/0/role', message: 'is required' }],
    })
  })

  it('refuses unknown fields rather than silently dropping them', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    const res = await operator.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { type: 'merchant', name: '新合作社', owner: 'me' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ errors: [{ field: 'owner', messageZh: '不允许的字段' }] })
  })

  it('validates query strings, coercing numbers from text', async () => {
    const { logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    const operator = await logIn('operator')
    expect(
      (await operator.request({ method: 'GET', url: '/api/users?page=2&pageSize=5' })).statusCode,
    ).toBe(200)
    const res = await operator.request({ method: 'GET', url: '/api/users?pageSize=1000' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ errors: [{ field: 'pageSize', message: 'must be ≤ 100' }] })
  })

  it('answers an unknown API route with a 404 problem', async () => {
    const { app } = await buildTestApp({ demo: false })
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found', status: 404 })
  })

  it('answers a race for a unique username with 409, not 500', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await demoOrganizations(db, ['taimo'])
    const operator = await logIn('operator')
    const { items } = (
      await operator.request({ method: 'GET', url: '/api/organizations?type=merchant' })
    ).json<{ items: { id: string }[] }>()
    const body = {
      username: 'twin',
      displayName: '双胞胎',
      password: 'long-enough-1',
      memberships: [{ organizationId: items[0]?.id, role: 'merchant_staff' }],
    }
    const results = await Promise.all(
      [1, 2, 3].map(() => operator.request({ method: 'POST', url: '/api/users', payload: body })),
    )
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
  })
})
