import { describe, expect, it } from 'vitest'
import { aCounty } from '../../test/factories.js'
import { buildTestApp, type Client } from '../../test/test-app.js'
import { drainSmsOutbox, enqueueSms, LocalSmsProvider } from '../notifications/index.js'

// Issue 15 (PLAT): the county's name, SMS signature, brand and KPI targets are data.

/** The SMS log as the operator reads it in the console, oldest first. */
const smsLog = async (operator: Client) =>
  (await operator.request({ method: 'GET', url: '/api/notifications/sms' }))
    .json<{ items: { body: string | null }[] }>()
    .items.map((item) => item.body)
    .reverse()

describe('county settings (issue 15, PLAT)', () => {
  it('tells anyone, signed in or not, which county this is and its brand', async () => {
    const { app, db } = await buildTestApp({ demo: false })
    expect((await app.inject({ method: 'GET', url: '/api/county' })).statusCode).toBe(404)
    await aCounty(db)
    const county = await app.inject({ method: 'GET', url: '/api/county' })
    expect(county.statusCode).toBe(200)
    expect(county.json()).toEqual({ code: '140922', name: '五台县', brandName: '五台斋选' })
  })

  it('lets the operator change the signature, brand and KPI targets, audited, and texts follow', async () => {
    const { app, db, logIn } = await buildTestApp({
      demo: false,
      accounts: ['operator', 'bureau'],
    })
    await aCounty(db)
    const operator = await logIn('operator')
    const before = (await operator.request({ method: 'GET', url: '/api/county/settings' })).json<{
      smsSignature: string
      kpiTargets: { key: string; target: number; unit: string }[]
    }>()
    expect(before.smsSignature).toBe('五台村通')
    expect(before.kpiTargets).toContainEqual({ key: 'KPI-2', target: 1000, unit: '人次' })

    const changed = await operator.request({
      method: 'PATCH',
      url: '/api/county/settings',
      payload: {
        smsSignature: '台山优品',
        brandName: '台山优品',
        kpiTargets: [{ key: 'KPI-2', target: 1200, unit: '人次' }],
      },
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({
      code: '140922',
      name: '五台县',
      smsSignature: '台山优品',
      brandName: '台山优品',
      kpiTargets: [{ key: 'KPI-2', target: 1200, unit: '人次' }],
    })
    expect((await app.inject({ method: 'GET', url: '/api/county' })).json()).toMatchObject({
      brandName: '台山优品',
    })
    const audit = (
      await operator.request({ method: 'GET', url: '/api/audit-log?entityType=county' })
    ).json<{ items: { action: string; entityId: string }[] }>()
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'county.update', entityId: '140922' }),
    )

    // The next text goes out under the new signature.
    await enqueueSms(db, {
      phone: '13912345678',
      template: 'parcel_arrived',
      params: { waybillNo: 'YZ1', stationName: '佛光村服务站', pickupCode: '123456' },
    })
    await drainSmsOutbox(db, new LocalSmsProvider())
    expect(await smsLog(operator)).toEqual([
      '【台山优品】您的包裹（运单号YZ1）已到达佛光村服务站，取件码****，请凭取件码到站领取。',
    ])

    // The bureau supervises but does not change the county's settings.
    const bureau = await logIn('bureau')
    expect(
      (
        await bureau.request({
          method: 'PATCH',
          url: '/api/county/settings',
          payload: { brandName: 'x' },
        })
      ).statusCode,
    ).toBe(403)
  })

  it('names the field of a bad setting and changes nothing', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await aCounty(db)
    const operator = await logIn('operator')
    const twice = await operator.request({
      method: 'PATCH',
      url: '/api/county/settings',
      payload: {
        brandName: '新品牌',
        kpiTargets: [
          { key: 'KPI-2', target: 1, unit: '人次' },
          { key: 'KPI-2', target: 2, unit: '人次' },
        ],
      },
    })
    expect(twice.statusCode).toBe(400)
    expect(twice.json()).toMatchObject({
      errors: [
        expect.objectContaining({ field: 'kpiTargets/1/key', messageZh: '指标 KPI-2 重复' }),
      ],
    })
    const brackets = await operator.request({
      method: 'PATCH',
      url: '/api/county/settings',
      payload: { smsSignature: '【五台】' },
    })
    expect(brackets.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'smsSignature' })],
    })
    const empty = await operator.request({
      method: 'PATCH',
      url: '/api/county/settings',
      payload: { brandName: '' },
    })
    expect(empty.statusCode).toBe(400)
    expect(empty.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'brandName' })],
    })
    const now = (
      await operator.request({ method: 'GET', url: '/api/county/settings' })
    ).json<object>()
    expect(now).toMatchObject({ brandName: '五台斋选', smsSignature: '五台村通' })
  })

  it('signs texts neutrally before any county is set up', async () => {
    const { db, logIn } = await buildTestApp({ demo: false, accounts: ['operator'] })
    await enqueueSms(db, {
      phone: '13700001111',
      template: 'login_code',
      params: { code: '123456' },
    })
    await drainSmsOutbox(db, new LocalSmsProvider())
    expect((await smsLog(await logIn('operator')))[0]).toMatch(/^【村通】/)
  })
})
