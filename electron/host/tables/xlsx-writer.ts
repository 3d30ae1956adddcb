/**
 * Writes a plain, printable table sheet: an optional merged title row, a bold header row that
 * stays frozen while scrolling, set column widths. Templates and exports share it so they look
 * alike and our importers read both (they skip the title row and find the header).
 */
import ExcelJS from 'exceljs'

export interface SheetColumn {
  header: string
  /** Width in characters; a Chinese character counts about two. */
  width: number
  /**
   * Text format ("@") stops Excel from turning what staff type into numbers or dates: an ID tail
   * 0123 losing its zero, a seat "1-12" becoming 12 January.
   */
  text?: boolean
  /** Wrap long text (summaries) instead of spilling into the next cell. */
  wrap?: boolean
}

export type SheetValue = string | number | null

export interface SheetContent {
  name: string
  title?: string
  columns: SheetColumn[]
  rows: SheetValue[][]
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF7' },
}
const FONT = '等线'

export function addTableSheet(
  workbook: ExcelJS.Workbook,
  content: SheetContent,
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(content.name)
  const { columns } = content
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1)
    col.width = c.width
    if (c.text) col.numFmt = '@'
    col.alignment = { vertical: 'top', wrapText: c.wrap === true }
    col.font = { name: FONT, size: 11 }
  })
  let headerRow = 1
  if (content.title !== undefined) {
    const title = ws.getRow(1)
    title.getCell(1).value = content.title
    title.getCell(1).font = { name: FONT, size: 14, bold: true }
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
    title.height = 26
    if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length)
    headerRow = 2
  }
  const header = ws.getRow(headerRow)
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { name: FONT, size: 11, bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
    cell.numFmt = '@'
  })
  content.rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r)
    values.forEach((v, i) => {
      row.getCell(i + 1).value = v
    })
  })
  ws.views = [{ state: 'frozen', ySplit: headerRow }]
  return ws
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '民生实事项目票决'
  // A fixed date keeps the bytes of a template stable from one build to the next.
  workbook.created = new Date(Date.UTC(2026, 0, 1))
  workbook.modified = workbook.created
  return workbook
}
