/**
 * Days in a spreadsheet cell. ExcelJS hands a cell it knows as a date over as a Date (read as
 * 'YYYY-MM-DD' text, xlsx-reader.ts), but a workbook whose date format it does not know (custom
 * formats LibreOffice and WPS write, like YYYY"年"M"月"D"日") arrives as Excel's serial day
 * number with that format: read here as the day (or month, for a format without days) it shows.
 */
import type { Cell } from './grid'

/** A number format that shows a date: y, m or d outside quotes and escapes, no h or s alone. */
function dateFormat(numFmt: string): { days: boolean } | null {
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
  if (!/y/.test(bare) || !/m/.test(bare)) return null
  return { days: /d/.test(bare) }
}

/** Excel's day 1 is 1900-01-01 with its 1900-02-29 that never was: serials count from 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

/**
 * The text a date cell shows, as 'YYYY-MM-DD' (or 'YYYY-MM' for a month format), when the cell
 * is a serial number in a date format; null for any other cell, whose text is read as typed.
 */
export function serialDayText(cell: Cell | undefined): string | null {
  if (!cell || cell.number === null || cell.numFmt === null) return null
  const format = dateFormat(cell.numFmt)
  if (!format || !Number.isFinite(cell.number) || cell.number < 1 || cell.number > 100_000)
    return null
  const iso = new Date(EXCEL_EPOCH_MS + Math.floor(cell.number) * DAY_MS).toISOString()
  return format.days ? iso.slice(0, 10) : iso.slice(0, 7)
}
