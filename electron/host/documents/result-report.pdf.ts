import type { ReportModel, ResultReportInput } from './report-model'
import { buildReportModel } from './report-model'
import { createPdf, MARGIN } from './pdf-document'
import type { CjkFonts } from './pdf-fonts'
import { FONT } from './pdf-fonts'
import { reportLabels } from './report-labels'
import {
  BODY_BOTTOM as BOTTOM,
  BODY_WIDTH as WIDTH,
  ensureRoom as ensure,
  paragraph,
  PDF_INK as INK,
  PDF_MUTED,
  PDF_LINE,
  reportFooters,
  reportHeading,
  sectionTitle,
} from './report-page.pdf'
import { drawResultTable } from './report-table.pdf'
import { chartHeight, drawResultChart } from './report-chart.pdf'

export type { ReportProject, ResultReportInput } from './report-model'

/** Each signature line's height: room for a hand. */
const SIGNATURE_H = 30

type Doc = PDFKit.PDFDocument

/**
 * The 计票结果报告 scrutineers sign: meeting, rules, counts, the per-project table, a bar chart
 * with the threshold line, notices, the result digest and signature lines. Deterministic: the
 * same input gives the same bytes (the only clock is `generatedAt`).
 */
export async function renderResultReportPdf(
  input: ResultReportInput,
  options: { fonts?: CjkFonts } = {},
): Promise<Buffer> {
  const model = buildReportModel(input)
  const { doc, finish } = createPdf({
    title: `${model.voteTitle} ${reportLabels.reportTitle}`,
    subject: model.meetingTitle,
    createdAt: input.generatedAt,
    ...options,
  })
  let y = reportHeading(doc, {
    session: model.heading,
    rehearsal: model.rehearsal,
    title: reportLabels.reportTitle,
    subject: model.voteTitle,
  })
  y = info(doc, model, y + 10)
  y = countsRow(doc, model, y + 8)
  if (model.ballotSources)
    y = paragraph(doc, model.ballotSources, y + 6, { font: FONT.regular, size: 9.5 })
  y = notices(doc, model, y + 10)
  y = sectionTitle(doc, reportLabels.table, ensure(doc, y + 12, 60))
  y = drawResultTable(doc, model, y, BOTTOM)
  y = paragraph(doc, `${reportLabels.conclusion}：${model.conclusion}`, y + 8, {
    font: FONT.bold,
    size: 10.5,
  })
  // A chart that fits on one page is kept whole; a longer one starts where there is room for a
  // good part of it and continues on the next page.
  const chartNeed = chartHeight(model.chart.bars.length) + 20
  const chartTop = ensure(doc, y + 16, chartNeed <= BOTTOM - MARGIN.top ? chartNeed : 300)
  y = sectionTitle(doc, reportLabels.chart, chartTop)
  y = drawResultChart(doc, model.chart, y, BOTTOM)
  y = ensure(doc, y + 10, Math.min(SIGNATURE_H * model.signatures.length + 36, BOTTOM - MARGIN.top))
  y = digest(doc, model, y)
  signatures(doc, model, y + 14)
  reportFooters(doc, {
    rehearsal: model.rehearsal,
    left: `${model.meetingTitle} · ${model.voteTitle}`,
    page: reportLabels.page,
  })
  return finish()
}

function info(doc: Doc, model: ReportModel, y: number): number {
  const rows: [string, string][] = [
    ...model.meetingRows,
    ...model.subject,
    [reportLabels.kind, model.kindLabel],
    [reportLabels.rules, model.rulesSummary],
    [reportLabels.otherRules, model.ruleDetails.join('；')],
    [reportLabels.openedAt, model.openedAt],
    [reportLabels.closedAt, model.closedAt],
    [model.neededLabel, `${model.needed}${reportLabels.votesUnit}`],
  ]
  const labelW = 62
  const valueW = WIDTH - labelW
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(9.5)
    const h = doc.heightOfString(value, { width: valueW })
    doc.font(FONT.bold).fillColor('#444444').text(`${label}：`, MARGIN.left, y, { width: labelW })
    doc
      .font(FONT.regular)
      .fillColor(INK)
      .text(value, MARGIN.left + labelW, y, { width: valueW })
    y += h + 3
  }
  return y
}

function countsRow(doc: Doc, model: ReportModel, y: number): number {
  const cellW = WIDTH / model.counts.length
  const h = 40
  doc.rect(MARGIN.left, y, WIDTH, h).lineWidth(0.8).stroke(PDF_LINE)
  model.counts.forEach(({ label, value }, i) => {
    const x = MARGIN.left + i * cellW
    if (i > 0)
      doc
        .moveTo(x, y)
        .lineTo(x, y + h)
        .lineWidth(0.4)
        .stroke('#c4cad1')
    doc.font(FONT.regular).fontSize(8.5).fillColor(PDF_MUTED)
    doc.text(label, x, y + 5, { width: cellW, align: 'center' })
    doc.font(FONT.bold).fontSize(15).fillColor(INK)
    doc.text(String(value), x, y + 17, { width: cellW, align: 'center' })
  })
  return y + h
}

function notices(doc: Doc, model: ReportModel, y: number): number {
  for (const n of model.notices) {
    const color = n.tone === 'void' ? '#c00000' : '#b36b00'
    doc.font(FONT.bold).fontSize(10)
    const h = doc.heightOfString(n.text, { width: WIDTH - 20 }) + 10
    y = ensure(doc, y, h)
    doc.rect(MARGIN.left, y, WIDTH, h).fill(n.tone === 'void' ? '#fdecea' : '#fff4e0')
    doc.rect(MARGIN.left, y, 4, h).fill(color)
    doc.fillColor(color).text(n.text, MARGIN.left + 12, y + 5, { width: WIDTH - 20 })
    y += h + 6
  }
  return y
}

function digest(doc: Doc, model: ReportModel, y: number): number {
  doc.font(FONT.regular).fontSize(7).fillColor(PDF_MUTED)
  const lines = `${reportLabels.digest}：${model.digest}\n${reportLabels.generatedAt}：${model.generatedAt}`
  doc.text(lines, MARGIN.left, y, { width: WIDTH })
  return y + doc.heightOfString(lines, { width: WIDTH })
}

/**
 * A line for each scrutineer (see signatureLines): they sign on it, over their name printed
 * small beneath it.
 */
function signatures(doc: Doc, model: ReportModel, y: number): void {
  doc.font(FONT.regular).fontSize(10.5).fillColor(INK)
  const dateW = doc.widthOfString(reportLabels.signDate)
  const lineX = MARGIN.left + 110
  const lineEnd = MARGIN.left + WIDTH - dateW - 24
  for (const { role, name } of model.signatures) {
    y = ensure(doc, y, SIGNATURE_H)
    doc.font(FONT.regular).fontSize(10.5).fillColor(INK)
    doc.text(role + reportLabels.signHere, MARGIN.left, y, { lineBreak: false })
    doc
      .moveTo(lineX, y + 14)
      .lineTo(lineEnd, y + 14)
      .lineWidth(0.6)
      .stroke('#333333')
    doc.fillColor(INK).text(reportLabels.signDate, MARGIN.left + WIDTH - dateW, y, {
      lineBreak: false,
    })
    if (name) {
      doc.font(FONT.regular).fontSize(8).fillColor('#444444')
      doc.text(name, lineX, y + 16, { width: lineEnd - lineX, lineBreak: false, ellipsis: true })
    }
    y += SIGNATURE_H
  }
}
