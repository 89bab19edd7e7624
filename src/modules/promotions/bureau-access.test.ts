import { describe, expect, it } from 'vitest'
import { openCampaign } from './bulk-buy/test-support.js'
import { ordersApp } from '../../test/fixtures.js'

// SVC-3, SVC-4: the bureau (商务局) supervises the promotions — it reads every list, report and
// the events' yearly sheet — but only the operating company runs them. Shops see none of it.

describe('promotions for the bureau', () => {
  it('reads lists, reports and the events sheet, and may not create or change anything', async () => {
    const t = await ordersApp()
    const { campaignId } = await openCampaign(t)
    const bureau = await t.logIn('bureau')
    const merchant = await t.logIn('merchant')
    const get = (client: typeof bureau, url: string) =>
      client.request({ method: 'GET', url: `/api/promotions${url}` })

    for (const url of [
      '/flash-sales',
      '/team-buys',
      '/bargains',
      '/bulk-buys',
      '/events',
      `/bulk-buys/${campaignId}/report`,
    ]) {
      const read = await get(bureau, url)
      expect(read.statusCode, `${url} ${read.body}`).toBe(200)
      expect((await get(merchant, url)).statusCode, url).toBe(403)
    }
    expect((await get(bureau, '/bulk-buys')).json<{ id: string }[]>().map((c) => c.id)).toEqual([
      campaignId,
    ])
    const sheet = await get(bureau, '/events.xlsx')
    expect(sheet.statusCode).toBe(200)
    expect(sheet.headers['content-type']).toContain('spreadsheetml')

    const paused = await bureau.request({
      method: 'POST',
      url: `/api/promotions/bulk-buys/${campaignId}/status`,
      payload: { status: 'paused' },
    })
    expect(paused.statusCode).toBe(403)
    const closed = await bureau.request({
      method: 'POST',
      url: `/api/promotions/bulk-buys/${campaignId}/close`,
    })
    expect(closed.statusCode).toBe(403)
    const planned = await bureau.request({
      method: 'POST',
      url: '/api/promotions/events',
      payload: { title: '五台山特产推介会' },
    })
    expect(planned.statusCode).toBe(403)
  })
})
