import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { serialDayText } from './day-cell'
import { parseProposalFile } from './proposal-import'
import { proposalTemplateXlsx } from './templates'

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)))
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8')
const header = '编号,建议内容,来源渠道,提出日期,镇街/片区'

describe('a proposal list', () => {
  it('reads a good file, dates in every form offices type them', async () => {
    const p = await parseProposalFile(
      csv([
        header,
        'JY-001,增设社区食堂,12345热线,2026-03-05,城关街道',
        'JY-002,"加装电梯\n解决上下楼难",网上征集,2026/3/6,东城街道',
        'JY-003,学校门口设护学岗,代表联系站,2026年3月7日,西河镇',
        'ＪＹ-004,修缮村道,代表联系站,２０２６.３.８,',
        'JY-005,没有日期的建议,,,',
      ]),
      'proposals.csv',
    )
    expect(p.problems).toEqual([])
    expect(p.rows).toEqual([
      {
        number: 'JY-001',
        content: '增设社区食堂',
        channel: '12345热线',
        date: '2026-03-05',
        area: '城关街道',
      },
      {
        number: 'JY-002',
        content: '加装电梯\n解决上下楼难',
        channel: '网上征集',
        date: '2026-03-06',
        area: '东城街道',
      },
      {
        number: 'JY-003',
        content: '学校门口设护学岗',
        channel: '代表联系站',
        date: '2026-03-07',
        area: '西河镇',
      },
      {
        number: 'JY-004',
        content: '修缮村道',
        channel: '代表联系站',
        date: '2026-03-08',
        area: '',
      },
      { number: 'JY-005', content: '没有日期的建议', channel: '', date: null, area: '' },
    ])
  })

  it('names every broken row by row and column, in Chinese and English', async () => {
    const p = await parseProposalFile(
      csv([
        '建议编号,意见内容,渠道,提出时间,所属镇街',
        'A1,好建议,热线,2026-02-30,城关',
        ',没有编号,热线,2026-03-01,城关',
        'A2,,热线,2026-03-01,城关',
        'A1,重复编号,热线,2026-03-01,城关',
        '__proto__,保留名称,热线,2026-03-01,城关',
        '建议一,中文编号,热线,昨天,城关',
      ]),
      'broken.csv',
    )
    expect(p.problems.map((x) => [x.row, x.column, x.code])).toEqual([
      [2, '提出时间', 'invalid-date'],
      [3, '建议编号', 'missing-number'],
      [4, '意见内容', 'missing-content'],
      [5, '建议编号', 'duplicate-proposal'],
      [6, '建议编号', 'invalid-number'],
      [7, '建议编号', 'invalid-number'],
      [7, '提出时间', 'invalid-date'],
    ])
    expect(p.problems.map((x) => x.message)).toEqual([
      '第2行：日期“2026-02-30”无法识别，请填写如 2026-03-05、2026/3/5 或 2026年3月5日',
      '第3行：缺少编号',
      '第4行：缺少建议内容',
      '第5行：编号“A1”与第2行重复',
      '第6行：编号“__proto__”是系统保留的名称，请换一个',
      '第7行：编号“建议一”只能由英文字母、数字、“-”和“_”组成',
      '第7行：日期“昨天”无法识别，请填写如 2026-03-05、2026/3/5 或 2026年3月5日',
    ])
    expect(p.problems[4]?.messageEn).toBe(
      'Row 6: number "__proto__" is a reserved name; choose another',
    )
  })

  it('refuses a file without 建议内容, and reads past who proposed it with a notice', async () => {
    const missing = await parseProposalFile(csv(['编号,来源渠道', 'A1,热线']), 'a.csv')
    expect(missing.problems.map((x) => x.message)).toEqual(['第1行：缺少“建议内容”列'])
    const kept = await parseProposalFile(
      csv(['编号,建议内容,姓名,联系电话', 'A1,好建议,王某,13800000000']),
      'a.csv',
    )
    expect(kept.problems).toEqual([])
    expect(kept.rows).toEqual([
      { number: 'A1', content: '好建议', channel: '', date: null, area: '' },
    ])
    expect(kept.notices.map((n) => n.message)).toEqual([
      '以下列不属于征集建议表，未导入（系统不保存这些信息）：“姓名”、“联系电话”',
    ])
    expect(JSON.stringify(kept.rows)).not.toContain('13800000000')
  })
})

describe('proposal lists saved by LibreOffice', () => {
  it('reads a CSV LibreOffice saved as .xlsx: an ISO date cell and dates kept as text', async () => {
    const p = await parseProposalFile(fixture('proposals-libreoffice.xlsx'), 'p.xlsx')
    expect(p.problems).toEqual([])
    expect(p.rows.map((r) => [r.number, r.date, r.channel])).toEqual([
      ['JY-001', '2026-03-05', '12345热线'],
      ['JY-002', '2026-03-06', '网上征集'],
      ['JY-003', '2026-03-07', '代表联系站'],
    ])
    expect(p.rows[1]?.content).toBe('老旧小区加装电梯,解决上下楼难')
    expect(p.notices).toHaveLength(1)
    expect(p.notices[0]?.message).toContain('“联系电话”')
  })

  it('reads date cells formatted 2026年3月5日 and 2026/3/6, and 序号 as the number', async () => {
    const p = await parseProposalFile(fixture('proposals-dates.xlsx'), 'd.xlsx')
    expect(p.problems).toEqual([])
    expect(p.sheet).toBe('征集建议')
    expect(p.rows).toEqual([
      {
        number: '1',
        content: '增设社区食堂',
        channel: '12345热线',
        date: '2026-03-05',
        area: '城关街道',
      },
      {
        number: '2',
        content: '加装电梯',
        channel: '网上征集',
        date: '2026-03-06',
        area: '东城街道',
      },
    ])
    expect(p.notices[0]?.message).toContain('“提出人”')
  })
})

describe('an Excel date cell ExcelJS does not know as one', () => {
  it('is read as the day (or month) its format shows', () => {
    const cell = (number: number, numFmt: string | null) => ({
      text: String(number),
      number,
      numFmt,
    })
    expect(serialDayText(cell(46086, 'yyyy"年"m"月"d"日"'))).toBe('2026-03-05')
    expect(serialDayText(cell(46086.75, 'YYYY\\-MM\\-DD'))).toBe('2026-03-05')
    expect(serialDayText(cell(46357, '[$-804]yyyy"年"m"月"'))).toBe('2026-12')
    expect(serialDayText(cell(46086, null))).toBeNull()
    expect(serialDayText(cell(46086, '0.00'))).toBeNull()
    expect(serialDayText(cell(46086, 'h:mm'))).toBeNull()
  })

  it('holds in a workbook whose date cells are plain numbers with a date format', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('建议')
    ws.addRow(['编号', '建议内容', '提出日期'])
    ws.addRow(['A1', '好建议', 46086])
    // A Chinese custom format ExcelJS does not treat as a date: the cell stays a number.
    ws.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"'
    const p = await parseProposalFile(Buffer.from(await wb.xlsx.writeBuffer()), 'n.xlsx')
    expect(p.problems).toEqual([])
    expect(p.rows[0]?.date).toBe('2026-03-05')
  })
})

describe('the proposal template', () => {
  it('has the headers the import reads, and its example row is refused until deleted', async () => {
    const file = await proposalTemplateXlsx()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file as unknown as ArrayBuffer)
    expect(wb.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      '编号',
      '建议内容',
      '来源渠道',
      '提出日期',
      '镇街/片区',
    ])
    const p = await parseProposalFile(file, 'template.xlsx')
    expect(p.problems.map((x) => [x.code, x.row])).toEqual([['template-example', 2]])
  })
})
