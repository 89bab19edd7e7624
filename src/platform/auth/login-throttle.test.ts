import { describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/test-app.js'
import { THROTTLE } from './login-throttle.js'
import { auditEntries } from '../../test/inspect.js'

const RIGHT = 'Wutai@2019'

const logIn = (
  t: TestApp,
  username: string,
  password: string,
  from: { remoteAddress?: string; forwardedFor?: string } = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    ...(from.remoteAddress ? { remoteAddress: from.remoteAddress } : {}),
    ...(from.forwardedFor ? { headers: { 'x-forwarded-for': from.forwardedFor } } : {}),
  })

/** Passwords actually checked leave an audit entry each (refused attempts are not checked). */
const checkedFailures = async (t: TestApp) =>
  (await auditEntries(t.db, { action: 'auth.login_failed' })).length

const distinctIps = (entries: { ip: string | null }[]) => [
  ...new Set(entries.map((entry) => entry.ip)),
]

describe('login throttling under parallel attempts', () => {
  it('checks at most ten of forty wrong passwords sent at once; the rest get 429 with Retry-After', async () => {
    const t = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => logIn(t, 'merchant', `wrong-${i}`)),
    )
    const wrong = responses.filter((r) => r.statusCode === 401)
    const refused = responses.filter((r) => r.statusCode === 429)
    expect(wrong.length).toBeLessThanOrEqual(THROTTLE.maxFailuresPerUser)
    expect(wrong.length + refused.length).toBe(40)
    for (const r of refused) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0)
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(r.json()).toMatchObject({ code: 'locked' })
      expect(r.json<{ detailZh: string }>().detailZh).toMatch(/分钟后再试/)
    }
    expect(await checkedFailures(t)).toBe(wrong.length)
    // The account stays locked against the right password too.
    expect((await logIn(t, 'merchant', RIGHT)).statusCode).toBe(429)
  })

  it('refuses the right password at position 25 of a burst of 30 wrong ones', async () => {
    const t = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => logIn(t, 'merchant', i === 24 ? RIGHT : `wrong-${i}`)),
    )
    expect(responses[24]?.statusCode).toBe(429)
    expect(responses.filter((r) => r.statusCode !== 429).length).toBeLessThanOrEqual(
      THROTTLE.maxFailuresPerUser,
    )
  })

  it('checks at most fifty passwords from one address spread over many accounts', async () => {
    const t = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const responses = await Promise.all(
      Array.from({ length: 70 }, (_, i) => logIn(t, `guess-${i}`, 'wrong-password')),
    )
    expect(responses.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(
      THROTTLE.maxFailuresPerIp,
    )
    const refused = responses.filter((r) => r.statusCode === 429)
    expect(refused.length).toBeGreaterThanOrEqual(70 - THROTTLE.maxFailuresPerIp)
    expect(refused[0]?.json()).toMatchObject({ code: 'too_many_requests' })
    // Another address is not affected.
    expect((await logIn(t, 'merchant', RIGHT, { remoteAddress: '10.1.2.3' })).statusCode).toBe(200)
  })
})

describe('the client address behind proxies (TRUST_PROXY)', () => {
  const sprayFrom = (t: TestApp, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        logIn(t, `guess-${i}`, 'wrong-password', {
          remoteAddress: '10.0.0.2',
          forwardedFor: `203.0.113.${i % 250}, 198.51.100.${i % 250}`,
        }),
      ),
    )

  it('ignores X-Forwarded-For by default, so a new header on each request does not evade the limit', async () => {
    const t = await buildTestApp({ demo: false, accounts: ['merchant'] })
    const responses = await sprayFrom(t, 60)
    expect(responses.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(
      THROTTLE.maxFailuresPerIp,
    )
    const audit = await auditEntries(t.db, { action: 'auth.login_failed' })
    expect(distinctIps(audit)).toEqual(['10.0.0.2'])
  })

  it('takes the client from X-Forwarded-For behind a trusted hop or a listed proxy', async () => {
    for (const trustProxy of [1, ['10.0.0.0/8']]) {
      const t = await buildTestApp({ demo: false, accounts: ['merchant'], trustProxy })
      const responses = await sprayFrom(t, 60)
      expect(responses.every((r) => r.statusCode === 401)).toBe(true)
      expect(distinctIps(await auditEntries(t.db))).toContain('198.51.100.7')
    }
  })
})
