import type { ReportModel, Tone } from './report-model'
import { fitText, MARGIN } from './pdf-document'
import { FONT } from './pdf-fonts'
import { reportLabels } from './report-labels'

/** Print colours that stay distinct when photocopied in greyscale (dark → light). */
export const toneColors: Readonly<Record<Tone, string>> = {
  primary: '#1f4e8c',
  secondary: '#7fa6d6',
  muted: '#b9c0c8',
  negative: '#c0504d',
  neutral: '#e4e7eb',
}

const THRESHOLD = '#c00000'
const LABEL_W = 150
const VALUE_W = 46
const BAR_H = 10
const PITCH = 17
const HEAD = 30

/** Vertical room the chart needs for `bars` bars (with its legend and threshold label). */
export function chartHeight(bars: number): number {
  return HEAD + bars * PITCH + 6
}

function legend(doc: PDFKit.PDFDocument, entries: [string, Tone][], y: number): void {
  let x = MARGIN.left
  doc.font(FONT.regular).fontSize(8)
  for (const [label, tone] of entries) {
    doc.rect(x, y + 1.5, 9, 7).fill(toneColors[tone])
    doc.fillColor('#333333').text(label, x + 12, y, { lineBreak: false })
    x += 12 + doc.widthOfString(label) + 14
  }
}

/**
 * A horizontal bar chart drawn with vector primitives: one bar per item (stacked by mark), a
 * dashed line at the needed votes. Continues on a new page when the bars run past `bottom`, with
 * legend and threshold repeated so every page reads on its own.
 */
export function drawResultChart(
  doc: PDFKit.PDFDocument,
  chart: ReportModel['chart'],
  top: number,
  bottom: number,
): number {
  const width = doc.page.width - MARGIN.left - MARGIN.right
  const x0 = MARGIN.left + LABEL_W
  const barW = width - LABEL_W - VALUE_W
  const scale = (v: number) => (v / chart.scaleMax) * barW
  const lineX = x0 + scale(chart.threshold)

  const startSegment = (y: number): number => {
    legend(doc, chart.legend, y)
    const text = `${reportLabels.thresholdLine} ${chart.threshold}${reportLabels.votesUnit}`
    doc.font(FONT.regular).fontSize(7.5).fillColor(THRESHOLD)
    const tw = doc.widthOfString(text)
    // Keep the label on the paper when the line sits near the right edge.
    const tx = Math.min(lineX - tw / 2, MARGIN.left + width - tw)
    doc.text(text, tx, y + 14, { lineBreak: false })
    return y + HEAD
  }
  const endSegment = (from: number, to: number): void => {
    doc
      .moveTo(lineX, from - 4)
      .lineTo(lineX, to)
      .lineWidth(1)
      .dash(3, { space: 2 })
      .stroke(THRESHOLD)
    doc.undash()
  }

  let y = startSegment(top)
  let segmentTop = y
  for (const bar of chart.bars) {
    if (y + PITCH > bottom) {
      endSegment(segmentTop, y)
      doc.addPage()
      y = startSegment(MARGIN.top)
      segmentTop = y
    }
    doc.font(FONT.regular).fontSize(8).fillColor('#1a1a1a')
    doc.text(fitText(doc, bar.label, LABEL_W - 8), MARGIN.left, y + 1, { lineBreak: false })
    // A hairline frame shows the full scale, so a short bar still reads as a share of it.
    doc.rect(x0, y, barW, BAR_H).lineWidth(0.3).stroke('#d5d9de')
    let x = x0
    for (const seg of bar.segments) {
      const w = scale(seg.value)
      if (w > 0) doc.rect(x, y, w, BAR_H).fill(toneColors[seg.tone])
      x += w
    }
    doc.font(FONT.regular).fontSize(8).fillColor('#1a1a1a')
    doc.text(bar.valueText, x0 + barW + 4, y + 1, { width: VALUE_W - 4, lineBreak: false })
    y += PITCH
  }
  endSegment(segmentTop, y - PITCH + BAR_H + 4)
  return y + 6
}
