import { describe, expect, it } from 'vitest'
import { solveChallenge, type Challenge } from '../../../platform/abuse/index.js'
import { addSeconds, nowIso } from '../../../shared/clock.js'
import { newId } from '../../../shared/ids.js'
import { buildTestApp, type TestApp } from '../../../test/test-app.js'
import { LOGIN_CODE_LIMITS } from './login-code-guard.js'
import { auditEntries, smsSent } from '../../../test/inspect.js'

const phoneNo = (i: number) => `1390000${String(i).padStart(4, '0')}`

const askForCode = (
  t: TestApp,
  phone: string,
  from: { remoteAddress?: string; forwardedFor?: string; challenge?: object } = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/commerce/shop/auth/code',
    payload: { phone, ...(from.challenge ? { challenge: from.challenge } : {}) },
    remoteAddress: from.remoteAddress ?? '203.0.113.9',
    ...(from.forwardedFor ? { headers: { 'x-forwarded-for': from.forwardedFor } } : {}),
  })

const solvedChallenge = async (t: TestApp) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/commerce/shop/auth/challenge' })
  expect(res.statusCode).toBe(200)
  const challenge = res.json<Challenge>()
  return { token: challenge.token, nonce: solveChallenge(challenge) }
}

const codesTexted = async (t: TestApp) => (await smsSent(t.db, { template: 'login_code' })).length

describe('sign-in codes: limits on the sender', () => {
  it('texts only the first few of forty numbers asked for from one address; the rest need a solved challenge', async () => {
    const t = await buildTestApp({ demo: false })
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => askForCode(t, phoneNo(i))),
    )
    const sent = responses.filter((r) => r.statusCode === 200)
    expect(sent).toHaveLength(LOGIN_CODE_LIMITS.freePerAddressHourly)
    expect(await codesTexted(t)).toBe(LOGIN_CODE_LIMITS.freePerAddressHourly)
    const refused = responses.filter((r) => r.statusCode !== 200)
    expect(refused).toHaveLength(40 - LOGIN_CODE_LIMITS.freePerAddressHourly)
    for (const r of refused) {
      expect(r.statusCode).toBe(403)
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(r.json()).toMatchObject({
        code: 'challenge_required',
        titleZh: '需要安全验证',
        errors: [{ field: 'challenge', messageZh: '请先完成安全验证后再获取验证码' }],
      })
    }
  })

  it('accepts a solved challenge once, and refuses it used again, unsolved or forged', async () => {
    const t = await buildTestApp({ demo: false })
    for (let i = 0; i < LOGIN_CODE_LIMITS.freePerAddressHourly; i++)
      expect((await askForCode(t, phoneNo(i))).statusCode).toBe(200)
    const solved = await solvedChallenge(t)
    const passed = await askForCode(t, phoneNo(10), { challenge: solved })
    expect(passed.statusCode, passed.body).toBe(200)
    const reused = await askForCode(t, phoneNo(11), { challenge: solved })
    expect(reused.statusCode).toBe(403)
    expect(reused.json<{ detail: string }>().detail).toMatch(/already used/)
    const fresh = await solvedChallenge(t)
    const unsolved = await askForCode(t, phoneNo(12), {
      challenge: { token: fresh.token, nonce: String(Number(fresh.nonce) + 1) },
    })
    // One nonce in 65,536 would pass by chance; the next one after the first solution rarely does.
    expect(unsolved.statusCode).toBe(403)
    const forged = await askForCode(t, phoneNo(13), {
      challenge: { token: `${fresh.token.split('.')[0] ?? ''}.forged`, nonce: fresh.nonce },
    })
    expect(forged.json<{ detail: string }>().detail).toMatch(/not valid/)
    expect(await codesTexted(t)).toBe(LOGIN_CODE_LIMITS.freePerAddressHourly + 1)
  })

  it('stops an address at its hourly cap even with solved challenges', async () => {
    const t = await buildTestApp({
      demo: false,
      loginCodeLimits: { freePerAddressHourly: 1, perAddressHourly: 3, difficulty: 4 },
    })
    expect((await askForCode(t, phoneNo(0))).statusCode).toBe(200)
    for (const i of [1, 2])
      expect(
        (await askForCode(t, phoneNo(i), { challenge: await solvedChallenge(t) })).statusCode,
      ).toBe(200)
    const capped = await askForCode(t, phoneNo(3), { challenge: await solvedChallenge(t) })
    expect(capped.statusCode).toBe(429)
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(3000)
    expect(capped.json<{ detailZh: string }>().detailZh).toMatch(/每小时 3 次/)
  })

  it('holds the shop-wide hourly cap across addresses', async () => {
    const t = await buildTestApp({ demo: false, loginCodeLimits: { hourly: 5 } })
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        askForCode(t, phoneNo(i), { remoteAddress: `198.51.100.${i + 1}` }),
      ),
    )
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(5)
    const refused = responses.filter((r) => r.statusCode === 429)
    expect(refused).toHaveLength(3)
    expect(refused[0]?.json<{ detailZh: string }>().detailZh).toBe(
      '当前获取验证码的人数过多，请稍后再试',
    )
    expect(await codesTexted(t)).toBe(5)
  })

  it('counts by the connection, not X-Forwarded-For, unless the proxy is trusted', async () => {
    const spoofed = (t: TestApp) =>
      Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          askForCode(t, phoneNo(i), {
            remoteAddress: '10.0.0.2',
            forwardedFor: `198.51.100.${i + 1}`,
          }),
        ),
      )
    const direct = await buildTestApp({ demo: false })
    expect((await spoofed(direct)).filter((r) => r.statusCode === 200)).toHaveLength(
      LOGIN_CODE_LIMITS.freePerAddressHourly,
    )
    const behindProxy = await buildTestApp({ demo: false, trustProxy: ['10.0.0.2'] })
    expect((await spoofed(behindProxy)).every((r) => r.statusCode === 200)).toBe(true)
  })
})

describe('sign-in codes: one a minute per number', () => {
  it('texts one code to a number asked for from several addresses at once', async () => {
    const t = await buildTestApp({ demo: false })
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        askForCode(t, phoneNo(1), { remoteAddress: `198.51.100.${i + 1}` }),
      ),
    )
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1)
    const refused = responses.filter((r) => r.statusCode === 429)
    expect(refused).toHaveLength(5)
    expect(refused[0]?.json<{ detailZh: string }>().detailZh).toMatch(/^请 \d+ 秒后再获取验证码$/)
    expect(await codesTexted(t)).toBe(1)
  })
})

describe('sign-in codes: the operator hears of a surge', () => {
  const surgeAlerts = (t: TestApp) => auditEntries(t.db, { action: 'sms.login_code_surge' })

  const fromManyAddresses = (t: TestApp, count: number, first = 0) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        askForCode(t, phoneNo(first + i), { remoteAddress: `198.51.100.${first + i + 1}` }),
      ),
    )

  it('writes one audit entry in the hour the volume jumps, not one per request', async () => {
    const t = await buildTestApp({ demo: false, loginCodeLimits: { alertFloor: 5 } })
    expect((await fromManyAddresses(t, 4)).every((r) => r.statusCode === 200)).toBe(true)
    expect(await surgeAlerts(t)).toHaveLength(0)
    expect((await fromManyAddresses(t, 6, 4)).every((r) => r.statusCode === 200)).toBe(true)
    const alerts = await surgeAlerts(t)
    expect(alerts).toHaveLength(1)
    expect(JSON.parse(alerts[0]?.after_json ?? '{}')).toMatchObject({ averagePerHour: 0 })
  })

  it('stays quiet when the hour is like the day before', async () => {
    const t = await buildTestApp({ demo: false, loginCodeLimits: { alertFloor: 5 } })
    // Yesterday: 10 codes an hour, so 30 this hour would be a jump and 10 is not.
    const hourStart = `${nowIso().slice(0, 13)}:00:00.000Z`
    await t.db
      .insertInto('customer_login_code')
      .values(
        Array.from({ length: 240 }, (_, i) => ({
          id: newId(),
          phone: '13700000000',
          code_hash: 'x',
          attempts: 0,
          expires_at: hourStart,
          used_at: null,
          created_at: addSeconds(hourStart, -86_400 + i * 360),
        })),
      )
      .execute()
    expect((await fromManyAddresses(t, 10)).every((r) => r.statusCode === 200)).toBe(true)
    expect(await surgeAlerts(t)).toHaveLength(0)
  })
})
