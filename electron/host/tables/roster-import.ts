/**
 * The roster (代表名单) import: 姓名, 代表团/代表组, 座位号, and optionally 证件后四位 and 备注,
 * as a spec and its row checks (import-driver.ts). It only reports; the caller refuses a preview
 * that has any problem.
 */
import { nameText, narrowText } from './grid'
import type { CheckedRow, TableImport } from './import-driver'
import { FirstRows, runImport } from './import-driver'
import type { ImportPreview, RowProblem } from './import-problems'
import { problem } from './import-problems'
import type { ValueName } from './row-checks'
import { repeatProblem } from './row-checks'
import type { ReadOptions, TableRow } from './table-reader'
import type { TableSpec } from './table-spec'

export interface RosterRow {
  /** 代表编号 as the office numbers its deputies; '' when the file has none. Matches a reimport. */
  number: string
  name: string
  delegation: string
  seat: string
  /** Normalised (upper-case X) when valid; as written when invalid, for the preview. */
  idLast4: string | null
  note: string
}

type RosterKey = keyof RosterRow

export const rosterSpec: TableSpec<RosterKey> = {
  what: { zh: '代表名单', en: 'roster' },
  columns: [
    {
      key: 'number',
      label: '代表编号',
      labelEn: 'Deputy No.',
      aliases: ['编号', '代表证号', '代表证编号', '代表号', 'deputy number'],
      required: false,
      maxLength: 32,
      kind: 'line',
      width: 10,
    },
    {
      key: 'name',
      label: '姓名',
      labelEn: 'Name',
      aliases: ['代表姓名', 'full name'],
      required: true,
      maxLength: 50,
      kind: 'line',
      width: 12,
    },
    {
      key: 'delegation',
      label: '代表团',
      labelEn: 'Delegation',
      aliases: ['代表组', '代表团(组)', '所在代表团', '团组', '所属代表团', 'group'],
      required: true,
      maxLength: 100,
      kind: 'line',
      width: 22,
    },
    {
      key: 'seat',
      label: '座位号',
      labelEn: 'Seat',
      aliases: ['座位', '座号', '座次', '座位编号', 'seat no', 'seat number'],
      required: true,
      maxLength: 50,
      kind: 'line',
      width: 12,
    },
    {
      key: 'idLast4',
      label: '证件后四位',
      labelEn: 'ID last 4',
      aliases: ['身份证后四位', '证件号后四位', '身份证号后四位', 'id last4'],
      required: false,
      maxLength: 20,
      kind: 'line',
      width: 12,
    },
    {
      key: 'note',
      label: '备注',
      labelEn: 'Note',
      aliases: ['notes', 'remark', 'remarks', '说明'],
      required: false,
      maxLength: 500,
      kind: 'block',
      width: 30,
    },
  ],
  ignored: ['序号', 'no', '#', '报到情况', '报到', '报到状态', 'present', 'checked in'],
  // What rosters carry for other uses. The full identity number is never stored (证件后四位 is
  // the column that tells two deputies of one name apart).
  kept: [
    '性别',
    '民族',
    '出生年月',
    '出生日期',
    '年龄',
    '党派',
    '政治面貌',
    '工作单位及职务',
    '工作单位',
    '职务',
    '单位及职务',
    '联系电话',
    '电话',
    '手机',
    '手机号码',
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '学历',
    '文化程度',
    '籍贯',
    '代表类别',
    '界别',
    '通讯地址',
    '邮箱',
  ],
  example: {
    number: '',
    name: '张三',
    delegation: '城关镇代表团',
    seat: '1排1号',
    idLast4: '123X',
    note: '示例行，导入前请删除',
  },
  // The national congress has ~2,980 deputies; ten thousand rows is no roster.
  maxRows: 10_000,
}

/**
 * The last four characters of a resident ID: three digits and a digit or X (the check
 * character, which only ever comes last). Full-width digits and a lower-case x are accepted.
 */
const ID_LAST4 = /^\d{3}[\dX]$/

function readIdLast4(row: TableRow<RosterKey>): { value: string | null; lostZero: boolean } {
  const cell = row.cells.idLast4
  const text = row.values.idLast4.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (text === '') return { value: null, lostZero: false }
  // A number cell formatted 0000 has its zeros back already (xlsx-reader.ts): 0123 as shown.
  return {
    value: text,
    lostZero: cell?.number !== null && cell?.number !== undefined && text.length < 4,
  }
}

/**
 * What a character lost on the way looks like: "?" where a CSV saved in GBK had no code for it,
 * U+FFFD where bytes did not decode. No name or delegation holds either.
 */
const LOST = /[?？\ufffd]/

const deputyNumber: ValueName = { zh: '代表编号', en: 'deputy number' }
const seatName: ValueName = { zh: '座位号', en: 'seat' }

function rowProblems(
  row: TableRow<RosterKey>,
  headers: Record<RosterKey, string>,
  seen: { seat: FirstRows; nameGroup: FirstRows; nameId: FirstRows; number: FirstRows },
): CheckedRow<RosterRow> {
  const { delegation, note } = row.values
  const name = nameText(row.values.name)
  const seat = narrowText(row.values.seat)
  const number = narrowText(row.values.number)
  const n = row.row
  const problems: RowProblem[] = []
  if (name === '')
    problems.push(problem('missing-name', n, headers.name, '缺少姓名', 'the name is missing'))
  if (delegation === '') {
    problems.push(
      problem(
        'missing-delegation',
        n,
        headers.delegation,
        '缺少代表团',
        'the delegation is missing',
      ),
    )
  }
  if (seat === '')
    problems.push(problem('missing-seat', n, headers.seat, '缺少座位号', 'the seat is missing'))
  for (const [key, value] of [
    ['name', name],
    ['delegation', delegation],
  ] as const) {
    if (LOST.test(value)) {
      problems.push(
        problem(
          'lost-character',
          n,
          headers[key],
          `“${value}”中有“?”：文件另存为 CSV（GBK）时，GBK 以外的生僻字（如𠮷、𡈼）会变成“?”。请改存为 .xlsx 或“CSV UTF-8”后重新导入`,
          `"${value}" has a "?": saving as CSV in GBK turns rare characters outside GBK (such as 𠮷) into "?"; save as .xlsx or "CSV UTF-8" and import that`,
        ),
      )
    }
  }

  const id = readIdLast4(row)
  const idValid = id.value !== null && ID_LAST4.test(id.value)
  if (id.value !== null && !idValid) {
    const hint = id.lostZero ? '（Excel 去掉了开头的 0，请把该列设为“文本”格式后重新填写）' : ''
    const hintEn = id.lostZero
      ? ' (Excel dropped the leading zeros; format the column as Text and retype)'
      : ''
    problems.push(
      problem(
        'invalid-id-last4',
        n,
        headers.idLast4,
        `证件后四位“${id.value}”无效，应为4位数字，最后一位可以是X${hint}`,
        `ID last 4 "${id.value}" is invalid: four digits, the last may be X${hintEn}`,
      ),
    )
  }

  const at = (column: string) => ({ row: n, column })
  const repeats = [
    repeatProblem(seen.number, number, at(headers.number), 'duplicate-number', deputyNumber),
    repeatProblem(seen.seat, seat, at(headers.seat), 'duplicate-seat', seatName),
  ]
  for (const repeat of repeats) if (repeat) problems.push(repeat)

  if (name !== '') {
    const groupKey = delegation === '' ? null : `${name}\u0000${delegation}`
    const idKey = idValid ? `${name}\u0000${id.value}` : null
    const byGroup = groupKey === null ? undefined : seen.nameGroup.repeatOf(groupKey, n)
    const byId = idKey === null ? undefined : seen.nameId.repeatOf(idKey, n)
    if (byGroup !== undefined) {
      problems.push(
        problem(
          'duplicate-person',
          n,
          headers.name,
          `代表“${name}”（${delegation}）与第${byGroup}行重复`,
          `deputy "${name}" (${delegation}) repeats row ${byGroup}`,
        ),
      )
    } else if (byId !== undefined) {
      problems.push(
        problem(
          'duplicate-person',
          n,
          headers.name,
          `代表“${name}”（证件后四位${id.value}）与第${byId}行重复`,
          `deputy "${name}" (ID last 4 ${id.value}) repeats row ${byId}`,
        ),
      )
    }
  }
  return { problems, out: { number, name, delegation, seat, idLast4: id.value, note } }
}

export const rosterImport: TableImport<RosterKey, RosterRow> = {
  spec: rosterSpec,
  rowChecks() {
    const seen = {
      seat: new FirstRows(),
      nameGroup: new FirstRows(),
      nameId: new FirstRows(),
      number: new FirstRows(),
    }
    return (row, headers) => rowProblems(row, headers, seen)
  },
}

export function parseRosterFile(
  data: Buffer,
  fileName: string,
  options: ReadOptions = {},
): Promise<ImportPreview<RosterRow>> {
  return runImport(rosterImport, data, fileName, options)
}
