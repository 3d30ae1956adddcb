import type { Grade } from '../../../shared/protocol/result.schema'
import type { ThresholdBase, VoteKind } from '../../../shared/protocol/vote-rules.schema'
import { ballotLabels } from './ballot-labels'

/**
 * Every fixed Chinese string the archive documents print. Kept in one place so a test can prove
 * the shipped font covers all of them (a missing glyph prints as an empty box on paper).
 */
export const reportLabels = {
  reportTitle: '计票结果报告',
  kind: '表决方式',
  rules: '表决规则',
  otherRules: '其他规定',
  openedAt: '开始时间',
  closedAt: '结束时间',
  needed: '通过票数',
  neededRating: '满意票数线',
  votesUnit: '票',
  counts: '人数与票数',
  table: '表决结果',
  chart: '得票示意图',
  thresholdLine: '通过票数线',
  conclusion: '结论',
  digest: '结果摘要（SHA-256）',
  generatedAt: '生成时间',
  page: (n: number, of: number) => `第 ${n} 页 / 共 ${of} 页`,
  signatures: ['总监票人', '监票人', '计票人'] as const,
  signHere: '（签名）：',
  signDate: '日期：      年    月    日',
  none: '—',
  yes: '是',
  no: '否',
  elected: '当选',
  runoff: '另行票决',
  passed: '通过',
  notPassed: '未通过',
  electedList: (n: number) => `当选项目（${n}项）：`,
  noneElected: '无当选项目',
  motionPassed: '表决通过',
  motionNotPassed: '未获通过',
  overall: (satisfied: string, positive: string) =>
    `总体满意率 ${positive}（其中满意 ${satisfied}）。满意率＝（满意＋基本满意）÷有效票`,
  voided: (reason: string) => `本次表决无效（${reason}），不产生表决结果。`,
  annulled: (reason: string) => `本次表决已宣布无效，不产生表决结果。理由：${reason}`,
  voidReasons: { 'cast exceeds issued': '收回票数多于发出票数' } as Readonly<
    Record<string, string>
  >,
  tie: (ids: string, seatsLeft: number) =>
    `末位同票：${ids} 得票相同，剩余名额 ${seatsLeft} 个，须对上述项目另行票决。`,
  shortfall: (seatsLeft: number) => `获得通过的项目不足名额，尚缺 ${seatsLeft} 项。`,
  paperRest: (tablet: number, counted: number) =>
    `其中平板选票 ${tablet} 张，纸质选票 ${counted} 张。`,
  paperWhole: (counted: number) => `本次表决以纸质选票计票，收回的 ${counted} 张选票均为纸质选票。`,
  paperFigures: (issued: number, returned: number, spoiled: number) =>
    `纸质选票发出 ${issued} 张，收回 ${returned} 张，其中作废 ${spoiled} 张；逐批经两名计票人分别录入，核对一致后计入。`,
  unknownTime: '未记录',
  sheetResult: '计票结果',
  sheetRules: '规则',
  meeting: '会议',
  vote: '表决事项',
  motionTitle: '决议标题',
  docNumber: '文号',
  motionSummary: '决议摘要',
  field: '项目',
  value: '内容',
} as const

export const kindLabels: Readonly<Record<VoteKind, string>> = {
  select: '差额票决',
  'per-item': '逐项表决',
  motion: '决议表决',
  rating: '满意度测评',
}

export const gradeLabels: Readonly<Record<Grade, string>> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

export const countLabels = {
  roster: '应到',
  present: '实到',
  issued: '发出',
  cast: '收回',
  valid: '有效',
  invalid: '无效',
  notCast: '未投',
} as const

export const columnLabels = {
  rank: '名次',
  order: '序号',
  id: '编号',
  title: '项目名称',
  motionTitle: '表决事项',
  leadUnit: '牵头单位',
  budget: '投资额（万元）',
  for: '赞成',
  against: '反对',
  abstain: '弃权',
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
  /** 满意率 is (满意 + 基本满意) / 有效票, as offices report it; this is 满意 alone. */
  satisfiedRate: '满意票占比',
  positiveRate: '满意率',
  grade: '测评结果',
  passed: '是否过票数线',
  elected: '是否当选',
  outcome: '表决结果',
} as const

export const ruleFieldLabels = {
  kind: '表决方式',
  candidates: '候选项目数',
  seats: '应选名额',
  maxFor: '每票至多赞成',
  thresholdBase: '票数线基数',
  thresholdFraction: '票数线比例',
  strict: '须超过（不含本数）',
  tiePolicy: '末位同票',
  shortfallPolicy: '通过不足名额',
  allowChange: '提交后可修改',
  timeLimit: '时限',
  release: '结果公布',
  secret: '无记名',
  summary: '规则说明',
} as const

export const baseLabels: Readonly<Record<ThresholdBase, string>> = {
  roster: '全体代表（应到）',
  present: '出席代表（实到）',
  valid: '有效票',
}

export const policyLabels = {
  runoff: '另行票决',
  'include-all': '一并确定',
  'accept-fewer': '按实际通过确定',
  'runoff-remaining': '另行票决补足',
  'on-publish': '经宣布后公布',
  immediate: '结束即公布',
  close: '到时自动结束',
  warn: '到时提醒',
  seconds: '秒',
} as const

export const cardLabels = {
  instruction: '请用平板扫描二维码，或在表决页面输入加入码',
  joinCode: '加入码',
  delegation: '代表团',
  seat: '座位',
  joinTitle: '表决系统接入说明',
  wifi: '无线网络（Wi-Fi）',
  password: '密码',
  noPassword: '无密码',
  hostUrl: '表决系统网址',
  wifiQr: '扫码连接无线网络',
  joinSteps: [
    '1. 平板连接会场无线网络',
    '2. 用相机扫描上方二维码，或在浏览器中输入表决系统网址',
    '3. 再扫描本人代表证上的二维码完成报到；不能扫码的，在页面上输入代表证上的加入码',
  ],
} as const

/** The meeting's details and the rehearsal mark, on every document. */
export const meetingLabels = {
  meeting: '会议名称',
  date: '会议日期',
  venue: '会议地点',
  presiding: '主持人',
  rehearsal: '演练',
  rehearsalMark: '【演练】',
  rehearsalReport: '演练：本报告为会前演练的结果，不是正式表决结果，不得作为正式文件使用。',
  rehearsalCard: '演练用代表证，仅供演练使用',
} as const

/** Strings of the label tables above, flattened, for the font-coverage test. */
export function allLabelText(): string {
  const parts: string[] = []
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v)
    else if (typeof v === 'function') parts.push(String((v as (...a: unknown[]) => unknown)(9, 9)))
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk([
    reportLabels,
    kindLabels,
    gradeLabels,
    countLabels,
    columnLabels,
    ruleFieldLabels,
    baseLabels,
    policyLabels,
    cardLabels,
    meetingLabels,
    ballotLabels,
  ])
  return parts.join('\n')
}
