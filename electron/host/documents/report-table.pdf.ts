import type { ColumnKey, ReportColumn, ReportModel, ReportRow } from './report-model'
import { formatRate } from './report-model'
import { MARGIN } from './pdf-document'
import { FONT } from './pdf-fonts'

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

const FONT_SIZE = 9
const SUB_SIZE = 7.5
const PAD = 4
const LINE = '#9aa3ad'

export function cellText(column: ReportColumn, value: ReportRow['cells'][number]): string {
  if (value === null) return column.format === 'percent' ? formatRate(null) : ''
  if (column.format === 'percent' && typeof value === 'number') return formatRate(value)
  return String(value)
}

function layout(doc: PDFKit.PDFDocument, columns: ReportColumn[]): number[] {
  const total = doc.page.width - MARGIN.left - MARGIN.right
  const fixed = columns.reduce((s, c) => s + (widths[c.key] ?? 0), 0)
  return columns.map((c) => widths[c.key] ?? total - fixed)
}

function isWide(key: ColumnKey): boolean {
  return key === 'title' || key === 'motionTitle'
}

function projectLine(row: ReportRow): string {
  if (!row.project) return ''
  const { leadUnit, budget } = row.project
  return budget === null ? leadUnit : `${leadUnit} · ${budget}万元`
}

function headerHeight(doc: PDFKit.PDFDocument, columns: ReportColumn[], w: number[]): number {
  doc.font(FONT.bold).fontSize(FONT_SIZE)
  return Math.max(...columns.map((c, i) => doc.heightOfString(c.label, { width: w[i]! - 2 * PAD })))
}

function rowHeight(doc: PDFKit.PDFDocument, columns: ReportColumn[], w: number[], row: ReportRow) {
  let h = 0
  columns.forEach((c, i) => {
    const width = w[i]! - 2 * PAD
    doc.font(row.emphasis ? FONT.bold : FONT.regular).fontSize(FONT_SIZE)
    let cell = doc.heightOfString(cellText(c, row.cells[i] ?? null), { width })
    if (isWide(c.key) && row.project) {
      doc.font(FONT.regular).fontSize(SUB_SIZE)
      cell += 1 + doc.heightOfString(projectLine(row), { width })
    }
    h = Math.max(h, cell)
  })
  return h + 2 * PAD
}

function drawHeader(doc: PDFKit.PDFDocument, columns: ReportColumn[], w: number[], y: number) {
  const h = headerHeight(doc, columns, w) + 2 * PAD
  let x = MARGIN.left
  const total = w.reduce((s, v) => s + v, 0)
  doc.rect(x, y, total, h).fill('#e8edf3')
  doc.font(FONT.bold).fontSize(FONT_SIZE).fillColor('#1a1a1a')
  columns.forEach((c, i) => {
    const width = w[i]! - 2 * PAD
    const textH = doc.heightOfString(c.label, { width })
    doc.text(c.label, x + PAD, y + (h - textH) / 2, { width, align: 'center' })
    x += w[i]!
  })
  doc
    .moveTo(MARGIN.left, y + h)
    .lineTo(MARGIN.left + total, y + h)
    .lineWidth(0.8)
    .stroke(LINE)
  return y + h
}

/**
 * Draws the per-project table from `y`, breaking pages between rows and repeating the header on
 * each new page, and returns the y below the table. Long titles wrap inside their cell.
 */
export function drawResultTable(
  doc: PDFKit.PDFDocument,
  model: Pick<ReportModel, 'columns' | 'rows'>,
  top: number,
  bottom: number,
): number {
  const { columns, rows } = model
  const w = layout(doc, columns)
  const total = w.reduce((s, v) => s + v, 0)
  let y = drawHeader(doc, columns, w, top)
  rows.forEach((row, r) => {
    const h = rowHeight(doc, columns, w, row)
    if (y + h > bottom) {
      doc.addPage()
      y = drawHeader(doc, columns, w, MARGIN.top)
    }
    if (r % 2 === 1) doc.rect(MARGIN.left, y, total, h).fill('#f6f8fa')
    let x = MARGIN.left
    columns.forEach((c, i) => {
      const width = w[i]! - 2 * PAD
      const text = cellText(c, row.cells[i] ?? null)
      doc
        .font(row.emphasis ? FONT.bold : FONT.regular)
        .fontSize(FONT_SIZE)
        .fillColor('#1a1a1a')
      if (isWide(c.key)) {
        doc.text(text, x + PAD, y + PAD, { width })
        if (row.project) {
          const below = y + PAD + doc.heightOfString(text, { width }) + 1
          doc.font(FONT.regular).fontSize(SUB_SIZE).fillColor('#5f6b7a')
          doc.text(projectLine(row), x + PAD, below, { width })
        }
      } else {
        const textH = doc.heightOfString(text, { width })
        doc.text(text, x + PAD, y + (h - textH) / 2, { width, align: 'center' })
      }
      x += w[i]!
    })
    doc
      .moveTo(MARGIN.left, y + h)
      .lineTo(MARGIN.left + total, y + h)
      .lineWidth(0.4)
      .stroke(LINE)
    y += h
  })
  return y
}
