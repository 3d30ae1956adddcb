import { createCanvas } from '@napi-rs/canvas'
import jsQR from 'jsqr'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { CARDS_PER_PAGE, cardLayout } from '../electron/host/documents/credential-cards.pdf'

/**
 * Reads a credential-card PDF as a printer and a phone would: pdf.js renders each page (with a
 * canvas from @napi-rs/canvas, no system tools), and jsQR decodes the code on each card.
 */

export interface CardsPdf {
  /** Page sizes in points. */
  pages: { width: number; height: number }[]
  /** The text of each card's QR code, in card order; null where a card slot held no code. */
  codes: (string | null)[]
}

const dpi = 200

export async function readCardsPdf(pdf: Buffer): Promise<CardsPdf> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise
  const pages: CardsPdf['pages'] = []
  const codes: CardsPdf['codes'] = []
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p)
      const [x0, y0, x1, y1] = page.view as [number, number, number, number]
      pages.push({ width: x1 - x0, height: y1 - y0 })
      const scale = dpi / 72
      const viewport = page.getViewport({ scale })
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
      const context = canvas.getContext('2d')
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
      }).promise
      for (let slot = 0; slot < CARDS_PER_PAGE; slot++) {
        // Each card's own box: one code per crop, as a phone held over one card sees it.
        const { card } = cardLayout((p - 1) * CARDS_PER_PAGE + slot)
        const box = {
          x: Math.floor(card.x * scale),
          y: Math.floor(card.y * scale),
          w: Math.floor(card.w * scale),
          h: Math.floor(card.h * scale),
        }
        const image = context.getImageData(box.x, box.y, box.w, box.h)
        const found = jsQR(new Uint8ClampedArray(image.data.buffer), image.width, image.height)
        codes.push(found?.data ?? null)
      }
      page.cleanup()
    }
  } finally {
    await doc.destroy()
  }
  // Trailing empty slots of the last page are not cards.
  while (codes.length > 0 && codes.at(-1) === null) codes.pop()
  return { pages, codes }
}

/** The page sizes of any PDF, in points. */
export async function pdfPageSizes(pdf: Buffer): Promise<{ width: number; height: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  try {
    const sizes = []
    for (let p = 1; p <= doc.numPages; p++) {
      const [x0, y0, x1, y1] = (await doc.getPage(p)).view as [number, number, number, number]
      sizes.push({ width: x1 - x0, height: y1 - y0 })
    }
    return sizes
  } finally {
    await doc.destroy()
  }
}

/** A4 in points, as PDF writers round it. */
export const A4 = { width: 595.28, height: 841.89 }
