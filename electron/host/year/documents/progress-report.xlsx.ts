import type ExcelJS from 'exceljs'
import { headerRow, reportWorkbook, titleRows } from '../../documents/report-workbook'
import type { ProgressReportInput } from './progress-model'
import { buildProgressModel, kindLabels, opinionText, progressLabels } from './progress-model'

/**
 * The year's progress as a workbook: 进展总表 (a row per project, as the board), 进展记录 (a row
 * per update, its opinions and answers) and 代表意见 (a row per opinion, answered or not), so the
 * office can filter what is still unanswered. Numbers stay numbers; the percentage is formatted.
 */
export async function renderProgressXlsx(input: ProgressReportInput): Promise<Buffer> {
  const model = buildProgressModel(input)
  const wb = reportWorkbook(input.generatedAt)

  const board = wb.addWorksheet(progressLabels.sheetBoard)
  const span = progressLabels.board.length
  titleRows(
    board,
    { session: model.heading, rehearsal: model.rehearsal, title: progressLabels.title },
    span,
  )
  board.addRow([progressLabels.asOf, model.asOf])
  board.addRow([progressLabels.generatedAt, model.generatedAt])
  note(board, progressLabels.lateRule, span)
  if (model.rehearsal) {
    const row = note(board, '【演练】本报告来自演练会议，不是正式记录', span)
    row.font = { bold: true, color: { argb: 'FFC00000' } }
  }
  board.addRow([])
  headerRow(board.addRow([...progressLabels.board]))
  for (const r of model.rows) {
    const row = board.addRow(r.cells)
    row.getCell(7).numFmt = '0%'
    if (r.late) row.getCell(9).font = { bold: true, color: { argb: 'FFB36B00' } }
  }
  if (model.rows.length === 0) note(board, progressLabels.empty, span)
  widths(board, [10, 40, 20, 12, 14, 14, 10, 14, 26, 22])

  const updates = wb.addWorksheet(progressLabels.sheetUpdates)
  headerRow(updates.addRow([...progressLabels.updates]))
  const opinions = wb.addWorksheet(progressLabels.sheetOpinions)
  headerRow(opinions.addRow([...progressLabels.opinions]))
  for (const { project } of model.rows) {
    for (const u of project.updates) {
      const edited = u.earlier.length > 0 ? progressLabels.edited(u.earlier.length) : ''
      const row = updates.addRow([
        project.id,
        project.title,
        u.date,
        kindLabels[u.kind],
        u.percent / 100,
        u.text + edited,
        u.opinions.map(opinionText).join('\n'),
        u.opinions
          .filter((o) => o.answered)
          .map((o) => o.answer)
          .join('\n'),
      ])
      row.getCell(5).numFmt = '0%'
      row.alignment = { wrapText: true, vertical: 'top' }
      for (const o of u.opinions)
        opinions.addRow([
          project.id,
          project.title,
          u.date,
          o.text,
          o.answered ? progressLabels.answered : progressLabels.unanswered,
          o.answer,
        ]).alignment = { wrapText: true, vertical: 'top' }
    }
  }
  widths(updates, [10, 30, 12, 12, 10, 50, 40, 40])
  widths(opinions, [10, 30, 12, 50, 10, 50])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function note(ws: ExcelJS.Worksheet, text: string, span: number): ExcelJS.Row {
  const row = ws.addRow([text])
  ws.mergeCells(row.number, 1, row.number, span)
  return row
}

function widths(ws: ExcelJS.Worksheet, w: number[]): void {
  w.forEach((width, i) => (ws.getColumn(i + 1).width = width))
}
