/**
 * The common shape both readers produce: a sheet as a grid of cells, so header detection and row
 * checks are written once for XLSX and CSV alike.
 */

export interface Cell {
  /** The text as staff typed it (not yet trimmed). */
  text: string
  /** The number for a numeric XLSX cell, so budgets and IDs need no reparsing; null otherwise. */
  number: number | null
  /** The cell's Excel number format, e.g. "0000" keeps leading zeros on an ID column. */
  numFmt: string | null
}

export interface Grid {
  /** Worksheet name; null for CSV. */
  name: string | null
  hidden: boolean
  /**
   * rows[i] is sheet row i + 1. Sparse: missing rows and cells are undefined. Cells covered by a
   * merge (all but its top-left) are blank, so a merged title is read once, not once per column.
   */
  rows: (Cell | undefined)[][]
  /** For each covered cell "row:col" (0-based), the 0-based [row, col] of its merge's top-left. */
  mergedInto?: ReadonlyMap<string, readonly [number, number]>
  /** 1-based rows with a formula cell that has no saved result (a file never opened in Excel). */
  uncachedFormulaRows?: number[]
}

/** Excel's own limits: a sheet beyond them is not one anyone saved from Excel or WPS. */
export const EXCEL_COLUMNS = 16_384
export const EXCEL_CELL_CHARS = 32_767

/**
 * A reader met a row wider, or a cell longer, than Excel allows: not a table anyone saved from
 * Excel or WPS, and reading on could take the import worker's memory. `row` is 1-based.
 */
export class GridTooLargeError extends Error {
  constructor(
    readonly row: number,
    readonly what: 'columns' | 'cell',
  ) {
    super(`row ${row}: ${what === 'columns' ? 'more columns' : 'a longer cell'} than Excel allows`)
  }
}

export function textCell(text: string): Cell {
  return { text, number: null, numFmt: null }
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.rows[row]?.[col]
}

const SPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g
/** Chinese characters, with those outside the BMP (Extension B on: 𠮷, 𡈼), and CJK punctuation. */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef\\u{20000}-\\u{3134f}'
/** The middle dots of names written in Chinese characters (阿依古丽·买买提): ·, ・, ‧, ･. */
const DOTS = '\\u00b7\\u30fb\\u2027\\uff65'
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}${DOTS}])\\s+(?=[${CJK}${DOTS}])`, 'gu')
const ANY_DOT = new RegExp(`[${DOTS}]`, 'gu')

/**
 * A name as one deputy writes it everywhere: the middle dot one character (·), whichever of
 * its look-alikes the file used; cleanText has already taken the spaces around it.
 */
export function nameText(text: string): string {
  return text.replace(ANY_DOT, '\u00b7')
}

/**
 * Seats, numbers and codes in half-width: offices type them with a Chinese input method as often
 * as not (１２３, Ａ), and staff at check-in type 123. NFKC folds only width and compatibility
 * forms; the Chinese characters of a seat (3排12号) are kept.
 */
export function narrowText(text: string): string {
  return text.normalize('NFKC')
}

/**
 * Trims ASCII, full-width (U+3000) and no-break spaces. Inside a value, spaces between Chinese
 * characters go: rosters pad two-character names with a full-width space to line them up with
 * three-character ones, and 王芳 padded must not count as a second deputy. Other runs of spaces
 * become one space.
 */
export function cleanText(text: string): string {
  return text.replace(SPACE, ' ').trim().replace(SPACE_BETWEEN_CJK, '')
}

/** Only the ends are trimmed: line breaks inside a summary or a note are deliberate. */
export function trimText(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g, '')
}

export function isBlankRow(row: readonly (Cell | undefined)[] | undefined): boolean {
  return !row || row.every((c) => !c || trimText(c.text) === '')
}
