import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import projects from '../../../resources/demo/projects.json' with { type: 'json' }
import { parseBudget } from './budget-unit'
import { parseProjectFile } from './project-import'

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)))

describe('project fixtures', () => {
  it('reads projects.xlsx below its merged title row', async () => {
    const p = await parseProjectFile(fixture('projects.xlsx'), 'projects.xlsx')
    expect(p.problems).toEqual([])
    expect(p.sheet).toBe('候选项目')
    expect(p.rowNumbers[0]).toBe(3)
    expect(p.rows).toEqual(
      projects.map((x) => ({
        number: x.number,
        title: x.title,
        summary: x.summary,
        leadUnit: x.leadUnit,
        budget: x.budget,
        category: x.category,
        completion: '',
      })),
    )
  })

  it('reads the UTF-8 BOM CSV with English headers and every accepted budget form', async () => {
    const p = await parseProjectFile(fixture('projects-utf8-bom.csv'), 'projects-utf8-bom.csv')
    expect(p.problems).toEqual([])
    expect(p.rows.map((r) => [r.number, r.title, r.budget])).toEqual([
      ['1', '普惠托育服务扩容', 3680],
      ['2', '长者助餐服务点建设', 2950.5],
      ['3', '老旧小区加装电梯', 1200],
      ['4', '中小学课后服务提质', null],
    ])
    // A quoted line break inside the summary is one Excel row, and it is kept.
    expect(p.rows[0]?.summary).toBe('新增普惠托位1200个，\n在8个街道各建1所托育中心')
    expect(p.rowNumbers).toEqual([2, 3, 4, 5])
  })

  it('reports the broken project rows exactly', async () => {
    const p = await parseProjectFile(fixture('projects-broken.csv'), 'projects-broken.csv')
    expect(p.totalRows).toBe(6)
    expect(p.problems).toEqual([
      {
        row: 3,
        column: '编号',
        code: 'missing-number',
        message: '第3行：缺少编号',
        messageEn: 'Row 3: the number is missing',
      },
      {
        row: 4,
        column: '项目名称',
        code: 'missing-title',
        message: '第4行：缺少项目名称',
        messageEn: 'Row 4: the title is missing',
      },
      {
        row: 5,
        column: '编号',
        code: 'duplicate-number',
        message: '第5行：编号“P01”与第2行重复',
        messageEn: 'Row 5: number "P01" repeats row 2',
      },
      {
        row: 6,
        column: '项目名称',
        code: 'duplicate-title',
        message: '第6行：项目名称“普惠托育服务扩容”与第2行重复',
        messageEn: 'Row 6: title "普惠托育服务扩容" repeats row 2',
      },
      {
        row: 7,
        column: '投资额(万元)',
        code: 'invalid-budget',
        message: '第7行：投资额(万元)“约1.2亿”无效，请填写以万元为单位的数字，如 1200 或 1200.5',
        messageEn:
          'Row 7: 投资额(万元) "约1.2亿" is invalid; enter a number in 10k yuan, e.g. 1200 or 1200.5',
      },
    ])
  })

  it('refuses a roster offered as a project list', async () => {
    const p = await parseProjectFile(fixture('roster-gbk.csv'), 'roster-gbk.csv')
    // 序号 reads as 编号, 备注 is read past; the roster's other columns are unknown, and 项目名称
    // is missing.
    expect(p.rows).toEqual([])
    expect(p.problems.filter((x) => x.code === 'missing-column').map((x) => x.message)).toEqual([
      '第1行：缺少“项目名称”列',
    ])
    expect(p.problems.filter((x) => x.code === 'unknown-column')).toHaveLength(4)
  })
})

describe('project headers', () => {
  const csv = (text: string): Buffer => Buffer.from(text, 'utf8')

  it('reads 序号 as the number, unless a 编号 column is there too', async () => {
    const only = await parseProjectFile(csv('序号,项目名称\n1,托育\n2,助餐\n'), 'a.csv')
    expect(only.problems).toEqual([])
    expect(only.rows.map((r) => r.number)).toEqual(['1', '2'])
    const both = await parseProjectFile(
      csv('序号,编号,名称,预算（万元）\n1,MS-01,托育,1200\n'),
      'a.csv',
    )
    expect(both.problems).toEqual([])
    expect(both.rows).toEqual([
      {
        number: 'MS-01',
        title: '托育',
        summary: '',
        leadUnit: '',
        budget: 1200,
        category: '',
        completion: '',
      },
    ])
  })
})

describe('project numbers', () => {
  const csv = (text: string): Buffer => Buffer.from(text, 'utf8')

  it('refuses a number that cannot be a candidate id, naming the row', async () => {
    const p = await parseProjectFile(
      csv(
        '编号,项目名称\nP01,托育\n__proto__,助餐\nconstructor,加装电梯\nP 04,课后服务\nP-05_a,背街小巷\n',
      ),
      'projects.csv',
    )
    expect(p.problems).toEqual([
      {
        row: 3,
        column: '编号',
        code: 'invalid-number',
        message: '第3行：编号“__proto__”是系统保留的名称，请换一个',
        messageEn: 'Row 3: number "__proto__" is a reserved name; choose another',
      },
      {
        row: 4,
        column: '编号',
        code: 'invalid-number',
        message: '第4行：编号“constructor”是系统保留的名称，请换一个',
        messageEn: 'Row 4: number "constructor" is a reserved name; choose another',
      },
      {
        row: 5,
        column: '编号',
        code: 'invalid-number',
        message: '第5行：编号“P 04”只能由英文字母、数字、“-”和“_”组成',
        messageEn: 'Row 5: number "P 04" may hold only letters, digits, "-" and "_"',
      },
    ])
  })
})

describe('parseBudget', () => {
  it.each([
    ['1200', null, 1200],
    ['1,200', null, 1200],
    ['1,200.5', null, 1200.5],
    ['1200.5', null, 1200.5],
    ['１２００', null, 1200],
    ['1200万元', null, 1200],
    ['1200 万', null, 1200],
    ['', null, null],
    ['  ', null, null],
    ['3680', 3680, 3680],
    ['0', 0, 0],
  ] as const)('%j → %j', (text, number, expected) => {
    expect(parseBudget(text, number)).toBe(expected)
  })

  it.each(['约1200', '1.2亿', '1200元', '¥1200', '-5', '1,20', '12,00.5', 'abc', '20000000'])(
    'refuses %j',
    (text) => {
      expect(parseBudget(text, null)).toBe('invalid')
    },
  )

  it('refuses negative and absurd number cells', () => {
    expect(parseBudget('-1', -1)).toBe('invalid')
    expect(parseBudget('2e7', 2e7)).toBe('invalid')
  })
})
