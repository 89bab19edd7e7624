import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { invalidField } from '../../shared/errors.js'

// Clerks bring lists back from Excel: a CSV (UTF-8, with or without BOM) or an XLSX upload read
// as rows of cells, and the downloadable template with the headers and an example row. Shared by
// the manifests, the network's sites and the stores and warehouses (issue 15).

export type TableFormat = 'csv' | 'xlsx'

export function detectFormat(fileName: string, head: Buffer): TableFormat {
  // An XLSX file is a ZIP archive: it starts with "PK".
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx'
  if (/\.xlsx$/i.test(fileName))
    throw invalidField('file', {
      en: 'the file is not a valid XLSX workbook',
      zh: '文件不是有效的 XLSX 表格',
    })
  return 'csv'
}

/** The first sheet (or the CSV) as rows of cells; a 400 naming `file` when unreadable. */
export async function readTableFile(fileName: string, content: Buffer): Promise<unknown[][]> {
  return detectFormat(fileName, content) === 'xlsx' ? readXlsx(content) : readCsvRows(content)
}

/** A CSV upload as rows of trimmed cells (UTF-8, with or without BOM); a 400 naming `file` when unreadable. */
export function readCsvRows(content: Buffer): string[][] {
  try {
    return parse(content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    })
  } catch (error) {
    throw invalidField('file', {
      en: `the CSV cannot be read: ${(error as Error).message}`,
      zh: 'CSV 文件格式有误，无法读取',
    })
  }
}

async function readXlsx(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw invalidField('file', {
      en: 'the file is not a valid XLSX workbook',
      zh: '文件不是有效的 XLSX 表格',
    })
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const table: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: unknown[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value)
    })
    table.push(cells)
  })
  return table
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value.toISOString()
  if ('result' in value) return value.result
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return value.text
  return null
}

export const cellText = (cell: unknown): string =>
  typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean'
    ? String(cell).trim()
    : ''

export interface TableColumn {
  field: string
  /** The first is the template's header; any of them (any case) is recognised. */
  headers: readonly string[]
  required?: boolean
  example: string | number
}

/**
 * The non-empty rows as texts keyed by field, with their row number in the file (the header is
 * row 1). A missing required column is a 400 naming `file`.
 */
export function rowsByField(
  table: readonly (readonly unknown[])[],
  columns: readonly TableColumn[],
): { row: number; values: Record<string, string> }[] {
  const [header, ...rows] = table
  if (!header) throw invalidField('file', { en: 'the file is empty', zh: '文件为空' })
  const at = header.map((h) =>
    columns.find((c) => c.headers.some((n) => n.toLowerCase() === cellText(h).toLowerCase())),
  )
  const missing = columns.filter((c) => c.required && !at.includes(c))
  if (missing.length > 0)
    throw invalidField('file', {
      en: `missing columns: ${missing.map((c) => c.field).join(', ')}`,
      zh: `缺少列：${missing.map((c) => c.headers[0] ?? c.field).join('、')}`,
    })
  return rows.flatMap((cells, index) => {
    if (!cells.some((cell) => cellText(cell) !== '')) return []
    const values: Record<string, string> = {}
    at.forEach((column, i) => {
      const text = cellText(cells[i])
      if (column && text !== '') values[column.field] = text
    })
    return [{ row: index + 2, values }]
  })
}

/** A template with the headers and one example row, as clerks fill it in. */
export async function tableTemplate(
  format: TableFormat,
  sheetName: string,
  columns: readonly Pick<TableColumn, 'field' | 'headers' | 'example'>[],
): Promise<Buffer> {
  const headers = columns.map((c) => c.headers[0] ?? c.field)
  const example = columns.map((c) => c.example)
  if (format === 'csv') {
    const line = (cells: readonly (string | number)[]) =>
      cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')
    // The BOM makes Excel open the UTF-8 file with the right characters.
    return Buffer.from(`\uFEFF${line(headers)}\r\n${line(example)}\r\n`, 'utf8')
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31))
  sheet.addRow(headers).font = { bold: true }
  sheet.addRow(example)
  sheet.columns.forEach((column) => (column.width = 18))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Sends a template as a download named `<baseName>.<format>`. */
export const TEMPLATE_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
