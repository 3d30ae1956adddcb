/**
 * The candidate projects (候选项目) import: 编号, 项目名称, 项目简介, 牵头单位, 投资额(万元), 类别,
 * 计划完成时间, as a spec and its row checks (import-driver.ts). It only reports; the caller refuses a preview
 * that has any problem.
 */
import { parseCompletion } from '../../../shared/year/dates'
import { serialDayText } from './day-cell'
import type { FoundUnit } from './budget-unit'
import { budgetAliases, budgetFileChecks, budgetUnitOf, parseBudget } from './budget-unit'
import { narrowText } from './grid'
import type { CheckedRow, ImportOptions, TableImport } from './import-driver'
import { FirstRows, runImport } from './import-driver'
import type { ImportPreview } from './import-problems'
import { problem } from './import-problems'
import { numberProblems, repeatProblem } from './row-checks'
import type { TableRow } from './table-reader'
import type { TableSpec } from './table-spec'

export interface ProjectRow {
  number: string
  title: string
  summary: string
  leadUnit: string
  /** 万元; null when the cell is blank (or invalid, which is also reported). */
  budget: number | null
  category: string
  /** 计划完成时间, 'YYYY-MM' or 'YYYY-MM-DD'; '' when blank (or invalid, which is also reported). */
  completion: string
}

type ProjectKey = keyof ProjectRow

export const projectSpec: TableSpec<ProjectKey> = {
  what: { zh: '候选项目表', en: 'project list' },
  columns: [
    // maxLength follows shared/protocol/meeting.schema.ts: the number becomes the project id.
    {
      key: 'number',
      label: '编号',
      labelEn: 'No.',
      aliases: ['number', '项目编号'],
      weakAliases: ['序号'],
      required: true,
      maxLength: 32,
      kind: 'line',
      width: 8,
    },
    {
      key: 'title',
      label: '项目名称',
      labelEn: 'Title',
      aliases: ['名称', 'name', '项目'],
      required: true,
      maxLength: 200,
      kind: 'line',
      width: 30,
    },
    {
      key: 'summary',
      label: '项目简介',
      labelEn: 'Summary',
      aliases: ['简介', '主要内容', '项目内容', '建设内容', '项目概况', 'description'],
      required: false,
      maxLength: 2000,
      kind: 'block',
      width: 60,
    },
    {
      key: 'leadUnit',
      label: '牵头单位',
      labelEn: 'Lead unit',
      aliases: ['责任单位', '牵头部门', '主办单位', '实施单位', '承办单位'],
      required: false,
      maxLength: 200,
      kind: 'line',
      width: 20,
    },
    {
      key: 'budget',
      label: '投资额（万元）',
      labelEn: 'Budget (10k yuan)',
      aliases: budgetAliases,
      required: false,
      maxLength: 50,
      kind: 'line',
      width: 14,
    },
    {
      key: 'category',
      label: '类别',
      labelEn: 'Category',
      aliases: ['分类', '领域', '类型'],
      required: false,
      maxLength: 100,
      kind: 'line',
      width: 12,
    },
    {
      key: 'completion',
      label: '计划完成时间',
      labelEn: 'Planned completion',
      aliases: ['完成时限', '完成时间', '计划完成', '完成期限', 'completion'],
      required: false,
      maxLength: 20,
      kind: 'line',
      width: 14,
    },
  ],
  ignored: [],
  kept: ['责任人', '联系人', '联系电话', '建设地点', '资金来源', '备注'],
  example: {
    number: '1',
    title: '示例项目（导入前请删除）',
    summary: '简要写明建设内容、规模和完成时限',
    leadUnit: '区民政局',
    budget: '1200',
    category: '养老服务',
    completion: '2027-12',
  },
  maxRows: 1_000,
}

/** Titles compare without spaces or width, so a stray space does not hide a repeat. */
function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, '')
}

function rowProblems(
  row: TableRow<ProjectKey>,
  headers: Record<ProjectKey, string>,
  seen: { number: FirstRows; title: FirstRows },
  unit: FoundUnit | null,
): CheckedRow<ProjectRow> {
  const { title, summary, leadUnit, category } = row.values
  const number = narrowText(row.values.number)
  const n = row.row
  const problems = numberProblems(number, { row: n, column: headers.number }, seen.number)
  if (title === '')
    problems.push(
      problem('missing-title', n, headers.title, '缺少项目名称', 'the title is missing'),
    )
  // With no unit known the figure is checked as a figure only (in 元, the widest range) and not
  // taken: the file is asked about (budget-unit.ts) and read again once staff answer.
  const budget = parseBudget(
    row.values.budget,
    row.cells.budget?.number ?? null,
    unit?.unit ?? '元',
  )
  if (budget === 'invalid') {
    const [zh, en] = unit
      ? [
          `以${unit.unit}为单位的数字`,
          `a number in ${{ 元: 'yuan', 万元: '10k yuan', 亿元: '100M yuan' }[unit.unit]}`,
        ]
      : ['数字', 'a number']
    problems.push(
      problem(
        'invalid-budget',
        n,
        headers.budget,
        `${headers.budget}“${row.values.budget}”无效，请填写${zh}，如 1200 或 1200.5`,
        `${headers.budget} "${row.values.budget}" is invalid; enter ${en}, e.g. 1200 or 1200.5`,
      ),
    )
  }
  const titleRepeat = repeatProblem(
    seen.title,
    title,
    { row: n, column: headers.title },
    'duplicate-title',
    { zh: '项目名称', en: 'title' },
    titleKey(title),
  )
  if (titleRepeat) problems.push(titleRepeat)
  const completionText = serialDayText(row.cells.completion) ?? row.values.completion
  const completion = completionText === '' ? '' : parseCompletion(completionText)
  if (completion === null) {
    problems.push(
      problem(
        'invalid-completion',
        n,
        headers.completion,
        `计划完成时间“${completionText}”无法识别，请填写年月（如 2027-12、2027年12月）或日期（如 2027-12-31）`,
        `planned completion "${completionText}" is not a month (2027-12) or a date (2027-12-31)`,
      ),
    )
  }
  const out = {
    number,
    title,
    summary,
    leadUnit,
    budget: budget === 'invalid' || unit === null ? null : budget,
    category,
    completion: completion ?? '',
  }
  return { problems, out }
}

export const projectImport: TableImport<ProjectKey, ProjectRow> = {
  spec: projectSpec,
  rowChecks(file) {
    const seen = { number: new FirstRows(), title: new FirstRows() }
    const unit = budgetUnitOf(file)
    return (row, headers) => rowProblems(row, headers, seen, unit)
  },
  fileChecks: budgetFileChecks,
}

export function parseProjectFile(
  data: Buffer,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportPreview<ProjectRow>> {
  return runImport(projectImport, data, fileName, options)
}
