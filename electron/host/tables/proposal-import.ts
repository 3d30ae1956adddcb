/**
 * The citizens' proposals (征集建议) import: 编号, 建议内容, 来源渠道, 提出日期, 镇街/片区, as collected
 * by a hotline, a web form or a 代表联系站. The same engine as the roster and the projects
 * (import-driver.ts): a spec and its row checks; the caller refuses a preview with any problem.
 * Who proposed it and how to reach them (姓名, 联系电话…) are read past and never stored.
 */
import { parseDay } from '../../../shared/year/dates'
import type { ProposalRowView } from '../../../shared/year/proposals'
import { proposalLimits } from '../../../shared/year/proposals'
import { serialDayText } from './day-cell'
import { narrowText } from './grid'
import type { CheckedRow, TableImport } from './import-driver'
import { FirstRows, runImport } from './import-driver'
import type { ImportPreview, RowProblem } from './import-problems'
import { problem } from './import-problems'
import { numberProblems } from './row-checks'
import type { ReadOptions, TableRow } from './table-reader'
import type { TableSpec } from './table-spec'

/** date is 'YYYY-MM-DD', or null when blank (or invalid, which is also reported). */
export type ProposalRow = ProposalRowView

type ProposalKey = keyof ProposalRow

export const proposalSpec: TableSpec<ProposalKey> = {
  what: { zh: '征集建议表', en: 'proposal list' },
  columns: [
    {
      key: 'number',
      label: '编号',
      labelEn: 'No.',
      aliases: ['建议编号', '工单编号', '工单号', '受理编号', 'number'],
      weakAliases: ['序号'],
      required: true,
      maxLength: proposalLimits.id,
      kind: 'line',
      width: 14,
    },
    {
      key: 'content',
      label: '建议内容',
      labelEn: 'Proposal',
      aliases: [
        '意见内容',
        '建议',
        '意见建议',
        '建议事项',
        '内容',
        '诉求内容',
        'proposal',
        'content',
      ],
      required: true,
      maxLength: proposalLimits.content,
      kind: 'block',
      width: 60,
    },
    {
      key: 'channel',
      label: '来源渠道',
      labelEn: 'Channel',
      aliases: ['渠道', '来源', '征集渠道', '征集方式', '建议来源', 'channel', 'source'],
      required: false,
      maxLength: proposalLimits.channel,
      kind: 'line',
      width: 14,
    },
    {
      key: 'date',
      label: '提出日期',
      labelEn: 'Date',
      aliases: ['日期', '提出时间', '征集日期', '受理日期', '受理时间', '时间', 'date'],
      required: false,
      maxLength: 30,
      kind: 'line',
      width: 14,
    },
    {
      key: 'area',
      label: '镇街/片区',
      labelEn: 'Area',
      aliases: [
        '镇街',
        '片区',
        '所属镇街',
        '所属片区',
        '镇（街道）',
        '镇(街)',
        '街道',
        '乡镇',
        '社区',
        '所属社区',
        '区域',
        'area',
      ],
      required: false,
      maxLength: proposalLimits.area,
      kind: 'line',
      width: 14,
    },
  ],
  ignored: [],
  kept: [
    '姓名',
    '提出人',
    '建议人',
    '联系人',
    '联系电话',
    '电话',
    '手机',
    '手机号码',
    '身份证号',
    '地址',
    '联系地址',
    '备注',
    '办理状态',
    '处理结果',
  ],
  example: {
    number: 'JY-001',
    content: '示例：建议在城关街道增设社区食堂（导入前请删除）',
    channel: '12345热线',
    date: '2026-03-05',
    area: '城关街道',
  },
  maxRows: 20_000,
}

function rowProblems(
  row: TableRow<ProposalKey>,
  headers: Record<ProposalKey, string>,
  seen: FirstRows,
): CheckedRow<ProposalRow> {
  const { content, channel, area } = row.values
  const number = narrowText(row.values.number)
  const n = row.row
  const problems: RowProblem[] = numberProblems(
    number,
    { row: n, column: headers.number },
    seen,
    'duplicate-proposal',
  )
  if (content === '')
    problems.push(
      problem('missing-content', n, headers.content, '缺少建议内容', 'the proposal is missing'),
    )
  const dateText = serialDayText(row.cells.date) ?? row.values.date
  const date = dateText === '' ? null : parseDay(dateText)
  if (dateText !== '' && date === null) {
    problems.push(
      problem(
        'invalid-date',
        n,
        headers.date,
        `日期“${dateText}”无法识别，请填写如 2026-03-05、2026/3/5 或 2026年3月5日`,
        `date "${dateText}" is not a date; write it as 2026-03-05, 2026/3/5 or 2026年3月5日`,
      ),
    )
  }
  return { problems, out: { number, content, channel, date, area } }
}

export const proposalImport: TableImport<ProposalKey, ProposalRow> = {
  spec: proposalSpec,
  rowChecks() {
    const seen = new FirstRows()
    return (row, headers) => rowProblems(row, headers, seen)
  },
}

export function parseProposalFile(
  data: Buffer,
  fileName: string,
  options: ReadOptions = {},
): Promise<ImportPreview<ProposalRow>> {
  return runImport(proposalImport, data, fileName, options)
}
