/**
 * CSV as staff actually produce it: Excel on Chinese Windows saves "CSV" in GBK (or GB18030),
 * "CSV UTF-8" with a BOM, and "Unicode 文本" as tab-separated UTF-16 with a BOM. Other tools write
 * UTF-8 without a BOM. We decode by content, never by file name.
 */
import iconv from 'iconv-lite'
import type { Cell, Grid } from './grid'
import { textCell } from './grid'

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
 * Splits text into records, RFC 4180 style: quoted fields may hold delimiters, doubled quotes and
 * line breaks. One record is one Excel row, so a blank line is kept as an empty record: the row
 * numbers in our messages must match what staff see when they open the file in Excel.
 */
export function parseCsv(text: string): string[][] {
  const delimiter = guessDelimiter(text)
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (ch === '"') quoted = false
      else field += ch
      i += 1
      continue
    }
    if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      record.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      if (ch === '\r' && text[i + 1] === '\n') i += 1
    } else field += ch
    i += 1
  }
  // A final line without a line break is still a record; a trailing line break is not a blank row.
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** `="0123"` is how some exporters keep leading zeros through Excel; staff mean 0123. */
function unwrapFormulaText(field: string): string {
  const m = /^="(.*)"$/s.exec(field)
  return m ? (m[1] as string) : field
}

export function readCsv(data: Buffer): Grid {
  const rows: Cell[][] = parseCsv(decodeText(data)).map((record) =>
    record.map((field) => textCell(unwrapFormulaText(field))),
  )
  return { name: null, hidden: false, rows }
}
