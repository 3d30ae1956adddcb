import type ExcelJS from 'exceljs'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import type { ReportModel, ResultReportInput } from './report-model'
import { buildReportModel } from './report-model'
import {
  baseLabels,
  columnLabels,
  kindLabels,
  policyLabels,
  reportLabels,
  ruleFieldLabels,
} from './report-labels'
import { headerRow, reportWorkbook, titleRows } from './report-workbook'

type Row = (string | number | null)[]

/**
 * The results as a workbook for staff who re-use the numbers (press releases, the government's
 * follow-up): sheet 计票结果 with the same content as the PDF report, sheet 规则 with the rules
 * field by field. Numbers stay numbers so they can be summed; rates carry a percent format.
 */
export async function renderResultXlsx(input: ResultReportInput): Promise<Buffer> {
  const model = buildReportModel(input)
  const wb = reportWorkbook(input.generatedAt)
  resultSheet(wb.addWorksheet(reportLabels.sheetResult), model, input)
  rulesSheet(wb.addWorksheet(reportLabels.sheetRules), model, input)
  const data = await wb.xlsx.writeBuffer()
  return Buffer.from(data)
}

function resultSheet(ws: ExcelJS.Worksheet, model: ReportModel, input: ResultReportInput): void {
  const withProjects = (input.projects ?? []).length > 0
  const titleAt = model.columns.findIndex((c) => c.key === 'title' || c.key === 'motionTitle')
  // Lead unit and budget get their own columns here: a sheet has the width the PDF lacks.
  const extra = withProjects && model.columns[titleAt]?.key === 'title'
  const header: string[] = model.columns.map((c) => c.label)
  if (extra) header.splice(titleAt + 1, 0, columnLabels.leadUnit, columnLabels.budget)
  const span = Math.max(header.length, model.counts.length)

  titleRows(
    ws,
    {
      session: model.heading,
      rehearsal: model.rehearsal,
      title: `${model.voteTitle} ${reportLabels.reportTitle}`,
    },
    span,
  )
  const info: [string, string | number][] = [
    ...model.meetingRows,
    ...model.subject,
    [reportLabels.kind, model.kindLabel],
    [reportLabels.rules, model.rulesSummary],
    [reportLabels.otherRules, model.ruleDetails.join('；')],
    [reportLabels.openedAt, model.openedAt],
    [reportLabels.closedAt, model.closedAt],
    [model.neededLabel, model.needed],
  ]
  for (const [label, value] of info) labelled(ws, label, value, span)

  ws.addRow([])
  headerRow(ws.addRow(model.counts.map((c) => c.label)))
  ws.addRow(model.counts.map((c) => c.value))
  if (model.ballotSources) {
    const row = ws.addRow([model.ballotSources])
    ws.mergeCells(row.number, 1, row.number, span)
  }
  for (const n of model.notices) {
    const row = ws.addRow([n.text])
    row.font = { bold: true, color: { argb: n.tone === 'void' ? 'FFC00000' : 'FFB36B00' } }
    ws.mergeCells(row.number, 1, row.number, span)
  }

  ws.addRow([])
  headerRow(ws.addRow(header))
  for (const r of model.rows) {
    const cells: Row = [...r.cells]
    if (extra) cells.splice(titleAt + 1, 0, r.project?.leadUnit ?? null, r.project?.budget ?? null)
    const row = ws.addRow(cells)
    if (r.emphasis) row.font = { bold: true }
    model.columns.forEach((c, i) => {
      if (c.format !== 'percent') return
      const at = extra && i > titleAt ? i + 3 : i + 1
      row.getCell(at).numFmt = '0.0%'
    })
  }

  ws.addRow([])
  labelled(ws, reportLabels.conclusion, model.conclusion, span)
  labelled(ws, reportLabels.digest, model.digest, span)
  labelled(ws, reportLabels.generatedAt, model.generatedAt, span)

  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = i === titleAt ? 40 : Math.max(10, h.length * 2 + 2)
  })
}

function labelled(ws: ExcelJS.Worksheet, label: string, value: string | number, span: number) {
  const row = ws.addRow([label, value])
  row.getCell(1).font = { bold: true }
  row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
  if (span > 2) ws.mergeCells(row.number, 2, row.number, span)
}

function rulesSheet(ws: ExcelJS.Worksheet, model: ReportModel, input: ResultReportInput): void {
  const { rules, candidates } = input.vote
  const yesNo = (b: boolean) => (b ? reportLabels.yes : reportLabels.no)
  const t = rules.threshold
  const rows: [string, string | number][] = [
    [ruleFieldLabels.kind, kindLabels[rules.kind]],
    [ruleFieldLabels.candidates, candidates.length],
    [ruleFieldLabels.seats, rules.seats ?? reportLabels.none],
    [ruleFieldLabels.maxFor, rules.maxFor ?? reportLabels.none],
    [ruleFieldLabels.thresholdBase, baseLabels[t.base]],
    [ruleFieldLabels.thresholdFraction, `${t.numerator}/${t.denominator}`],
    [ruleFieldLabels.strict, yesNo(t.strict)],
    [ruleFieldLabels.tiePolicy, policyLabels[rules.tiePolicy]],
    [ruleFieldLabels.shortfallPolicy, policyLabels[rules.shortfallPolicy]],
    [ruleFieldLabels.allowChange, yesNo(rules.allowChange)],
    [ruleFieldLabels.timeLimit, timeLimit(rules)],
    [ruleFieldLabels.release, policyLabels[rules.release]],
    [ruleFieldLabels.secret, yesNo(rules.secret)],
    [ruleFieldLabels.summary, model.rulesSummary],
  ]
  headerRow(ws.addRow([reportLabels.field, reportLabels.value]))
  for (const [label, value] of rows) ws.addRow([label, value]).getCell(1).font = { bold: true }
  ws.addRow([])
  headerRow(ws.addRow([columnLabels.id, columnLabels.title]))
  for (const c of candidates) ws.addRow([c.id, c.title])
  ws.getColumn(1).width = 20
  ws.getColumn(2).width = 60
}

function timeLimit(rules: VoteRules): string {
  if (rules.timeLimit === null) return reportLabels.none
  const { seconds, onExpiry } = rules.timeLimit
  return `${seconds}${policyLabels.seconds}（${policyLabels[onExpiry]}）`
}
