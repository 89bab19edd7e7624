// What other folders may use of the Excel export.
export { fillSheet, sendWorkbook, type FilledSheet, type SheetColumn } from './excel.js'
