/**
 * What an import preview reports. Every problem carries the row as staff see it in Excel (the
 * 1-based sheet row, or null for the whole file) and a message in Chinese first, English second:
 * the console shows the message as-is, so it must stand on its own ("第7行：缺少姓名").
 */

export const importProblemCodes = [
  // The file as a whole
  'wrong-file-type',
  'file-too-large',
  'empty-file',
  'too-many-rows',
  'wrong-sheet',
  'formula-without-value',
  // The header row
  'missing-column',
  'unknown-column',
  'duplicate-column',
  // Roster rows
  'missing-name',
  'missing-delegation',
  'missing-seat',
  'duplicate-seat',
  'duplicate-person',
  'invalid-id-last4',
  'lost-character',
  // Project rows
  'missing-number',
  'invalid-number',
  'missing-title',
  'duplicate-number',
  'duplicate-title',
  'invalid-budget',
  'invalid-completion',
  // Proposal rows (征集建议)
  'missing-content',
  'invalid-date',
  'duplicate-proposal',
  'budget-unit',
  // Progress rows (a previous year's progress list)
  'invalid-percent',
  'invalid-date',
  // Any row
  'too-long',
  'template-example',
  // Against the list there now (services/project-merge.ts)
  'project-in-vote',
  // Notices, not problems: they never stop an import
  'kept-column',
  'proposals-ungrouped',
  'budget-converted',
] as const
export type ImportProblemCode = (typeof importProblemCodes)[number]

export interface RowProblem {
  /** 1-based sheet row as Excel shows it; null when the problem is about the whole file. */
  row: number | null
  /** The column's header as written in the file (or the expected header when it is missing). */
  column: string | null
  code: ImportProblemCode
  /** zh-CN, ready to show. */
  message: string
  messageEn: string
}

export interface ImportPreview<T> {
  /**
   * Every non-blank data row in file order, broken ones included so the preview can show them
   * beside their problems. Only importable when `problems` is empty.
   */
  rows: T[]
  /** rowNumbers[i] is the sheet row of rows[i]. */
  rowNumbers: number[]
  problems: RowProblem[]
  /** What staff should know and that does not stop the import: columns read past. */
  notices: RowProblem[]
  /** The worksheet read (XLSX), or null for CSV and unreadable files. */
  sheet: string | null
  /** Non-blank data rows found below the header. */
  totalRows: number
}

export function problem(
  code: ImportProblemCode,
  row: number | null,
  column: string | null,
  zh: string,
  en: string,
): RowProblem {
  const message = row === null ? zh : `第${row}行：${zh}`
  const messageEn = row === null ? en : `Row ${row}: ${en}`
  return { row, column, code, message, messageEn }
}

/** Excel's column letters, so a message can say "第F列" for a column without a header. */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    out = String.fromCharCode(65 + rem) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}
