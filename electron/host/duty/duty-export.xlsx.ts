import type { DutySheets } from '../../../shared/duty/duty-export'
import { detailColumns, summaryColumns } from '../../../shared/duty/duty-export'
import type { SheetColumn } from '../tables/xlsx-writer'
import { addTableSheet, newWorkbook, workbookBuffer } from '../tables/xlsx-writer'

/** Widths in characters, by column name; text columns stay text ("@": 编号 0012 keeps its zeros). */
const widths: Record<string, number> = {
  代表序号: 9,
  代表编号: 12,
  姓名: 12,
  代表团: 18,
  会议名称: 36,
  会议日期: 12,
  出席情况: 10,
  报到方式: 16,
  报到时间: 20,
  请假事由: 24,
  积分: 8,
  匹配情况: 26,
  会议次数: 10,
  出席次数: 10,
  请假次数: 10,
  缺席次数: 10,
  出席率: 10,
}
const numeric = new Set([
  '代表序号',
  '积分',
  '会议次数',
  '出席次数',
  '请假次数',
  '缺席次数',
  '出席率',
])

function columnsOf(names: readonly string[]): SheetColumn[] {
  return names.map((header) => ({
    header,
    width: widths[header] ?? 12,
    ...(numeric.has(header) ? {} : { text: true }),
    ...(header === '请假事由' || header === '会议名称' ? { wrap: true } : {}),
  }))
}

/**
 * The duty record as a workbook for the office's duty system: 履职明细 (a row per deputy per
 * meeting), 履职汇总 (a row per deputy: 出席次数 / 请假次数 / 缺席次数, 出席率, 积分) and 说明 (the
 * meetings, the points rule). The header is the first row of each table sheet, so a system
 * reads it as it is. Every name is a plain text cell: exceljs writes strings as strings, never
 * as formulas, whatever they begin with.
 */
export async function renderDutyXlsx(sheets: DutySheets): Promise<Buffer> {
  const wb = newWorkbook()
  addTableSheet(wb, { name: '履职明细', columns: columnsOf(detailColumns), rows: sheets.detail })
  const summary = addTableSheet(wb, {
    name: '履职汇总',
    columns: columnsOf(summaryColumns),
    rows: sheets.summary,
  })
  summary.getColumn(summaryColumns.indexOf('出席率') + 1).numFmt = '0.0%'
  addTableSheet(wb, {
    name: '说明',
    columns: [
      { header: '项目', width: 40, text: true },
      { header: '内容', width: 80, text: true, wrap: true },
    ],
    rows: sheets.about,
  })
  return workbookBuffer(wb)
}
