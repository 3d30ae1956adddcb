import type { AnnouncePhrasebook, AnnouncedItem } from './announce-phrasebook'
import { percent, withoutStop } from './announce-phrasebook'

const grades = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const
const voidReasons: Readonly<Record<string, string>> = {
  'cast exceeds issued': '收回票数多于发出票数',
}

function outcome(kind: string, item: AnnouncedItem, needed: number): string {
  const select = kind === 'select'
  switch (item.outcome) {
    case 'elected':
      return select ? '当选' : '通过'
    case 'passed':
      return '通过'
    case 'tied':
      return select ? '得票相同，须另行票决' : '赞成票相同，须另行表决'
    case 'passed-not-elected':
      return select
        ? '已过通过票数，但未进入应选名额，未当选'
        : '已过通过票数，但未进入应选名额，不予确定'
    case 'not-passed':
      return select
        ? `未达到通过票数（${needed}票），未当选`
        : `未达到通过票数（${needed}票），未获通过`
    case 'none':
      return ''
  }
}

/** 简体中文: the wording of a people's congress hall. */
export const announceZhCN: AnnouncePhrasebook = {
  heading: (title) => `《${title}》表决结果宣布稿`,
  salutation: '各位代表：',
  opening: (title, kind) =>
    kind === 'rating'
      ? `现在报告《${title}》的测评结果。`
      : kind === 'select'
        ? `现在报告《${title}》的票决结果。`
        : `现在报告《${title}》的表决结果。`,
  attendance(roster, present, needed, override) {
    const head = `本次会议应到代表${roster}人，实到代表${present}人`
    if (needed === null) return `${head}。`
    if (override === null) return `${head}，符合法定人数。`
    const why = override ? `，理由：${withoutStop(override)}` : ''
    return `${head}，未达到法定人数（${needed}人），经会务人员说明理由后开启表决${why}。`
  },
  ballots(c, valid) {
    const head =
      `本次表决发出选票${c.issued}张，收回选票${c.cast}张，` +
      `其中有效票${c.valid}张，无效票${c.invalid}张。`
    if (!valid) return `${head}收回票数多于发出票数，本次表决无效。`
    return `${head}收回票数${c.cast === c.issued ? '等于' : '少于'}发出票数，本次表决有效。`
  },
  paper: (scope, s) =>
    (scope === 'whole'
      ? `本次表决以纸质选票计票，收回的${s.counted}张选票均为纸质选票`
      : `收回的选票中，平板选票${s.tablet}张，纸质选票${s.counted}张`) +
    `；纸质选票发出${s.issued}张，收回${s.returned}张，其中作废${s.spoiled}张，经计票人分批两次录入、核对一致。`,
  rules: (summary) => `根据表决办法：${summary}。`,
  itemsIntro: (kind) =>
    kind === 'rating'
      ? '各项目测评结果如下：'
      : kind === 'motion'
        ? '表决结果如下：'
        : kind === 'select'
          ? '按得票多少排序，各项目得票情况如下：'
          : '按赞成票多少排序，各项目表决情况如下：',
  item(kind, item, needed) {
    if (kind === 'motion')
      return `${item.title}：赞成${item.for}票，反对${item.against ?? 0}票，弃权${item.abstain ?? 0}票（通过票数为${needed}票）。`
    const votes =
      kind === 'select'
        ? `得票${item.for}票`
        : `赞成${item.for}票，反对${item.against ?? 0}票，弃权${item.abstain ?? 0}票`
    return `第${item.place}名，${item.title}，${votes}，${outcome(kind, item, needed)}；`
  },
  rated: (it) =>
    `${it.place}. ${it.title}：满意${it.satisfied}票，基本满意${it.basic}票，` +
    `不满意${it.unsatisfied}票，弃权${it.abstain}票，满意率${percent(it.positiveRate, '无')}` +
    (it.grade === null ? '；' : `，测评等次为“${grades[it.grade]}”；`),
  overall: (satisfied, positive) =>
    `本次测评总体满意率为${percent(positive, '无')}（其中满意票占${percent(satisfied, '无')}）。满意率＝（满意＋基本满意）÷有效票。`,
  tie: (titles, seatsLeft) =>
    `${titles.join('、')}得票相同，剩余名额${seatsLeft}个。根据表决办法，须对上述${titles.length}个项目另行票决。`,
  shortfall(passed, seats, seatsLeft, policy) {
    const head = `获得通过的项目共${passed}项，少于应选名额${seats}项，尚缺${seatsLeft}项。`
    return policy === 'accept-fewer'
      ? `${head}根据表决办法，按实际通过的项目确定。`
      : `${head}根据表决办法，须对其余项目另行票决，补足名额。`
  },
  elected(kind, titles) {
    if (titles.length === 0)
      return kind === 'select' ? '本次票决没有项目当选。' : '本次表决没有项目获得通过。'
    const verb = kind === 'select' ? '当选的项目' : '获得通过的项目'
    return `据此，${verb}为：${titles.join('、')}，共${titles.length}项。`
  },
  motion: (title, passed) =>
    passed
      ? `赞成票达到通过票数，《${title}》获得通过。`
      : `赞成票未达到通过票数，《${title}》未获通过。`,
  voided: (reason) =>
    `由于${voidReasons[reason] ?? reason}，本次表决无效，不产生表决结果，任何项目均不因本次表决通过或当选。`,
  annulled: (reason) =>
    `本次表决已宣布无效，不产生表决结果。理由：${withoutStop(reason) || '（未说明）'}。`,
  closing: '宣布完毕。',
}
