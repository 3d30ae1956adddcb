import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Test helpers that open a DOCX as a clerk's office suite does: LibreOffice headless converts
 * it, and the test reads what came out. Its own profile folder each time, so two runs never
 * wait on each other's lock.
 */

export const hasSoffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].some(existsSync)
export const needsSoffice = 'needs LibreOffice (apt-get install libreoffice-writer-nogui)'

function convert(docx: Buffer, to: string, ext: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'office-docx-'))
  try {
    const file = join(dir, 'in.docx')
    writeFileSync(file, docx)
    const profile = pathToFileURL(join(dir, 'profile')).href
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', dir, file],
      { stdio: 'ignore', timeout: 120_000 },
    )
    return readFileSync(join(dir, `in.${ext}`))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The document's text as LibreOffice reads it (UTF-8 plain text). */
export function docxText(docx: Buffer): string {
  return convert(docx, 'txt:Text (encoded):UTF8', 'txt').toString('utf8')
}

/** The document as LibreOffice lays it out, for a look at its pages (pdftoppm). */
export function docxPdf(docx: Buffer): Buffer {
  return convert(docx, 'pdf', 'pdf')
}
