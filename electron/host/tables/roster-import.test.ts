import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseRosterFile } from './roster-import'

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)))

async function xlsx(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const csv = (text: string): Buffer => Buffer.from(text, 'utf8')
const codes = (p: { problems: { code: string; row: number | null }[] }) =>
  p.problems.map((x) => [x.code, x.row])

describe('roster fixtures', () => {
  it('reports the five broken rows exactly, and reads past 联系电话 with a notice', async () => {
    const p = await parseRosterFile(fixture('roster-five-broken.xlsx'), 'roster-five-broken.xlsx')
    expect(p.sheet).toBe('Sheet1')
    expect(p.totalRows).toBe(8) // the blank row 8 is skipped silently
    expect(p.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 9, 10])
    expect(p.notices.map((n) => n.message)).toEqual([
      '以下列不属于代表名单，未导入（系统不保存这些信息）：“联系电话”',
    ])
    expect(p.problems).toEqual([
      {
        row: 4,
        column: '姓名',
        code: 'missing-name',
        message: '第4行：缺少姓名',
        messageEn: 'Row 4: the name is missing',
      },
      {
        row: 5,
        column: '座位号',
        code: 'duplicate-seat',
        message: '第5行：座位号“1排2号”与第3行重复',
        messageEn: 'Row 5: seat "1排2号" repeats row 3',
      },
      {
        row: 6,
        column: '姓名',
        code: 'duplicate-person',
        message: '第6行：代表“李明”（城关街道代表团）与第2行重复',
        messageEn: 'Row 6: deputy "李明" (城关街道代表团) repeats row 2',
      },
      {
        row: 7,
        column: '证件后四位',
        code: 'invalid-id-last4',
        message: '第7行：证件后四位“12A4”无效，应为4位数字，最后一位可以是X',
        messageEn: 'Row 7: ID last 4 "12A4" is invalid: four digits, the last may be X',
      },
      {
        row: 9,
        column: '代表团',
        code: 'missing-delegation',
        message: '第9行：缺少代表团',
        messageEn: 'Row 9: the delegation is missing',
      },
    ])
  })

  it('decodes the GBK CSV from Excel to the right Chinese names', async () => {
    const p = await parseRosterFile(fixture('roster-gbk.csv'), 'roster-gbk.csv')
    expect(p.problems).toEqual([])
    expect(p.sheet).toBeNull()
    expect(p.rowNumbers).toEqual([2, 3, 4, 5, 7, 8])
    expect(p.rows).toEqual([
      {
        number: '',
        name: '王芳',
        delegation: '城关街道代表团',
        seat: '1排1号',
        idLast4: '0123',
        note: '',
      },
      {
        number: '',
        name: '欧阳志远',
        delegation: '城关街道代表团',
        seat: '1排2号',
        idLast4: '456X',
        note: '召集人',
      },
      {
        number: '',
        name: '李喆',
        delegation: '城关街道代表团',
        seat: '1排3号',
        idLast4: null,
        note: '',
      },
      {
        number: '',
        name: '马晓洁',
        delegation: '河西镇代表团',
        seat: '1排4号',
        idLast4: '2468',
        note: '列席，兼"监票人"',
      },
      {
        number: '',
        name: '阿依古丽·买买提',
        delegation: '河西镇代表团',
        seat: '1排5号',
        idLast4: '9753',
        note: '少数民族代表, 需翻译',
      },
      {
        number: '',
        name: '赵丽华',
        delegation: '河西镇代表团',
        seat: '2排1号',
        idLast4: '1357',
        note: '',
      },
    ])
  })

  it('reads a merged title row, a two-row merged header and merged delegation cells', async () => {
    const p = await parseRosterFile(
      fixture('roster-merged-header.xlsx'),
      'roster-merged-header.xlsx',
    )
    expect(p.problems).toEqual([])
    expect(p.sheet).toBe('代表名单')
    expect(p.rowNumbers).toEqual([4, 5, 6, 7, 8])
    expect(p.rows.map((r) => [r.name, r.delegation, r.seat, r.idLast4, r.note])).toEqual([
      ['马勇', '城关街道代表团', '1排1号', '1234', ''],
      ['马晓洁', '城关街道代表团', '1排2号', '5678', ''],
      ['毛然青', '城关街道代表团', '1排3号', null, '请假半天'],
      ['王建国', '河西镇代表团', '2排1号', '246X', ''],
      ['刘芳', '河西镇代表团', '2排2号', null, ''],
    ])
  })

  it('parses 3,000 rows with no problems', async () => {
    const p = await parseRosterFile(fixture('roster-3000.xlsx'), 'roster-3000.xlsx')
    expect(p.problems).toEqual([])
    expect(p.totalRows).toBe(3000)
    expect(p.rows).toHaveLength(3000)
    expect(p.rowNumbers.at(-1)).toBe(3001)
    expect(p.rows[0]).toEqual({
      number: '',
      name: '马勇',
      delegation: '城关街道代表团',
      seat: '1排1号',
      idLast4: '0017',
      note: '',
    })
    expect(new Set(p.rows.map((r) => r.seat)).size).toBe(3000)
  })

  it('refuses a PDF and an empty file at file level', async () => {
    const pdf = await parseRosterFile(fixture('not-a-sheet.pdf'), 'not-a-sheet.pdf')
    expect(pdf.rows).toEqual([])
    expect(pdf.problems).toEqual([
      {
        row: null,
        column: null,
        code: 'wrong-file-type',
        message: '文件“not-a-sheet.pdf”无法导入：这是 PDF 文件，不是表格，请上传 XLSX 或 CSV 表格',
        messageEn:
          '"not-a-sheet.pdf" cannot be imported: this is a PDF, not a spreadsheet; please upload an XLSX or CSV spreadsheet',
      },
    ])
    const empty = await parseRosterFile(fixture('empty.csv'), 'empty.csv')
    expect(empty.problems).toEqual([
      {
        row: null,
        column: null,
        code: 'empty-file',
        message: '文件“empty.csv”是空的',
        messageEn: '"empty.csv" is empty',
      },
    ])
  })
})

describe('roster file types and encodings', () => {
  it.each([
    ['legacy .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a broken zip', Buffer.from('PK\u0003\u0004 not really a workbook')],
    ['binary', Buffer.from([0x01, 0x02, 0x00, 0x03, 0x04])],
  ])('refuses %s as wrong-file-type', async (_label, data) => {
    const p = await parseRosterFile(data, 'x.xlsx')
    expect(codes(p)).toEqual([['wrong-file-type', null]])
  })

  it('reads GB18030 four-byte characters and UTF-8 without BOM', async () => {
    const text = '姓名,代表团,座位号\r\n王䶮,城关街道代表团,1排1号\r\n'
    const gb = await parseRosterFile(iconv.encode(text, 'gb18030'), 'a.csv')
    expect(gb.rows[0]?.name).toBe('王䶮')
    const utf8 = await parseRosterFile(csv(text), 'a.csv')
    expect(utf8.rows[0]?.name).toBe('王䶮')
  })

  it('reads Excel "Unicode text": UTF-16LE with BOM, tab-separated', async () => {
    const text = '\ufeff姓名\t代表团\t座位号\r\n李明\t城关街道代表团\t1排1号\r\n'
    const p = await parseRosterFile(iconv.encode(text, 'utf16le'), 'a.txt')
    expect(p.problems).toEqual([])
    expect(p.rows).toEqual([
      {
        number: '',
        name: '李明',
        delegation: '城关街道代表团',
        seat: '1排1号',
        idLast4: null,
        note: '',
      },
    ])
  })
})

describe('roster headers', () => {
  it('accepts English headers, 代表组, a title row and ignores 序号', async () => {
    const p = await parseRosterFile(
      csv('2027 roster,,,\nNo.,Name,Group,Seat,ID last 4,Remarks\n1,Li Ming,A,1-1,1234,x\n'),
      'a.csv',
    )
    expect(p.problems).toEqual([])
    expect(p.rowNumbers).toEqual([3])
    expect(p.rows[0]).toEqual({
      number: '',
      name: 'Li Ming',
      delegation: 'A',
      seat: '1-1',
      idLast4: '1234',
      note: 'x',
    })
    const zh = await parseRosterFile(csv('＊姓名（必填）,代表组,座位\n李明,一组,1\n'), 'a.csv')
    expect(zh.problems).toEqual([])
  })

  it('reports a missing required column at the header row', async () => {
    const p = await parseRosterFile(csv('姓名,代表团\n李明,一组\n'), 'a.csv')
    expect(p.problems).toEqual([
      {
        row: 1,
        column: '座位号',
        code: 'missing-column',
        message: '第1行：缺少“座位号”列',
        messageEn: 'Row 1: the "Seat" column is missing',
      },
    ])
    expect(p.rows).toEqual([])
  })

  it('reports no header at all, a repeated column, and data under no header', async () => {
    expect(codes(await parseRosterFile(csv('a,b\n1,2\n'), 'a.csv'))).toEqual([
      ['missing-column', null],
    ])
    expect(
      codes(await parseRosterFile(csv('姓名,代表团,座位号,name\nx,y,z,w\n'), 'a.csv')),
    ).toEqual([['duplicate-column', 1]])
    const p = await parseRosterFile(csv('姓名,代表团,座位号\n李明,一组,1,13800000000\n'), 'a.csv')
    expect(p.problems.map((x) => x.message)).toEqual([
      '第1行：第D列有数据但没有列名，请填写列名或删除该列',
    ])
  })

  it('calls a header-only file empty', async () => {
    const p = await parseRosterFile(csv('姓名,代表团,座位号\n,,\n'), 'a.csv')
    expect(p.problems.map((x) => [x.code, x.message])).toEqual([
      ['empty-file', '文件“a.csv”中没有数据行'],
    ])
  })
})

describe('roster sheets', () => {
  const roster = [
    ['姓名', '代表团', '座位号'],
    ['李明', '一组', '1排1号'],
  ]

  it('finds the roster on any sheet, or the one named', async () => {
    const data = await xlsx({ 说明: [['请在第二页填写']], 名单: roster })
    expect((await parseRosterFile(data, 'a.xlsx')).sheet).toBe('名单')
    const named = await parseRosterFile(data, 'a.xlsx', { sheet: '名单' })
    expect(named.rows).toHaveLength(1)
  })

  it('reports wrong-sheet for an unknown name and for several sheets without headers', async () => {
    const data = await xlsx({ 说明: [['请在第二页填写']], 名单: roster })
    const missing = await parseRosterFile(data, 'a.xlsx', { sheet: 'Sheet9' })
    expect(missing.problems.map((x) => [x.code, x.message])).toEqual([
      ['wrong-sheet', '找不到工作表“Sheet9”，文件中的工作表有：“说明”、“名单”'],
    ])
    const none = await parseRosterFile(await xlsx({ A: [['x']], B: [['y']] }), 'a.xlsx')
    expect(none.problems.map((x) => [x.code, x.message])).toEqual([
      [
        'wrong-sheet',
        '工作簿有 2 个工作表（“A”、“B”），但没有一个含有“姓名”“代表团”“座位号”这些列，请选择代表名单所在的工作表',
      ],
    ])
  })
})

describe('roster rows', () => {
  it('finds a duplicate person by name and ID tail across delegations', async () => {
    const p = await parseRosterFile(
      csv('姓名,代表团,座位号,证件后四位\n李明,一组,1,123x\n李明,二组,2,123X\n李明,三组,3,4567\n'),
      'a.csv',
    )
    expect(p.problems.map((x) => x.message)).toEqual([
      '第3行：代表“李明”（证件后四位123X）与第2行重复',
    ])
  })

  it('treats seats alike across spaces and width, and reports every problem of a row', async () => {
    const p = await parseRosterFile(
      csv('姓名,代表团,座位号\n李明,一组,3排 12号\n,,３排12号\n'),
      'a.csv',
    )
    expect(codes(p)).toEqual([
      ['missing-name', 3],
      ['missing-delegation', 3],
      ['duplicate-seat', 3],
    ])
  })

  it('keeps leading zeros an XLSX "0000" format shows, and explains lost ones', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('S')
    ws.addRows([
      ['姓名', '代表团', '座位号', '证件后四位'],
      ['李明', '一组', '1', 123],
      ['王芳', '一组', '2', 45],
    ])
    ws.getCell('D2').numFmt = '0000'
    const p = await parseRosterFile(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx')
    expect(p.rows[0]?.idLast4).toBe('0123')
    expect(p.problems.map((x) => x.message)).toEqual([
      '第3行：证件后四位“45”无效，应为4位数字，最后一位可以是X（Excel 去掉了开头的 0，请把该列设为“文本”格式后重新填写）',
    ])
  })

  it('refuses the template example row and over-long values', async () => {
    const long = '长'.repeat(51)
    const p = await parseRosterFile(
      csv(`姓名,代表团,座位号\n张三,城关镇代表团,1排1号\n${long},一组,2\n`),
      'a.csv',
    )
    expect(p.problems.map((x) => x.message)).toEqual([
      '第2行：这是模板中的示例行，请删除后再导入',
      '第3行：“姓名”有51个字，最多50个字',
    ])
  })
})
