import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { chinaToday } from '../../../shared/year/year.schema'
import { hasTool, pdfText } from '../documents/pdf-inspect.fixture'
import { call, HostHarness } from '../testing/host-harness'
import { must, runVote } from './year-testing'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function download(path: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${h.host.port}${path}`, {
    headers: { authorization: `Bearer ${h.host.staffToken}` },
  })
}

describe("the year's progress report", () => {
  it('downloads as XLSX (board, updates, opinions) and as a PDF whose text holds the titles', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(6)
    const f = 'for'
    await runVote(h, staff, defaultRules('select', 2), [
      [f, f],
      [f, f],
      [f, f],
      [f, f],
    ])
    const [first, second] = must(await call(staff, 'year:view', {})).projects
    must(
      await call(staff, 'year:progress-add', {
        projectId: first!.id,
        date: chinaToday(),
        kind: 'half-year',
        percent: 55,
        text: '主体工程完工过半',
        opinions: [
          { text: '请公开施工时间表', answered: true, answer: '已在政务网公开' },
          { text: '注意噪声扰民', answered: false, answer: '' },
        ],
      }),
    )

    const xlsx = await download('/api/year/progress.xlsx')
    expect(xlsx.status).toBe(200)
    expect(decodeURIComponent(xlsx.headers.get('content-disposition') ?? '')).toContain(
      '-年度项目进展报告.xlsx',
    )
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await xlsx.arrayBuffer())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['进展总表', '进展记录', '代表意见'])
    const rows = (name: string) => {
      const out: unknown[][] = []
      wb.getWorksheet(name)?.eachRow((r) => out.push((r.values as unknown[]).slice(1)))
      return out
    }
    const board = rows('进展总表')
    const row = board.find((r) => r[0] === first!.id)!
    expect(row[1]).toBe(first!.title)
    expect(row[6]).toBe(0.55)
    expect(row[7]).toBe(chinaToday())
    expect(board.find((r) => r[0] === second!.id)?.[6]).toBe(0)
    expect(
      rows('代表意见')
        .slice(1)
        .map((r) => [r[3], r[4]]),
    ).toEqual([
      ['请公开施工时间表', '已答复'],
      ['注意噪声扰民', '未答复'],
    ])

    const pdf = await download('/api/year/progress.pdf')
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await pdf.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    if (hasTool('pdftotext')) {
      const text = pdfText(bytes).replace(/\s+/g, '')
      expect(text).toContain('年度民生实事项目进展报告')
      expect(text).toContain(first!.title.replace(/\s+/g, ''))
      expect(text).toContain(second!.title.replace(/\s+/g, ''))
      expect(text).toContain('主体工程完工过半')
      expect(text).toContain('注意噪声扰民【未答复】')
    }
  })

  it('needs the staff token', async () => {
    const refused = await fetch(`http://127.0.0.1:${h.host.port}/api/year/progress.pdf`)
    expect(refused.status).toBe(401)
  })
})
