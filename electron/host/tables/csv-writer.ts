import { formulaStart } from '../services/credentials'

/**
 * CSV as the office's spreadsheets open it: cells quoted only where needed, CRLF lines. Text from
 * a roster or an import may be anything, so a cell a spreadsheet would run as a formula (a
 * leading =, +, - or @) is guarded with a `'`, which Excel and WPS show as text.
 */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Rows of cells as CSV text: numbers as they are, text guarded, blank for null. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return (
    rows
      .map((row) =>
        row
          .map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : csvCell(v)))
          .join(','),
      )
      .join('\r\n') + '\r\n'
  )
}
