/**
 * The reading half of every import (import-driver.ts runs it): bytes → the right sheet → the
 * header → rows of cleaned values keyed by column, with the file- and header-level problems.
 */
import { chooseSheet } from './choose-sheet'
import type { SheetChoiceOptions } from './choose-sheet'
import type { Cell, Grid } from './grid'
import { cellAt, cleanText, isBlankRow, trimText } from './grid'
import type { FoundHeader } from './header-finder'
import { HEADER_SCAN_ROWS } from './header-finder'
import type { RowProblem } from './import-problems'
import { columnLetter, problem } from './import-problems'
import type { SpreadsheetReaders } from './read-file'
import { readSpreadsheet } from './read-file'
import type { TableSpec } from './table-spec'
import { requiredLabels, requiredLabelsEn } from './table-spec'

export interface ReadOptions extends SheetChoiceOptions {
  /** See SpreadsheetReaders: imported when first needed unless handed in. */
  readers?: SpreadsheetReaders
}

export interface TableRow<K extends string> {
  /** 1-based sheet row. */
  row: number
  /** Cleaned text per column; '' when the column is absent or the cell blank. */
  values: Record<K, string>
  /** The raw cells, for numbers and number formats. */
  cells: Partial<Record<K, Cell>>
}

export interface TableRead<K extends string> {
  rows: TableRow<K>[]
  problems: RowProblem[]
  /** Columns offices keep that this import reads past (TableSpec.kept), named for staff. */
  notices: RowProblem[]
  sheet: string | null
  /** The header text as written in this file, per column, so messages use the staff's words. */
  headers: Record<K, string>
  /** The header's 1-based sheet row; null when none was found. */
  headerRow: number | null
  /**
   * The text of the cells above the header: the title rows offices put there
   * ("2027年民生实事候选项目表", "单位：万元"), for what they say about the whole table.
   */
  above: string[]
}

function headerProblems<K extends string>(
  header: FoundHeader<K>,
  spec: TableSpec<K>,
): RowProblem[] {
  const problems: RowProblem[] = []
  const seen = new Map<K, string>()
  const known = spec.columns.map((c) => c.label).join('、')
  const knownEn = spec.columns.map((c) => c.labelEn).join(', ')
  for (const col of header.columns) {
    const at = columnLetter(col.index)
    if (col.match.type === 'unknown') {
      problems.push(
        problem(
          'unknown-column',
          col.row + 1,
          col.text,
          `无法识别的列“${col.text}”（第${at}列），请删除该列，或把列名改为：${known}`,
          `unknown column "${col.text}" (column ${at}); delete it or rename it to one of: ${knownEn}`,
        ),
      )
    } else if (col.match.type === 'column') {
      const first = seen.get(col.match.key)
      if (first !== undefined) {
        problems.push(
          problem(
            'duplicate-column',
            col.row + 1,
            col.text,
            `列“${col.text}”（第${at}列）与“${first}”重复，请只保留一列`,
            `column "${col.text}" (column ${at}) repeats "${first}"; keep only one`,
          ),
        )
      } else seen.set(col.match.key, col.text)
    }
  }
  for (const c of spec.columns) {
    if (c.required && !seen.has(c.key)) {
      problems.push(
        problem(
          'missing-column',
          header.row + 1,
          c.label,
          `缺少“${c.label}”列`,
          `the "${c.labelEn}" column is missing`,
        ),
      )
    }
  }
  return problems
}

/** One notice naming every column read past, in the file's own words. */
function keptNotices<K extends string>(header: FoundHeader<K>, spec: TableSpec<K>): RowProblem[] {
  const kept = header.columns.filter((c) => c.match.type === 'kept').map((c) => c.text)
  if (kept.length === 0) return []
  const zh = kept.map((t) => `“${t}”`).join('、')
  const en = kept.map((t) => `"${t}"`).join(', ')
  return [
    problem(
      'kept-column',
      null,
      null,
      `以下列不属于${spec.what.zh}，未导入（系统不保存这些信息）：${zh}`,
      `these columns are not part of the ${spec.what.en} and were not imported (the system keeps none of it): ${en}`,
    ),
  ]
}

export async function readTable<K extends string>(
  data: Buffer,
  fileName: string,
  spec: TableSpec<K>,
  options: ReadOptions = {},
): Promise<TableRead<K>> {
  const headers = Object.fromEntries(spec.columns.map((c) => [c.key, c.label])) as Record<K, string>
  const fail = (p: RowProblem, sheet: string | null = null): TableRead<K> => ({
    rows: [],
    problems: [p],
    notices: [],
    sheet,
    headers,
    headerRow: null,
    above: [],
  })
  const read = await readSpreadsheet(data, fileName, options.readers)
  if (!read.ok) return fail(read.problem)
  const chosen = chooseSheet(read.grids, spec, options)
  if ('problem' in chosen) return fail(chosen.problem)
  const { grid } = chosen
  const header = chosen.header as FoundHeader<K> | null
  const empty = problem(
    'empty-file',
    null,
    null,
    `文件“${fileName}”中没有数据行`,
    `"${fileName}" has no data rows`,
  )
  if (grid.rows.every((r) => isBlankRow(r))) return fail(empty, grid.name)
  if (!header) {
    return fail(
      problem(
        'missing-column',
        null,
        null,
        `找不到表头：前${HEADER_SCAN_ROWS}行中没有${requiredLabels(spec)}等列名`,
        `no header row: none of the first ${HEADER_SCAN_ROWS} rows names the columns ${requiredLabelsEn(spec)}`,
      ),
      grid.name,
    )
  }
  const problems = headerProblems(header, spec)
  for (const col of header.columns) {
    if (col.match.type === 'column') headers[col.match.key] = col.text
  }
  const notices = keptNotices(header, spec)
  const found = { headerRow: header.row + 1, above: textAbove(grid, header.row) }
  if (problems.some((p) => p.code === 'missing-column' || p.code === 'duplicate-column')) {
    return { rows: [], problems, notices, sheet: grid.name, headers, ...found }
  }
  return { ...collectRows(grid, header, spec, fileName, problems, headers), notices, ...found }
}

function textAbove(grid: Grid, headerRow: number): string[] {
  const texts: string[] = []
  for (let r = 0; r < headerRow; r += 1) {
    for (const cell of grid.rows[r] ?? []) {
      const text = cell ? trimText(cell.text) : ''
      if (text !== '') texts.push(text)
    }
  }
  return texts
}

function collectRows<K extends string>(
  grid: Grid,
  header: FoundHeader<K>,
  spec: TableSpec<K>,
  fileName: string,
  problems: RowProblem[],
  headers: Record<K, string>,
): Omit<TableRead<K>, 'notices' | 'headerRow' | 'above'> {
  const dataStart = header.row + header.height
  const columnOf = new Map<number, K>()
  for (const col of header.columns) {
    if (col.match.type === 'column') columnOf.set(col.index, col.match.key)
  }
  const labelled = new Set(header.columns.map((c) => c.index))
  const unlabelledWithData = new Set<number>()
  const byKey = new Map(spec.columns.map((c) => [c.key, c]))
  const rows: TableRow<K>[] = []
  for (let r = dataStart; r < grid.rows.length; r += 1) {
    const line = grid.rows[r]
    // Blank rows are skipped silently; a row blank but for a merged-down delegation is blank too.
    if (isBlankRow(line)) continue
    if (rows.length === spec.maxRows) {
      const p = problem(
        'too-many-rows',
        null,
        null,
        `文件“${fileName}”超过 ${spec.maxRows} 行数据，不像是${spec.what.zh}`,
        `"${fileName}" has more than ${spec.maxRows} data rows; that is not a ${spec.what.en}`,
      )
      return { rows: [], problems: [p], sheet: grid.name, headers }
    }
    line?.forEach((cell, index) => {
      if (!labelled.has(index) && cell && trimText(cell.text) !== '') unlabelledWithData.add(index)
    })
    const values = Object.fromEntries(spec.columns.map((c) => [c.key, ''])) as Record<K, string>
    const cells: Partial<Record<K, Cell>> = {}
    for (const [index, key] of columnOf) {
      const cell = dataCell(grid, r, index, dataStart)
      if (!cell) continue
      cells[key] = cell
      const col = byKey.get(key)
      // A line break inside a CSV field saved on Windows is CRLF; in the value it is one \n.
      values[key] =
        col?.kind === 'block' ? trimText(cell.text.replace(/\r\n?/g, '\n')) : cleanText(cell.text)
    }
    problems.push(...commonRowProblems(r + 1, values, spec, headers))
    rows.push({ row: r + 1, values, cells })
  }
  for (const index of unlabelledWithData) {
    const at = columnLetter(index)
    problems.push(
      problem(
        'unknown-column',
        header.row + 1,
        null,
        `第${at}列有数据但没有列名，请填写列名或删除该列`,
        `column ${at} has data but no header; name it or delete it`,
      ),
    )
  }
  if (rows.length === 0) {
    problems.push(
      problem(
        'empty-file',
        null,
        null,
        `文件“${fileName}”中没有数据行`,
        `"${fileName}" has no data rows`,
      ),
    )
  }
  return { rows, problems, sheet: grid.name, headers }
}

/**
 * A data cell, following a vertical merge up to its top-left: rosters often merge the 代表团 cell
 * down over all of a delegation's deputies, and each of those rows means that delegation. Merges
 * starting in the header are not followed (a header merged down is not a value), nor are
 * horizontal ones (a note merged across columns is not also a seat).
 */
function dataCell(grid: Grid, r: number, c: number, dataStart: number): Cell | undefined {
  const origin = grid.mergedInto?.get(`${r}:${c}`)
  if (origin && origin[1] === c && origin[0] >= dataStart) return cellAt(grid, origin[0], c)
  return cellAt(grid, r, c)
}

function commonRowProblems<K extends string>(
  row: number,
  values: Record<K, string>,
  spec: TableSpec<K>,
  headers: Record<K, string>,
): RowProblem[] {
  const problems: RowProblem[] = []
  for (const c of spec.columns) {
    const length = charCount(values[c.key])
    if (length > c.maxLength) {
      problems.push(
        problem(
          'too-long',
          row,
          headers[c.key],
          `“${headers[c.key]}”有${length}个字，最多${c.maxLength}个字`,
          `"${headers[c.key]}" has ${length} characters; at most ${c.maxLength} are allowed`,
        ),
      )
    }
  }
  const required = spec.columns.filter((c) => c.required)
  if (required.every((c) => values[c.key] === spec.example[c.key])) {
    problems.push(
      problem(
        'template-example',
        row,
        null,
        '这是模板中的示例行，请删除后再导入',
        'this is the example row of the template; delete it before importing',
      ),
    )
  }
  return problems
}

/**
 * Characters as staff count them, an astral one such as 𠀀 (a surrogate pair) as one; counted
 * without spreading the text into an array, which for a junk cell of megabytes would be one
 * huge allocation.
 */
function charCount(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length - 1; i += 1) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n -= 1
        i += 1
      }
    }
  }
  return n
}
