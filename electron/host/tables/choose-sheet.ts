/**
 * Picks the worksheet to read. Staff hand over workbooks with an instructions sheet first, or
 * last year's file with the roster on the second tab; we take the sheet that has the columns,
 * and say so plainly when none has.
 */
import type { Grid } from './grid'
import { isBlankRow } from './grid'
import type { FoundHeader } from './header-finder'
import { findHeader, hasRequiredColumns } from './header-finder'
import type { RowProblem } from './import-problems'
import { problem } from './import-problems'
import type { TableSpec } from './table-spec'
import { headerMatcher, requiredLabels, requiredLabelsEn } from './table-spec'

export interface SheetChoiceOptions {
  /** The worksheet to read; by default the first visible one with the required headers. */
  sheet?: string
}

function sheetList(grids: Grid[]): string {
  return grids.map((g) => `“${g.name ?? ''}”`).join('、')
}

export type Chosen = { grid: Grid; header: FoundHeader<string> | null } | { problem: RowProblem }

export function chooseSheet<K extends string>(
  grids: Grid[],
  spec: TableSpec<K>,
  options: SheetChoiceOptions,
): Chosen {
  const match = headerMatcher(spec)
  const wanted = options.sheet?.trim()
  // A CSV has a single unnamed table: a sheet name cannot be wrong for it.
  if (wanted && grids[0]?.name !== null) {
    const grid = grids.find((g) => g.name?.trim() === wanted)
    if (grid) return { grid, header: findHeader(grid, match) }
    return {
      problem: problem(
        'wrong-sheet',
        null,
        null,
        `找不到工作表“${wanted}”，文件中的工作表有：${sheetList(grids)}`,
        `there is no worksheet "${wanted}"; the workbook has: ${grids.map((g) => g.name).join(', ')}`,
      ),
    }
  }
  const visible = grids.filter((g) => !g.hidden)
  const headers = visible.map((grid) => ({ grid, header: findHeader(grid, match) }))
  const complete = headers.find((h) => hasRequiredColumns(h.header, spec))
  if (complete) return complete
  const nonBlank = headers.filter((h) => h.grid.rows.some((r) => !isBlankRow(r)))
  const only = nonBlank.length <= 1 ? (nonBlank[0] ?? headers[0]) : undefined
  if (only) return only
  return {
    problem: problem(
      'wrong-sheet',
      null,
      null,
      `工作簿有 ${nonBlank.length} 个工作表（${sheetList(nonBlank.map((h) => h.grid))}），但没有一个含有${requiredLabels(spec)}这些列，请选择${spec.what.zh}所在的工作表`,
      `none of the ${nonBlank.length} worksheets has the columns ${requiredLabelsEn(spec)}; choose the worksheet with the ${spec.what.en}`,
    ),
  }
}
