import { cellText } from './report-table.pdf'
import type { ReportModel, ReportRow, ResultReportInput } from './report-model'
import { buildReportModel } from './report-model'
import { meetingLabels, reportLabels } from './report-labels'
import { loadDocx, packDocx, para, table } from './office-docx'

function projectLine(row: ReportRow): string {
  if (!row.project) return ''
  const { leadUnit, budget } = row.project
  return budget === null ? leadUnit : `${leadUnit} · ${budget}万元`
}

/** The result table: the PDF's columns, with each project's lead unit and budget under its name. */
function resultTable(model: ReportModel) {
  const titleAt = model.columns.findIndex((c) => c.key === 'title' || c.key === 'motionTitle')
  const rows = model.rows.map((row) =>
    model.columns.map((c, i) => {
      const text = cellText(c, row.cells[i] ?? null)
      const under = i === titleAt ? projectLine(row) : ''
      return under ? `${text}（${under}）` : text
    }),
  )
  const widths = model.columns.map((_, i) => (i === titleAt ? 40 : 60 / (model.columns.length - 1)))
  return table(
    model.columns.map((c) => c.label),
    rows,
    widths,
    9,
  )
}

/**
 * The 计票结果报告 as Word, with the PDF's content (buildReportModel decides it for both): the
 * meeting and the rules, the counts, notices, the result table (the chart's numbers are its
 * rows), the conclusion, the digest, and a signature line for each scrutineer.
 */
export async function renderResultReportDocx(input: ResultReportInput): Promise<Buffer> {
  await loadDocx()
  const model = buildReportModel(input)
  const info: [string, string][] = [
    ...model.meetingRows,
    ...model.subject,
    [reportLabels.kind, model.kindLabel],
    [reportLabels.rules, model.rulesSummary],
    [reportLabels.otherRules, model.ruleDetails.join('；')],
    [reportLabels.openedAt, model.openedAt],
    [reportLabels.closedAt, model.closedAt],
    [model.neededLabel, `${model.needed}${reportLabels.votesUnit}`],
  ]
  const section = (text: string) => para(text, { pt: 12, bold: true, font: '黑体', after: 80 })
  const children = [
    para(model.heading, {
      pt: 12,
      align: 'center',
      after: 60,
      ...(model.rehearsal ? { color: 'C00000' } : {}),
    }),
    para(reportLabels.reportTitle, {
      pt: 22,
      bold: true,
      font: '宋体',
      align: 'center',
      after: 60,
    }),
    para(model.voteTitle, { pt: 14, bold: true, align: 'center', after: 240 }),
    ...info.map(([label, value]) => para(`${label}：${value}`, { pt: 10.5, after: 40 })),
    section(reportLabels.counts),
    table(
      model.counts.map((c) => c.label),
      [model.counts.map((c) => String(c.value))],
    ),
    ...(model.ballotSources ? [para(model.ballotSources, { pt: 10.5, after: 80 })] : []),
    ...model.notices.map((n) =>
      para(n.text, { pt: 10.5, bold: true, color: n.tone === 'void' ? 'C00000' : 'B36B00' }),
    ),
    section(reportLabels.table),
    resultTable(model),
    para(`${reportLabels.conclusion}：${model.conclusion}`, { pt: 10.5, bold: true }),
    para(`${reportLabels.digest}：${model.digest}`, { pt: 8, color: '5F6B7A', after: 0 }),
    para(`${reportLabels.generatedAt}：${model.generatedAt}`, {
      pt: 8,
      color: '5F6B7A',
      after: 240,
    }),
    ...model.signatures.map(({ role, name }) =>
      para(
        (name ? `${role}：${name}    签名：` : role + reportLabels.signHere) +
          `________________    ${reportLabels.signDate}`,
        { pt: 10.5, after: 240 },
      ),
    ),
  ]
  const mark = model.rehearsal ? meetingLabels.rehearsalMark : ''
  return packDocx(
    { title: `${mark}${model.voteTitle} ${reportLabels.reportTitle}`, subject: model.meetingTitle },
    children,
  )
}
