import { MARGIN } from './pdf-document'
import { FONT } from './pdf-fonts'
import { PDF_INK, PDF_LINE, PDF_MUTED } from './report-page.pdf'

/**
 * The reports' table as drawn on the page (the result report's per-project table, the progress
 * report's board): a shaded header that wraps its labels, rows that break pages between them
 * with the header repeated, zebra stripes, a wide column for the title with a small line under
 * it, the other cells centred.
 */

export interface PdfColumn {
  label: string
  /** Points; a column without takes what is left of the line. */
  width?: number
  /** Left-aligned from the top, with the row's `sub` line under its text (the title). */
  wide?: boolean
}

/** A cell's text; a cell of note (a late state) is bold in its colour. */
export type PdfCell = string | { text: string; color: string }

export interface PdfRow {
  cells: PdfCell[]
  /** Small and muted under the wide column's text: the lead unit, the budget. */
  sub?: string
  /** The whole row bold (an elected project). */
  bold?: boolean
}

const FONT_SIZE = 9
const SUB_SIZE = 7.5
const PAD = 4

type Doc = PDFKit.PDFDocument

const textOf = (cell: PdfCell | undefined): string =>
  cell === undefined ? '' : typeof cell === 'string' ? cell : cell.text

function layout(doc: Doc, columns: readonly PdfColumn[]): number[] {
  const total = doc.page.width - MARGIN.left - MARGIN.right
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0), 0)
  return columns.map((c) => c.width ?? total - fixed)
}

function headerHeight(doc: Doc, columns: readonly PdfColumn[], w: number[]): number {
  doc.font(FONT.bold).fontSize(FONT_SIZE)
  return Math.max(...columns.map((c, i) => doc.heightOfString(c.label, { width: w[i]! - 2 * PAD })))
}

function fontOf(row: PdfRow, cell: PdfCell | undefined): string {
  return row.bold || (cell !== undefined && typeof cell !== 'string') ? FONT.bold : FONT.regular
}

function rowHeight(doc: Doc, columns: readonly PdfColumn[], w: number[], row: PdfRow): number {
  let h = 0
  columns.forEach((c, i) => {
    const width = w[i]! - 2 * PAD
    doc.font(fontOf(row, row.cells[i])).fontSize(FONT_SIZE)
    let cell = doc.heightOfString(textOf(row.cells[i]), { width })
    if (c.wide && row.sub !== undefined) {
      doc.font(FONT.regular).fontSize(SUB_SIZE)
      cell += 1 + doc.heightOfString(row.sub, { width })
    }
    h = Math.max(h, cell)
  })
  return h + 2 * PAD
}

function drawHeader(doc: Doc, columns: readonly PdfColumn[], w: number[], y: number): number {
  const h = headerHeight(doc, columns, w) + 2 * PAD
  let x = MARGIN.left
  const total = w.reduce((s, v) => s + v, 0)
  doc.rect(x, y, total, h).fill('#e8edf3')
  doc.font(FONT.bold).fontSize(FONT_SIZE).fillColor(PDF_INK)
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
    .stroke(PDF_LINE)
  return y + h
}

function drawRow(
  doc: Doc,
  columns: readonly PdfColumn[],
  w: number[],
  row: PdfRow,
  y: number,
  h: number,
) {
  let x = MARGIN.left
  columns.forEach((c, i) => {
    const width = w[i]! - 2 * PAD
    const cell = row.cells[i]
    const text = textOf(cell)
    doc
      .font(fontOf(row, cell))
      .fontSize(FONT_SIZE)
      .fillColor(cell !== undefined && typeof cell !== 'string' ? cell.color : PDF_INK)
    if (c.wide) {
      doc.text(text, x + PAD, y + PAD, { width })
      if (row.sub !== undefined) {
        const below = y + PAD + doc.heightOfString(text, { width }) + 1
        doc.font(FONT.regular).fontSize(SUB_SIZE).fillColor(PDF_MUTED)
        doc.text(row.sub, x + PAD, below, { width })
      }
    } else {
      const textH = doc.heightOfString(text, { width })
      doc.text(text, x + PAD, y + (h - textH) / 2, { width, align: 'center' })
    }
    x += w[i]!
  })
}

/**
 * Draws the table from `top`, breaking pages between rows and repeating the header on each new
 * page, and returns the y below it. Long texts wrap inside their cell.
 */
export function drawTable(
  doc: Doc,
  columns: readonly PdfColumn[],
  rows: readonly PdfRow[],
  top: number,
  bottom: number,
): number {
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
    drawRow(doc, columns, w, row, y, h)
    doc
      .moveTo(MARGIN.left, y + h)
      .lineTo(MARGIN.left + total, y + h)
      .lineWidth(0.4)
      .stroke(PDF_LINE)
    y += h
  })
  return y
}
