import PDFDocument from 'pdfkit'
import type { CjkFonts } from './pdf-fonts'
import { FONT, loadCjkFonts, registerCjkFonts } from './pdf-fonts'

/** A4 in points, the only paper the hall's printers are asked for. */
export const A4 = { width: 595.28, height: 841.89 } as const

export interface PdfMeta {
  title: string
  subject: string
  /**
   * Written as the PDF's creation date, which pdfkit also hashes into the file ID: with it fixed,
   * the same input renders to the same bytes (an archive can be re-rendered and compared).
   */
  createdAt: Date
  fonts?: CjkFonts
  /**
   * Keep every page in memory until the end, so `footers` can write "第 1 页 / 共 3 页" once the
   * count is known (the default). Without, pdfkit writes each page out as the next begins: a
   * document of hundreds of pages (credential cards for thousands of deputies) then holds one.
   */
  bufferPages?: boolean
}

export interface PdfBuild {
  doc: PDFKit.PDFDocument
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>
}

export const MARGIN = { top: 48, bottom: 48, left: 50, right: 50 } as const

/** An A4 document with the Chinese fonts registered and the regular one selected. */
export function createPdf(meta: PdfMeta): PdfBuild {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    bufferPages: meta.bufferPages ?? true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Creator: '民生实事票决 Plenary Vote',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  })
  registerCjkFonts(doc, meta.fonts ?? loadCjkFonts())
  doc.font(FONT.regular)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return {
    doc,
    finish() {
      doc.end()
      return done
    },
  }
}

/**
 * Runs `draw` with the bottom margin lifted: pdfkit starts a new page for any text below the
 * margin, which would turn a footer into an extra blank page.
 */
export function belowMargin(doc: PDFKit.PDFDocument, draw: () => void): void {
  const saved = doc.page.margins.bottom
  doc.page.margins.bottom = 0
  try {
    draw()
  } finally {
    doc.page.margins.bottom = saved
  }
}

/** Writes `text(i, count)` at the foot of every buffered page. */
export function footers(
  doc: PDFKit.PDFDocument,
  text: (page: number, count: number) => { left: string; right: string },
): void {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const { left, right } = text(i - start + 1, count)
    const y = doc.page.height - MARGIN.bottom + 16
    const width = doc.page.width - MARGIN.left - MARGIN.right
    belowMargin(doc, () => {
      doc.font(FONT.regular).fontSize(8).fillColor('#666666')
      doc.text(left, MARGIN.left, y, { width: width * 0.7, lineBreak: false })
      doc.text(right, MARGIN.left, y, { width, align: 'right', lineBreak: false })
    })
  }
}

/** Shortens `text` with an ellipsis until it fits `width` at the current font and size. */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  const chars = [...text]
  while (chars.length > 0 && doc.widthOfString(chars.join('') + '…') > width) chars.pop()
  return chars.join('') + '…'
}

/**
 * A large pale word across the middle of every buffered page (演练 on a rehearsal's papers),
 * drawn last and light enough to read the page through: a photocopy of any one page still
 * says what it is.
 */
export function watermarks(doc: PDFKit.PDFDocument, word: string): void {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    watermark(doc, word, { x: 0, y: 0, w: doc.page.width, h: doc.page.height }, 150)
  }
}

/** `word` across the middle of `box`, turned 30°, pale red. */
export function watermark(
  doc: PDFKit.PDFDocument,
  word: string,
  box: { x: number; y: number; w: number; h: number },
  size: number,
): void {
  const cx = box.x + box.w / 2
  const cy = box.y + box.h / 2
  belowMargin(doc, () => {
    doc.save()
    doc.rotate(-30, { origin: [cx, cy] })
    doc.font(FONT.bold).fontSize(size).fillColor('#d42020').fillOpacity(0.13)
    const w = doc.widthOfString(word)
    doc.text(word, cx - w / 2, cy - size * 0.6, { lineBreak: false })
    doc.restore()
    // pdfkit tracks opacity itself too: what is drawn next is opaque again.
    doc.fillOpacity(1)
  })
}
