import { describe, expect, it } from 'vitest'
import { FirstRows } from './import-driver'
import { compareKey, numberProblems, repeatProblem } from './row-checks'

/** The 编号 column of a list as rows 2, 3, 4…: what each row is told, as code and message. */
function check(numbers: string[], repeatCode?: 'duplicate-proposal') {
  const seen = new FirstRows()
  return numbers.map((number, i) =>
    numberProblems(number, { row: i + 2, column: '编号' }, seen, repeatCode).map(
      (p) => `${p.code} ${p.message} / ${p.messageEn}`,
    ),
  )
}

describe('the 编号 column', () => {
  it('names a missing, an unsafe and a repeated number by row', () => {
    expect(check(['P01', '', '__proto__', 'p01', 'P 02', 'P 02'])).toEqual([
      [],
      ['missing-number 第3行：缺少编号 / Row 3: the number is missing'],
      [
        'invalid-number 第4行：编号“__proto__”是系统保留的名称，请换一个 / Row 4: number "__proto__" is a reserved name; choose another',
      ],
      ['duplicate-number 第5行：编号“p01”与第2行重复 / Row 5: number "p01" repeats row 2'],
      [
        'invalid-number 第6行：编号“P 02”只能由英文字母、数字、“-”和“_”组成 / Row 6: number "P 02" may hold only letters, digits, "-" and "_"',
      ],
      [
        'invalid-number 第7行：编号“P 02”只能由英文字母、数字、“-”和“_”组成 / Row 7: number "P 02" may hold only letters, digits, "-" and "_"',
        'duplicate-number 第7行：编号“P 02”与第6行重复 / Row 7: number "P 02" repeats row 6',
      ],
    ])
  })

  it('reports a repeat under the list’s own code', () => {
    expect(check(['JY-1', 'JY-1'], 'duplicate-proposal')[1]).toEqual([
      'duplicate-proposal 第3行：编号“JY-1”与第2行重复 / Row 3: number "JY-1" repeats row 2',
    ])
  })
})

describe('repeats', () => {
  it('compare without width, spaces or case; a blank repeats nothing', () => {
    expect(compareKey('３排 12号')).toBe(compareKey('3排12号'))
    expect(compareKey('p-01')).toBe('P-01')
    const seen = new FirstRows()
    const at = (row: number) => ({ row, column: '座位号' })
    const seat = { zh: '座位号', en: 'seat' }
    expect(repeatProblem(seen, '', at(2), 'duplicate-seat', seat)).toBeNull()
    expect(repeatProblem(seen, '', at(3), 'duplicate-seat', seat)).toBeNull()
    expect(repeatProblem(seen, '3排12号', at(4), 'duplicate-seat', seat)).toBeNull()
    expect(repeatProblem(seen, '３排 12号', at(5), 'duplicate-seat', seat)?.message).toBe(
      '第5行：座位号“３排 12号”与第4行重复',
    )
  })

  it('compare by the key the caller gives (a title keeps its case)', () => {
    const seen = new FirstRows()
    const title = { zh: '项目名称', en: 'title' }
    const at = (row: number) => ({ row, column: '项目名称' })
    expect(repeatProblem(seen, 'A区公园', at(2), 'duplicate-title', title, 'A区公园')).toBeNull()
    expect(repeatProblem(seen, 'a区公园', at(3), 'duplicate-title', title, 'a区公园')).toBeNull()
  })
})
