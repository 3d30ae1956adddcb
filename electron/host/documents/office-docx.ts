import type * as DocxModule from 'docx'
import type { Footer, IParagraphOptions, ISectionOptions, Paragraph, Table, TextRun } from 'docx'

type Docx = typeof DocxModule
let loaded: Docx | null = null

/**
 * docx, loaded by the first document that needs it: the report worker also runs for a close,
 * which draws no Word document, and loading docx there cost every close its time.
 */
export async function loadDocx(): Promise<void> {
  loaded ??= await import('docx')
}

function docx(): Docx {
  if (!loaded) throw new Error('loadDocx() first')
  return loaded
}

/**
 * What the office's Word documents share (docx on npm): an A4 page with the margins of a
 * government document, 仿宋 for the body and 黑体 for headings (Word and WPS on Chinese Windows
 * have both; LibreOffice substitutes its own CJK fonts), page numbers at the foot.
 *
 * Every word is a plain text run: names that came from imports never become a field, a
 * hyperlink or anything Word would run or follow (docx escapes the text as XML).
 */

export const FONTS = { body: '仿宋', heading: '黑体', title: '宋体' } as const

/** Half-points, as Word counts sizes: 三号 16 pt is 32. */
const size = (pt: number) => Math.round(pt * 2)

export interface RunStyle {
  bold?: boolean
  pt?: number
  font?: string
  color?: string
}

export function run(text: string, style: RunStyle = {}): TextRun {
  const { TextRun } = docx()
  const font = style.font ?? FONTS.body
  return new TextRun({
    text,
    bold: style.bold ?? false,
    size: size(style.pt ?? 14),
    font: { ascii: font, eastAsia: font, hAnsi: font },
    ...(style.color ? { color: style.color } : {}),
  })
}

/** A paragraph of one run. `indent`: the first line indented two characters, as Chinese prose. */
export function para(
  text: string,
  style: RunStyle & { align?: 'left' | 'center' | 'right'; indent?: boolean; after?: number } = {},
): Paragraph {
  const { AlignmentType, LineRuleType, Paragraph } = docx()
  const align = {
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
  }
  const options: IParagraphOptions = {
    children: [run(text, style)],
    alignment: align[style.align ?? 'left'],
    // Exact line heights, as government documents set them: a substituted font's own metrics
    // (LibreOffice has no 宋体) otherwise crowd a wrapped title's lines together.
    spacing: {
      after: style.after ?? 120,
      line: Math.round((style.pt ?? 14) * 20 * 1.5),
      lineRule: LineRuleType.EXACT,
    },
    ...(style.indent ? { indent: { firstLine: size(style.pt ?? 14) * 20 } } : {}),
  }
  return new Paragraph(options)
}

/** A table with a bold header row; every cell plain text. Widths in per cent of the line. */
export function table(header: string[], rows: string[][], widths?: number[], pt = 10.5): Table {
  const { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } = docx()
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
  const borders = { top: border, bottom: border, left: border, right: border }
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      borders,
      ...(widths ? { width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ children: [run(text, { bold, pt })] })],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((text, i) => cell(text, i, false)) })),
    ],
  })
}

/** — 1 — at the foot of every page. */
function pageFooter(): Footer {
  const { AlignmentType, Footer, PageNumber, Paragraph, TextRun } = docx()
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: size(10.5) })],
      }),
    ],
  })
}

/** The document as .docx bytes: one A4 section with government-document margins. */
export async function packDocx(
  about: { title: string; subject?: string },
  children: ISectionOptions['children'],
): Promise<Buffer> {
  const { Document, Packer } = docx()
  const cm = (n: number) => Math.round((n / 2.54) * 1440)
  const doc = new Document({
    creator: '民生实事项目票决',
    title: about.title,
    ...(about.subject ? { subject: about.subject } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: cm(21), height: cm(29.7) },
            margin: { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6) },
          },
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
