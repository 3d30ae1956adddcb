/**
 * CSV as staff actually produce it: Excel on Chinese Windows saves "CSV" in GBK (or GB18030),
 * "CSV UTF-8" with a BOM, and "Unicode 文本" as tab-separated UTF-16 with a BOM. Other tools write
 * UTF-8 without a BOM. We decode by content, never by file name.
 */
import iconv from 'iconv-lite'
import type { Cell, Grid } from './grid'
import { EXCEL_CELL_CHARS, EXCEL_COLUMNS, GridTooLargeError, isBlankRow, textCell } from './grid'

/**
 * Decodes the bytes of a text table. A buffer that is valid UTF-8 is UTF-8: GBK text almost never
 * happens to be valid UTF-8 (its lead bytes 0x81–0xFE are rarely followed by the 10xxxxxx
 * continuation bytes UTF-8 needs), while the reverse is not true. Otherwise GB18030, which is a
 * superset of GBK and GB2312, so one decoder covers all three.
 */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data)
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data)
  try {
    // fatal: throw on the first invalid sequence instead of inserting U+FFFD; the BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return iconv.decode(data, 'gb18030')
  }
}

const DELIMITERS = [',', '\t', ';'] as const

/** Excel writes commas; "Unicode 文本" writes tabs; some European locales write semicolons. */
function guessDelimiter(text: string): string {
  const firstLines = text.split(/\r\n|\n|\r/, 5).join('\n')
  let best: string = ','
  let bestCount = 0
  for (const d of DELIMITERS) {
    let count = 0
    let quoted = false
    for (const ch of firstLines) {
      if (ch === '"') quoted = !quoted
      else if (ch === d && !quoted) count += 1
    }
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}

/**
 * Non-blank records read before the reader stops: more than any table we import may have (its
 * header within the first 10 rows, at most 10,000 deputies), so the importer's answer for a
 * longer file is its "too many rows" either way. Stopping keeps a 19 MB file from becoming
 * millions of cells (~450 MB of heap, where 10,000 rows take a few megabytes).
 */
export const MAX_CSV_RECORDS = 20_000

const LF = 10
const CR = 13

/**
 * One field starting at `i`: [its text, the index of the delimiter, line break or end after it].
 * A field that starts with a quote runs to the quote that is not doubled, and may hold
 * delimiters, doubled quotes and line breaks; an unterminated one runs to the end. Text after
 * the closing quote belongs to the field as written, and so does a quote later in a field.
 * Fields are cut out as slices, never built a character at a time (which made a 19 MB cell
 * ~600 MB of string pieces).
 */
function readField(text: string, start: number, delimiter: number): [string, number] {
  let field = ''
  let i = start
  if (text.charCodeAt(i) === 0x22) {
    let from = i + 1
    for (;;) {
      const q = text.indexOf('"', from)
      if (q < 0) return [field + text.slice(from), text.length]
      if (text.charCodeAt(q + 1) === 0x22) {
        field += text.slice(from, q + 1)
        from = q + 2
        continue
      }
      field += text.slice(from, q)
      i = q + 1
      break
    }
  }
  let end = i
  while (end < text.length) {
    const c = text.charCodeAt(end)
    if (c === delimiter || c === LF || c === CR) break
    end += 1
  }
  return [end > i ? field + text.slice(i, end) : field, end]
}

/**
 * The records of a text table, RFC 4180 style (see readField), one at a time. One record is one
 * Excel row, so a blank line is an empty record: the row numbers in our messages must match what
 * staff see when they open the file in Excel. Throws GridTooLargeError past Excel's limits.
 */
function* csvRecords(text: string): Generator<string[]> {
  const delimiter = guessDelimiter(text).charCodeAt(0)
  let record: string[] = []
  let row = 1
  let i = 0
  while (i < text.length) {
    const [field, next] = readField(text, i, delimiter)
    if (field.length > EXCEL_CELL_CHARS) throw new GridTooLargeError(row, 'cell')
    record.push(field)
    i = next
    // A final line without a line break is still a record; a trailing line break is not a
    // blank row, nor is a lone "" at the very end.
    if (i >= text.length) {
      if (field !== '' || record.length > 1) yield record
      return
    }
    const c = text.charCodeAt(i)
    if (c === delimiter) {
      if (record.length === EXCEL_COLUMNS) throw new GridTooLargeError(row, 'columns')
      i += 1
      if (i === text.length) {
        record.push('')
        yield record
        return
      }
      continue
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
    yield record
    record = []
    row += 1
  }
}

/** Every record of a text table (see csvRecords). */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)]
}

/** `="0123"` is how some exporters keep leading zeros through Excel; staff mean 0123. */
function unwrapFormulaText(field: string): string {
  const m = /^="(.*)"$/s.exec(field)
  return m ? (m[1] as string) : field
}

/**
 * The grid of a text table. Blank records are left out (the grid is sparse, as an XLSX's is), so
 * a file of blank lines costs nothing, and reading stops after MAX_CSV_RECORDS non-blank ones.
 */
export function readCsv(data: Buffer): Grid {
  const rows: Cell[][] = []
  let index = 0
  let kept = 0
  for (const record of csvRecords(decodeText(data))) {
    const cells = record.map((field) => textCell(unwrapFormulaText(field)))
    if (!isBlankRow(cells)) {
      rows[index] = cells
      kept += 1
      if (kept === MAX_CSV_RECORDS) break
    }
    index += 1
  }
  return { name: null, hidden: false, rows }
}
