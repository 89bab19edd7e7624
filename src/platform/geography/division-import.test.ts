import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { multipart } from '../../test/multipart.js'
import { buildTestApp, type Client, type TestApp } from '../../test/test-app.js'

// LOG-1, PLAT (issue 15): any county imports its divisions from the statistics bureau's file,
// with the code year; bad rows come back one by one and nothing is written; a newer year renames
// and adds, and keeps the codes it no longer lists (retired) for what still names them.

const HEADER = '统计用区划代码,名称,级别,上级代码,纬度,经度'
// A county that is not the demo's: 河北省石家庄市井陉县 (130121).
const YEAR_2022 = [
  HEADER,
  '130121000000,井陉县,县,,38.0324,114.1450',
  '130121100000,微水镇,乡镇,130121000000,,',
  '130121101000,上安镇,乡镇,,,',
  '130121100201,东关村委会,村,130121100000,38.03,114.14',
  '130121100202,北关村委会,村,,,',
  '130121101201,上安村委会,村,130121101000,,',
].join('\n')

interface ImportResult {
  codeYear: number
  countyCode: string | null
  created: number
  updated: number
  retired: number
  errors: { row: number; field: string; message: string; messageZh: string }[]
}

async function importFile(client: Client, fileName: string, content: Buffer, codeYear: string) {
  return client.request({
    method: 'POST',
    url: '/api/geography/divisions/import',
    ...multipart(fileName, content, { codeYear }),
  })
}

const children = async (t: TestApp, parentCode?: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/geography/divisions${parentCode ? `?parentCode=${parentCode}` : ''}`,
    })
  ).json<{ code: string; name: string; shortName: string }[]>()

async function app() {
  const t = await buildTestApp({ demo: false, accounts: ['operator', 'merchant'] })
  return { t, operator: await t.logIn('operator') }
}

describe('division import', () => {
  it('returns every bad row and writes nothing', async () => {
    const { t, operator } = await app()
    const csv = [
      HEADER,
      '130121000000,井陉县,县,,,',
      '130121100000,微水镇,乡镇,,,',
      '13012110020,短了一位,村,,,', // 11 digits
      '130121000201,无乡镇,村,,,', // township part 000
      '130121100000,微水镇,乡镇,,,', // duplicate
      '130121109201,某村委会,村,,,', // township 130121109 neither in the file nor loaded
      '130102001001,别县社区,村,130102001000,,', // another county
      '130121100203,,村,,,', // no name
      '130121100204,坐标村,村,,95,114', // latitude out of range
      '130121100205,错级村,乡镇,,,', // level does not match the code
      '130121100206,错上级村,村,130121101000,,', // parent is not the code's
    ].join('\n')
    const res = await importFile(operator, 'divisions.csv', Buffer.from(csv), '2022')
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json<ImportResult>()
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'code'],
      [5, 'code'],
      [6, 'code'],
      [8, 'code'],
      [9, 'name'],
      [10, 'lat'],
      [11, 'level'],
      [12, 'parentCode'],
    ])
    expect(result.errors[2]?.messageZh).toBe('与第 3 行重复')
    expect(result).toMatchObject({ created: 0, updated: 0 })
    // The other county's row: refused on its own; then the lone township outside the file.
    const again = await importFile(
      operator,
      'divisions.csv',
      Buffer.from([HEADER, '130121000000,井陉县,县,,,', '130121109201,某村委会,村,,,'].join('\n')),
      '2022',
    )
    expect(again.json<ImportResult>().errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'parentCode',
        messageZh: expect.stringContaining('130121109') as string,
      }),
    ])
    expect(await children(t)).toEqual([])
  })

  it('imports a year from XLSX, then a newer year renames, adds and retires', async () => {
    const { t, operator } = await app()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('2022')
    for (const line of YEAR_2022.split('\n')) sheet.addRow(line.split(','))
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const first = await importFile(operator, '井陉县2022.xlsx', xlsx, '2022')
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({
      codeYear: 2022,
      countyCode: '130121',
      created: 6,
      updated: 0,
      retired: 0,
      errors: [],
    })
    expect((await children(t, '130121100')).map((d) => d.shortName)).toEqual(['东关村', '北关村'])

    // 2023: 东关村 renamed, 北关村 gone (merged), 南关社区 new.
    const year2023 = [
      HEADER,
      '130121000000,井陉县,县,,,',
      '130121100000,微水镇,乡镇,,,',
      '130121101000,上安镇,乡镇,,,',
      '130121100201,东关新村村委会,村,,,',
      '130121100003,南关社区居委会,村,,,',
      '130121101201,上安村委会,村,,,',
    ].join('\n')
    const second = await importFile(operator, '2023.csv', Buffer.from(year2023), '2023')
    expect(second.json()).toMatchObject({ created: 1, updated: 5, retired: 1, errors: [] })
    const township = await children(t, '130121100')
    expect(township.map((d) => d.shortName)).toEqual(['东关新村', '南关社区'])
    // The retired code still resolves for what names it (a station, an old address).
    const retired = await operator.request({
      method: 'GET',
      url: '/api/geography/divisions/130121100202',
    })
    expect(retired.statusCode).toBe(200)
    // The coordinate imported in 2022 stays when 2023 gives none.
    const kept = await operator.request({
      method: 'GET',
      url: '/api/geography/divisions/130121100201',
    })
    expect(kept.json()).toMatchObject({ name: '东关新村村委会', lat: 38.03, lon: 114.14 })

    const older = await importFile(operator, '2021.csv', Buffer.from(YEAR_2022), '2021')
    expect(older.statusCode).toBe(400)
    expect(older.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('codeYear')

    const exported = await operator.request({ method: 'GET', url: '/api/geography/divisions.xlsx' })
    expect(exported.statusCode).toBe(200)
    const read = new ExcelJS.Workbook()
    await read.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const rows = read.worksheets[0]?.getSheetValues() ?? []
    expect(rows.flat()).toEqual(expect.arrayContaining(['130121100202', 2023]))
  })

  it('serves the template; the merchant cannot import; a year is required', async () => {
    const { t, operator } = await app()
    const template = await operator.request({
      method: 'GET',
      url: '/api/geography/divisions/template.csv',
    })
    expect(template.statusCode).toBe(200)
    expect(template.body).toContain('统计用区划代码,名称,级别,上级代码')
    const merchant = await t.logIn('merchant')
    const denied = await importFile(merchant, 'd.csv', Buffer.from(YEAR_2022), '2022')
    expect(denied.statusCode).toBe(403)
    const noYear = await importFile(operator, 'd.csv', Buffer.from(YEAR_2022), '')
    expect(noYear.statusCode).toBe(400)
    expect(noYear.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('codeYear')
  })
})
