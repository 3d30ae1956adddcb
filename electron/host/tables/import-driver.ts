/**
 * The one import driver: a table spec and its row checks in, a preview out. It reads the file
 * (table-reader.ts: the sheet, the header, rows of cleaned values, the file's and the header's
 * problems), runs the row checks over the rows in file order, and answers every row with every
 * problem in the order staff fix them. The roster and the project list are each a spec and their
 * checks (roster-import.ts, project-import.ts); the year's proposals and progress will be too.
 */
import type { BudgetUnit } from '../../../shared/protocol/preparation.schema'
import type { ImportPreview, RowProblem } from './import-problems'
import type { ReadOptions, TableRow } from './table-reader'
import { readTable } from './table-reader'
import type { TableSpec } from './table-spec'

/** One row checked: its problems, and the row as the preview shows and the import takes it. */
export interface CheckedRow<Row> {
  problems: RowProblem[]
  out: Row
}

/** Checks one row; `headers` are the file's own header texts, for messages in staff's words. */
export type RowCheck<K extends string, Row> = (
  row: TableRow<K>,
  headers: Record<K, string>,
) => CheckedRow<Row>

export interface ImportOptions extends ReadOptions {
  /** Staff's answer when the money column's header names no unit (project-import.ts). */
  budgetUnit?: BudgetUnit
}

/** What the checks know of the file as a whole. */
export interface FileFacts<K extends string> {
  /** The file's own header texts, per column. */
  headers: Record<K, string>
  /** The header's 1-based sheet row; null when none was found. */
  headerRow: number | null
  /** The text above the header: titles, "单位：万元". */
  above: readonly string[]
  options: ImportOptions
}

export interface TableImport<K extends string, Row> {
  spec: TableSpec<K>
  /**
   * The row checks for one file, made afresh for each, so what they remember of earlier rows
   * (to name a repeat) is that file's alone.
   */
  rowChecks(file: FileFacts<K>): RowCheck<K, Row>
  /** Problems and notices about the file as a whole, once its rows are read. */
  fileChecks?(
    file: FileFacts<K>,
    rows: readonly TableRow<K>[],
  ): { problems: RowProblem[]; notices: RowProblem[] }
}

export async function runImport<K extends string, Row>(
  kind: TableImport<K, Row>,
  data: Buffer,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportPreview<Row>> {
  const table = await readTable(data, fileName, kind.spec, options)
  const file: FileFacts<K> = {
    headers: table.headers,
    headerRow: table.headerRow,
    above: table.above,
    options,
  }
  const check = kind.rowChecks(file)
  const problems = [...table.problems]
  const notices = [...table.notices]
  const rows: Row[] = []
  for (const row of table.rows) {
    const checked = check(row, table.headers)
    problems.push(...checked.problems)
    rows.push(checked.out)
  }
  if (kind.fileChecks && table.rows.length > 0) {
    const whole = kind.fileChecks(file, table.rows)
    problems.push(...whole.problems)
    notices.push(...whole.notices)
  }
  return {
    rows,
    rowNumbers: table.rows.map((r) => r.row),
    problems: sortProblems(problems),
    notices,
    sheet: table.sheet,
    totalRows: rows.length,
  }
}

/** Problems in the order staff fix them: the file, then the header, then row by row. */
function sortProblems(problems: RowProblem[]): RowProblem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}

/**
 * The first row each value was seen on, so that a repeat names it ("与第3行重复"). Values are
 * compared as the caller keys them (without spaces, width or case, as the column needs).
 */
export class FirstRows {
  readonly #rows = new Map<string, number>()

  /** The row `key` was first seen on; undefined when it is new, and then `row` is kept. */
  repeatOf(key: string, row: number): number | undefined {
    const first = this.#rows.get(key)
    if (first === undefined) this.#rows.set(key, row)
    return first
  }
}
