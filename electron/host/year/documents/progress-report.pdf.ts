import { createPdf } from '../../documents/pdf-document'
import type { CjkFonts } from '../../documents/pdf-fonts'
import { FONT } from '../../documents/pdf-fonts'
import type { PdfColumn, PdfRow } from '../../documents/pdf-table'
import { drawTable } from '../../documents/pdf-table'
import {
  BODY_BOTTOM,
  ensureRoom,
  paragraph,
  PDF_MUTED,
  reportFooters,
  reportHeading,
} from '../../documents/report-page.pdf'
import { newestFirst } from '../../../../shared/year/year-rules'
import type { ProgressModel, ProgressReportInput } from './progress-model'
import { buildProgressModel, kindLabels, opinionText, progressLabels } from './progress-model'

type Doc = PDFKit.PDFDocument

const LATE = '#8a4b00'
const WITHDRAWN = '#c00000'
/** The board's columns as printed: 编号, 项目名称 (with 牵头单位 under it), 计划完成, 进度, 最近进展, 状态, 测评. */
const COLUMNS: readonly PdfColumn[] = [
  { label: '编号', width: 40 },
  { label: '项目名称 / 牵头单位', wide: true },
  { label: '计划完成', width: 58 },
  { label: '完成进度', width: 46 },
  { label: '最近进展', width: 58 },
  { label: '状态', width: 70 },
  { label: '测评结果', width: 62 },
]

/**
 * The year's progress report (查单) in the result report's look (report-page.pdf.ts, pdf-table.ts):
 * the same fonts, heading, table, footers and 演练 mark; the board as a table, then each
 * project's updates, opinions and answers.
 */
export async function renderProgressPdf(
  input: ProgressReportInput,
  options: { fonts?: CjkFonts } = {},
): Promise<Buffer> {
  const model = buildProgressModel(input)
  const { doc, finish } = createPdf({
    title: progressLabels.title,
    subject: model.meetingTitle,
    createdAt: input.generatedAt,
    ...options,
  })
  let y = heading(doc, model)
  if (model.rows.length > 0) y = drawTable(doc, COLUMNS, boardRows(model), y + 10, BODY_BOTTOM)
  for (const row of model.rows) y = projectBlock(doc, row.project, y + 14)
  reportFooters(doc, {
    rehearsal: model.rehearsal,
    left: `${model.meetingTitle} · ${progressLabels.title}`,
    page: progressLabels.page,
  })
  return finish()
}

const regular = (size: number, color?: string, indent?: number) => ({
  font: FONT.regular,
  size,
  color,
  indent,
})

function heading(doc: Doc, model: ProgressModel): number {
  let y = reportHeading(doc, {
    session: model.heading,
    rehearsal: model.rehearsal,
    title: progressLabels.title,
    subject: model.heading === model.meetingTitle ? null : model.meetingTitle,
  })
  y = paragraph(
    doc,
    `${progressLabels.asOf}：${model.asOf}\u3000\u3000${progressLabels.generatedAt}：${model.generatedAt}`,
    y + 8,
    regular(10),
  )
  y = paragraph(doc, progressLabels.lateRule, y + 4, regular(9, PDF_MUTED))
  if (model.rows.length === 0)
    y = paragraph(doc, progressLabels.empty, y + 12, { font: FONT.bold, size: 11 })
  return y
}

/** The board's rows as printed: the state bold in brown where the project is late. */
function boardRows(model: ProgressModel): PdfRow[] {
  return model.rows.map(({ project: p, cells: c, late }) => {
    const state = String(c[8])
    return {
      cells: [
        p.id,
        p.title,
        String(c[5]),
        `${Math.round(Number(c[6]) * 100)}%`,
        String(c[7]),
        late ? { text: state, color: LATE } : state,
        String(c[9]),
      ],
      sub: p.leadUnit || undefined,
    }
  })
}

function projectBlock(doc: Doc, p: ProgressModel['rows'][number]['project'], top: number): number {
  let y = ensureRoom(doc, top, 70)
  y = paragraph(doc, `${p.id}\u3000${p.title}`, y, { font: FONT.bold, size: 12 })
  const about = [
    p.leadUnit && `牵头单位：${p.leadUnit}`,
    p.responsible && `责任人：${p.responsible}`,
    p.budget !== null && `投资额：${p.budget}万元`,
    p.plannedCompletion && `计划完成：${p.plannedCompletion}`,
  ]
    .filter(Boolean)
    .join('\u3000')
  if (about) y = paragraph(doc, about, y + 2, regular(9, PDF_MUTED))
  if (p.withdrawn)
    y = paragraph(
      doc,
      `该表决已宣布无效（${p.withdrawn.reason}），项目已撤销，保留进展记录。`,
      y + 2,
      { font: FONT.bold, size: 9, color: WITHDRAWN },
    )
  if (p.updates.length === 0) return paragraph(doc, progressLabels.noUpdates, y + 4, regular(9.5))
  const updates = newestFirst(p.updates).reverse()
  for (const u of updates) {
    y = ensureRoom(doc, y + 6, 40)
    const edited = u.earlier.length > 0 ? progressLabels.edited(u.earlier.length) : ''
    y = paragraph(doc, `${u.date}\u3000${kindLabels[u.kind]}\u3000完成 ${u.percent}%${edited}`, y, {
      font: FONT.bold,
      size: 9.5,
    })
    if (u.text) y = paragraph(doc, u.text, y + 1, regular(9.5, undefined, 12))
    for (const o of u.opinions) {
      y = ensureRoom(doc, y + 2, 24)
      y = paragraph(
        doc,
        `代表意见：${opinionText(o)}`,
        y,
        regular(9, o.answered ? PDF_MUTED : LATE, 12),
      )
    }
  }
  return y
}
