/**
 * The money column of a project list, in whatever unit the office wrote it. A project's budget
 * is kept in 万元; the file says its unit in the header (总投资（元）, 投资额（万元）, 资金/亿元) or in
 * the line above the table (单位：万元, 金额单位：元), and is converted. A header that says no
 * unit is asked about, never guessed: 1200 may be 1200 元 or 1200 万元, and a guess would be off
 * ten thousand times. Staff answer in the preview (the console uploads the file again with the
 * unit), or write the unit into the header.
 */
import type { BudgetUnit } from '../../../shared/protocol/preparation.schema'
import type { FileFacts } from './import-driver'
import type { RowProblem } from './import-problems'
import { problem } from './import-problems'
import type { TableRow } from './table-reader'
import { headerKey } from './table-spec'

/** How offices head the column, without its unit. */
const BUDGET_WORDS = [
  '投资额',
  '投资',
  '总投资',
  '总投资额',
  '计划投资',
  '计划总投资',
  '估算投资',
  '投资金额',
  '预算',
  '预算金额',
  '预算资金',
  '资金',
  '项目资金',
  '资金规模',
  'budget',
]
const UNIT_SPELLINGS = ['(元)', '(万元)', '(亿元)', '元', '万元', '亿元', '/元', '/万元', '/亿元']

/** Every header the budget column answers to: each word alone or with a unit. */
export const budgetAliases: readonly string[] = BUDGET_WORDS.flatMap((word) => [
  word,
  ...UNIT_SPELLINGS.map((unit) => word + unit),
])

/** The unit a header or a caption names, if any (looked for in headerKey form). */
function unitIn(text: string): BudgetUnit | null {
  const key = headerKey(text)
  if (key.includes('亿')) return '亿元'
  if (key.includes('万') || key.includes('10kyuan')) return '万元'
  if (key.includes('元') || key.includes('yuan')) return '元'
  return null
}

/** "单位：万元", "金额单位：元", "(单位:万元)": a caption above the table. */
function unitAbove(above: readonly string[]): BudgetUnit | null {
  for (const text of above) {
    const match = /单位[:：]\s*(亿元|万元|元)/.exec(text.normalize('NFKC'))
    if (match) return match[1] as BudgetUnit
  }
  return null
}

export interface FoundUnit {
  unit: BudgetUnit
  from: 'header' | 'caption' | 'staff'
}

export function budgetUnitOf(file: FileFacts<'budget'>): FoundUnit | null {
  const header = unitIn(file.headers.budget)
  if (header) return { unit: header, from: 'header' }
  const caption = unitAbove(file.above)
  if (caption) return { unit: caption, from: 'caption' }
  if (file.options.budgetUnit) return { unit: file.options.budgetUnit, from: 'staff' }
  return null
}

/** 1000亿元: past this the figure is no project of a county or a district. */
export const MAX_BUDGET = 10_000_000

/** The unit a cell may end in, per the column's unit (1200万 in a 万元 column). */
const CELL_SUFFIX: Record<BudgetUnit, RegExp> = {
  元: /元$/,
  万元: /万元?$/,
  亿元: /亿元?$/,
}

/** How many 万元 one of the unit is; 元 divides, so 12345 元 is 1.2345 exactly as typed. */
function toWan(value: number, unit: BudgetUnit): number {
  const wan = unit === '元' ? value / 10_000 : unit === '亿元' ? value * 10_000 : value
  return Math.round(wan * 1e6) / 1e6
}

/**
 * The budget in 万元, from a cell in `unit`. Accepted: a number cell; text like "1200",
 * "1200.5", "1,200" (thousands separators in the right places), full-width digits, and the
 * column's own unit after the figure. Refused: a figure in another unit or hedged ("1.2亿" in
 * a 万元 column, "约1200", "¥1200"), negatives, and more than MAX_BUDGET. Blank means not given.
 */
export function parseBudget(
  text: string,
  number: number | null,
  unit: BudgetUnit = '万元',
): number | null | 'invalid' {
  const inRange = (wan: number) => (wan >= 0 && wan <= MAX_BUDGET ? wan : 'invalid')
  if (number !== null) return Number.isFinite(number) ? inRange(toWan(number, unit)) : 'invalid'
  if (text.trim() === '') return null
  const t = text.normalize('NFKC').replace(/\s+/g, '').replace(CELL_SUFFIX[unit], '')
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) return 'invalid'
  return inRange(toWan(Number(t.replace(/,/g, '')), unit))
}

/** The file's word on its unit: asked when the column has figures and says no unit. */
export function budgetFileChecks(
  file: FileFacts<'budget'>,
  rows: readonly TableRow<'budget'>[],
): { problems: RowProblem[]; notices: RowProblem[] } {
  const header = file.headers.budget
  const found = budgetUnitOf(file)
  const figures = rows.some((r) => r.values.budget !== '')
  if (!figures) return { problems: [], notices: [] }
  if (!found) {
    return {
      notices: [],
      problems: [
        problem(
          'budget-unit',
          file.headerRow,
          header,
          `“${header}”列没有写明金额单位：请在下方选择它的单位（元、万元或亿元），或把表头改为“${header}（万元）”这样带单位的写法后重新导入`,
          `the "${header}" column does not say its unit: choose it below (yuan, 10k yuan or 100M yuan), or write it into the header, e.g. "${header}（万元）", and import again`,
        ),
      ],
    }
  }
  const said = {
    header: { zh: `表头“${header}”`, en: `the header "${header}"` },
    caption: { zh: `表格上方的“单位：${found.unit}”`, en: `"单位：${found.unit}" above the table` },
    staff: { zh: '所选单位', en: 'the unit chosen' },
  }[found.from]
  const unitEn = { 元: 'yuan', 万元: '10k yuan', 亿元: '100M yuan' }[found.unit]
  const converted = found.unit !== '万元'
  if (!converted && found.from === 'header') return { problems: [], notices: [] }
  return {
    problems: [],
    notices: [
      problem(
        'budget-converted',
        null,
        header,
        `“${header}”按${said.zh}以${found.unit}读入${converted ? '，已换算为万元' : ''}`,
        `"${header}" read in ${unitEn} as ${said.en} says${converted ? ', converted to 10k yuan' : ''}`,
      ),
    ],
  }
}
