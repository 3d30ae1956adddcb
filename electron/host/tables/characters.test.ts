import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseProjectFile } from './project-import'
import { parseRosterFile } from './roster-import'

/**
 * Issue 30, items 2-4: characters as typed in China, the columns offices keep, and the header
 * words they use, through the real readers (CSV here; the LibreOffice fixtures add XLSX/ODS).
 */

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8')

describe('a roster as offices type it', () => {
  it('full-width seats become half-width, padded names lose their padding outside the BMP too, and a middle dot is one dot', async () => {
    const parsed = await parseRosterFile(
      csv([
        '代表姓名,团组,座号',
        '𠮷\u3000明,一团,１２３',
        '王\u3000\u3000芳,一团,Ａ区３排',
        '阿依古丽 ・ 买买提,二团,2排1号',
        '𡈼　‧　伟,二团,2排2号',
      ]),
      'roster.csv',
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.rows.map((r) => [r.name, r.delegation, r.seat])).toEqual([
      ['𠮷明', '一团', '123'],
      ['王芳', '一团', 'A区3排'],
      ['阿依古丽·买买提', '二团', '2排1号'],
      ['𡈼·伟', '二团', '2排2号'],
    ])
  })

  it('reads past the columns offices keep and names them in a notice; the identity number is not kept', async () => {
    const parsed = await parseRosterFile(
      csv([
        '序号,姓　名,性别,民族,所在代表团,座位号,工作单位及职务,身份证号,联系电话,备注',
        '1,张三,男,汉族,一团,1排1号,某局局长,110101199001011234,13800000000,',
      ]),
      'roster.csv',
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.rows).toEqual([
      { number: '', name: '张三', delegation: '一团', seat: '1排1号', idLast4: null, note: '' },
    ])
    expect(parsed.notices.map((n) => n.message)).toEqual([
      '以下列不属于代表名单，未导入（系统不保存这些信息）：“性别”、“民族”、“工作单位及职务”、“身份证号”、“联系电话”',
    ])
    expect(JSON.stringify(parsed)).not.toContain('110101199001011234')
  })

  it('an unknown column is still refused, naming it', async () => {
    const parsed = await parseRosterFile(
      csv(['姓名,代表团,座位号,爱好', '张三,一团,1,读书']),
      'r.csv',
    )
    expect(parsed.problems.map((p) => p.code)).toEqual(['unknown-column'])
  })
})

describe('a project list as offices type it', () => {
  it('takes 实施单位, 建设内容 and 完成时限, tells 序号 from 编号, narrows a full-width 编号, and reads past 责任人', async () => {
    const parsed = await parseProjectFile(
      csv([
        '序号,编号,项目名称,建设内容,实施单位,投资额（万元）,完成时限,责任人',
        '1,Ｐ０１,老旧小区改造,改造10个小区,住建局,1200,2027年12月,王强',
      ]),
      'projects.csv',
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.rows).toEqual([
      {
        number: 'P01',
        title: '老旧小区改造',
        summary: '改造10个小区',
        leadUnit: '住建局',
        budget: 1200,
        category: '',
        completion: '2027-12',
      },
    ])
    expect(parsed.notices).toHaveLength(1)
    expect(parsed.notices[0]?.message).toContain('“责任人”')
  })
})

describe('a file saved by LibreOffice in its own format', () => {
  it('an .ods is refused with how to save it as .xlsx, not called damaged', async () => {
    const ods = readFileSync(
      fileURLToPath(new URL('./fixtures/roster-libreoffice.ods', import.meta.url)),
    )
    const parsed = await parseRosterFile(ods, 'roster.ods')
    expect(parsed.rows).toEqual([])
    expect(parsed.problems.map((p) => p.message)).toEqual([
      '文件“roster.ods”无法导入：这是 LibreOffice 或 WPS 保存的 ODS 表格（.ods），请在 LibreOffice 或 WPS 中“另存为” Excel 2007-365 (.xlsx) 或 CSV 后再导入',
    ])
  })
})
