import { describe, expect, it } from 'vitest'
import { parseBudget } from './budget-unit'
import { parseProjectFile } from './project-import'

const csv = (text: string): Buffer => Buffer.from(text, 'utf8')
const budgets = (p: { rows: { budget: number | null }[] }) => p.rows.map((r) => r.budget)
const codes = (list: { code: string }[]) => list.map((x) => x.code)

describe('the budget column’s unit', () => {
  it.each([
    ['总投资（元）', '12000000', 1200],
    ['投资额(元)', '12,345', 1.2345],
    ['资金/亿元', '1.2', 12000],
    ['预算（亿元）', '0.35亿', 3500],
    ['投资额（万元）', '1200万', 1200],
    ['Budget (10k yuan)', '1,200.5', 1200.5],
  ])('reads a %s column’s %s as %s 万元', async (header, cell, wan) => {
    const p = await parseProjectFile(csv(`编号,项目名称,${header}\n1,托育,"${cell}"\n`), 'a.csv')
    expect(p.problems).toEqual([])
    expect(budgets(p)).toEqual([wan])
  })

  it('says so when it converts, naming the header', async () => {
    const p = await parseProjectFile(csv('编号,项目名称,总投资（元）\n1,托育,12000000\n'), 'a.csv')
    expect(p.notices.map((n) => n.message)).toEqual([
      '“总投资（元）”按表头“总投资（元）”以元读入，已换算为万元',
    ])
    const wan = await parseProjectFile(csv('编号,项目名称,总投资（万元）\n1,托育,1200\n'), 'a.csv')
    expect(wan.notices).toEqual([])
  })

  it('asks about a header with no unit, and imports nothing until answered', async () => {
    const file = csv('项目一览\n编号,项目名称,投资额\n1,托育,1200\n2,助餐,\n')
    const p = await parseProjectFile(file, 'a.csv')
    expect(p.problems).toEqual([
      expect.objectContaining({ code: 'budget-unit', row: 2, column: '投资额' }),
    ])
    expect(p.problems[0]?.message).toContain('“投资额”列没有写明金额单位')
    const answered = await parseProjectFile(file, 'a.csv', { budgetUnit: '元' })
    expect(answered.problems).toEqual([])
    expect(budgets(answered)).toEqual([0.12, null])
    expect(answered.notices[0]?.message).toBe('“投资额”按所选单位以元读入，已换算为万元')
  })

  it('does not ask when the column is empty or absent', async () => {
    const blank = await parseProjectFile(csv('编号,项目名称,预算\n1,托育,\n'), 'a.csv')
    expect(blank.problems).toEqual([])
    const none = await parseProjectFile(csv('编号,项目名称\n1,托育\n'), 'a.csv')
    expect(none.problems).toEqual([])
  })

  it('reads the unit from a caption above the table (单位：万元)', async () => {
    const file = csv('2027年民生实事候选项目表\n,,单位：亿元\n编号,项目名称,投资额\n1,托育,0.5\n')
    const p = await parseProjectFile(file, 'a.csv')
    expect(p.problems).toEqual([])
    expect(budgets(p)).toEqual([5000])
    expect(p.notices[0]?.message).toBe('“投资额”按表格上方的“单位：亿元”以亿元读入，已换算为万元')
  })

  it('the header’s unit wins over a staff answer, and a cell in another unit is refused', async () => {
    const file = csv('编号,项目名称,投资额（元）\n1,托育,1200万\n')
    const p = await parseProjectFile(file, 'a.csv', { budgetUnit: '亿元' })
    expect(codes(p.problems)).toEqual(['invalid-budget'])
    expect(p.problems[0]?.message).toBe(
      '第2行：投资额（元）“1200万”无效，请填写以元为单位的数字，如 1200 或 1200.5',
    )
  })

  it('refuses more than 1000亿元 in any unit', () => {
    expect(parseBudget('1001', null, '亿元')).toBe('invalid')
    expect(parseBudget('1000', null, '亿元')).toBe(10_000_000)
    expect(parseBudget('', 5, '元')).toBe(0.0005)
  })
})

describe('a figure before its unit is known', () => {
  it('is not range-checked in 万元 nor shown: only the question stands', async () => {
    const p = await parseProjectFile(
      csv('编号,项目名称,投资额\n1,托育,36800000\n2,助餐,约5\n'),
      'a.csv',
    )
    expect(p.problems.map((x) => [x.code, x.row])).toEqual([
      ['budget-unit', 1],
      ['invalid-budget', 3],
    ])
    expect(p.problems[1]?.message).toBe('第3行：投资额“约5”无效，请填写数字，如 1200 或 1200.5')
    expect(budgets(p)).toEqual([null, null])
  })
})
