import ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'

// Clerks take reports to Excel: one helper so every download looks and is named the same way.

export interface SheetColumn<Row> {
  header: string
  value: (row: Row) => string | number | null
  width?: number
  /** Excel number format, e.g. '0.00' for yuan or '0.0%' for rates. */
  numberFormat?: string
}

export interface Sheet<Row> {
  name: string
  columns: readonly SheetColumn<Row>[]
  rows: readonly Row[]
  /** Lines above the header: report title, period, generated at. */
  caption?: readonly string[]
}

/** A sheet with its cells worked out, so sheets of different row types go in one workbook. */
export interface FilledSheet {
  name: string
  caption: readonly string[]
  columns: readonly Omit<SheetColumn<never>, 'value'>[]
  cells: (string | number | null)[][]
}

export const fillSheet = <Row>(sheet: Sheet<Row>): FilledSheet => ({
  name: sheet.name,
  caption: sheet.caption ?? [],
  columns: sheet.columns.map(({ header, width, numberFormat }) => ({
    header,
    ...(width ? { width } : {}),
    ...(numberFormat ? { numberFormat } : {}),
  })),
  cells: sheet.rows.map((row) => sheet.columns.map((c) => c.value(row))),
})

export async function buildWorkbook(sheets: readonly FilledSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Cuntong'
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31))
    for (const line of sheet.caption) worksheet.addRow([line]).font = { bold: true }
    const header = worksheet.addRow(sheet.columns.map((c) => c.header))
    header.font = { bold: true }
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } }
    for (const cells of sheet.cells) worksheet.addRow(cells)
    sheet.columns.forEach((column, index) => {
      const excelColumn = worksheet.getColumn(index + 1)
      excelColumn.width = column.width ?? Math.max(10, column.header.length * 2 + 2)
      if (column.numberFormat) excelColumn.numFmt = column.numberFormat
    })
    worksheet.views = [{ state: 'frozen', ySplit: sheet.caption.length + 1 }]
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Sends a workbook as a download with a Chinese file name that every browser keeps. */
export async function sendWorkbook(
  reply: FastifyReply,
  fileName: string,
  sheets: readonly FilledSheet[],
): Promise<FastifyReply> {
  const body = await buildWorkbook(sheets)
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_')
  return reply
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(body)
}
