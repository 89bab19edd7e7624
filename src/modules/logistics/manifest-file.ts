import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { invalidField } from '../../shared/errors.js'

// Carriers' manifests (LOG-2) as CSV or XLSX: one parcel a row, Chinese or English headers.

interface Column {
  field: string
  headers: readonly string[]
  numeric: boolean
  example: string | number
}

const COLUMNS: readonly Column[] = [
  {
    field: 'waybillNo',
    headers: ['运单号', 'waybillNo', 'waybill'],
    numeric: false,
    example: 'YZ9876543210',
  },
  {
    field: 'recipientName',
    headers: ['收件人', 'recipientName', 'recipient'],
    numeric: false,
    example: '张三',
  },
  {
    field: 'recipientPhone',
    headers: ['收件人电话', '电话', 'recipientPhone', 'phone'],
    numeric: false,
    example: '13912345678',
  },
  {
    field: 'address',
    headers: ['收件地址', '地址', 'address'],
    numeric: false,
    example: '某省某市某县某镇某村 8 号',
  },
  { field: 'villageCode', headers: ['村代码', 'villageCode'], numeric: false, example: '' },
  {
    field: 'weightKg',
    headers: ['重量(kg)', '重量（kg）', '重量', 'weightKg'],
    numeric: true,
    example: 1.5,
  },
  {
    field: 'volumeM3',
    headers: ['体积(m³)', '体积（m³）', '体积', 'volumeM3'],
    numeric: true,
    example: 0.004,
  },
  {
    field: 'codYuan',
    headers: ['代收货款(元)', '代收货款（元）', '代收货款', 'codYuan'],
    numeric: true,
    example: 0,
  },
]

export const MANIFEST_FIRST_ROW = 2

export type ManifestFormat = 'csv' | 'xlsx'

export function detectFormat(fileName: string, head: Buffer): ManifestFormat {
  // An XLSX file is a ZIP archive: it starts with "PK".
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx'
  if (/\.xlsx$/i.test(fileName))
    throw invalidField('file', {
      en: 'the file is not a valid XLSX workbook',
      zh: '文件不是有效的 XLSX 表格',
    })
  return 'csv'
}

/** The rows as objects keyed by API field names, ready for row-by-row validation. */
export async function readManifest(
  fileName: string,
  content: Buffer,
): Promise<Record<string, unknown>[]> {
  const table =
    detectFormat(fileName, content) === 'xlsx' ? await readXlsx(content) : readCsvRows(content)
  const [header, ...rows] = table
  if (!header) throw invalidField('file', { en: 'the file is empty', zh: '文件为空' })
  const columns = header.map((h) =>
    COLUMNS.find((c) =>
      c.headers.some((name) => name.toLowerCase() === String(h).trim().toLowerCase()),
    ),
  )
  const missing = COLUMNS.filter(
    (c) =>
      c.field !== 'villageCode' &&
      c.field !== 'volumeM3' &&
      c.field !== 'codYuan' &&
      !columns.includes(c),
  )
  if (missing.length > 0) {
    const names = missing.map((c) => c.headers[0] ?? c.field).join('、')
    throw invalidField('file', {
      en: `missing columns: ${missing.map((c) => c.field).join(', ')}`,
      zh: `缺少列：${names}`,
    })
  }
  return rows
    .filter((cells) => cells.some((cell) => cellText(cell) !== ''))
    .map((cells) => {
      const row: Record<string, unknown> = {}
      columns.forEach((column, i) => {
        if (!column) return
        const text = cellText(cells[i])
        if (text === '') return
        // A number stays a number; text that is not one is left as text, so validation names it.
        row[column.field] = column.numeric
          ? Number.isFinite(Number(text))
            ? Number(text)
            : text
          : text
      })
      return row
    })
}

const cellText = (cell: unknown): string =>
  typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean'
    ? String(cell).trim()
    : ''

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

/** A template with the headers and one example row, as the carriers' clerks fill it in. */
export async function manifestTemplate(format: ManifestFormat): Promise<Buffer> {
  const headers = COLUMNS.map((c) => c.headers[0] ?? c.field)
  const example = COLUMNS.map((c) => c.example)
  if (format === 'csv') {
    const line = (cells: readonly (string | number)[]) =>
      cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')
    // The BOM makes Excel open the UTF-8 file with the right characters.
    return Buffer.from(`\uFEFF${line(headers)}\r\n${line(example)}\r\n`, 'utf8')
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('运单')
  sheet.addRow(headers).font = { bold: true }
  sheet.addRow(example)
  sheet.columns.forEach((column) => (column.width = 18))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
