import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { Type, type Static } from 'typebox'
import type { Db } from '../../db/database.js'
import { recordAudit } from '../audit/index.js'
import type { Actor } from '../http/index.js'
import { invalidField } from '../../shared/errors.js'
import { findRegion } from './regions.js'
import type { DivisionLevel, DivisionTable } from './schema.js'

// LOG-1, PLAT (issue 15): a county brings its own divisions, county → township → village, from
// the file the statistics bureau publishes (统计用区划代码, with its code year). Every row is
// checked on its own; any bad row and nothing is written (one transaction, all or none). A newer
// year updates names and adds new codes; a code it no longer lists is kept, marked retired in
// that year, because stations, addresses and products may still name it: it is only no longer
// offered for new addresses.

export const DivisionRowError = Type.Object({
  row: Type.Integer(),
  field: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
})
export type DivisionRowError = Static<typeof DivisionRowError>

export const DivisionImportResult = Type.Object({
  codeYear: Type.Integer(),
  countyCode: Type.Union([Type.String(), Type.Null()]),
  rowsTotal: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  retired: Type.Integer(),
  /** Non-empty: nothing was written. */
  errors: Type.Array(DivisionRowError),
})
export type DivisionImportResult = Static<typeof DivisionImportResult>

const HEADERS = {
  code: ['统计用区划代码', '区划代码', '代码', 'code'],
  name: ['名称', 'name'],
  level: ['级别', '层级', 'level'],
  parentCode: ['上级代码', '上级区划代码', 'parentCode', 'parent'],
  lat: ['纬度', 'lat', 'latitude'],
  lon: ['经度', 'lon', 'lng', 'longitude'],
} as const
type Column = keyof typeof HEADERS

const LEVEL_NAMES: Record<string, DivisionLevel> = {
  县: 'county',
  区县: 'county',
  county: 'county',
  乡镇: 'township',
  乡: 'township',
  镇: 'township',
  街道: 'township',
  township: 'township',
  村: 'village',
  社区: 'village',
  村居: 'village',
  village: 'village',
}

interface ParsedRow {
  row: number
  code: string
  name: string
  level: DivisionLevel
  parentCode: string | null
  lat: number | null
  lon: number | null
}

/** A code as the table keeps it: county 6 digits, township 9, village 12 (the NBS pads with 0s). */
export function normalizeCode(raw: string): string {
  const code = raw.replace(/\s/g, '')
  if (/^\d{12}$/.test(code)) {
    if (code.endsWith('000000')) return code.slice(0, 6)
    if (code.endsWith('000')) return code.slice(0, 9)
  }
  return code
}

const levelOfCode = (code: string): DivisionLevel | null =>
  code.length === 6
    ? 'county'
    : code.length === 9
      ? 'township'
      : code.length === 12
        ? 'village'
        : null

const parentOfCode = (code: string): string | null =>
  code.length === 12 ? code.slice(0, 9) : code.length === 9 ? code.slice(0, 6) : null

/**
 * What is wrong with the code's structure (GB/T 2260: 2 digits province, 2 city, 2 county; NBS:
 * 3 township, 3 village; no segment below the county may be 000), or null. GB/T 2260 and the
 * NBS codes carry no check digit: the structure and the parent are what can be checked.
 */
function codeProblem(code: string): { en: string; zh: string } | null {
  if (!/^\d+$/.test(code) || levelOfCode(code) === null)
    return { en: 'a code has 6, 9 or 12 digits', zh: '区划代码应为 6、9 或 12 位数字' }
  if (!findRegion(code.slice(0, 2)))
    return { en: `no province ${code.slice(0, 2)}`, zh: `省级代码 ${code.slice(0, 2)} 不存在` }
  if (code.slice(2, 4) === '00' || code.slice(4, 6) === '00')
    return { en: 'the city or county part is 00', zh: '地市或区县代码段不能为 00' }
  if (code.length >= 9 && code.slice(6, 9) === '000')
    return { en: 'the township part is 000', zh: '乡镇代码段不能为 000' }
  if (code.length === 12 && code.slice(9, 12) === '000')
    return { en: 'the village part is 000', zh: '村级代码段不能为 000' }
  return null
}

/** 台城村委会 → 台城村, 东街社区居委会 → 东街社区: the name people say. */
export const shortNameOf = (name: string): string =>
  name.replace(/村?(村民委员会|村委会)$/, '村').replace(/(社区)?(居民委员会|居委会)$/, '社区')

export async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  const isXlsx = content[0] === 0x50 && content[1] === 0x4b
  if (!isXlsx && /\.xlsx$/i.test(fileName))
    throw invalidField('file', {
      en: 'the file is not a valid XLSX workbook',
      zh: '文件不是有效的 XLSX 表格',
    })
  if (!isXlsx)
    try {
      return parse(content, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      })
    } catch {
      throw invalidField('file', { en: 'the CSV cannot be read', zh: 'CSV 文件格式有误，无法读取' })
    }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw invalidField('file', {
      en: 'the file is not a valid XLSX workbook',
      zh: '文件不是有效的 XLSX 表格',
    })
  }
  const table: string[][] = []
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text.trim()
    })
    table.push(Array.from(cells, (c: string | undefined) => c ?? ''))
  })
  return table
}

/** Imports the county's divisions of one code year; all rows or none. */
export async function importDivisions(
  db: Db,
  actor: Actor,
  file: { fileName: string; content: Buffer },
  codeYear: number,
): Promise<DivisionImportResult> {
  const [header = [], ...lines] = await readTable(file.fileName, file.content)
  const at = Object.fromEntries(
    (Object.keys(HEADERS) as Column[]).map((key) => [
      key,
      header.findIndex((h) =>
        HEADERS[key].some((name) => name.toLowerCase() === h.trim().toLowerCase()),
      ),
    ]),
  ) as Record<Column, number>
  if (at.code < 0 || at.name < 0)
    throw invalidField('file', {
      en: 'columns needed: code, name (level, parentCode, lat, lon optional)',
      zh: '需要列：区划代码、名称（级别、上级代码、纬度、经度可选）',
    })

  const errors: DivisionRowError[] = []
  const fail = (row: number, field: string, en: string, zh: string): void => {
    errors.push({ row, field, message: en, messageZh: zh })
  }
  const cell = (cells: string[], column: Column) =>
    at[column] >= 0 ? (cells[at[column]] ?? '').trim() : ''

  const rows: ParsedRow[] = []
  const seen = new Map<string, number>()
  lines.forEach((cells, index): void => {
    const row = index + 2
    if (cells.every((c) => c.trim() === '')) return
    const code = normalizeCode(cell(cells, 'code'))
    const problem = codeProblem(code)
    if (problem) return fail(row, 'code', problem.en, problem.zh)
    const first = seen.get(code)
    if (first !== undefined)
      return fail(row, 'code', `duplicate of row ${first}`, `与第 ${first} 行重复`)
    seen.set(code, row)
    const name = cell(cells, 'name')
    if (name === '' || name.length > 50)
      return fail(row, 'name', 'a name of 1 to 50 characters', '名称应为 1 至 50 个字')
    const level = levelOfCode(code) as DivisionLevel
    const levelText = cell(cells, 'level')
    if (levelText !== '' && LEVEL_NAMES[levelText.toLowerCase()] !== level)
      return fail(row, 'level', `the code is of a ${level}`, '级别与代码位数不符')
    const parentText = normalizeCode(cell(cells, 'parentCode'))
    const parentCode = parentOfCode(code)
    if (parentText !== '' && parentText !== parentCode)
      return fail(
        row,
        'parentCode',
        `the parent of ${code} is ${parentCode ?? 'none'}`,
        `上级代码应为 ${parentCode ?? '空'}`,
      )
    const coordinate = (column: 'lat' | 'lon', min: number, max: number) => {
      const text = cell(cells, column)
      if (text === '') return null
      const value = Number(text)
      if (!Number.isFinite(value) || value < min || value > max) {
        fail(row, column, `a number between ${min} and ${max}`, `应为 ${min} 至 ${max} 之间的数`)
        return undefined
      }
      return value
    }
    const lat = coordinate('lat', 3, 54)
    const lon = coordinate('lon', 73, 136)
    if (lat === undefined || lon === undefined) return
    rows.push({ row, code, name, level, parentCode, lat, lon })
  })

  // One county per file: the county row, or the county every row lies in.
  const counties = new Set(rows.map((r) => r.code.slice(0, 6)))
  const countyCode = counties.size === 1 ? ([...counties][0] as string) : null
  const existing = countyCode
    ? await db.selectFrom('division').selectAll().where('code', 'like', `${countyCode}%`).execute()
    : []
  const known = new Map(existing.map((d) => [d.code, d]))
  if (counties.size > 1) {
    const main = rows[0]?.code.slice(0, 6)
    for (const r of rows)
      if (r.code.slice(0, 6) !== main)
        fail(r.row, 'code', `not in county ${main}`, `不属于本县（${main ?? ''}）`)
  } else if (countyCode) {
    const inFile = new Set(rows.map((r) => r.code))
    for (const r of rows) {
      if (r.parentCode === null) continue
      if (inFile.has(r.parentCode) || known.has(r.parentCode)) continue
      if (r.level === 'village')
        fail(
          r.row,
          'parentCode',
          `township ${r.parentCode} is not in the file nor the county`,
          `乡镇 ${r.parentCode} 不在文件中，也不是本县的乡镇`,
        )
      else
        fail(
          r.row,
          'parentCode',
          `county ${r.parentCode} is not in the file nor loaded`,
          `区县 ${r.parentCode} 不在文件中，也未导入`,
        )
    }
    const loadedYear = existing.find((d) => d.level === 'county')?.code_year ?? null
    if (loadedYear !== null && codeYear < loadedYear)
      throw invalidField('codeYear', {
        en: `the county's codes of ${loadedYear} are loaded: import that year or a newer one`,
        zh: `已导入 ${loadedYear} 年的代码，只能导入该年或更新年份的代码`,
      })
  }
  if (rows.length === 0 && errors.length === 0)
    fail(2, 'file', 'the file has no divisions', '文件中没有区划')
  const result = {
    codeYear,
    countyCode,
    rowsTotal: lines.length,
    created: 0,
    updated: 0,
    retired: 0,
  }
  if (errors.length > 0) {
    // Refused as a whole: recorded, so the county sees who tried which file.
    await recordAudit(db, actor, {
      action: 'division.import_rejected',
      entityType: 'division',
      entityId: countyCode,
      organizationId: null,
      after: { codeYear, fileName: file.fileName, badRows: errors.length },
    })
    return { ...result, errors: errors.sort((a, b) => a.row - b.row) }
  }

  // Parents before children, so the self-reference holds at every insert.
  const depth = { county: 0, township: 1, village: 2 } as const
  rows.sort((a, b) => depth[a.level] - depth[b.level])
  for (const [index, r] of rows.entries()) {
    const values: Partial<DivisionTable> = {
      name: r.name,
      short_name: shortNameOf(r.name),
      parent_code: r.parentCode,
      code_year: codeYear,
      retired_in_year: null,
      ...(r.lat !== null && r.lon !== null
        ? { lat: r.lat, lon: r.lon, coordinate_note: `导入（${codeYear} 年代码文件）` }
        : {}),
    }
    if (known.has(r.code)) {
      await db.updateTable('division').set(values).where('code', '=', r.code).execute()
      result.updated += 1
    } else {
      await db
        .insertInto('division')
        .values({
          code: r.code,
          level: r.level,
          lat: null,
          lon: null,
          coordinate_note: null,
          scenic_area: 0,
          sort_order: index,
          ...values,
          name: r.name,
          short_name: shortNameOf(r.name),
        })
        .execute()
      result.created += 1
    }
  }
  const listed = new Set(rows.map((r) => r.code))
  const vanished = existing
    .filter((d) => !listed.has(d.code) && d.retired_in_year === null)
    .map((d) => d.code)
  for (let i = 0; i < vanished.length; i += 500)
    await db
      .updateTable('division')
      .set({ retired_in_year: codeYear })
      .where('code', 'in', vanished.slice(i, i + 500))
      .execute()
  result.retired = vanished.length
  await recordAudit(db, actor, {
    action: 'division.import',
    entityType: 'division',
    entityId: countyCode,
    organizationId: null,
    after: { ...result, fileName: file.fileName },
  })
  return { ...result, errors: [] }
}

/** The template: the bureau's columns with one county, township and village as examples. */
export function divisionTemplateCsv(): string {
  return [
    '统计用区划代码,名称,级别,上级代码,纬度,经度',
    '110101000000,东城区,县,,39.9288,116.4160',
    '110101001000,东华门街道,乡镇,110101000000,,',
    '110101001001,多福巷社区居委会,村,110101001000,,',
  ].join('\r\n')
}
