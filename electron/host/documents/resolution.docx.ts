import { sessionLine } from '../../../shared/hall/meeting-details'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { ReportProject } from './report-model'
import { meetingLabels } from './report-labels'
import { loadDocx, packDocx, para } from './office-docx'

/** What the draft is made from (a report job has it all). */
export interface ResolutionInput {
  meetingTitle: string
  meetingDetails: MeetingDetails | null
  rehearsal: boolean
  vote: VoteDef
  result: VoteResult
  projects: ReportProject[]
}

/** The adopted projects of a result the 决议 lists: elected ones, in rank order. */
export function adoptedIds(job: Pick<ResolutionInput, 'vote' | 'result'>): string[] | null {
  const { vote, result } = job
  if (vote.status === 'annulled' || result.void !== null) return null
  if (result.kind !== 'select' && result.kind !== 'per-item') return null
  return result.elected
}

/** Whether a vote's result has a 决议 to draft: a standing 差额 or 逐项 result. */
export function hasResolution(job: Pick<ResolutionInput, 'vote' | 'result'>): boolean {
  return adoptedIds(job) !== null
}

const blankDate = '    年  月  日'

function budgetText(budget: number | null): string {
  return budget === null ? '（待填）' : `${budget}万元`
}

/**
 * The 决议 draft the office edits and stamps: titled from the meeting (its 届次/会次 when given)
 * and the vote, a numbered list of the adopted projects with lead unit and budget (万元), and
 * blanks for the date and the seal, which the office fills in. A tie or shortfall still open
 * is noted, so the list is not mistaken for the final one.
 */
export async function renderResolutionDocx(job: ResolutionInput): Promise<Buffer> {
  await loadDocx()
  const ids = adoptedIds(job) ?? []
  const result: VoteResult = job.result
  const details = job.meetingDetails ?? emptyMeetingDetails
  const body = sessionLine(job.meetingTitle, details) || job.meetingTitle
  const mark = job.rehearsal ? meetingLabels.rehearsalMark : ''
  const projects = new Map(job.projects.map((p) => [p.id as string, p]))
  const titles = new Map(job.vote.candidates.map((c) => [c.id as string, c.title]))
  const title = `关于${job.vote.title}结果的决议`
  const c = result.counts
  const total = ids.reduce((sum, id) => sum + (projects.get(id)?.budget ?? 0), 0)
  const priced = ids.every((id) => (projects.get(id)?.budget ?? null) !== null)

  const children = [
    para(`${mark}（草稿）`, { pt: 12, align: 'right', color: '808080' }),
    para(body, { pt: 22, font: '宋体', bold: true, align: 'center', after: 0 }),
    para(title, { pt: 22, font: '宋体', bold: true, align: 'center', after: 240 }),
    para(`（${blankDate}${body}通过）`, { pt: 16, align: 'center', after: 360 }),
    para(
      `${body}以无记名投票方式，对${job.vote.candidates.length}个候选项目进行了票决。` +
        `会议应到代表${c.roster}人，实到代表${c.present}人，符合法定人数；` +
        `发出选票${c.issued}张，收回选票${c.cast}张，其中有效票${c.valid}张。` +
        (ids.length > 0
          ? `根据票决结果，会议决定以下${ids.length}个项目为民生实事项目：`
          : '根据票决结果，本次票决没有项目获得通过。'),
      { pt: 16, indent: true },
    ),
    ...ids.map((id, i) => {
      const p = projects.get(id)
      const lead = p?.leadUnit ? `牵头单位：${p.leadUnit}；` : '牵头单位：（待填）；'
      return para(
        `${i + 1}. ${titles.get(id) ?? p?.title ?? id}（${lead}投资额：${budgetText(p?.budget ?? null)}）`,
        {
          pt: 16,
          indent: true,
          after: 60,
        },
      )
    }),
    ...(ids.length > 0 && priced
      ? [para(`以上项目投资额合计${Math.round(total * 100) / 100}万元。`, { pt: 16, indent: true })]
      : []),
    ...(result.tie
      ? [
          para(
            `（注：另有${result.tie.candidates.length}个项目末位得票相同，剩余名额${result.tie.seatsLeft}个，须另行票决，结果另行列入。）`,
            { pt: 14, indent: true },
          ),
        ]
      : []),
    ...(result.shortfall && job.vote.rules.shortfallPolicy === 'runoff-remaining'
      ? [
          para(
            `（注：通过的项目不足名额，尚缺${result.shortfall.seatsLeft}项，须另行票决补足。）`,
            { pt: 14, indent: true },
          ),
        ]
      : []),
    para('会议要求，（由办公室根据会议情况填写）。', { pt: 16, indent: true, after: 600 }),
    para(`${body}（盖章）`, { pt: 16, align: 'right', after: 0 }),
    para(blankDate, { pt: 16, align: 'right' }),
  ]
  return packDocx({ title: `${mark}${body}${title}（草稿）`, subject: job.meetingTitle }, children)
}
