import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'

/**
 * The Chinese fonts the archive PDFs embed. They ship in resources/fonts (the hall is offline and
 * a PDF viewer's fallback font may lack Chinese), subset to GB2312 by resources/fonts/make-subset.sh.
 */

/**
 * From the source tree the fonts are three folders up; once the host is bundled (the desktop
 * shell's utility process) that relative path means nothing, so the shell names the folder in
 * PLENARY_FONTS_DIR.
 */
export const defaultFontsDir =
  process.env.PLENARY_FONTS_DIR ??
  fileURLToPath(new URL('../../../resources/fonts/', import.meta.url))

export const fontFiles = {
  regular: 'NotoSansSC-GB2312-Regular.ttf',
  bold: 'NotoSansSC-GB2312-Bold.ttf',
} as const

/** Names the fonts are registered under in every document. */
export const FONT = { regular: 'cjk', bold: 'cjk-bold' } as const

export interface CjkFonts {
  regular: Buffer
  bold: Buffer
}

const cache = new Map<string, CjkFonts>()

/** Reads the two font files once per folder; a missing file throws with the path it looked at. */
export function loadCjkFonts(dir: string = defaultFontsDir): CjkFonts {
  const hit = cache.get(dir)
  if (hit) return hit
  const fonts = {
    regular: readFileSync(join(dir, fontFiles.regular)),
    bold: readFileSync(join(dir, fontFiles.bold)),
  }
  cache.set(dir, fonts)
  return fonts
}

/** What the documents need from a pdfkit document to use the fonts. */
export interface FontRegistry {
  registerFont(name: string, src: Buffer): unknown
}

export function registerCjkFonts(doc: FontRegistry, fonts: CjkFonts = loadCjkFonts()): void {
  doc.registerFont(FONT.regular, fonts.regular)
  doc.registerFont(FONT.bold, fonts.bold)
}

/** pdfkit's font object wraps fontkit's; its cmap is not in pdfkit's public types. */
interface LoadedFont {
  _font?: { font?: { characterSet?: number[] } }
}

let coverage: ReadonlySet<number> | null = null

function regularCoverage(): ReadonlySet<number> {
  if (coverage === null) {
    const doc = new PDFDocument({ autoFirstPage: false })
    doc.font(loadCjkFonts().regular)
    const set = (doc as unknown as LoadedFont)._font?.font?.characterSet
    if (!set) throw new Error('pdfkit no longer exposes the font cmap: update uncoveredChars')
    coverage = new Set(set)
  }
  return coverage
}

/**
 * The distinct characters of `text` the shipped font cannot draw (they would print as empty
 * boxes), e.g. a rare character in a deputy's name. Staff can be warned before printing.
 */
export function uncoveredChars(text: string): string[] {
  const font = regularCoverage()
  const missing = new Set<string>()
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    // Line breaks and other controls are layout, not glyphs.
    if (cp < 0x20 || font.has(cp)) continue
    missing.add(ch)
  }
  return [...missing]
}
