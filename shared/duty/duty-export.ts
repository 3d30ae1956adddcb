import type { CheckInHow, DutyState, PointsRule } from './duty.schema'
import { signedPoints } from './points'
import type { DutyRecord } from './duty-record'
import type { DutyPersonRow, MeetingStatus } from './duty-view'

/**
 * The export for the office's duty system (代表履职档案): a row per deputy per meeting and a
 * summary row per deputy. The columns are a contract (README: 代表履职): their names and order
 * do not change; 积分 is always there, blank while no points rule is set. Attendance only.
 */

export const detailColumns = [
  '代表序号',
  '代表编号',
  '姓名',
  '代表团',
  '会议名称',
  '会议日期',
  '出席情况',
  '报到方式',
  '报到时间',
  '请假事由',
  '积分',
  '匹配情况',
] as const

export const summaryColumns = [
  '代表序号',
  '代表编号',
  '姓名',
  '代表团',
  '会议次数',
  '出席次数',
  '请假次数',
  '缺席次数',
  '出席率',
  '积分',
  '匹配情况',
] as const

export type Cell = string | number | null

export const stateLabels: Readonly<Record<DutyState, string>> = {
  present: '出席',
  leave: '请假',
  absent: '缺席',
}

export const howLabels: Readonly<Record<CheckInHow, string>> = {
  tablet: '扫码报到',
  staff: '会务人员办理',
  'staff-confirmed': '请假后确认报到',
  paper: '纸质签到',
}

export const statusLabels: Readonly<Record<MeetingStatus, string>> = {
  included: '已计入',
  rehearsal: '演练，不计入',
  'not-held': '尚无人报到，不计入',
  'no-roster': '没有代表名单，不计入',
  unreadable: '会议文件无法读取，不计入',
}

/** How a deputy's meetings were matched, in words the office reads. */
export function matchText(row: DutyPersonRow): string {
  const basis = {
    single: '仅一次会议',
    number: '按代表编号',
    name: '按姓名和代表团',
    staff: '会务人员指定',
  }[row.basis]
  if (row.ambiguous) return `${basis}（同名无法区分，待核对）`
  if (row.needsConfirm) return `${basis}（待确认）`
  if (row.confirmed) return `${basis}（已确认）`
  return basis
}

/** 积分规则：出席 +2 分，请假 0 分，缺席 −1 分. */
export function pointsRuleText(rule: PointsRule | null): string {
  if (!rule) return '未设积分规则'
  return `积分规则：出席 ${signedPoints(rule.present)} 分，请假 ${signedPoints(rule.leave)} 分，缺席 ${signedPoints(rule.absent)} 分`
}

export interface DutySheets {
  detail: Cell[][]
  summary: Cell[][]
  /** 说明: what the record covers, as label–value lines. */
  about: [string, string][]
}

/** The rows of the export, without headers (the column lists above are the headers). */
export function dutySheets(record: DutyRecord, generatedAt: string): DutySheets {
  const detail: Cell[][] = []
  const summary: Cell[][] = []
  record.persons.forEach(({ row, records }, i) => {
    const serial = i + 1
    const match = matchText(row)
    for (const r of records)
      detail.push([
        serial,
        r.number,
        r.name,
        r.delegation,
        r.meetingTitle,
        r.date,
        stateLabels[r.state],
        r.how ? howLabels[r.how] : '',
        r.at,
        r.reason,
        r.points,
        match,
      ])
    summary.push([
      serial,
      row.number,
      row.name,
      row.delegation,
      row.meetings,
      row.present,
      row.leave,
      row.absent,
      // 出席率 as a fraction to four places (66.67 %): the XLSX shows it as a percentage.
      row.meetings > 0 ? Math.round((row.present / row.meetings) * 10_000) / 10_000 : null,
      row.points,
      match,
    ])
  })
  const about: [string, string][] = [
    [
      '说明',
      '本表只记录代表出席会议的情况（出席、请假、缺席，报到方式和时间），不含任何表决信息。',
    ],
    ['导出时间', generatedAt],
    ['积分', pointsRuleText(record.pointsRule)],
    ...record.meetings.map((m): [string, string] => [
      `${m.date} ${m.title}`,
      m.status === 'included'
        ? `${statusLabels.included}：应到 ${m.deputies} 人，出席 ${m.present}，请假 ${m.leave}，缺席 ${m.absent}`
        : statusLabels[m.status],
    ]),
  ]
  return { detail, summary, about }
}
