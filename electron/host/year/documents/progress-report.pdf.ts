import { A4, createPdf, fitText, footers, MARGIN, watermarks } from '../../documents/pdf-document'
import type { CjkFonts } from '../../documents/pdf-fonts'
import { FONT } from '../../documents/pdf-fonts'
import { meetingLabels } from '../../documents/report-labels'
import { newestFirst } from '../../../../shared/year/year-rules'
import type { ProgressModel, ProgressReportInput } from './progress-model'
import { buildProgressModel, kindLabels, opinionText, progressLabels } from './progress-model'

type Doc = PDFKit.PDFDocument

const WIDTH = A4.width - MARGIN.left - MARGIN.right
const BOTTOM = A4.height - MARGIN.bottom
const INK = '#1a1a1a'
const MUTED = '#5f6b7a'
const LINE = '#9aa3ad'
const LATE = '#8a4b00'
/** The board's columns as printed: 编号, 项目名称 (with 牵头单位 under it), 计划完成, 进度, 最近进展, 状态, 测评. */
const COLUMNS = [
  { label: '编号', width: 40 },
  { label: '项目名称 / 牵头单位', width: 0 },
  { label: '计划完成', width: 58 },
  { label: '完成进度', width: 42 },
  { label: '最近进展', width: 58 },
  { label: '状态', width: 70 },
  { label: '测评结果', width: 62 },
] as const
const PAD = 4

/**
 * The year's progress report (查单) in the result report's look: the same fonts, heading,
 * footers and 演练 mark; the board as a table, then each project's updates, opinions and answers.
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
  y = table(doc, model, y + 10)
  for (const row of model.rows) y = projectBlock(doc, row.project, y + 14)
  const mark = model.rehearsal ? meetingLabels.rehearsalMark : ''
  footers(doc, (page, count) => ({
    left: `${mark}${model.meetingTitle} · ${progressLabels.title}`,
    right: progressLabels.page(page, count),
  }))
  if (model.rehearsal) watermarks(doc, meetingLabels.rehearsal)
  return finish()
}

function ensure(doc: Doc, y: number, need: number): number {
  if (y + need <= BOTTOM) return y
  doc.addPage()
  return MARGIN.top
}

function write(doc: Doc, text: string, y: number, font: string, size: number, color = INK, x = 0) {
  doc.font(font).fontSize(size).fillColor(color)
  doc.text(text, MARGIN.left + x, y, { width: WIDTH - x })
  return y + doc.heightOfString(text, { width: WIDTH - x })
}

function heading(doc: Doc, model: ProgressModel): number {
  const centered = (text: string, y: number, font: string, size: number, color = INK) => {
    doc.font(font).fontSize(size).fillColor(color)
    doc.text(text, MARGIN.left, y, { width: WIDTH, align: 'center' })
    return y + doc.heightOfString(text, { width: WIDTH })
  }
  let y = centered(
    model.heading,
    MARGIN.top,
    FONT.regular,
    12,
    model.rehearsal ? '#c00000' : '#333333',
  )
  y = centered(progressLabels.title, y + 6, FONT.bold, 22)
  if (model.heading !== model.meetingTitle) y = centered(model.meetingTitle, y + 4, FONT.bold, 14)
  doc
    .moveTo(MARGIN.left, y + 8)
    .lineTo(MARGIN.left + WIDTH, y + 8)
    .lineWidth(1)
    .stroke(INK)
  y = write(
    doc,
    `${progressLabels.asOf}：${model.asOf}\u3000\u3000${progressLabels.generatedAt}：${model.generatedAt}`,
    y + 16,
    FONT.regular,
    10,
  )
  y = write(doc, progressLabels.lateRule, y + 4, FONT.regular, 9, MUTED)
  if (model.rows.length === 0) y = write(doc, progressLabels.empty, y + 12, FONT.bold, 11)
  return y
}

function widths(): number[] {
  const fixed = COLUMNS.reduce((s, c) => s + c.width, 0)
  return COLUMNS.map((c) => c.width || WIDTH - fixed)
}

function table(doc: Doc, model: ProgressModel, top: number): number {
  if (model.rows.length === 0) return top
  const w = widths()
  const header = (y: number) => {
    doc.rect(MARGIN.left, y, WIDTH, 20).fill('#e8edf3')
    let x = MARGIN.left
    doc.font(FONT.bold).fontSize(9).fillColor(INK)
    COLUMNS.forEach((c, i) => {
      doc.text(c.label, x + PAD, y + 6, {
        width: w[i]! - 2 * PAD,
        align: 'center',
        lineBreak: false,
      })
      x += w[i]!
    })
    return y + 20
  }
  let y = header(ensure(doc, top, 60))
  model.rows.forEach((row, r) => {
    const p = row.project
    const c = row.cells
    const cells = [
      p.id,
      p.title,
      String(c[5]),
      `${Math.round(Number(c[6]) * 100)}%`,
      String(c[7]),
      String(c[8]),
      String(c[9]),
    ]
    doc.font(FONT.regular).fontSize(9)
    const heights = cells.map((text, i) => doc.heightOfString(text, { width: w[i]! - 2 * PAD }))
    const lead = p.leadUnit ? fitText(doc.fontSize(7.5), p.leadUnit, w[1]! - 2 * PAD) : ''
    const h = Math.max(...heights, heights[1]! + (lead ? 11 : 0)) + 2 * PAD
    if (y + h > BOTTOM) {
      doc.addPage()
      y = header(MARGIN.top)
    }
    if (r % 2 === 1) doc.rect(MARGIN.left, y, WIDTH, h).fill('#f6f8fa')
    let x = MARGIN.left
    cells.forEach((text, i) => {
      const late = i === 5 && row.late
      doc
        .font(late ? FONT.bold : FONT.regular)
        .fontSize(9)
        .fillColor(late ? LATE : INK)
      doc.text(text, x + PAD, y + PAD, {
        width: w[i]! - 2 * PAD,
        align: i === 1 ? 'left' : 'center',
      })
      if (i === 1 && lead) {
        doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED)
        doc.text(lead, x + PAD, y + PAD + heights[1]! + 1, { width: w[i]! - 2 * PAD })
      }
      x += w[i]!
    })
    doc
      .moveTo(MARGIN.left, y + h)
      .lineTo(MARGIN.left + WIDTH, y + h)
      .lineWidth(0.4)
      .stroke(LINE)
    y += h
  })
  return y
}

function projectBlock(doc: Doc, p: ProgressModel['rows'][number]['project'], top: number): number {
  let y = ensure(doc, top, 70)
  y = write(doc, `${p.id}\u3000${p.title}`, y, FONT.bold, 12)
  const about = [
    p.leadUnit && `牵头单位：${p.leadUnit}`,
    p.responsible && `责任人：${p.responsible}`,
    p.budget !== null && `投资额：${p.budget}万元`,
    p.plannedCompletion && `计划完成：${p.plannedCompletion}`,
  ]
    .filter(Boolean)
    .join('\u3000')
  if (about) y = write(doc, about, y + 2, FONT.regular, 9, MUTED)
  if (p.withdrawn)
    y = write(
      doc,
      `该表决已宣布无效（${p.withdrawn.reason}），项目已撤销，保留进展记录。`,
      y + 2,
      FONT.bold,
      9,
      '#c00000',
    )
  if (p.updates.length === 0) return write(doc, progressLabels.noUpdates, y + 4, FONT.regular, 9.5)
  const updates = newestFirst(p.updates).reverse()
  for (const u of updates) {
    y = ensure(doc, y + 6, 40)
    const edited = u.earlier.length > 0 ? progressLabels.edited(u.earlier.length) : ''
    y = write(
      doc,
      `${u.date}\u3000${kindLabels[u.kind]}\u3000完成 ${u.percent}%${edited}`,
      y,
      FONT.bold,
      9.5,
    )
    if (u.text) y = write(doc, u.text, y + 1, FONT.regular, 9.5, INK, 12)
    for (const o of u.opinions) {
      y = ensure(doc, y + 2, 24)
      y = write(
        doc,
        `代表意见：${opinionText(o)}`,
        y,
        FONT.regular,
        9,
        o.answered ? MUTED : LATE,
        12,
      )
    }
  }
  return y
}
