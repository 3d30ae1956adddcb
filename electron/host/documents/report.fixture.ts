import projects from '../../../resources/demo/projects.json' with { type: 'json' }
import meeting from '../../../resources/demo/meeting.json' with { type: 'json' }
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { VoteKind } from '../../../shared/protocol/vote-rules.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { EntryRow } from '../../../shared/rules/ballot-box.fixture'
import { forEach, makeBox } from '../../../shared/rules/ballot-box.fixture'
import { tally } from '../../../shared/rules'
import type { ReportProject, ResultReportInput } from './report-model'
import type { ProjectId, VoteId } from '../../../shared/protocol/ids'

/**
 * Report inputs for tests and sample renders: the demo meeting's projects, counted by the real
 * rules engine from small ballot boxes, so every document shows a result `tally` could produce.
 */

export const demoMeetingTitle = meeting.title
export const demoProjects: ReportProject[] = projects.map((p) => ({
  id: p.number as ProjectId,
  title: p.title,
  leadUnit: p.leadUnit,
  budget: p.budget,
}))

const at = new Date('2027-01-12T02:30:00Z')

function voteDef(
  kind: VoteKind,
  title: string,
  ids: string[],
  seats: number | null,
  titles: Map<string, string>,
): VoteDef {
  return {
    id: `v-${kind}` as VoteId,
    title,
    rules: defaultRules(kind, seats),
    candidates: ids.map((id) => ({ id: id as ProjectId, title: titles.get(id) ?? id })),
    status: 'closed',
    openedAt: '2027-01-12T02:10:00Z',
    closedAt: '2027-01-12T02:25:30Z',
    attendance: null,
    result: null,
    paper: null,
  }
}

export interface FixtureSpec {
  kind: VoteKind
  title: string
  ids: string[]
  seats?: number
  roster: number
  present?: number
  issued?: number
  ballots: EntryRow[]
  /** Extra long titles for page-break tests (id → title). */
  titles?: Record<string, string>
}

export function reportInput(spec: FixtureSpec): ResultReportInput {
  const titles = new Map<string, string>(demoProjects.map((p) => [p.id, p.title]))
  for (const [id, t] of Object.entries(spec.titles ?? {})) titles.set(id, t)
  const seats = spec.seats ?? null
  const box = makeBox({
    kind: spec.kind,
    candidates: spec.ids,
    roster: spec.roster,
    ...(spec.present === undefined ? {} : { present: spec.present }),
    ...(spec.issued === undefined ? {} : { issued: spec.issued }),
    ...(seats === null ? {} : { seats }),
    ballots: spec.ballots,
  })
  const result: VoteResult = tally(box)
  const vote = voteDef(spec.kind, spec.title, spec.ids, seats, titles)
  vote.attendance = {
    roster: box.attendance.roster,
    present: box.attendance.present,
    issued: box.attendance.issued,
  }
  vote.result = result
  return {
    meetingTitle: demoMeetingTitle,
    vote,
    result,
    projects: demoProjects,
    generatedAt: at,
    resultDigest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  }
}

const ids13 = demoProjects.map((p) => p.id)

const first8 = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']

/** 13选10 with a tie at the cut line: P09, P10, P11 share 22 votes for the last 2 seats. */
export const selectInput = (): ResultReportInput =>
  reportInput({
    kind: 'select',
    title: '2027年度民生实事项目票决',
    ids: ids13,
    seats: 10,
    roster: 40,
    present: 36,
    ballots: [
      forEach(11, ...first8, 'P09', 'P10'),
      forEach(11, ...first8, 'P10', 'P11'),
      forEach(11, ...first8, 'P09', 'P11'),
      forEach(1, 'P12', 'P13'),
      [1, {}],
      [1, { P01: 'for' }, true],
    ],
  })

/** The 13选10 above, its last 20 ballots counted from paper (one spoiled by the scrutineers). */
export const paperInput = (): ResultReportInput => {
  const input = selectInput()
  const summary = { tablet: 16, issued: 20, returned: 20, counted: 20, spoiled: 1, batches: 2 }
  input.vote = { ...input.vote, paper: { scope: 'rest', startedAt: at.toISOString(), summary } }
  return input
}

/** 逐项表决 with a shortfall: only 4 of 5 seats pass. */
export const perItemInput = (): ResultReportInput =>
  reportInput({
    kind: 'per-item',
    title: '2027年度民生实事项目逐项表决',
    ids: ['P01', 'P02', 'P03', 'P04', 'P05', 'P06'],
    seats: 5,
    roster: 30,
    ballots: [
      [18, { P01: 'for', P02: 'for', P03: 'for', P04: 'against', P05: 'abstain', P06: 'for' }],
      [8, { P01: 'for', P02: 'against', P03: 'for', P04: 'for', P05: 'for', P06: 'against' }],
      [3, { P01: 'abstain', P02: 'for', P03: 'against', P04: 'for', P05: 'for', P06: 'against' }],
    ],
  })

/** A motion: its subject is its own text (title, 文号, summary), not a project. */
export const motionInput = (): ResultReportInput => {
  const motion = {
    title: '青川区第三届人民代表大会第五次会议关于2027年度民生实事项目的决议（草案）',
    docNumber: '青人大〔2027〕3号',
    summary: '会议决定，2027年度实施普惠托育服务扩容等十项民生实事项目，由区人民政府组织实施。',
  }
  const input = reportInput({
    kind: 'motion',
    title: '关于2027年度民生实事项目的决议（草案）',
    ids: ['M1'],
    roster: 30,
    ballots: [
      [22, { M1: 'for' }],
      [3, { M1: 'against' }],
      [2, { M1: 'abstain' }],
    ],
    titles: { M1: motion.title },
  })
  input.vote.motion = motion
  return input
}

export const ratingInput = (): ResultReportInput =>
  reportInput({
    kind: 'rating',
    title: '2026年度民生实事项目满意度测评',
    ids: ['P01', 'P02', 'P03', 'P04', 'P05'],
    roster: 30,
    ballots: [
      [14, { P01: 'satisfied', P02: 'satisfied', P03: 'basic', P04: 'unsatisfied', P05: 'basic' }],
      [8, { P01: 'satisfied', P02: 'basic', P03: 'basic', P04: 'basic', P05: 'unsatisfied' }],
      [4, { P01: 'basic', P02: 'abstain', P03: 'unsatisfied', P04: 'unsatisfied', P05: 'basic' }],
    ],
  })

/** A void vote: more ballots came back than were issued. */
export const voidInput = (): ResultReportInput =>
  reportInput({
    kind: 'select',
    title: '2027年度民生实事项目票决（第二轮）',
    ids: ['P01', 'P02', 'P03'],
    seats: 2,
    roster: 10,
    issued: 5,
    ballots: [forEach(6, 'P01', 'P02')],
  })

/** 18 candidates with long titles, to push the table and chart over page breaks. */
export const longInput = (): ResultReportInput => {
  const ids = Array.from({ length: 18 }, (_, i) => `Q${String(i + 1).padStart(2, '0')}`)
  const titles = Object.fromEntries(
    ids.map((id, i) => [
      id,
      `${demoProjects[i % 13]!.title}及配套基础设施建设和长效管护机制完善工程（第${i + 1}批次）`,
    ]),
  )
  // Ten groups of eleven deputies, each marking a different run of twelve: varied, passing and
  // failing counts within the 110 ballots issued.
  const ballots = Array.from({ length: 10 }, (_, g) =>
    forEach(11, ...Array.from({ length: 12 }, (_, k) => ids[(g * 2 + k) % 18]!)),
  )
  return reportInput({
    kind: 'select',
    title: '2027年度民生实事项目票决',
    ids,
    seats: 12,
    roster: 120,
    present: 110,
    ballots,
    titles,
  })
}
