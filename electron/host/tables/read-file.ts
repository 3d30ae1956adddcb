/**
 * Turns uploaded bytes into grids, deciding XLSX or CSV by content: staff rename files, and a
 * ".csv" that is really a workbook (or a ".xlsx" that is really a PDF) must get a clear answer.
 * The readers are imported by the first file that needs them: exceljs (~30 MB) and iconv-lite
 * (~7 MB) are for preparing a meeting, and a host running one should not carry them.
 */
import type { Grid } from './grid'
import { EXCEL_CELL_CHARS, EXCEL_COLUMNS, GridTooLargeError } from './grid'
import type { RowProblem } from './import-problems'
import { problem } from './import-problems'
import { checkZip } from './zip-guard'

/** A roster of the national congress is ~200 KB as XLSX; 20 MB is generous and bounds memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

export type ReadResult = { ok: true; grids: Grid[] } | { ok: false; problem: RowProblem }

/**
 * The two readers. By default each is imported by the first file that needs it (see above); the
 * import worker, whose thread exists to parse one file, hands in both, loaded with it: from
 * source under tsx's CommonJS hook (import-worker.ts) an import() cannot load a .ts module.
 */
export interface SpreadsheetReaders {
  readXlsx(data: Buffer): Promise<Grid[]>
  readCsv(data: Buffer): Grid
}

interface Signature {
  bytes: number[]
  zh: string
  en: string
}

const ASK = '请上传 XLSX 或 CSV 表格'
const ASK_EN = 'please upload an XLSX or CSV spreadsheet'

const SIGNATURES: Signature[] = [
  {
    bytes: [0x25, 0x50, 0x44, 0x46],
    zh: `这是 PDF 文件，不是表格，${ASK}`,
    en: `this is a PDF, not a spreadsheet; ${ASK_EN}`,
  },
  {
    // OLE2 compound file: a legacy .xls (or .doc), and also what Excel writes for a
    // password-protected .xlsx. ExcelJS reads neither.
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    zh: '这是旧版 Excel（.xls）文件或加密的工作簿，请在 Excel 中“另存为” .xlsx（不设密码）或 CSV 后再导入',
    en: 'this is a legacy Excel (.xls) file or an encrypted workbook; save it as .xlsx (without a password) or CSV in Excel and import that',
  },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47],
    zh: `这是图片（PNG），不是表格，${ASK}`,
    en: `this is an image (PNG), not a spreadsheet; ${ASK_EN}`,
  },
  {
    bytes: [0xff, 0xd8, 0xff],
    zh: `这是图片（JPEG），不是表格，${ASK}`,
    en: `this is an image (JPEG), not a spreadsheet; ${ASK_EN}`,
  },
  {
    bytes: [0x47, 0x49, 0x46, 0x38],
    zh: `这是图片（GIF），不是表格，${ASK}`,
    en: `this is an image (GIF), not a spreadsheet; ${ASK_EN}`,
  },
]

const ODF_MIMETYPE = 'application/vnd.oasis.opendocument.'

/**
 * An OpenDocument file (LibreOffice's default .ods, also WPS's): a zip whose first entry, stored
 * uncompressed as the format requires, is `mimetype`. Its kind ("spreadsheet", "text"…), or null.
 */
function odfType(data: Buffer): string | null {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || data.length < 80) return null
  const nameLength = data.readUInt16LE(26)
  const extraLength = data.readUInt16LE(28)
  if (data.subarray(30, 30 + nameLength).toString('latin1') !== 'mimetype') return null
  const start = 30 + nameLength + extraLength
  const type = data.subarray(start, start + 80).toString('latin1')
  return type.startsWith(ODF_MIMETYPE)
    ? (/^[a-z-]+/.exec(type.slice(ODF_MIMETYPE.length))?.[0] ?? null)
    : null
}

function startsWith(data: Buffer, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b)
}

function wrongType(fileName: string, zh: string, en: string): ReadResult {
  return {
    ok: false,
    problem: problem(
      'wrong-file-type',
      null,
      null,
      `文件“${fileName}”无法导入：${zh}`,
      `"${fileName}" cannot be imported: ${en}`,
    ),
  }
}

/**
 * Text tables never contain NUL bytes, except UTF-16, which we only accept with its BOM (that is
 * how Excel writes "Unicode 文本"). Anything else with NULs in its first 8 KB is binary.
 */
function looksBinary(data: Buffer): boolean {
  const bom16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)
  return !bom16 && data.subarray(0, 8192).includes(0)
}

function unreadableWorkbook(fileName: string): ReadResult {
  return wrongType(
    fileName,
    `无法读取该 XLSX 工作簿（文件可能已损坏，或是其他压缩文件），${ASK}`,
    `the XLSX workbook cannot be read (it may be damaged, or another kind of zip file); ${ASK_EN}`,
  )
}

function tooLarge(error: GridTooLargeError): RowProblem {
  const [zh, en] =
    error.what === 'columns'
      ? [
          `超过 ${EXCEL_COLUMNS} 列（Excel 的上限）`,
          `more than ${EXCEL_COLUMNS} columns (Excel's limit)`,
        ]
      : [
          `有单元格超过 ${EXCEL_CELL_CHARS} 个字（Excel 的上限）`,
          `a cell has more than ${EXCEL_CELL_CHARS} characters (Excel's limit)`,
        ]
  return problem(
    'file-too-large',
    error.row,
    null,
    `${zh}，不像是名单或项目表，${ASK}`,
    `${en}; that is not a roster or a project list; ${ASK_EN}`,
  )
}

export async function readSpreadsheet(
  data: Buffer,
  fileName: string,
  readers?: SpreadsheetReaders,
): Promise<ReadResult> {
  if (data.length === 0) {
    return {
      ok: false,
      problem: problem(
        'empty-file',
        null,
        null,
        `文件“${fileName}”是空的`,
        `"${fileName}" is empty`,
      ),
    }
  }
  if (data.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      problem: problem(
        'file-too-large',
        null,
        null,
        `文件“${fileName}”超过 20 MB，不像是名单或项目表`,
        `"${fileName}" is larger than 20 MB; that is not a roster or a project list`,
      ),
    }
  }
  for (const sig of SIGNATURES) {
    if (startsWith(data, sig.bytes)) return wrongType(fileName, sig.zh, sig.en)
  }
  const odf = odfType(data)
  if (odf !== null) {
    const what = odf === 'spreadsheet' ? 'ODS 表格（.ods）' : `ODF 文档（${odf}）`
    return wrongType(
      fileName,
      `这是 LibreOffice 或 WPS 保存的 ${what}，请在 LibreOffice 或 WPS 中“另存为” Excel 2007-365 (.xlsx) 或 CSV 后再导入`,
      `this is an OpenDocument ${odf} (.ods and the like, as LibreOffice or WPS save); save it as Excel 2007-365 (.xlsx) or CSV there and import that`,
    )
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    const zip = checkZip(data)
    if (!zip.ok && zip.reason === 'too-large') {
      return wrongType(
        fileName,
        `工作簿解压后过大（超过 64 MB 或部件过多），不像是名单或项目表，${ASK}`,
        `the workbook inflates to more than 64 MB (or has too many parts); that is not a roster or a project list; ${ASK_EN}`,
      )
    }
    if (!zip.ok) return unreadableWorkbook(fileName)
    const { readXlsx } = readers ?? (await import('./xlsx-reader'))
    try {
      const grids = await readXlsx(data)
      const uncached = grids.find((g) => !g.hidden && g.uncachedFormulaRows?.length)
      const rows = uncached?.uncachedFormulaRows ?? []
      if (rows[0] !== undefined) {
        return {
          ok: false,
          problem: problem(
            'formula-without-value',
            rows[0],
            null,
            `单元格是公式，但文件里没有保存计算结果（共${rows.length}行），请用 Excel 或 WPS 打开后保存，再导入`,
            `the cells are formulas without saved results (${rows.length} rows); open the file in Excel or WPS, save it, and import it again`,
          ),
        }
      }
      if (grids.length > 0) return { ok: true, grids }
    } catch {
      // fall through: a zip that is not a readable workbook
    }
    return unreadableWorkbook(fileName)
  }
  if (looksBinary(data)) {
    return wrongType(fileName, `这不是表格文件，${ASK}`, `this is not a spreadsheet; ${ASK_EN}`)
  }
  const { readCsv } = readers ?? (await import('./csv-reader'))
  try {
    return { ok: true, grids: [readCsv(data)] }
  } catch (error) {
    if (!(error instanceof GridTooLargeError)) throw error
    return { ok: false, problem: tooLarge(error) }
  }
}
