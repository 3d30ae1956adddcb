import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Box } from './credential-cards.pdf'
import { QUIET_MODULES, qrMatrix } from './qr-vector.pdf'

/** Test helpers that look at rendered PDFs from the outside, as a reader or printer would. */

export function pageCount(pdf: Buffer): number {
  // Page objects are plain dictionaries (pdfkit compresses content streams only).
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
}

export function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function withTemp<T>(pdf: Buffer, run: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'archive-pdf-'))
  try {
    const file = join(dir, 'in.pdf')
    writeFileSync(file, pdf)
    return run(dir, file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * What qpdf says of the file's structure (xref, objects, streams): '' when it found nothing
 * wrong, else its complaints. qpdf exits 0 when clean and 3 with warnings.
 */
export function qpdfProblems(pdf: Buffer): string {
  return withTemp(pdf, (_dir, file) => {
    try {
      const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8', stdio: 'pipe' })
      return /No syntax or stream encoding errors found/.test(out) ? '' : out
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string }
      return `${e.stdout ?? ''}${e.stderr ?? ''}` || String(error)
    }
  })
}

/** The fonts pdffonts lists, by name, with whether each is embedded (a printer needs them). */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  return withTemp(pdf, (_dir, file) => {
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2)
    // name type encoding emb sub uni object ID: the three yes/no columns precede the object id.
    return lines
      .map((line) => /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ name: m[1]!, embedded: m[2] === 'yes' }))
  })
}

/** Text of the PDF as poppler extracts it: proves the Chinese maps back to Unicode. */
export function pdfText(pdf: Buffer): string {
  return withTemp(pdf, (_dir, file) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))
}

export interface Gray {
  width: number
  height: number
  /** 0 (black) – 255 (white) at pixel (x, y). */
  at(x: number, y: number): number
}

/** Rasterises one page (1-based) in greyscale with pdftoppm and reads the PGM it writes. */
export function rasterise(pdf: Buffer, page: number, dpi: number): Gray {
  return withTemp(pdf, (dir, file) => {
    const out = join(dir, 'page')
    const args = ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page)]
    execFileSync('pdftoppm', [...args, '-singlefile', file, out])
    const data = readFileSync(`${out}.pgm`)
    // Binary PGM: "P5", width, height, maxval, one whitespace, then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.toString('latin1', 0, 64))
    if (!header) throw new Error('pdftoppm did not write a binary PGM')
    const [all, w, h] = header
    const width = Number(w)
    const offset = all.length
    return { width, height: Number(h), at: (x, y) => data[offset + y * width + x]! }
  })
}

/**
 * Reads the QR drawn in `box` (points, quiet zone included) back off the raster by sampling each
 * module's centre, and returns how many modules differ from the QR code of `text`. A decoder
 * would need a new dependency; comparing against the encoder's matrix checks the same thing
 * (what is on paper is the code of that text) without one.
 */
export function qrMismatches(page: Gray, dpi: number, box: Box, text: string): number {
  const m = qrMatrix(text)
  const scale = dpi / 72
  const unit = box.w / (m.size + 2 * QUIET_MODULES)
  let wrong = 0
  for (let r = -QUIET_MODULES; r < m.size + QUIET_MODULES; r++) {
    for (let c = -QUIET_MODULES; c < m.size + QUIET_MODULES; c++) {
      const x = Math.round((box.x + (QUIET_MODULES + c + 0.5) * unit) * scale)
      const y = Math.round((box.y + (QUIET_MODULES + r + 0.5) * unit) * scale)
      const inside = r >= 0 && c >= 0 && r < m.size && c < m.size
      const expected = inside && m.dark(r, c)
      if (page.at(x, y) < 128 !== expected) wrong++
    }
  }
  return wrong
}
