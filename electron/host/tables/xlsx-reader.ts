/**
 * Reads every worksheet of an XLSX workbook into grids. ExcelJS does the unzipping; we only turn
 * its cell values into text (and numbers where Excel stored numbers).
 */
import ExcelJS from 'exceljs'
import type { Cell, Grid } from './grid'

type ExcelCell = ExcelJS.Cell
type ExcelValue = ExcelJS.CellValue

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

/** Dates are rare in a roster; yyyy-mm-dd is how staff would read one back. */
function dateText(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** A number as Excel's General format shows it: no float noise like 1200.4999999999998. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)))
}

function plain(value: ExcelValue): Cell {
  if (value === null || value === undefined) return { text: '', number: null, numFmt: null }
  if (typeof value === 'number') return { text: numberText(value), number: value, numFmt: null }
  if (typeof value === 'string') return { text: value, number: null, numFmt: null }
  if (typeof value === 'boolean')
    return { text: value ? 'TRUE' : 'FALSE', number: null, numFmt: null }
  if (value instanceof Date) return { text: dateText(value), number: null, numFmt: null }
  if ('richText' in value) {
    return { text: value.richText.map((r) => r.text).join(''), number: null, numFmt: null }
  }
  if ('error' in value) return { text: value.error, number: null, numFmt: null }
  if ('hyperlink' in value) {
    // A hyperlink's text is usually a string but ExcelJS lets rich text through here too.
    const text: unknown = value.text
    const rich =
      isObject(text) && Array.isArray(text.richText) ? (text.richText as unknown[]) : null
    const joined = rich
      ?.map((r) => (isObject(r) && typeof r.text === 'string' ? r.text : ''))
      .join('')
    return { text: joined ?? String(text ?? ''), number: null, numFmt: null }
  }
  // A formula: what staff see is its cached result.
  const result: unknown = 'result' in value ? value.result : undefined
  return plain(result as ExcelValue)
}

/**
 * A whole number in a cell formatted with zeros only (000, 0000) as the sheet shows it: seat 1
 * formatted 000 reads 001, as staff typed and see it, not 1.
 */
function shownZeros(text: string, number: number | null, numFmt: string | null): string {
  if (number === null || !Number.isSafeInteger(number) || number < 0) return text
  return numFmt !== null && /^0+$/.test(numFmt) ? text.padStart(numFmt.length, '0') : text
}

function readCell(cell: ExcelCell): Cell {
  const read = plain(cell.value)
  const numFmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : null
  return { ...read, text: shownZeros(read.text, read.number, numFmt), numFmt }
}

function readWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: (Cell | undefined)[][] = []
  const mergedInto = new Map<string, readonly [number, number]>()
  const uncached = new Set<number>()
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = []
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const master = cell.master.fullAddress
      if (cell.isMerged && (master.row !== rowNumber || master.col !== colNumber)) {
        // ExcelJS hands every covered cell the master's value; reading it once keeps a merged
        // title from looking like the same header repeated across every column.
        mergedInto.set(`${rowNumber - 1}:${colNumber - 1}`, [master.row - 1, master.col - 1])
        return
      }
      if (cell.type === ExcelJS.ValueType.Formula && cell.result === undefined)
        uncached.add(rowNumber)
      cells[colNumber - 1] = readCell(cell)
    })
    rows[rowNumber - 1] = cells
  })
  return {
    name: ws.name,
    hidden: ws.state !== 'visible',
    rows,
    mergedInto,
    uncachedFormulaRows: [...uncached].sort((a, b) => a - b),
  }
}

/** Throws when the bytes are not a workbook ExcelJS can read (corrupt zip, .docx, .numbers). */
export async function readXlsx(data: Buffer): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook()
  // ExcelJS types its input as an ArrayBuffer look-alike; a Node Buffer is what it reads at runtime.
  await workbook.xlsx.load(data as unknown as ArrayBuffer)
  return workbook.worksheets.map(readWorksheet)
}
