import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { logisticsApp } from '../../test/fixtures.js'
import type { Client } from '../../test/test-app.js'
import { multipart } from '../../test/multipart.js'
import { planDay, receiveAtHub } from './test-support.js'

// LOG-1, LOG-3 (issue 15): the operator manages the network in the console — creates, edits,
// closes and reopens sites, imports and exports them; a closed site takes no new parcels.

interface SiteBody {
  id: string
  code: string
  kind: string
  name: string
  divisionCode: string
  lat: number | null
  lon: number | null
  status: 'open' | 'closed'
  organizationId: string | null
}
interface Problem {
  status: number
  detail: string
  detailZh: string
  errors?: { field: string; message: string; messageZh: string }[]
}

const FOGUANG = '140922103208' // 豆村镇佛光村
const DOUCUN = '140922103' // 豆村镇

const newStation = {
  code: 'ZD-0001',
  kind: 'village',
  name: '佛光村第二服务站',
  divisionCode: FOGUANG,
  address: '佛光寺东 200 米',
  lat: 38.87,
  lon: 113.39,
  openingHours: '08:00-18:00',
  masterName: '李站长',
  masterPhone: '13912345678',
}

async function siteByQuery(client: Client, q: string): Promise<SiteBody> {
  const { items } = (
    await client.request({ method: 'GET', url: `/api/logistics/sites?q=${encodeURIComponent(q)}` })
  ).json<{ items: SiteBody[] }>()
  const [site] = items
  if (!site) throw new Error(`no site for ${q}`)
  return site
}

async function auditActions(client: Client, entityId: string): Promise<string[]> {
  const { items } = (
    await client.request({ method: 'GET', url: '/api/audit-log?pageSize=100' })
  ).json<{ items: { action: string; entityId: string | null }[] }>()
  return items.filter((e) => e.entityId === entityId).map((e) => e.action)
}

describe('managing the network (LOG-1, issue 15)', () => {
  it('creates, edits, closes and reopens a station, audited, and refuses bad input naming the field', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    // One open station per village: the demo's 佛光村 station is closed first.
    const secondInVillage = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: newStation,
    })
    expect(secondInVillage.statusCode).toBe(409)
    expect(secondInVillage.json<Problem>().errors?.[0]?.field).toBe('divisionCode')
    const demoStation = await siteByQuery(operator, FOGUANG)
    await operator.request({ method: 'POST', url: `/api/logistics/sites/${demoStation.id}/close` })
    const created = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: newStation,
    })
    expect(created.statusCode).toBe(201)
    const site = created.json<SiteBody>()
    expect(site).toMatchObject({ code: 'ZD-0001', kind: 'village', status: 'open', lat: 38.87 })

    const duplicate = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: { ...newStation, name: '另一个站' },
    })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json<Problem>().errors?.[0]?.field).toBe('code')

    const wrongLevel = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: { ...newStation, code: 'ZD-0002', divisionCode: DOUCUN },
    })
    expect(wrongLevel.statusCode).toBe(400)
    expect(wrongLevel.json<Problem>().errors?.[0]).toMatchObject({
      field: 'divisionCode',
      messageZh: `区划代码 ${DOUCUN} 不是本县的行政村`,
    })
    const unknownDivision = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: { ...newStation, code: 'ZD-0002', divisionCode: '140922999999' },
    })
    expect(unknownDivision.json<Problem>().errors?.[0]?.field).toBe('divisionCode')

    const outOfRange = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: { ...newStation, code: 'ZD-0002', lat: 113.39, lon: 38.87 },
    })
    expect(outOfRange.statusCode).toBe(400)
    expect(outOfRange.json<Problem>().errors?.map((e) => e.field)).toContain('lat')

    const edited = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/sites/${site.id}`,
      payload: { code: 'ZD-0009', name: '佛光村南服务站' },
    })
    expect(edited.json<SiteBody>()).toMatchObject({ code: 'ZD-0009', name: '佛光村南服务站' })
    const takenCode = await operator.request({
      method: 'PATCH',
      url: `/api/logistics/sites/${site.id}`,
      payload: { code: FOGUANG }, // the demo's station in the same village has its division code
    })
    expect(takenCode.statusCode).toBe(409)

    const closed = await operator.request({
      method: 'POST',
      url: `/api/logistics/sites/${site.id}/close`,
    })
    expect(closed.json<SiteBody>().status).toBe('closed')
    const closedList = (
      await operator.request({ method: 'GET', url: '/api/logistics/sites?status=closed' })
    ).json<{ items: SiteBody[] }>().items
    expect(closedList.map((s) => s.code)).toEqual([FOGUANG, 'ZD-0009'])
    const reopened = await operator.request({
      method: 'POST',
      url: `/api/logistics/sites/${site.id}/reopen`,
    })
    expect(reopened.json<SiteBody>().status).toBe('open')

    expect(await auditActions(operator, site.id)).toEqual([
      'site.reopen',
      'site.close',
      'site.update',
      'site.create',
    ])
  })

  it('keeps one open hub per county: a second is refused until the first is closed', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = {
      code: 'HUB-2',
      kind: 'hub',
      name: '新物流中心',
      divisionCode: '140922',
      openingHours: '06:00-22:00',
    }
    const refused = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: hub,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json<Problem>().errors?.[0]?.field).toBe('kind')

    const oldHub = (
      await operator.request({ method: 'GET', url: '/api/logistics/sites?kind=hub' })
    ).json<{ items: SiteBody[] }>().items[0]
    await operator.request({
      method: 'POST',
      url: `/api/logistics/sites/${oldHub?.id ?? ''}/close`,
    })
    const created = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites',
      payload: hub,
    })
    expect(created.statusCode).toBe(201)
    const reopenOld = await operator.request({
      method: 'POST',
      url: `/api/logistics/sites/${oldHub?.id ?? ''}/reopen`,
    })
    expect(reopenOld.statusCode).toBe(409)
  })

  it('a closed station takes no new parcels and is not planned; it cannot close while parcels are on their way', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const hub = await logIn('hub')
    const carrierId = (
      await operator.request({ method: 'GET', url: '/api/organizations?type=carrier' })
    ).json<{ items: { id: string }[] }>().items[0]?.id
    const foguang = await siteByQuery(operator, FOGUANG)
    const taicheng = await siteByQuery(operator, '台城村')

    const parcel = (waybillNo: string, address: string) => ({
      waybillNo,
      recipientName: '王五',
      recipientPhone: '13912345678',
      address,
      weightKg: 2,
    })
    const submit = (parcels: unknown[]) =>
      operator.request({
        method: 'POST',
        url: '/api/logistics/parcels',
        payload: { carrierId, parcels },
      })

    await submit([parcel('SITE000001', '五台县豆村镇佛光村')])
    const refused = await operator.request({
      method: 'POST',
      url: `/api/logistics/sites/${foguang.id}/close`,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json<Problem>().detailZh).toContain('还有 1 件包裹')

    // 台城村 has nothing on its way: it closes, and new parcels for it find no station.
    const closed = await operator.request({
      method: 'POST',
      url: `/api/logistics/sites/${taicheng.id}/close`,
    })
    expect(closed.statusCode).toBe(200)
    const intake = (
      await submit([
        parcel('SITE000002', '五台县台城镇台城村'),
        { ...parcel('SITE000003', '台城村'), villageCode: taicheng.divisionCode },
      ])
    ).json<{ imported: number; unmatched: number; errors: { field: string }[] }>()
    expect(intake).toMatchObject({ imported: 1, unmatched: 1 })
    expect(intake.errors.map((e) => e.field)).toEqual(['villageCode'])

    await receiveAtHub(hub, ['SITE000001', 'SITE000002'])
    const plan = await planDay<{
      id: string
      status: string
      trips: { stops: { siteId: string }[] }[]
    }>(hub, '2026-12-09', 1)
    const planned = plan.trips.flatMap((t) => t.stops.map((s) => s.siteId))
    expect(planned).toContain(foguang.id)
    expect(planned).not.toContain(taicheng.id)

    // Reopened, it is matched again.
    await operator.request({ method: 'POST', url: `/api/logistics/sites/${taicheng.id}/reopen` })
    expect(
      (await submit([parcel('SITE000004', '五台县台城镇台城村')])).json<{ unmatched: number }>(),
    ).toMatchObject({ unmatched: 0 })
  })

  it('a station master may read the network but not change it', async () => {
    const { logIn } = await logisticsApp()
    const station = await logIn('station')
    const own = await siteByQuery(station, '台城村')
    expect(
      (
        await station.request({
          method: 'PATCH',
          url: `/api/logistics/sites/${own.id}`,
          payload: { name: '改名' },
        })
      ).statusCode,
    ).toBe(403)
    for (const url of [`/api/logistics/sites/${own.id}/close`, '/api/logistics/sites'])
      expect((await station.request({ method: 'POST', url, payload: newStation })).statusCode).toBe(
        403,
      )
  })
})

describe('network import and export (LOG-1, issue 15)', () => {
  it('imports all rows or none, listing every bad row; the export reads back in', async () => {
    const { logIn } = await logisticsApp()
    const operator = await logIn('operator')
    const header = '站点编码,类型,名称,区划代码,地址,纬度,经度,营业时间,站长,站长电话'
    const good =
      'ZD-0100,乡镇站,豆村镇北物流站,140922103,镇北,38.88,113.4,08:00-18:00,周站长,13900001111'
    const bad = [
      header,
      good,
      'ZD-0101,村站,坏区划站,140922103,,,,08:00-18:00,,',
      'ZD-0100,村站,重复编码站,140922103208,,,,08:00-18:00,,',
      'ZD-0102,乡镇站,坏坐标站,140922103,,95,113.4,08:00-18:00,,',
      'ZD-0103,仓库,坏类型站,140922103,,,,8点到6点,,',
    ].join('\n')
    const refused = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites/import',
      ...multipart('sites.csv', Buffer.from(bad)),
    })
    expect(refused.statusCode).toBe(200)
    const result = refused.json<{
      created: number
      updated: number
      failed: number
      errors: { row: number; field: string }[]
    }>()
    expect(result).toMatchObject({ created: 0, updated: 0, failed: 4 })
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'divisionCode'],
      [4, 'code'],
      [5, 'lat'],
      [6, 'kind'],
      [6, 'openingHours'],
    ])
    const none = (
      await operator.request({ method: 'GET', url: '/api/logistics/sites?q=ZD-01' })
    ).json<{ total: number }>()
    expect(none.total).toBe(0)

    // Fixed: one new station, and the demo's 佛光村 station renamed by its code.
    const fixed = [
      header,
      good,
      `${FOGUANG},村级服务站,佛光村服务站（新址）,${FOGUANG},,,,09:00-18:00,,`,
    ].join('\n')
    const landed = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites/import',
      ...multipart('sites.csv', Buffer.from(fixed)),
    })
    expect(landed.json()).toMatchObject({ created: 1, updated: 1, failed: 0, errors: [] })
    expect((await siteByQuery(operator, 'ZD-0100')).name).toBe('豆村镇北物流站')
    expect((await siteByQuery(operator, FOGUANG)).name).toBe('佛光村服务站（新址）')

    // The export of 豆村镇's stations has the import's columns and reads back in unchanged.
    const exported = await operator.request({
      method: 'GET',
      url: `/api/logistics/sites.xlsx?townshipCode=${DOUCUN}`,
    })
    expect(exported.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(1).values).toEqual([undefined, ...header.split(','), '状态'])
    const codes: string[] = []
    sheet?.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(1).text)
    })
    expect(codes).toContain('ZD-0100')
    expect(codes.every((code) => code === 'ZD-0100' || code.startsWith(DOUCUN))).toBe(true)
    const again = await operator.request({
      method: 'POST',
      url: '/api/logistics/sites/import',
      ...multipart('export.xlsx', exported.rawPayload),
    })
    expect(again.json()).toMatchObject({ created: 0, updated: codes.length, failed: 0 })
    // Positions read back unchanged are not taken for surveyed ones.
    expect(
      (await siteByQuery(operator, '140922103201')) as SiteBody & {
        coordinatesApproximate: boolean
      },
    ).toMatchObject({ coordinatesApproximate: true })

    const template = await operator.request({
      method: 'GET',
      url: '/api/logistics/sites/template?format=csv',
    })
    expect(template.body.split('\r\n')[0]).toBe(
      `\uFEFF${header
        .split(',')
        .map((h) => `"${h}"`)
        .join(',')}`,
    )
  })
})
