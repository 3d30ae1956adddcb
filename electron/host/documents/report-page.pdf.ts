import { A4, footers, MARGIN, watermarks } from './pdf-document'
import { FONT } from './pdf-fonts'
import { meetingLabels } from './report-labels'

/**
 * The reports' page, one look for the result report and the year's progress report: the width
 * and foot of the text, its inks, the heading, paragraphs that move to a new page whole, and
 * the footers with the 演练 mark.
 */

type Doc = PDFKit.PDFDocument

/** The text's width between the margins. */
export const BODY_WIDTH = A4.width - MARGIN.left - MARGIN.right
/** Lowest y for content; the footer sits below it. */
export const BODY_BOTTOM = A4.height - MARGIN.bottom

export const PDF_INK = '#1a1a1a'
export const PDF_MUTED = '#5f6b7a'
export const PDF_LINE = '#9aa3ad'
const ACCENT = '#1f4e8c'
const REHEARSAL_RED = '#c00000'

/** Starts a new page when less than `need` points are left below `y`. */
export function ensureRoom(doc: Doc, y: number, need: number): number {
  if (y + need <= BODY_BOTTOM) return y
  doc.addPage()
  return MARGIN.top
}

export function centered(
  doc: Doc,
  text: string,
  y: number,
  font: string,
  size: number,
  color = PDF_INK,
): number {
  doc.font(font).fontSize(size).fillColor(color)
  doc.text(text, MARGIN.left, y, { width: BODY_WIDTH, align: 'center' })
  return y + doc.heightOfString(text, { width: BODY_WIDTH })
}

/**
 * The session (red on a rehearsal's papers), the report's name large, what it reports on (left
 * out when it would only repeat the session), and a rule; returns the y of the rule.
 */
export function reportHeading(
  doc: Doc,
  head: { session: string; rehearsal: boolean; title: string; subject: string | null },
): number {
  const color = head.rehearsal ? REHEARSAL_RED : '#333333'
  let y = centered(doc, head.session, MARGIN.top, FONT.regular, 12, color)
  y = centered(doc, head.title, y + 6, FONT.bold, 22)
  if (head.subject !== null) y = centered(doc, head.subject, y + 4, FONT.bold, 14)
  doc
    .moveTo(MARGIN.left, y + 8)
    .lineTo(MARGIN.left + BODY_WIDTH, y + 8)
    .lineWidth(1.2)
    .stroke(ACCENT)
  return y + 8
}

/**
 * A paragraph at `y`, on the next page when it does not fit whole below `y`; `indent` moves it
 * right. Returns the y below it.
 */
export function paragraph(
  doc: Doc,
  text: string,
  y: number,
  style: { font: string; size: number; color?: string; indent?: number },
): number {
  const indent = style.indent ?? 0
  const width = BODY_WIDTH - indent
  doc.font(style.font).fontSize(style.size)
  const h = doc.heightOfString(text, { width })
  y = ensureRoom(doc, y, h)
  doc.fillColor(style.color ?? PDF_INK).text(text, MARGIN.left + indent, y, { width })
  return y + h
}

/** A section's title with the accent bar before it; returns the y below it. */
export function sectionTitle(doc: Doc, text: string, y: number): number {
  doc.rect(MARGIN.left, y + 2, 3, 11).fill(ACCENT)
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(PDF_INK)
    .text(text, MARGIN.left + 8, y)
  return y + 20
}

/**
 * Once every page is drawn: the footers (the meeting and what the report is on the left, the
 * page and the count on the right) and, on a rehearsal's papers, 【演练】 in the footer and a
 * pale 演练 across every page.
 */
export function reportFooters(
  doc: Doc,
  foot: { rehearsal: boolean; left: string; page: (page: number, count: number) => string },
): void {
  const mark = foot.rehearsal ? meetingLabels.rehearsalMark : ''
  footers(doc, (page, count) => ({ left: `${mark}${foot.left}`, right: foot.page(page, count) }))
  if (foot.rehearsal) watermarks(doc, meetingLabels.rehearsal)
}
