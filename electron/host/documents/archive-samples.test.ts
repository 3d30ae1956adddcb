import { formatJoinCode } from '../../../shared/protocol/join-code'
import { newJoinCode } from '../services/credentials'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'
import meeting from '../../../resources/demo/meeting.json' with { type: 'json' }
import { renderCredentialCardsPdf, renderJoinSheetPdf } from './credential-cards.pdf'
import { skipUnless } from '../testing/skip-unless'
import { hasTool } from './pdf-inspect.fixture'
import * as fixtures from './report.fixture'
import { renderResultReportPdf } from './result-report.pdf'
import { renderResultXlsx } from './result-report.xlsx'

/**
 * Sample documents for a human to look at (layout, Chinese glyphs), written to
 * artifacts/archive/ only on request: ARCHIVE_SAMPLES=1 npx vitest run electron/host/documents
 */
const out = fileURLToPath(new URL('../../../artifacts/archive/', import.meta.url))

describe('archive samples', () => {
  it('writes each document and, with pdftoppm, its pages as PNG', async (ctx) => {
    skipUnless(
      ctx,
      process.env.ARCHIVE_SAMPLES,
      'for a human, on request: ARCHIVE_SAMPLES=1 npx vitest run electron/host/documents',
    )
    mkdirSync(out, { recursive: true })
    const reports = {
      select: fixtures.selectInput,
      'per-item': fixtures.perItemInput,
      motion: fixtures.motionInput,
      rating: fixtures.ratingInput,
      void: fixtures.voidInput,
      long: fixtures.longInput,
    }
    const pdfs: [string, Buffer][] = []
    for (const [name, make] of Object.entries(reports)) {
      pdfs.push([`report-${name}`, await renderResultReportPdf(make())])
      writeFileSync(join(out, `report-${name}.xlsx`), await renderResultXlsx(make()))
    }
    const cards = meeting.deputies.slice(0, 20).map((d, i) => ({
      ...d,
      joinUrl: `http://192.168.1.10:8080/d/#c=sample-credential-${i}`,
      joinCode: formatJoinCode(newJoinCode()),
    }))
    cards[3] = { ...cards[3]!, name: '阿卜杜热合曼·买买提' }
    pdfs.push(['cards', await renderCredentialCardsPdf({ meetingTitle: meeting.title, cards })])
    const wifi = {
      wifiName: 'QCRD-Hall',
      wifiPassword: 'renda2027',
      hostUrl: 'http://192.168.1.10:8080/',
    }
    pdfs.push(['join-sheet', await renderJoinSheetPdf({ meetingTitle: meeting.title, ...wifi })])
    const png = hasTool('pdftoppm')
    for (const [name, pdf] of pdfs) {
      const file = join(out, `${name}.pdf`)
      writeFileSync(file, pdf)
      if (png) execFileSync('pdftoppm', ['-r', '80', '-png', file, join(out, name)])
    }
  })
})
