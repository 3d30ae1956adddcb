import { createRequire } from 'node:module'
import type ExcelJS from 'exceljs'

/**
 * exceljs's Workbook from its own module rather than the package's index, which also loads the
 * streaming reader and writer (unzipper, archiver) this workbook never uses: ~13 MB less and
 * ~0.3 s sooner in the report worker. The package has no exports map, so the path is public
 * enough; the render tests would fail if it moved.
 */
const Workbook = createRequire(import.meta.url)(
  'exceljs/lib/doc/workbook.js',
) as typeof ExcelJS.Workbook

/**
 * A report's workbook (the results XLSX, the year's progress XLSX): made by this program at
 * `generatedAt`, the only clock in it.
 */
export function reportWorkbook(generatedAt: Date): ExcelJS.Workbook {
  const wb = new Workbook()
  wb.creator = '民生实事票决 Plenary Vote'
  wb.created = generatedAt
  wb.modified = generatedAt
  return wb
}

/** A report sheet's first two rows, across `span` columns: the session (red on a rehearsal's), then what the sheet reports. */
export function titleRows(
  ws: ExcelJS.Worksheet,
  head: { session: string; rehearsal: boolean; title: string },
  span: number,
): void {
  const title = ws.addRow([head.session])
  title.font = { bold: true, size: 14, ...(head.rehearsal ? { color: { argb: 'FFC00000' } } : {}) }
  ws.mergeCells(title.number, 1, title.number, span)
  const sub = ws.addRow([head.title])
  sub.font = { bold: true, size: 12 }
  ws.mergeCells(sub.number, 1, sub.number, span)
}

/** A table's header row: bold, centred, wrapped. */
export function headerRow(row: ExcelJS.Row): void {
  row.font = { bold: true }
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
}
