import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseProjectFile } from './project-import'
import { parseRosterFile } from './roster-import'

/**
 * Files as offices hand them over, saved by LibreOffice from the sources in fixtures/office/
 * (make-office-fixtures.sh): a merged title row above the header, 单位：万元 above a project
 * list, a hidden 身份证号 column, seats and 编号 as numbers formatted 000, dates, full-width
 * digits, names outside the BMP, trailing formatted blank rows, an instructions sheet first;
 * as .xlsx, .xls, .ods, UTF-8 CSV (with and without BOM, LF and CRLF) and GBK CSV.
 */

const office = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`./fixtures/office/${name}`, import.meta.url)))

const roster = [
  ['A001', '𠮷明', '城关街道代表团', '001', ''],
  ['A002', '阿依古丽·买买提', '城关街道代表团', '002', '2026-11-30'],
  ['A003', '王芳', '河西镇代表团', '012', ''],
  ['A004', '𡈼·伟', '河西镇代表团', '013', '连任'],
]
const kept =
  '以下列不属于代表名单，未导入（系统不保存这些信息）：“性别”、“民族”、“出生年月”、“身份证号”、“工作单位及职务”'

describe('a roster saved by LibreOffice', () => {
  it.each(['roster-office.xlsx', 'roster-office-utf8.csv', 'roster-office-utf8-bom-crlf.csv'])(
    '%s imports right: 编号 narrowed, padding gone, seats 001, the kept columns named',
    async (name) => {
      const p = await parseRosterFile(office(name), name)
      expect(p.problems).toEqual([])
      expect(p.rowNumbers).toEqual([4, 5, 6, 7])
      expect(p.rows.map((r) => [r.number, r.name, r.delegation, r.seat, r.note])).toEqual(roster)
      expect(p.notices.map((n) => n.message)).toEqual([kept])
      expect(JSON.stringify(p)).not.toContain('110101197503011234')
    },
  )

  it('a GBK CSV that lost 𠮷 and 𡈼 to "?" is refused, naming the rows and how to save it', async () => {
    const p = await parseRosterFile(office('roster-office-gbk.csv'), 'roster.csv')
    expect(p.problems.map((x) => [x.code, x.row, x.column])).toEqual([
      ['lost-character', 4, '姓　名'],
      ['lost-character', 7, '姓　名'],
    ])
    expect(p.problems[0]?.message).toContain('请改存为 .xlsx 或“CSV UTF-8”后重新导入')
    // The rows GBK could hold are read right (・ became ·, 001 stayed).
    expect(p.rows[1]).toMatchObject({ name: '阿依古丽·买买提', seat: '002' })
  })

  it.each([
    ['roster-office.xls', '旧版 Excel（.xls）', '“另存为” .xlsx'],
    ['roster-office.ods', 'ODS 表格（.ods）', '“另存为” Excel 2007-365 (.xlsx)'],
  ])('%s is refused with how to save it as .xlsx, not called damaged', async (name, what, how) => {
    const p = await parseRosterFile(office(name), name)
    expect(p.rows).toEqual([])
    expect(p.problems.map((x) => x.code)).toEqual(['wrong-file-type'])
    expect(p.problems[0]?.message).toContain(what)
    expect(p.problems[0]?.message).toContain(how)
  })
})

describe('a project list saved by LibreOffice', () => {
  const projects = [
    [
      '001',
      '普惠托育服务扩容',
      '新增普惠托位1200个，\n在8个街道各建1所托育中心',
      '区卫生健康局',
      3680,
    ],
    ['002', '长者助餐服务点建设', '新建社区长者食堂42个', '区民政局', 2950.5],
    ['003', '老旧小区加装电梯', '', '区住房城乡建设局', 1200],
  ]

  it.each(['projects-office.xlsx', 'projects-office-gbk.csv'])(
    '%s: past the instructions sheet, 编号 001, the unit from 单位：万元, one line break in a summary',
    async (name) => {
      const p = await parseProjectFile(office(name), name)
      expect(p.problems).toEqual([])
      if (name.endsWith('.xlsx')) expect(p.sheet).toBe('候选项目')
      expect(p.rows.map((r) => [r.number, r.title, r.summary, r.leadUnit, r.budget])).toEqual(
        projects,
      )
      expect(p.notices.map((n) => n.message)).toEqual([
        '以下列不属于候选项目表，未导入（系统不保存这些信息）：“资金来源”、“备注”',
        '“总投资”按表格上方的“单位：万元”以万元读入',
      ])
    },
  )

  it('a list in 元 is converted to 万元 and says so', async () => {
    const p = await parseProjectFile(office('projects-yuan.xlsx'), 'projects-yuan.xlsx')
    expect(p.problems).toEqual([])
    expect(p.rows.map((r) => [r.number, r.budget])).toEqual([
      ['MS-01', 3680],
      ['MS-02', 2950.5],
      ['MS-03', null],
    ])
    expect(p.notices.map((n) => n.message)).toEqual([
      '“总投资（元）”按表头“总投资（元）”以元读入，已换算为万元',
    ])
  })
})
