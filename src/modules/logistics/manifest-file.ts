import {
  cellText,
  readTableFile,
  tableTemplate,
  type TableFormat,
} from '../../platform/export/index.js'
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

export type ManifestFormat = TableFormat

/** The rows as objects keyed by API field names, ready for row-by-row validation. */
export async function readManifest(
  fileName: string,
  content: Buffer,
): Promise<Record<string, unknown>[]> {
  const table = await readTableFile(fileName, content)
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

/** A template with the headers and one example row, as the carriers' clerks fill it in. */
export const manifestTemplate = (format: ManifestFormat): Promise<Buffer> =>
  tableTemplate(format, '运单', COLUMNS)
