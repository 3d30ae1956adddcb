import type { Cell } from '../../../shared/duty/duty-export'
import type { GbkProblem } from '../../../shared/duty/duty-view'
import { csvText } from '../tables/csv-writer'

/**
 * The duty record as CSV: UTF-8 with a BOM (what Excel on Chinese Windows opens as UTF-8), or
 * GBK when the office's duty system asks for it. GBK has no code for some characters names use
 * (𠮷, 𡈼): such a record is never written in GBK with `?` in their place; the console names the
 * row and column and offers UTF-8 or XLSX instead.
 */

export type CsvEncoding = 'utf-8' | 'gbk'

/** iconv-lite is loaded by the first GBK file or check (as the importers load it). */
async function iconv() {
  return (await import('iconv-lite')).default
}

/** How many problems the console is told of by name; the rest are counted. */
const shownProblems = 10

/** The text cells GBK cannot hold, by CSV row (the header is row 1) and column. */
export async function gbkProblems(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<{ problems: GbkProblem[]; total: number }> {
  const codec = await iconv()
  const fits = new Map<string, boolean>()
  const fitsGbk = (text: string) => {
    let ok = fits.get(text)
    if (ok === undefined) {
      // Plain ASCII and the BMP's common CJK are in GBK: only a round trip tells the rest.
      ok = codec.decode(codec.encode(text, 'gbk'), 'gbk') === text
      fits.set(text, ok)
    }
    return ok
  }
  const problems: GbkProblem[] = []
  let total = 0
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || fitsGbk(cell)) return
      total += 1
      if (problems.length < shownProblems)
        problems.push({ row: r + 2, column: columns[c] ?? '', value: cell })
    })
  })
  return { problems, total }
}

export class GbkError extends Error {
  readonly problems: GbkProblem[]
  constructor(problems: GbkProblem[]) {
    const first = problems[0]
    super(
      first
        ? `GBK 无法表示第 ${first.row} 行“${first.column}”中的“${first.value}”，请改用 UTF-8 的 CSV 或 XLSX / GBK cannot hold "${first.value}" (row ${first.row}, ${first.column}); use the UTF-8 CSV or the XLSX`
        : 'GBK',
    )
    this.problems = problems
  }
}

/** The CSV's bytes: a header and the rows, in UTF-8 with a BOM or in GBK (or a GbkError). */
export async function dutyCsv(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  encoding: CsvEncoding,
): Promise<Buffer> {
  const text = csvText([columns, ...rows])
  if (encoding === 'utf-8') return Buffer.from('\uFEFF' + text, 'utf8')
  const { problems } = await gbkProblems(columns, rows)
  if (problems.length > 0) throw new GbkError(problems)
  return (await iconv()).encode(text, 'gbk')
}
