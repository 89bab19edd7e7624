// What other folders may use of the Excel export, and of reading lists back from CSV / XLSX.
export { fillSheet, sendWorkbook, type FilledSheet, type SheetColumn } from './excel.js'
export {
  cellText,
  detectFormat,
  readCsvRows,
  readTableFile,
  rowsByField,
  tableTemplate,
  TEMPLATE_TYPES,
  type TableColumn,
  type TableFormat,
} from './table-file.js'
