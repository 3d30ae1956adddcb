/**
 * Row checks the lists share: a value that repeats an earlier row's, and the 编号 column a
 * project list, a proposal list and a progress list each key their rows by.
 */
import { idProblem, idProblemText } from '../../../shared/protocol/ids'
import type { FirstRows } from './import-driver'
import type { ImportProblemCode, RowProblem } from './import-problems'
import { problem } from './import-problems'

/**
 * A number or a seat as compared for repeats: without width, spaces or case (P 01 = p01; "3排 12号"
 * and "3排１２号" are one seat).
 */
export function compareKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

/** What a repeated value is called in the message: 编号 / number, 座位号 / seat… */
export interface ValueName {
  zh: string
  en: string
}

/**
 * 编号“P01”与第2行重复 when `value` was first seen on an earlier row, compared by `key`
 * (compareKey unless told); null when it is new (`at.row` is then kept as its first row) or
 * blank, which repeats nothing.
 */
export function repeatProblem(
  seen: FirstRows,
  value: string,
  at: { row: number; column: string },
  code: ImportProblemCode,
  name: ValueName,
  key = compareKey(value),
): RowProblem | null {
  if (value === '') return null
  const first = seen.repeatOf(key, at.row)
  if (first === undefined) return null
  return problem(
    code,
    at.row,
    at.column,
    `${name.zh}“${value}”与第${first}行重复`,
    `${name.en} "${value}" repeats row ${first}`,
  )
}

const numberName: ValueName = { zh: '编号', en: 'number' }

/**
 * The 编号 of a row: there, an id the host can key by (shared/protocol/ids.ts: a project's
 * becomes the candidate id ballots are keyed by; a proposal's is how staff pick it to group and
 * how a second import matches it), and not an earlier row's. `number` is as read (half-width).
 */
export function numberProblems(
  number: string,
  at: { row: number; column: string },
  seen: FirstRows,
  repeatCode: ImportProblemCode = 'duplicate-number',
): RowProblem[] {
  if (number === '')
    return [problem('missing-number', at.row, at.column, '缺少编号', 'the number is missing')]
  const problems: RowProblem[] = []
  const bad = idProblem(number)
  if (bad !== null)
    problems.push(
      problem(
        'invalid-number',
        at.row,
        at.column,
        `编号“${number}”${idProblemText[bad].zh}`,
        `number "${number}" ${idProblemText[bad].en}`,
      ),
    )
  const repeat = repeatProblem(seen, number, at, repeatCode, numberName)
  if (repeat) problems.push(repeat)
  return problems
}
