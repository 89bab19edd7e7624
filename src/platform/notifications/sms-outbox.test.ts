import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/database.js'
import { aCounty } from '../../test/factories.js'
import { buildTestApp } from '../../test/test-app.js'
import { createTestDb } from '../../test/test-db.js'
import { LocalSmsProvider } from './local-sms.js'
import { drainSmsOutbox, enqueueSms } from './sms-outbox.js'
import { SmsSendError, type SmsMessage, type SmsProvider } from './sms-provider.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

async function testDb(): Promise<Db> {
  const handle = await createTestDb()
  cleanups.push(handle.destroy)
  return handle.db
}

const arrival = (phone: string, waybillNo = 'YZ1') => ({
  phone,
  template: 'parcel_arrived' as const,
  params: { waybillNo, stationName: '佛光村服务站', pickupCode: '123456' },
})

/** A gateway that answers from a script: an error to throw, or a message id. */
function scriptedProvider(script: (SmsSendError | string)[]): SmsProvider & { sent: SmsMessage[] } {
  const sent: SmsMessage[] = []
  return {
    name: 'scripted',
    sent,
    send(message) {
      sent.push(message)
      const next = script.shift() ?? 'ok'
      return next instanceof SmsSendError
        ? Promise.reject(next)
        : Promise.resolve({ providerMessageId: next, body: null })
    },
  }
}

const outbox = (db: Db) =>
  db
    .selectFrom('sms_outbox')
    .select(['phone', 'status', 'attempts', 'next_attempt_at', 'last_error', 'body'])
    .orderBy('created_at')
    .execute()

const T0 = '2026-11-28T02:00:00.000Z'
const later = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString()

describe('SMS outbox and dispatcher (LOG-5 notifications)', () => {
  it('sends each queued message once through the local provider, with the text a villager reads', async () => {
    const db = await testDb()
    await aCounty(db) // Wutai's settings: texts go out as 【五台村通】
    await enqueueSms(db, arrival('13912345678'))
    await enqueueSms(db, arrival('13800001111', 'YZ2'))
    const provider = new LocalSmsProvider()

    expect(await drainSmsOutbox(db, provider, { now: T0 })).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
    })
    expect(await drainSmsOutbox(db, provider, { now: later(600) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    })
    const rows = await outbox(db)
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ])
    expect(rows[0]?.body).toBe(
      '【五台村通】您的包裹（运单号YZ1）已到达佛光村服务站，取件码****，请凭取件码到站领取。',
    )
  })

  it('retries a flow-controlled message after the backoff and gives up on a bad number at once', async () => {
    const db = await testDb()
    await enqueueSms(db, arrival('13912345678'))
    await enqueueSms(db, arrival('13800001111'))
    const provider = scriptedProvider([
      new SmsSendError('isv.BUSINESS_LIMIT_CONTROL', 'limit', true),
      new SmsSendError('isv.MOBILE_NUMBER_ILLEGAL', 'bad number', false),
    ])
    const backoffS = [60, 300]

    expect(await drainSmsOutbox(db, provider, { now: T0, backoffS })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 1,
    })
    const [limited, bad] = await outbox(db)
    expect(limited).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: later(60) })
    expect(bad).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null })
    expect(bad?.last_error).toContain('MOBILE_NUMBER_ILLEGAL')

    // Not due yet: nothing is sent; once due, it goes.
    expect((await drainSmsOutbox(db, provider, { now: later(59), backoffS })).sent).toBe(0)
    expect((await drainSmsOutbox(db, provider, { now: later(60), backoffS })).sent).toBe(1)
    expect(provider.sent.map((m) => m.phone)).toEqual(['13912345678', '13800001111', '13912345678'])
  })

  it('marks a message failed after the last allowed attempt', async () => {
    const db = await testDb()
    await enqueueSms(db, arrival('13912345678'))
    const outage = () => new SmsSendError('network', 'timeout', true)
    const provider = scriptedProvider([outage(), outage(), outage()])
    const options = { backoffS: [10], maxAttempts: 3 }
    for (const at of [0, 10, 20]) await drainSmsOutbox(db, provider, { ...options, now: later(at) })
    expect(await outbox(db)).toMatchObject([{ status: 'failed', attempts: 3 }])
    expect((await drainSmsOutbox(db, provider, { ...options, now: later(1000) })).sent).toBe(0)
    expect(provider.sent).toHaveLength(3)
  })

  it('never sends a row twice when two dispatchers drain at once, and takes over a dead one’s row', async () => {
    const db = await testDb()
    for (let i = 0; i < 10; i++)
      await enqueueSms(db, arrival(`1391234${String(i).padStart(4, '0')}`))
    const provider = scriptedProvider([])
    const results = await Promise.all([
      drainSmsOutbox(db, provider, { now: T0 }),
      drainSmsOutbox(db, provider, { now: T0 }),
    ])
    expect(results[0].sent + results[1].sent).toBe(10)
    expect(new Set(provider.sent.map((m) => m.reference)).size).toBe(10)
    expect(provider.sent).toHaveLength(10)

    // A node claimed a row and died before recording the outcome: the lease runs out, it is sent.
    await enqueueSms(db, arrival('13700000000'))
    await db
      .updateTable('sms_outbox')
      .set({ status: 'sending', attempts: 1, locked_until: later(120) })
      .where('phone', '=', '13700000000')
      .execute()
    expect((await drainSmsOutbox(db, provider, { now: later(60) })).sent).toBe(0)
    expect((await drainSmsOutbox(db, provider, { now: later(121) })).sent).toBe(1)
  })

  it('lets an operator read the log with masked numbers and resend a failed message', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator', 'station'] })
    await enqueueSms(db, arrival('13912345678'))
    await enqueueSms(db, arrival('123'))
    await drainSmsOutbox(db, new LocalSmsProvider())
    const operator = await logIn('operator')

    const log = await operator.request({
      method: 'GET',
      url: '/api/notifications/sms?status=failed',
    })
    expect(log.statusCode).toBe(200)
    const failed = log.json<{
      total: number
      items: { id: string; phone: string; lastError: string }[]
    }>()
    expect(failed.total).toBe(1)
    expect(failed.items[0]?.lastError).toContain('MOBILE_NUMBER_ILLEGAL')
    const sent = (
      await operator.request({ method: 'GET', url: '/api/notifications/sms?phoneTail=5678' })
    ).json<{ items: { phone: string; status: string; body: string }[] }>()
    expect(sent.items).toEqual([
      expect.objectContaining({
        phone: '139****5678',
        status: 'sent',
        body: expect.stringContaining('YZ1') as string,
      }),
    ])

    const id = failed.items[0]?.id ?? ''
    const retry = await operator.request({
      method: 'POST',
      url: `/api/notifications/sms/${id}/retry`,
    })
    expect(retry.json()).toMatchObject({ status: 'pending' })
    const again = await operator.request({
      method: 'POST',
      url: `/api/notifications/sms/${id}/retry`,
    })
    expect(again.statusCode).toBe(409)
    const station = await logIn('station')
    expect(
      (await station.request({ method: 'GET', url: '/api/notifications/sms' })).statusCode,
    ).toBe(403)
  })

  it('keeps consumers’ login codes out of the SMS log, while the local stand-in still shows the code to the consumer (issue 12)', async () => {
    const { app, db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await aCounty(db)
    const phone = '13700004321'
    const asked = await app.inject({
      method: 'POST',
      url: '/api/commerce/shop/auth/code',
      payload: { phone },
    })
    expect(asked.statusCode).toBe(200)
    const { localCode } = asked.json<{ localCode: string }>()
    expect(localCode).toMatch(/^\d{6}$/)
    await drainSmsOutbox(db, new LocalSmsProvider())

    const operator = await logIn('operator')
    const log = (
      await operator.request({ method: 'GET', url: '/api/notifications/sms?phoneTail=4321' })
    ).json<{ items: { status: string; body: string }[] }>()
    expect(log.items).toEqual([
      expect.objectContaining({
        status: 'sent',
        body: '【五台村通】您的登录验证码是****，5分钟内有效。如非本人操作，请忽略本短信。',
      }),
    ])
    // Not in the stored text either, so a database dump does not hold it.
    expect((await outbox(db)).map((row) => row.body).join()).not.toContain(localCode)
    // The consumer signs in with the code the stand-in showed on screen.
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/commerce/shop/auth/login',
      payload: { phone, code: localCode },
    })
    expect(signedIn.statusCode).toBe(200)
  })

  it('masks the codes of texts logged before codes were masked', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await enqueueSms(db, {
      phone: '13700008765',
      template: 'pickup_reminder',
      params: {
        orderNo: 'WT1',
        placeName: '台城店',
        days: '3',
        pickupCode: '246810',
        refundDays: '4',
      },
    })
    // What the dispatcher stored before: the text exactly as the consumer received it.
    await db
      .updateTable('sms_outbox')
      .set({
        status: 'sent',
        body: '【五台村通】您的订单WT1已在台城店等您3天，取货码246810。4天内未取将自动退款。',
      })
      .execute()
    const operator = await logIn('operator')
    const log = (
      await operator.request({ method: 'GET', url: '/api/notifications/sms?phoneTail=8765' })
    ).json<{ items: { body: string }[] }>()
    expect(log.items.map((item) => item.body)).toEqual([
      '【五台村通】您的订单WT1已在台城店等您3天，取货码****。4天内未取将自动退款。',
    ])
  })
})
