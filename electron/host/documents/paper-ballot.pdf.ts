import { sessionLine } from '../../../shared/hall/meeting-details'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import { ballotLabels } from './ballot-labels'
import { A4, createPdf, footers, MARGIN, watermarks } from './pdf-document'
import type { CjkFonts } from './pdf-fonts'
import { FONT } from './pdf-fonts'
import { meetingLabels } from './report-labels'

export interface PaperBallotInput {
  meetingTitle: string
  meetingDetails?: MeetingDetails | null
  rehearsal?: boolean
  vote: Pick<VoteDef, 'title' | 'rules' | 'candidates' | 'motion'>
  /** Lead units by project id, printed small under each name (none for a motion). */
  leadUnits?: ReadonlyMap<string, string>
  generatedAt: Date
}

type Doc = PDFKit.PDFDocument
const WIDTH = A4.width - MARGIN.left - MARGIN.right
const BOTTOM = A4.height - MARGIN.bottom - 24
const INK = '#111111'
const BOX = 15
const ORDER_W = 36
const MARK_W = 56
/** Sized so a county's 13 candidates with their lead units fit one A4 page. */
const TITLE_PT = 11
const UNDER_PT = 8

/** What the ballot tells the deputy to do, from the vote's kind and rules. */
export function ballotHowTo(vote: PaperBallotInput['vote']): string {
  const { rules } = vote
  const h = ballotLabels.howTo
  switch (rules.kind) {
    case 'select':
      return h.select(vote.candidates.length, rules.seats ?? vote.candidates.length)
    case 'per-item':
      return h.perItem + (rules.maxFor === null ? '' : h.perItemMax(rules.maxFor))
    case 'motion':
      return h.motion
    case 'rating':
      return h.rating
  }
}

/**
 * The paper ballot of a vote, printed before the meeting for the hall's paper count: the
 * meeting and the vote's title, what to mark and how many (最多选 K 项), a row per item in ballot
 * order with a box under each mark its kind allows (赞成 for 差额; 赞成/反对/弃权 for 逐项 and
 * 决议; 满意/基本满意/不满意/弃权 for 满意度), and the reminder that it is secret. Every copy is
 * the same: no serial number, no code, nothing that could tell one deputy's ballot from
 * another's. A long list runs onto further pages, each saying it is the same ballot.
 */
export async function renderPaperBallotPdf(
  input: PaperBallotInput,
  options: { fonts?: CjkFonts } = {},
): Promise<Buffer> {
  const { vote } = input
  const kind = vote.rules.kind
  const { doc, finish } = createPdf({
    title: `${vote.title} ${ballotLabels.title[kind]}`,
    subject: input.meetingTitle,
    createdAt: input.generatedAt,
    ...options,
  })
  const details = input.meetingDetails ?? emptyMeetingDetails
  const mark = input.rehearsal ? meetingLabels.rehearsalMark : ''
  const heading = mark + (sessionLine(input.meetingTitle, details) || input.meetingTitle)
  let y = centered(doc, heading, MARGIN.top, FONT.regular, 12, '#333333')
  y = centered(doc, spaced(ballotLabels.title[kind]), y + 6, FONT.bold, 26)
  y = centered(doc, vote.title, y + 6, FONT.bold, 15)
  if (kind === 'motion' && vote.motion) y = motionText(doc, vote.motion, y + 10)
  y = howTo(doc, ballotHowTo(vote), y + 14)
  const columns = ballotLabels.columns[kind]
  y = header(doc, kind === 'motion' ? ballotLabels.motion : ballotLabels.project, columns, y + 12)
  for (const [i, c] of vote.candidates.entries()) {
    const under = input.leadUnits?.get(c.id) ?? ''
    const h = rowHeight(doc, c.title, under, columns.length)
    if (y + h > BOTTOM - 40) {
      doc.addPage()
      y = header(doc, ballotLabels.project, columns, MARGIN.top)
    }
    y = row(doc, i + 1, c.title, under, columns.length, y, h)
  }
  doc.font(FONT.bold).fontSize(11).fillColor(INK)
  doc.text(ballotLabels.secret, MARGIN.left, Math.min(y + 16, BOTTOM - 14), { width: WIDTH })
  footers(doc, (page, count) => ({
    left: `${mark}${vote.title}`,
    right: count > 1 ? ballotLabels.page(page, count) : '',
  }))
  if (input.rehearsal) watermarks(doc, meetingLabels.rehearsal)
  return finish()
}

/** 选票 → 选 票 (with an ideographic space): a two-character title is set wide, as printed ballots are. */
function spaced(title: string): string {
  return [...title].length === 2 ? [...title].join('\u3000') : title
}

function centered(doc: Doc, text: string, y: number, font: string, size: number, color = INK) {
  doc.font(font).fontSize(size).fillColor(color)
  doc.text(text, MARGIN.left, y, { width: WIDTH, align: 'center' })
  return y + doc.heightOfString(text, { width: WIDTH })
}

function motionText(doc: Doc, m: NonNullable<PaperBallotInput['vote']['motion']>, y: number) {
  const lines = [m.docNumber ? `${ballotLabels.docNumber}：${m.docNumber}` : '', m.summary]
  doc.font(FONT.regular).fontSize(11).fillColor(INK)
  for (const line of lines.filter((l) => l !== '')) {
    doc.text(line, MARGIN.left, y, { width: WIDTH })
    y += doc.heightOfString(line, { width: WIDTH }) + 4
  }
  return y
}

function howTo(doc: Doc, text: string, y: number): number {
  doc.font(FONT.regular).fontSize(11)
  const h = doc.heightOfString(text, { width: WIDTH - 20 }) + 14
  doc.rect(MARGIN.left, y, WIDTH, h).lineWidth(0.8).stroke('#555555')
  doc.fillColor(INK).text(text, MARGIN.left + 10, y + 7, { width: WIDTH - 20 })
  return y + h
}

function titleWidth(marks: number): number {
  return WIDTH - ORDER_W - MARK_W * marks
}

function header(doc: Doc, titleLabel: string, columns: readonly string[], y: number): number {
  const h = 26
  doc.rect(MARGIN.left, y, WIDTH, h).fillAndStroke('#eeeeee', '#333333')
  doc.font(FONT.bold).fontSize(10.5).fillColor(INK)
  doc.text(ballotLabels.order, MARGIN.left, y + 8, { width: ORDER_W, align: 'center' })
  doc.text(titleLabel, MARGIN.left + ORDER_W + 8, y + 8, { width: titleWidth(columns.length) - 16 })
  columns.forEach((label, i) => {
    const x = MARGIN.left + ORDER_W + titleWidth(columns.length) + i * MARK_W
    doc.text(label, x, y + 8, { width: MARK_W, align: 'center' })
  })
  return y + h
}

function rowHeight(doc: Doc, title: string, under: string, marks: number): number {
  const w = titleWidth(marks) - 16
  doc.font(FONT.regular).fontSize(TITLE_PT)
  let h = doc.heightOfString(title, { width: w })
  if (under) h += doc.font(FONT.regular).fontSize(UNDER_PT).heightOfString(under, { width: w }) + 1
  return Math.max(28, h + 8)
}

function row(
  doc: Doc,
  n: number,
  title: string,
  under: string,
  marks: number,
  y: number,
  h: number,
): number {
  const tw = titleWidth(marks)
  doc.rect(MARGIN.left, y, WIDTH, h).lineWidth(0.6).stroke('#333333')
  doc.font(FONT.regular).fontSize(TITLE_PT).fillColor(INK)
  doc.text(String(n), MARGIN.left, y + 4, { width: ORDER_W, align: 'center' })
  doc.text(title, MARGIN.left + ORDER_W + 8, y + 4, { width: tw - 16 })
  if (under) {
    const th = doc.heightOfString(title, { width: tw - 16 })
    doc.font(FONT.regular).fontSize(UNDER_PT).fillColor('#444444')
    doc.text(under, MARGIN.left + ORDER_W + 8, y + 5 + th, { width: tw - 16 })
  }
  for (let i = 0; i <= marks; i++) {
    const x = MARGIN.left + ORDER_W + tw + i * MARK_W
    doc
      .moveTo(x, y)
      .lineTo(x, y + h)
      .lineWidth(0.6)
      .stroke('#333333')
  }
  doc
    .moveTo(MARGIN.left + ORDER_W, y)
    .lineTo(MARGIN.left + ORDER_W, y + h)
    .stroke('#333333')
  for (let i = 0; i < marks; i++) {
    const cx = MARGIN.left + ORDER_W + tw + i * MARK_W + MARK_W / 2
    doc
      .rect(cx - BOX / 2, y + h / 2 - BOX / 2, BOX, BOX)
      .lineWidth(1)
      .stroke('#111111')
  }
  return y + h
}
