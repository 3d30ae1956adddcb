import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { renderResultXlsx } from './result-report.xlsx'
import { motionInput, paperInput, perItemInput, ratingInput, selectInput } from './report.fixture'

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}

/** Cell values row by row (index = row number − 1); a merged cell repeats in every column. */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = []
  for (let n = 1; n <= ws.rowCount; n++) out.push((ws.getRow(n).values as unknown[]).slice(1))
  return out
}

describe('renderResultXlsx', () => {
  it('writes 计票结果 with header, counts and the per-project table, and 规则', async () => {
    const wb = await read(await renderResultXlsx(selectInput()))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['计票结果', '规则'])
    const sheet = rows(wb.getWorksheet('计票结果')!)
    expect(sheet[0]![0]).toBe('青川区第三届人民代表大会第五次会议')
    expect(sheet).toContainEqual(['应到', '实到', '发出', '收回', '有效', '无效', '未投'])
    expect(sheet).toContainEqual([40, 36, 36, 36, 35, 1, 0])
    const header = sheet.find((r) => r[0] === '名次')!
    expect(header).toEqual([
      '名次',
      '编号',
      '项目名称',
      '牵头单位',
      '投资额（万元）',
      '赞成',
      '是否过票数线',
      '是否当选',
    ])
    expect(sheet[sheet.indexOf(header) + 1]).toEqual([
      1,
      'P01',
      '普惠托育服务扩容',
      '区卫生健康局',
      3680,
      33,
      '是',
      '当选',
    ])
    expect(sheet).toContainEqual([
      9,
      'P09',
      '背街小巷整治',
      '区城市管理局',
      3200,
      22,
      '是',
      '另行票决',
    ])
    const rules = rows(wb.getWorksheet('规则')!)
    expect(rules).toContainEqual(['表决方式', '差额票决'])
    expect(rules).toContainEqual(['应选名额', 10])
    expect(rules).toContainEqual(['票数线比例', '1/2'])
    expect(rules).toContainEqual(['P13', '农贸市场标准化改造'])
  })

  it('says under the counts how many ballots came from paper, for a vote counted from paper', async () => {
    const sheet = rows((await read(await renderResultXlsx(paperInput()))).worksheets[0]!)
    const counts = sheet.findIndex((r) => r[0] === '应到')
    expect(sheet[counts + 2]![0]).toBe(
      '其中平板选票 16 张，纸质选票 20 张。纸质选票发出 20 张，收回 20 张，其中作废 1 张；逐批经两名计票人分别录入，核对一致后计入。',
    )
    const plain = rows((await read(await renderResultXlsx(selectInput()))).worksheets[0]!)
    expect(plain.flat().join('')).not.toContain('纸质')
  })

  it('keeps per-item, motion and rating numbers as numbers', async () => {
    const perItem = rows((await read(await renderResultXlsx(perItemInput()))).worksheets[0]!)
    expect(perItem.find((r) => r[0] === '名次')).toContain('反对')
    const motion = rows((await read(await renderResultXlsx(motionInput()))).worksheets[0]!)
    expect(motion).toContainEqual(expect.arrayContaining(['M1', 22, 3, 2, '通过']))
    expect(motion).toContainEqual(expect.arrayContaining(['文号', '青人大〔2027〕3号']))
    expect(motion).toContainEqual(
      expect.arrayContaining(['决议标题', motionInput().vote.motion!.title]),
    )
    const ws = (await read(await renderResultXlsx(ratingInput()))).worksheets[0]!
    const rating = rows(ws)
    const at = rating.findIndex((r) => r[0] === '序号')
    expect(rating[at]).toContain('测评结果')
    expect(rating[at + 1]!.slice(0, 2)).toEqual([1, 'P01'])
    expect(rating[at + 1]).toContain('满意')
    // 满意率 is (满意 + 基本满意) / 有效票, beside the grade: P02 has 14 + 8 of 26 valid.
    const header = rating[at]!
    expect(header.indexOf('满意率')).toBe(header.indexOf('测评结果') - 1)
    const rate = ws.getRow(at + 3).getCell(header.indexOf('满意率') + 1)
    expect(rate.value).toBeCloseTo(22 / 26)
    expect(rate.numFmt).toBe('0.0%')
    const share = ws.getRow(at + 3).getCell(header.indexOf('满意票占比') + 1)
    expect(share.value).toBeCloseTo(14 / 26)
  })
})
