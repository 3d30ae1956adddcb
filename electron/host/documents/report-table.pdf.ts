import type { ColumnKey, ReportColumn, ReportModel, ReportRow } from './report-model'
import { formatRate } from './report-model'
import type { PdfColumn, PdfRow } from './pdf-table'
import { drawTable } from './pdf-table'

/** Fixed column widths in points; the title column takes what is left of the line. */
const widths: Partial<Record<ColumnKey, number>> = {
  rank: 30,
  order: 30,
  id: 36,
  for: 40,
  against: 36,
  abstain: 36,
  satisfied: 36,
  basic: 46,
  unsatisfied: 38,
  satisfiedRate: 44,
  positiveRate: 56,
  grade: 46,
  passed: 46,
  elected: 50,
  outcome: 52,
}

export function cellText(column: ReportColumn, value: ReportRow['cells'][number]): string {
  if (value === null) return column.format === 'percent' ? formatRate(null) : ''
  if (column.format === 'percent' && typeof value === 'number') return formatRate(value)
  return String(value)
}

function isWide(key: ColumnKey): boolean {
  return key === 'title' || key === 'motionTitle'
}

function projectLine(project: NonNullable<ReportRow['project']>): string {
  const { leadUnit, budget } = project
  return budget === null ? leadUnit : `${leadUnit} · ${budget}万元`
}

/**
 * Draws the per-project table from `y` (pdf-table.ts: pages break between rows, the header
 * repeats) and returns the y below it. Each project's lead unit and budget are under its title.
 */
export function drawResultTable(
  doc: PDFKit.PDFDocument,
  model: Pick<ReportModel, 'columns' | 'rows'>,
  top: number,
  bottom: number,
): number {
  const columns: PdfColumn[] = model.columns.map((c) => ({
    label: c.label,
    width: widths[c.key],
    wide: isWide(c.key),
  }))
  const rows: PdfRow[] = model.rows.map((row) => ({
    cells: model.columns.map((c, i) => cellText(c, row.cells[i] ?? null)),
    sub: row.project ? projectLine(row.project) : undefined,
    bold: row.emphasis,
  }))
  return drawTable(doc, columns, rows, top, bottom)
}
