import type { MeetingDetails } from '../../../../shared/protocol/meeting-details.schema'
import type { LateReason } from '../../../../shared/year/year-rules'
import { boardRows, quietDays } from '../../../../shared/year/year-rules'
import type { Opinion, ProgressKind, YearProject } from '../../../../shared/year/year.schema'
import { chinaDateOf } from '../../../../shared/year/year.schema'
import { formatChinaTime } from '../../documents/report-model'

/** What the progress report (查单) is drawn from: plain data, the same for its PDF and XLSX. */
export interface ProgressReportInput {
  meetingTitle: string
  meetingDetails: MeetingDetails | null
  rehearsal: boolean
  projects: YearProject[]
  today: string
  generatedAt: Date
}

export const progressLabels = {
  title: '年度民生实事项目进展报告',
  sheetBoard: '进展总表',
  sheetUpdates: '进展记录',
  sheetOpinions: '代表意见',
  generatedAt: '生成时间',
  asOf: '统计日期',
  lateRule: `滞后：已过计划完成时间而完成进度不足 100%，或超过 ${quietDays} 天没有进展记录。`,
  none: '—',
  noUpdates: '尚无进展记录',
  empty: '本会议尚无年度民生实事项目。',
  board: [
    '编号',
    '项目名称',
    '牵头单位',
    '责任人',
    '投资额（万元）',
    '计划完成',
    '完成进度',
    '最近进展',
    '状态',
    '测评结果',
  ],
  updates: ['编号', '项目名称', '日期', '类型', '完成进度', '进展情况', '代表意见', '办理答复'],
  opinions: ['编号', '项目名称', '日期', '代表意见', '是否答复', '办理答复'],
  answered: '已答复',
  unanswered: '未答复',
  edited: (n: number) => `（已修改 ${n} 次，原记录保留）`,
  page: (n: number, of: number) => `第 ${n} 页 / 共 ${of} 页`,
} as const

export const kindLabels: Readonly<Record<ProgressKind, string>> = {
  inspection: '月度视察',
  'half-year': '半年评议',
  'year-end': '年终审议',
  department: '部门报告',
  other: '其他',
}

const lateLabels: Readonly<Record<LateReason, string>> = {
  overdue: '滞后：逾期未完成',
  quiet: `滞后：超过 ${quietDays} 天无进展`,
}

const gradeLabels = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const

export interface ProgressRow {
  project: YearProject
  /** The board's cells, in progressLabels.board's order. */
  cells: (string | number | null)[]
  late: boolean
}

export interface ProgressModel {
  heading: string
  meetingTitle: string
  rehearsal: boolean
  asOf: string
  generatedAt: string
  rows: ProgressRow[]
}

export function stateText(project: YearProject, late: LateReason[], percent: number): string {
  if (project.withdrawn) return '已撤销（表决已宣布无效）'
  if (late.length > 0) return late.map((l) => lateLabels[l]).join('；')
  return percent >= 100 ? '已完成' : '正常'
}

export function gradeText(project: YearProject): string {
  const g = project.grade
  if (!g) return progressLabels.none
  const rate = g.positiveRate === null ? '—' : `${(g.positiveRate * 100).toFixed(1)}%`
  return `${gradeLabels[g.grade]}（满意率 ${rate}）`
}

export function opinionText(o: Opinion): string {
  return o.answered ? `${o.text}【已答复：${o.answer}】` : `${o.text}【未答复】`
}

export function buildProgressModel(input: ProgressReportInput): ProgressModel {
  const rows = boardRows(input.projects, input.today, chinaDateOf).map((r) => ({
    project: r.project,
    late: r.late.length > 0,
    cells: [
      r.project.id,
      r.project.title,
      r.project.leadUnit || progressLabels.none,
      r.project.responsible || progressLabels.none,
      r.project.budget,
      r.project.plannedCompletion || progressLabels.none,
      r.percent / 100,
      r.lastDate ?? progressLabels.none,
      stateText(r.project, r.late, r.percent),
      gradeText(r.project),
    ],
  }))
  return {
    heading: input.meetingDetails?.session || input.meetingTitle,
    meetingTitle: input.meetingTitle,
    rehearsal: input.rehearsal,
    asOf: input.today,
    generatedAt: formatChinaTime(input.generatedAt),
    rows,
  }
}
