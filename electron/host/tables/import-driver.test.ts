import { describe, expect, it } from 'vitest'
import type { TableImport } from './import-driver'
import { FirstRows, runImport } from './import-driver'
import { problem } from './import-problems'
import type { TableSpec } from './table-spec'

/**
 * A third import made of the driver's parts, as the year's progress import will be: a spec, and
 * row checks that name a repeat. What every import gets from the driver is tested here once; the
 * roster's and the projects' own rules are in their tests.
 */
type Key = 'number' | 'progress'

const spec: TableSpec<Key> = {
  what: { zh: '进度表', en: 'progress sheet' },
  columns: [
    {
      key: 'number',
      label: '编号',
      labelEn: 'No.',
      aliases: [],
      required: true,
      maxLength: 8,
      kind: 'line',
      width: 8,
    },
    {
      key: 'progress',
      label: '进度',
      labelEn: 'Progress',
      aliases: [],
      required: false,
      maxLength: 20,
      kind: 'line',
      width: 20,
    },
  ],
  ignored: ['序号'],
  example: { number: 'X1', progress: '已完成' },
  maxRows: 5,
}

const progressImport: TableImport<Key, { number: string; progress: string }> = {
  spec,
  rowChecks() {
    const numbers = new FirstRows()
    return (row, headers) => {
      const { number, progress } = row.values
      const first = number === '' ? undefined : numbers.repeatOf(number, row.row)
      const problems =
        first === undefined
          ? []
          : [
              problem(
                'duplicate-number',
                row.row,
                headers.number,
                `与第${first}行重复`,
                `repeats row ${first}`,
              ),
            ]
      return { problems, out: { number, progress } }
    }
  },
}

const csv = (text: string) => Buffer.from(text)

describe('the import driver', () => {
  it('answers every row in file order, with its problems sorted as staff fix them', async () => {
    const text = '序号,编号,进度,备注\n1,A1,开工\n2,A2,过半\n\n3,A1,完成\n'
    const p = await runImport(progressImport, csv(text), 'p.csv')
    expect(p.rows).toEqual([
      { number: 'A1', progress: '开工' },
      { number: 'A2', progress: '过半' },
      { number: 'A1', progress: '完成' },
    ])
    expect(p.rowNumbers).toEqual([2, 3, 5])
    expect(p.totalRows).toBe(3)
    expect(p.sheet).toBeNull()
    // The header's problem (row 1) before the row's (row 5), each in the file's own words.
    expect(p.problems.map((x) => [x.row, x.code, x.column, x.message])).toEqual([
      [1, 'unknown-column', '备注', expect.stringContaining('无法识别的列“备注”（第D列）')],
      [5, 'duplicate-number', '编号', '第5行：与第2行重复'],
    ])
  })

  it('makes the row checks afresh for each file: one file’s rows are no repeats in the next', async () => {
    const text = '编号,进度\nA1,开工\n'
    expect((await runImport(progressImport, csv(text), 'a.csv')).problems).toEqual([])
    expect((await runImport(progressImport, csv(text), 'a.csv')).problems).toEqual([])
  })

  it('passes on what the reader finds: too long, the template row, too many rows, no header', async () => {
    const long = await runImport(
      progressImport,
      csv('编号,进度\nA123456789,开工\nX1,已完成\n'),
      'a.csv',
    )
    expect(long.problems.map((x) => [x.row, x.code])).toEqual([
      [2, 'too-long'],
      [3, 'template-example'],
    ])
    const many = await runImport(progressImport, csv(`编号\n${'A\n'.repeat(6)}`), 'a.csv')
    expect(many.rows).toEqual([])
    expect(many.problems.map((x) => x.message)).toEqual(['文件“a.csv”超过 5 行数据，不像是进度表'])
    const none = await runImport(progressImport, csv('甲,乙\n1,2\n'), 'a.csv')
    expect(none.problems.map((x) => x.code)).toEqual(['missing-column'])
  })
})

describe('FirstRows', () => {
  it('names the first row a value was seen on, and keeps only that one', () => {
    const rows = new FirstRows()
    expect(rows.repeatOf('a', 2)).toBeUndefined()
    expect(rows.repeatOf('b', 3)).toBeUndefined()
    expect(rows.repeatOf('a', 4)).toBe(2)
    expect(rows.repeatOf('a', 5)).toBe(2)
  })
})
