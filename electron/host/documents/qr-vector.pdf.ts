import QRCode from 'qrcode'

/** The quiet zone the QR standard asks for, in modules, so scanners find the code's edge. */
export const QUIET_MODULES = 4

/**
 * Error correction M (15%): survives a crease or a thumb on a laminated card, and keeps a
 * join URL with a 128-bit credential at a size phones read from arm's length.
 */
export function qrMatrix(text: string): { size: number; dark(row: number, col: number): boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  return { size: modules.size, dark: (r, c) => modules.get(r, c) === 1 }
}

/**
 * Draws `text` as a QR code of `size` points (quiet zone included) with vector rectangles: sharp
 * at any printer resolution and no image to embed. Dark runs of a row become one rectangle.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const m = qrMatrix(text)
  const unit = size / (m.size + 2 * QUIET_MODULES)
  const ox = x + QUIET_MODULES * unit
  const oy = y + QUIET_MODULES * unit
  doc.save()
  doc.rect(x, y, size, size).fill('#ffffff')
  for (let r = 0; r < m.size; r++) {
    let c = 0
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < m.size && m.dark(r, c)) c++
      doc.rect(ox + start * unit, oy + r * unit, (c - start) * unit, unit)
    }
  }
  doc.fill('#000000')
  doc.restore()
}
