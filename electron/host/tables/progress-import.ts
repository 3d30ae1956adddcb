/**
 * A previous year's progress list (上年度民生实事项目进展表) imported for a 满意度测评 when that
 * year's meeting is not in this data folder: 编号, 项目名称, 牵头单位, 完成进度(%), 最近进展日期,
 * 进展情况, 计划完成时间, as a spec and its row checks (import-driver.ts). It only reports; the
 * caller refuses a preview that has any problem.
 */
import { chinaToday, isRealDate } from '../../../shared/year/year.schema'
import type { ProgressRowView } from '../../../shared/year/year.schema'
import { narrowText } from './grid'
import type { CheckedRow, ImportOptions, TableImport } from './import-driver'
import { FirstRows, runImport } from './import-driver'
import type { ImportPreview } from './import-problems'
import { problem } from './import-problems'
import { numberProblems } from './row-checks'
import type { TableRow } from './table-reader'
import type { ColumnSpec, TableSpec } from './table-spec'

/** A row as read: the console's preview shows it as is (shared/year). */
export type ProgressRow = ProgressRowView

type ProgressKey = keyof ProgressRow

const line = (
  key: ProgressKey,
  label: string,
  labelEn: string,
  aliases: string[],
  required: boolean,
  maxLength: number,
  width: number,
): ColumnSpec<ProgressKey> => ({
  key,
  label,
  labelEn,
  aliases,
  required,
  maxLength,
  kind: 'line',
  width,
})

export const progressSpec: TableSpec<ProgressKey> = {
  what: { zh: '进展表', en: 'progress list' },
  columns: [
    // The number becomes the rating's candidate id, as a project list's does.
    {
      ...line('number', '编号', 'No.', ['number', '项目编号'], true, 32, 8),
      weakAliases: ['序号'],
    },
    line('title', '项目名称', 'Title', ['名称', 'name', '项目', '实事项目'], true, 200, 30),
    line(
      'leadUnit',
      '牵头单位',
      'Lead unit',
      ['责任单位', '牵头部门', '主办单位', '实施单位', '承办单位'],
      false,
      200,
      20,
    ),
    line(
      'percent',
      '完成进度(%)',
      'Done (%)',
      ['完成进度', '进度', '完成比例', '完成率', '完成进度（%）', 'percent', 'progress'],
      true,
      20,
      12,
    ),
    line(
      'lastDate',
      '最近进展日期',
      'Last update',
      ['进展日期', '最近进展时间', '更新日期', '最近更新', 'date'],
      false,
      20,
      14,
    ),
    {
      ...line(
        'text',
        '进展情况',
        'Progress',
        ['进展', '完成情况', '最新进展', '进展说明'],
        false,
        2000,
        60,
      ),
      kind: 'block',
    },
    line(
      'plannedCompletion',
      '计划完成时间',
      'Planned completion',
      ['完成时限', '计划完成日期', '完成时间'],
      false,
      20,
      14,
    ),
  ],
  ignored: [],
  kept: ['责任人', '联系人', '联系电话', '投资额', '投资额（万元）', '类别', '备注', '代表意见'],
  example: {
    number: '1',
    title: '示例项目（导入前请删除）',
    leadUnit: '区民政局',
    percent: '85',
    lastDate: '2026-12-01',
    text: '主体完工，进入验收',
    plannedCompletion: '2026-12-31',
  },
  maxRows: 1_000,
}

/** 85, 85%, ８５％, or a cell Excel formats as a percentage (0.85): a whole number 0–100. */
export function parsePercent(
  text: string,
  number: number | null,
  numFmt: string | null,
): number | 'invalid' {
  if (number !== null && numFmt?.includes('%')) return wholePercent(number * 100)
  const t = narrowText(text).replace(/\s+/g, '')
  const m = /^(\d{1,3}(?:\.\d+)?)%?$/.exec(t)
  return m ? wholePercent(Number(m[1])) : 'invalid'
}

function wholePercent(n: number): number | 'invalid' {
  const rounded = Math.round(n * 1000) / 1000
  return Number.isInteger(rounded) && rounded >= 0 && rounded <= 100 ? rounded : 'invalid'
}

/** 2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日 → 2026-12-01; '' stays ''. */
export function parseDate(text: string): string | 'invalid' {
  const t = narrowText(text).replace(/\s+/g, '')
  if (t === '') return ''
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t)
  if (!m) return 'invalid'
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isRealDate(date) ? date : 'invalid'
}

function rowProblems(
  row: TableRow<ProgressKey>,
  headers: Record<ProgressKey, string>,
  seen: FirstRows,
  today: string,
): CheckedRow<ProgressRow> {
  const { title, leadUnit, text } = row.values
  const number = narrowText(row.values.number)
  const n = row.row
  const problems = numberProblems(number, { row: n, column: headers.number }, seen)
  const add = (code: Parameters<typeof problem>[0], key: ProgressKey, zh: string, en: string) =>
    problems.push(problem(code, n, headers[key], zh, en))
  if (title === '') add('missing-title', 'title', '缺少项目名称', 'the title is missing')
  const cell = row.cells.percent
  const percent =
    row.values.percent === ''
      ? 'invalid'
      : parsePercent(row.values.percent, cell?.number ?? null, cell?.numFmt ?? null)
  if (percent === 'invalid')
    add(
      'invalid-percent',
      'percent',
      `${headers.percent}“${row.values.percent}”无效，请填写 0–100 的整数，如 85`,
      `${headers.percent} "${row.values.percent}" is invalid; enter a whole number 0–100, e.g. 85`,
    )
  const dates = {
    lastDate: parseDate(row.values.lastDate),
    plannedCompletion: parseDate(row.values.plannedCompletion),
  }
  for (const key of ['lastDate', 'plannedCompletion'] as const) {
    const [value, written] = [dates[key], row.values[key]]
    if (value === 'invalid')
      add(
        'invalid-date',
        key,
        `${headers[key]}“${written}”不是有效日期，请写作 2026-12-01`,
        `${headers[key]} "${written}" is not a date; write it as 2026-12-01`,
      )
    else if (key === 'lastDate' && value > today)
      add(
        'invalid-date',
        key,
        `${headers[key]}“${value}”晚于今天`,
        `${headers[key]} "${value}" is in the future`,
      )
  }
  const out: ProgressRow = {
    number,
    title,
    leadUnit,
    percent: percent === 'invalid' ? null : percent,
    lastDate: dates.lastDate === 'invalid' ? '' : dates.lastDate,
    text,
    plannedCompletion: dates.plannedCompletion === 'invalid' ? '' : dates.plannedCompletion,
  }
  return { problems, out }
}

export const progressImport: TableImport<ProgressKey, ProgressRow> = {
  spec: progressSpec,
  rowChecks() {
    const seen = new FirstRows()
    const today = chinaToday()
    return (row, headers) => rowProblems(row, headers, seen, today)
  },
}

export function parseProgressFile(
  data: Buffer,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportPreview<ProgressRow>> {
  return runImport(progressImport, data, fileName, options)
}
