import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import meeting from '../../../resources/demo/meeting.json' with { type: 'json' }
import { formatJoinCode } from '../../../shared/protocol/join-code'
import { newJoinCode } from '../services/credentials'
import { skipUnless } from '../testing/skip-unless'
import { renderCredentialCardsPdf, renderJoinSheetPdf } from './credential-cards.pdf'
import { hasTool, pdfFonts, pdfText, qpdfProblems } from './pdf-inspect.fixture'
import * as fixtures from './report.fixture'
import type { ResultReportInput } from './report-model'
import { renderResultReportPdf } from './result-report.pdf'
import { renderResultXlsx } from './result-report.xlsx'

/**
 * Our files as the programs offices use read them (issue 25, item 2): every PDF passes qpdf's
 * structural check with its fonts embedded (a print shop's RIP takes nothing else) and its
 * Chinese extracts; the results workbook opened and saved again by LibreOffice keeps its
 * Chinese, its numbers as numbers, and no text that came from an import turns into a formula.
 */

const tools = ['qpdf', 'pdffonts', 'pdftotext'].every((t) =>
  t === 'qpdf' ? existsSync('/usr/bin/qpdf') : hasTool(t),
)
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p))

async function pdfs(): Promise<[string, Buffer, string][]> {
  const out: [string, Buffer, string][] = []
  for (const [name, make] of Object.entries({
    select: fixtures.selectInput,
    'per-item': fixtures.perItemInput,
    motion: fixtures.motionInput,
    rating: fixtures.ratingInput,
    void: fixtures.voidInput,
    long: fixtures.longInput,
  })) {
    const input = make()
    out.push([`report-${name}`, await renderResultReportPdf(input), input.vote.title])
  }
  const cards = meeting.deputies.slice(0, 9).map((d) => ({
    ...d,
    joinUrl: 'http://192.168.1.10:8080/d/#c=sample',
    joinCode: formatJoinCode(newJoinCode()),
  }))
  out.push([
    'cards',
    await renderCredentialCardsPdf({ meetingTitle: meeting.title, cards }),
    cards[0]!.name,
  ])
  const sheet = await renderJoinSheetPdf({
    meetingTitle: meeting.title,
    wifiName: 'QCRD-Hall',
    wifiPassword: 'renda2027',
    hostUrl: 'http://192.168.1.10:8080/',
  })
  out.push(['join-sheet', sheet, meeting.title])
  return out
}

describe('our PDFs as a printer and a reader see them', () => {
  it('pass qpdf --check, embed every font, and extract their Chinese', async (ctx) => {
    skipUnless(ctx, tools, 'needs qpdf and poppler-utils (.ci/run installs them)')
    const all = await pdfs()
    // The check sees damage: a file cut short (a download stopped early) is reported.
    const [, first] = all[0]!
    expect(qpdfProblems(first.subarray(0, first.length - 400))).not.toBe('')
    for (const [name, pdf, text] of all) {
      expect(qpdfProblems(pdf), name).toBe('')
      const fonts = pdfFonts(pdf)
      expect(fonts.length, name).toBeGreaterThan(0)
      expect(
        fonts.filter((f) => !f.embedded),
        name,
      ).toEqual([])
      expect(pdfText(pdf).replace(/\s+/g, ''), name).toContain(text.replace(/\s+/g, ''))
    }
  }, 120_000)
})

/** Text an import may carry that a spreadsheet would run if it ever became a formula. */
const hostile = ['=HYPERLINK("http://x.invalid","点我")', '+86-10-1234', '@SUM(A1:A2)', '-1+1']

function withHostileTitles(input: ResultReportInput): ResultReportInput {
  const candidates = input.vote.candidates.map((c, i) =>
    i < hostile.length ? { ...c, title: hostile[i]! } : c,
  )
  return { ...input, vote: { ...input.vote, candidates } }
}

describe('the results workbook as LibreOffice opens it', () => {
  it('keeps Chinese, numbers as numbers, and imported text as text', async (ctx) => {
    skipUnless(ctx, soffice, 'needs LibreOffice Calc (.ci/run installs it)')
    const dir = await mkdtemp(join(tmpdir(), 'plenary-xlsx-'))
    try {
      const input = withHostileTitles(fixtures.selectInput())
      await writeFile(join(dir, 'results.xlsx'), await renderResultXlsx(input))
      // Opened and saved again by LibreOffice, as an office that edits the file would.
      execFileSync(
        soffice ?? '',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          join(dir, 'saved'),
          join(dir, 'results.xlsx'),
        ],
        { stdio: 'ignore', timeout: 60_000 },
      )
      const book = new ExcelJS.Workbook()
      await book.xlsx.load((await readFile(join(dir, 'saved', 'results.xlsx'))) as never)
      const cells: ExcelJS.Cell[] = []
      book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell))))
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([])
      // LibreOffice saves mixed Chinese and Latin as rich text (a font per script): c.text is
      // what the cell shows either way.
      const texts = cells.filter((c) => typeof c.value !== 'number').map((c) => c.text)
      for (const text of hostile) expect(texts).toContain(text)
      expect(texts.join('')).toContain(input.vote.title)
      // The counts are numbers a clerk can sum, not text that looks like one.
      const numbers = cells.filter((c) => typeof c.value === 'number')
      expect(numbers.length).toBeGreaterThan(input.vote.candidates.length)
      expect(texts.filter((t) => /^\d+$/.test(t))).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
