import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detailColumns, summaryColumns } from '../../../shared/duty/duty-export'
import { call } from '../testing/host-harness'
import { must } from '../year/year-testing'
import { hostPerTest, threeMeetings } from './duty-testing'

const host = hostPerTest()

async function get(path: string): Promise<{ status: number; body: Buffer; type: string }> {
  const h = host.current
  const url = `http://127.0.0.1:${h.host.port}${path}${path.includes('?') ? '&' : '?'}token=${h.host.staffToken}`
  const res = await fetch(url)
  return {
    status: res.status,
    body: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? '',
  }
}

/** A sheet's rows as plain values, the header first. */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = []
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

/** What a deputy's record must never hold: anything of the votes cast in these meetings. */
function expectNoVote(text: string, voteIds: string[]) {
  for (const word of ['社区长者食堂', '背街小巷改造', '测试表决', 'P01', 'P02', ...voteIds])
    expect(text).not.toContain(word)
  for (const key of ['"voted', '"vote', '"ballot', '"marks', '"turnout', 'hasVoted'])
    expect(text).not.toContain(key)
}

describe('代表履职: the export for the duty system', () => {
  it('downloads a row per deputy per meeting and a summary, with the points rule, and nothing of any vote', async () => {
    const h = host.current
    const { staff } = await threeMeetings(h)
    const voteIds = await allVoteIds()
    expect(voteIds).toHaveLength(2)
    expect(
      must(await call(staff, 'duty:points-rule', { rule: { present: 2, leave: 0, absent: -1 } })),
    ).toEqual({ changed: true })

    const xlsx = await get('/api/duty/record.xlsx')
    expect(xlsx.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['履职明细', '履职汇总', '说明'])
    const detail = rowsOf(wb.getWorksheet('履职明细'))
    expect(detail[0]).toEqual([...detailColumns])
    const zhang = detail.filter((r) => r[2] === '张伟')
    expect(zhang.map((r) => [r[4], r[6], r[7], r[9], r[10]])).toEqual([
      ['2025年人民代表大会', '出席', '会务人员办理', '', 2],
      ['2026年人民代表大会', '出席', '扫码报到', '', 2],
      ['2027年人民代表大会', '请假', '', '病假', 0],
    ])
    expect(String(zhang[1]![8])).toMatch(/^2\d{3}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    const li = detail.filter((r) => r[2] === '李娜').map((r) => r[3])
    expect(li).toEqual(['第二代表团', '第二代表组'])
    // A name that looks like a formula is a text cell, never a formula.
    const cell = wb
      .getWorksheet('履职明细')!
      .getCell(detail.findIndex((r) => r[2] === '=1+2') + 1, 3)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.value).toBe('=1+2')

    const summary = rowsOf(wb.getWorksheet('履职汇总'))
    expect(summary[0]).toEqual([...summaryColumns])
    const zhangSummary = summary.find((r) => r[2] === '张伟')!
    expect(zhangSummary.slice(1, 10)).toEqual(['0012', '张伟', '第一代表团', 3, 2, 1, 0, 0.6667, 4])
    const formula = summary.find((r) => r[2] === '=1+2')!
    expect(formula.slice(4, 10)).toEqual([2, 1, 0, 1, 0.5, 1])
    expect(formula[10]).toBe('按姓名和代表团（待确认）')
    const about = rowsOf(wb.getWorksheet('说明')).map((r) => r.join(' '))
    expect(about).toContain('积分 积分规则：出席 +2 分，请假 0 分，缺席 −1 分')

    // CSV: UTF-8 with a BOM, the same columns, a formula-looking name guarded.
    const csv = await get('/api/duty/record.csv')
    expect(csv.type).toBe('text/csv; charset=utf-8')
    const text = csv.body.toString('utf8')
    expect(text.startsWith('\uFEFF' + detailColumns.join(',') + '\r\n')).toBe(true)
    expect(text).toContain(",'=1+2,第三代表团,2027年人民代表大会,")
    const gbk = await get('/api/duty/summary.csv?encoding=gbk')
    expect(gbk.type).toBe('text/csv; charset=gbk')
    expect(iconv.decode(gbk.body, 'gbk').split('\r\n')[0]).toBe(summaryColumns.join(','))
    expect(iconv.decode(gbk.body, 'gbk')).toContain('0012,张伟,第一代表团,3,2,1,0,')
    expect((await get('/api/duty/record.csv?encoding=big5')).status).toBe(400)

    // The view and every deputy's page hold nothing of the votes either (one is open now).
    const view = must(await call(staff, 'duty:view', {}))
    const pages = await Promise.all(
      view.persons.map(async (p) => must(await call(staff, 'duty:deputy', { key: p.key }))),
    )
    const everything = [JSON.stringify(view), JSON.stringify(pages), text]
    for (const sheet of wb.worksheets) everything.push(JSON.stringify(rowsOf(sheet)))
    expectNoVote(everything.join('\n'), voteIds)
  }, 120_000)

  it('refuses GBK for a character GBK cannot hold, naming the row and column; UTF-8 and XLSX still hold it', async () => {
    const h = host.current
    const { staff, b } = await threeMeetings(h)
    // 王芳 (absent this year) goes on leave for a reason with 𠮷 in it.
    must(
      await call(staff, 'attendance:set', {
        deputyIds: [b.ids[3]!],
        state: 'leave',
        reason: '赴𠮷林出差',
      }),
    )
    const view = must(await call(staff, 'duty:view', {}))
    expect(view.gbk.total).toBe(1)
    const [problem] = view.gbk.problems
    expect(problem).toMatchObject({ column: '请假事由', value: '赴𠮷林出差' })
    const refused = await get('/api/duty/record.csv?encoding=gbk')
    expect(refused.status).toBe(422)
    expect(refused.body.toString('utf8')).toContain(
      `GBK 无法表示第 ${problem!.row} 行“请假事由”中的“赴𠮷林出差”`,
    )
    const utf8 = (await get('/api/duty/record.csv')).body.toString('utf8')
    expect(utf8.split('\r\n')[problem!.row - 1]).toContain('赴𠮷林出差')
    expect((await get('/api/duty/record.xlsx')).status).toBe(200)
  }, 120_000)
})

async function allVoteIds(): Promise<string[]> {
  const h = host.current
  const { MeetingStore } = await import('../store/json-files/meeting.store')
  const ids: string[] = []
  for (const m of h.host.hall.library.meetings) {
    const data = await MeetingStore.readOnly(h.host.hall.library.dirOf(m.id))
    ids.push(...data.votes.map((v) => v.id))
  }
  return ids
}
