/**
 * Finds the header row. Real files put a title ("2027年青川区人大代表名单"), a date or a blank
 * row above it, and some have a two-row header: 姓名 merged down over two rows beside a merged
 * "其他信息" with 证件后四位 and 备注 under it.
 */
import type { Grid } from './grid'
import { cellAt, trimText } from './grid'
import type { HeaderMatch, TableSpec } from './table-spec'

/** How far down a header may sit. */
export const HEADER_SCAN_ROWS = 10

export interface HeaderColumn<K extends string> {
  /** 0-based column index. */
  index: number
  /** The header text as written. */
  text: string
  /** 0-based row the text came from. */
  row: number
  match: HeaderMatch<K>
}

export interface FoundHeader<K extends string> {
  /** 0-based first row of the header. */
  row: number
  height: 1 | 2
  columns: HeaderColumn<K>[]
}

function width(grid: Grid, rows: number[]): number {
  return Math.max(0, ...rows.map((r) => grid.rows[r]?.length ?? 0))
}

function readHeader<K extends string>(
  grid: Grid,
  row: number,
  height: 1 | 2,
  match: (text: string) => HeaderMatch<K>,
): FoundHeader<K> {
  const rows = height === 1 ? [row] : [row, row + 1]
  const columns: HeaderColumn<K>[] = []
  for (let index = 0; index < width(grid, rows); index += 1) {
    // In a two-row header the lower cell names the column (证件后四位 under 其他信息); where it
    // is blank, the upper cell was merged down over it (姓名 spanning both rows).
    for (const r of [...rows].reverse()) {
      const text = trimText(cellAt(grid, r, index)?.text ?? '')
      if (text !== '') {
        columns.push({ index, text, row: r, match: match(text) })
        break
      }
    }
  }
  // A weak alias (序号 for 编号) steps aside when a proper header names the same column.
  const strong = new Set(
    columns.map((c) => (c.match.type === 'column' && !c.match.weak ? c.match.key : null)),
  )
  for (const c of columns) {
    if (c.match.type === 'column' && c.match.weak && strong.has(c.match.key))
      c.match = { type: 'ignored' }
  }
  return { row, height, columns }
}

function score<K extends string>(header: FoundHeader<K>): number {
  return header.columns.filter((c) => c.match.type !== 'unknown').length
}

/**
 * The best-scoring candidate among the first rows, single or double height. On a tie the single
 * row wins (a title above a header also "scores" as a two-row header), then the higher row.
 */
export function findHeader<K extends string>(
  grid: Grid,
  match: (text: string) => HeaderMatch<K>,
): FoundHeader<K> | null {
  let best: FoundHeader<K> | null = null
  let bestScore = 0
  for (const height of [1, 2] as const) {
    for (let row = 0; row < HEADER_SCAN_ROWS; row += 1) {
      const candidate = readHeader(grid, row, height, match)
      const s = score(candidate)
      if (s > bestScore) {
        best = candidate
        bestScore = s
      }
    }
  }
  return best
}

export function hasRequiredColumns<K extends string>(
  header: FoundHeader<K> | null,
  spec: TableSpec<K>,
): boolean {
  if (!header) return false
  const found = new Set(header.columns.map((c) => (c.match.type === 'column' ? c.match.key : null)))
  return spec.columns.every((c) => !c.required || found.has(c.key))
}
