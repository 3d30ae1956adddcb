import { describe, expect, it } from 'vitest'
import { skipUnless } from '../testing/skip-unless'
import { renderResultReportPdf } from './result-report.pdf'
import type { ResultReportInput } from './report-model'
import { hasTool, pageCount, pdfText } from './pdf-inspect.fixture'
import {
  longInput,
  motionInput,
  paperInput,
  perItemInput,
  ratingInput,
  selectInput,
  voidInput,
} from './report.fixture'

const poppler = hasTool('pdftotext')
const needsPoppler = 'needs pdftotext (apt-get install poppler-utils)'
const kinds: [string, () => ResultReportInput, string[]][] = [
  ['select', selectInput, ['差额票决', '13选10', '另行票决', 'P09', '当选项目（8项）']],
  ['per-item', perItemInput, ['逐项表决', '反对', '弃权', '尚缺 1 项']],
  [
    'motion',
    motionInput,
    ['决议表决', '表决通过', '文号', '青人大〔2027〕3号', '十项民生实事项目'],
  ],
  ['rating', ratingInput, ['满意度测评', '基本满意', '84.6%', '总体满意率']],
  ['void', voidInput, ['本次表决无效', '收回票数多于发出票数']],
  [
    'paper',
    paperInput,
    ['其中平板选票 16 张，纸质选票 20 张', '纸质选票发出 20 张，收回 20 张，其中作废 1 张'],
  ],
]

describe('renderResultReportPdf', () => {
  it.for(kinds)('renders a %s report as a valid PDF', async ([, make, phrases], ctx) => {
    const pdf = await renderResultReportPdf(make())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF')
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1)
    skipUnless(ctx, poppler, needsPoppler)
    // Extracted text proves the Chinese is embedded with a Unicode map, not drawn as boxes.
    const text = pdfText(pdf).replace(/\s+/g, ' ')
    for (const phrase of ['青川区第三届人民代表大会第五次会议', '计票结果报告', ...phrases]) {
      expect(text).toContain(phrase)
    }
    for (const phrase of ['总监票人', '监票人', '计票人', '应到', '未投', 'e3b0c44298fc1c14']) {
      expect(text).toContain(phrase)
    }
  })

  it('prints each scrutineer’s name on a signature line of their own', async (ctx) => {
    const scrutineers = [
      { role: 'chief', name: '周建国', delegation: '城关代表团' },
      { role: 'scrutineer', name: '李秀英', delegation: '' },
      { role: 'scrutineer', name: '王志强', delegation: '东城代表团' },
    ] as const
    const pdf = await renderResultReportPdf({ ...selectInput(), scrutineers: [...scrutineers] })
    skipUnless(ctx, poppler, needsPoppler)
    const text = pdfText(pdf).replace(/\s+/g, '')
    for (const name of ['周建国（城关代表团）', '李秀英', '王志强（东城代表团）'])
      expect(text).toContain(name)
    // Two 监票人 sign on two lines; no 计票人 recorded keeps the blank line.
    expect(text.match(/监票人（签名）/g)?.length).toBe(3)
    expect(text.match(/计票人（签名）/g)?.length).toBe(1)
  })

  it('gives the same bytes for the same input, and differs only through generatedAt', async () => {
    const a = await renderResultReportPdf(selectInput())
    const b = await renderResultReportPdf(selectInput())
    expect(a.equals(b)).toBe(true)
    const later = { ...selectInput(), generatedAt: new Date('2027-01-12T03:00:00Z') }
    expect((await renderResultReportPdf(later)).equals(a)).toBe(false)
  })

  it('breaks 18 long titles over pages with page numbers on each', async (ctx) => {
    const pdf = await renderResultReportPdf(longInput())
    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(2)
    skipUnless(ctx, poppler, needsPoppler)
    // pdftotext drops the spaces between Chinese characters.
    const text = pdfText(pdf).replace(/\s+/g, '')
    for (let p = 1; p <= pages; p++) expect(text).toContain(`第${p}页/共${pages}页`)
    // The header row repeats on the page the table continues on.
    expect(text.match(/是否当选/g)?.length).toBeGreaterThanOrEqual(2)
    expect(text).toContain('Q18')
  })
})
