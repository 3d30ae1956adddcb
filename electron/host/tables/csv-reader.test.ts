import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, MAX_CSV_RECORDS, parseCsv, readCsv } from './csv-reader'
import { cleanText, EXCEL_CELL_CHARS, EXCEL_COLUMNS } from './grid'
import { parseProjectFile } from './project-import'
import { parseRosterFile } from './roster-import'

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['"a,1","b ""q"""\n', [['a,1', 'b "q"']]],
    [
      '"line\nbreak",x\ny,z\n',
      [
        ['line\nbreak', 'x'],
        ['y', 'z'],
      ],
    ],
    ['a,b\n\nc,d\n', [['a', 'b'], [''], ['c', 'd']]],
    [
      'a\tb\nc\td\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a;b\nc;d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a,,\n', [['a', '', '']]],
    ['"unterminated,x\n', [['unterminated,x\n']]],
  ])('%j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected)
  })
})

// The import worker's heap is limited (import-worker.ts): a file of megabytes must not become
// millions of cells, and what no table can be gets a clear answer instead of the limit.
describe('readCsv on files larger than any table', () => {
  const header = '姓名,代表团,座位号\n'

  it('leaves blank lines out of the grid; rows keep their numbers', async () => {
    const text = `${header}${'\n'.repeat(1_000_000)} ,\u3000,\n张三,一团,1排1号\n`
    const grid = readCsv(Buffer.from(text))
    expect(Object.keys(grid.rows)).toEqual(['0', '1000002'])
    const roster = await parseRosterFile(Buffer.from(text), 'blank.csv')
    expect(roster.problems).toEqual([])
    expect(roster.rowNumbers).toEqual([1000003])
  })

  it('stops after MAX_CSV_RECORDS non-blank rows: the answer is "too many rows" as before', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `代表${i},一团,${i}号`)
    const data = Buffer.from(header + rows.join('\n'))
    expect(readCsv(data).rows.filter(Boolean)).toHaveLength(MAX_CSV_RECORDS)
    const roster = await parseRosterFile(data, 'big.csv')
    expect(roster.problems.map((p) => p.message)).toEqual([
      '文件“big.csv”超过 10000 行数据，不像是代表名单',
    ])
    expect((await parseProjectFile(data, 'big.csv')).problems[0]?.code).toBe('missing-column')
  })

  it('refuses a row wider than Excel allows, naming the row', async () => {
    const wide = `${header}张三,一团,1排1号\n${','.repeat(EXCEL_COLUMNS)}x\n`
    const roster = await parseRosterFile(Buffer.from(wide), 'wide.csv')
    expect(roster.problems).toEqual([
      {
        row: 3,
        column: null,
        code: 'file-too-large',
        message:
          '第3行：超过 16384 列（Excel 的上限），不像是名单或项目表，请上传 XLSX 或 CSV 表格',
        messageEn:
          "Row 3: more than 16384 columns (Excel's limit); that is not a roster or a project list; please upload an XLSX or CSV spreadsheet",
      },
    ])
    // Exactly Excel's width is a table.
    const widest = `${header}张三,一团,1排1号${','.repeat(EXCEL_COLUMNS - 3)}\n`
    expect((await parseRosterFile(Buffer.from(widest), 'w.csv')).problems).toEqual([])
  })

  it('refuses a cell longer than Excel allows, quoted or not', async () => {
    for (const cell of ['x'.repeat(EXCEL_CELL_CHARS + 1), `"${'x,'.repeat(EXCEL_CELL_CHARS)}"`]) {
      const roster = await parseRosterFile(Buffer.from(`${header}${cell},一团,1\n`), 'long.csv')
      expect(roster.problems.map((p) => p.message)).toEqual([
        '第2行：有单元格超过 32767 个字（Excel 的上限），不像是名单或项目表，请上传 XLSX 或 CSV 表格',
      ])
    }
  })

  it('counts a character outside the BMP (a surrogate pair) as one', async () => {
    const name = (n: number) => '𠀀'.repeat(n)
    const ok = await parseRosterFile(Buffer.from(`${header}${name(50)},一团,1\n`), 'a.csv')
    expect(ok.problems).toEqual([])
    const long = await parseRosterFile(Buffer.from(`${header}${name(51)},一团,1\n`), 'a.csv')
    expect(long.problems.map((p) => p.code)).toEqual(['too-long'])
  })
})

describe('decodeText', () => {
  const text = '姓名,代表团\n欧阳志远,城关街道代表团\n'

  it('decodes UTF-8 with and without BOM, GBK, GB18030, UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text)
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      text,
    )
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text)
    expect(decodeText(iconv.encode('王䶮', 'gb18030'))).toBe('王䶮')
    expect(decodeText(iconv.encode(`\ufeff${text}`, 'utf16le'))).toBe(text)
    expect(decodeText(iconv.encode(`\ufeff${text}`, 'utf16be'))).toBe(text)
  })
})

describe('cleanText', () => {
  it.each([
    ['  李明  ', '李明'],
    ['王\u3000\u3000芳', '王芳'],
    ['\u3000城关 街道\u00a0代表团 ', '城关街道代表团'],
    ['Li   Ming', 'Li Ming'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    // Only spaces between two Chinese characters go; seats still compare without spaces.
    ['3排 12号', '3排 12号'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })
})
