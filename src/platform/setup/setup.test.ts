import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/test-app.js'
import { issueSetupToken } from './setup-token.js'

// Issue 15 (PLAT): the first run without demo data, as Gitea or Grafana do it.

const form = (token: string, overrides: Record<string, string> = {}) => ({
  token,
  countyCode: '141023',
  countyName: '襄汾县',
  bureauName: '襄汾县商务局',
  companyName: '襄汾县电子商务运营有限公司',
  adminUsername: 'chief',
  adminDisplayName: '李主任',
  adminPhone: '13900001234',
  adminPassword: 'first-admin-2026',
  adminPasswordRepeat: 'first-admin-2026',
  ...overrides,
})

async function emptyInstallation() {
  const t = await buildTestApp({ demo: false, setupGate: true })
  const token = await issueSetupToken(t.db)
  if (!token) throw new Error('an empty database should want setup')
  return { ...t, token }
}

const submit = (t: Awaited<ReturnType<typeof emptyInstallation>>, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/setup', payload })

describe('first-run setup (issue 15, PLAT)', () => {
  it('answers every API with 503 "setup required" until set up, but not health checks or setup', async () => {
    const t = await emptyInstallation()
    for (const url of ['/api/auth/me', '/api/county', '/api/geography/divisions']) {
      const response = await t.app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(503)
      expect(response.headers['content-type']).toContain('application/problem+json')
      expect(response.json()).toMatchObject({
        code: 'setup_required',
        titleZh: '系统尚未完成初始设置',
        title: 'Setup required',
      })
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'whatever-it-is' },
    })
    expect(login.statusCode).toBe(503)
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
    const link = await t.app.inject({ method: 'GET', url: `/api/setup?token=${t.token}` })
    expect(link.json()).toEqual({ valid: true })
  })

  it('sets the county, its bureau and company and the first administrator up once; the link then stops working', async () => {
    const t = await emptyInstallation()
    const done = await submit(t, form(t.token))
    expect(done.statusCode).toBe(201)
    expect(done.json()).toEqual({ countyCode: '141023', adminUsername: 'chief' })

    // The gate is open and the county is public.
    const county = await t.app.inject({ method: 'GET', url: '/api/county' })
    expect(county.json()).toEqual({ code: '141023', name: '襄汾县', brandName: '襄汾县' })
    // The new administrator signs in and runs the county.
    const chief = await t.logIn('chief', 'first-admin-2026')
    const me = (await chief.request({ method: 'GET', url: '/api/auth/me' })).json<{
      user: { displayName: string }
      memberships: { role: string; organizationName: string }[]
    }>()
    expect(me.user.displayName).toBe('李主任')
    const organizations = (await chief.request({ method: 'GET', url: '/api/organizations' })).json<{
      items: { name: string; type: string; divisionName: string | null }[]
    }>()
    expect(organizations.items.map((o) => [o.type, o.name])).toEqual([
      ['bureau', '襄汾县商务局'],
      ['operating_company', '襄汾县电子商务运营有限公司'],
    ])
    const division = await chief.request({ method: 'GET', url: '/api/geography/divisions/141023' })
    expect(division.json()).toMatchObject({ code: '141023', name: '襄汾县', level: 'county' })
    const audit = (await chief.request({ method: 'GET', url: '/api/audit-log?pageSize=50' })).json<{
      items: { action: string; actorName: string | null }[]
    }>()
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['county.setup', 'user.create', 'organization.create']),
    )

    // The same link again, replayed exactly: gone; so is asking whether it works.
    const replay = await submit(t, form(t.token))
    expect(replay.statusCode).toBe(410)
    expect(replay.json()).toMatchObject({ code: 'gone' })
    const again = await submit(t, form(t.token, { countyCode: '141024', adminUsername: 'other' }))
    expect(again.statusCode).toBe(410)
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/setup?token=${t.token}` })).statusCode,
    ).toBe(410)
    // A new start prints no new link.
    expect(await issueSetupToken(t.db)).toBeUndefined()
  })

  it('refuses a wrong or superseded link', async () => {
    const t = await emptyInstallation()
    const wrong = await submit(t, form('not-the-token'))
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'token' })] })
    // A restart prints a new link; the old one stops working.
    const next = await issueSetupToken(t.db)
    expect((await submit(t, form(t.token))).statusCode).toBe(404)
    expect((await submit(t, form(next ?? ''))).statusCode).toBe(201)
  })

  it('of two submits at the same moment, exactly one sets the county up', async () => {
    const t = await emptyInstallation()
    const answers = await Promise.all([
      submit(t, form(t.token, { adminUsername: 'first' })),
      submit(t, form(t.token, { adminUsername: 'second', countyCode: '141024' })),
    ])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 410])
    const chiefs = await Promise.all(
      ['first', 'second'].map((username) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'first-admin-2026' },
        }),
      ),
    )
    expect(chiefs.map((c) => c.statusCode).sort()).toEqual([200, 401])
    const winner = answers.find((a) => a.statusCode === 201)?.json<{ countyCode: string }>()
    expect((await t.app.inject({ method: 'GET', url: '/api/county' })).json()).toMatchObject({
      code: winner?.countyCode,
    })
  })

  it('names each field that needs fixing, in Chinese and English, and writes nothing', async () => {
    const t = await emptyInstallation()
    const rules = await submit(
      t,
      form(t.token, { countyCode: '991023', adminPasswordRepeat: 'something-else' }),
    )
    expect(rules.statusCode).toBe(400)
    expect(rules.json<{ errors: { field: string; messageZh: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'countyCode', messageZh: '99 不是省级行政区代码' }),
      expect.objectContaining({ field: 'adminPasswordRepeat', messageZh: '两次输入的密码不一致' }),
    ])
    const prefecture = await submit(t, form(t.token, { countyCode: '141000' }))
    expect(prefecture.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'countyCode' })],
    })
    const shapes = await submit(
      t,
      form(t.token, { countyCode: '14102x', adminPassword: 'short', adminUsername: '1x' }),
    )
    expect(shapes.statusCode).toBe(400)
    const fields = shapes.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['adminPassword', 'adminUsername']))
    // Nothing was written: still not set up, and the link still works.
    expect((await t.app.inject({ method: 'GET', url: '/api/county' })).statusCode).toBe(503)
    expect((await submit(t, form(t.token))).statusCode).toBe(201)
  })

  it('does not ask a demo installation to set up', async () => {
    const t = await buildTestApp({ setupGate: true })
    expect(await issueSetupToken(t.db)).toBeUndefined()
    expect((await t.app.inject({ method: 'GET', url: '/api/county' })).json()).toEqual({
      code: '140922',
      name: '五台县',
      brandName: '五台斋选',
    })
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/setup', payload: form('x') })).statusCode,
    ).toBe(410)
  })
})
