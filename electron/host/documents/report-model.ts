import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import { summarizeRuleDetails, summarizeRules } from '../../../shared/rules'
import { formatMeetingDate, sessionLine } from '../../../shared/hall/meeting-details'
import { emptyMeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import type { MeetingDetails } from '../../../shared/protocol/meeting-details.schema'
import {
  columnLabels,
  countLabels,
  gradeLabels,
  kindLabels,
  meetingLabels,
  reportLabels,
} from './report-labels'
import type { ProjectId } from '../../../shared/protocol/ids'
import type { Scrutineer } from '../../../shared/protocol/scrutineers.schema'
import { scrutineerRoles } from '../../../shared/protocol/scrutineers.schema'

/**
 * What a result report says, decided once and drawn twice (PDF and XLSX): the documents differ
 * in layout only, never in content.
 */

export interface ReportProject {
  id: ProjectId
  title: string
  leadUnit: string
  /** 投资额, 万元; null when the project file left it blank. */
  budget: number | null
}

export interface ResultReportInput {
  meetingTitle: string
  /** 届次/会次, date, venue, presiding officer: those given are printed. */
  meetingDetails?: MeetingDetails | null
  /** 演练: marked on every page, and never mistaken for a real result. */
  rehearsal?: boolean
  vote: VoteDef
  result: VoteResult
  projects?: ReportProject[]
  generatedAt: Date
  /** sha256 of the stored result, printed so a paper copy can be matched to the archive. */
  resultDigest: string
  /** The meeting's scrutineers: each signs on a line of their own, their name printed. */
  scrutineers?: readonly Scrutineer[]
}

/** One signature line: the role, and the name printed beside it ('' for a blank line). */
export interface SignatureLine {
  role: string
  name: string
}

export type CellValue = string | number | null
export type ColumnFormat = 'text' | 'int' | 'percent'
export type ColumnKey = keyof typeof columnLabels

export interface ReportColumn {
  key: ColumnKey
  label: string
  format: ColumnFormat
}

export interface ReportRow {
  id: string
  cells: CellValue[]
  project: ReportProject | null
  /** Elected (or a motion passed): printed bold. */
  emphasis: boolean
}

/** Colour roles; the PDF maps them to its palette. */
export type Tone = 'primary' | 'secondary' | 'muted' | 'negative' | 'neutral'

export interface ChartBar {
  label: string
  segments: { value: number; tone: Tone }[]
  valueText: string
}

export interface ReportModel {
  meetingTitle: string
  /** The line above the report's title: the session (届次/会次) if given, else the meeting. */
  heading: string
  /** The meeting's details given, label and value, printed before the vote's. */
  meetingRows: [string, string][]
  rehearsal: boolean
  voteTitle: string
  kindLabel: string
  /** A motion's own text (title, 文号, summary) as label–value lines; empty for other kinds. */
  subject: [string, string][]
  rulesSummary: string
  ruleDetails: string[]
  openedAt: string
  closedAt: string
  neededLabel: string
  needed: number
  counts: { label: string; value: number }[]
  /** How many ballots came from paper (the paper count), printed under the counts; else null. */
  ballotSources: string | null
  notices: { tone: 'void' | 'warn'; text: string }[]
  columns: ReportColumn[]
  rows: ReportRow[]
  chart: { bars: ChartBar[]; scaleMax: number; threshold: number; legend: [string, Tone][] }
  conclusion: string
  digest: string
  generatedAt: string
  signatures: SignatureLine[]
}

const col = (key: ColumnKey, format: ColumnFormat = 'text'): ReportColumn => ({
  key,
  label: columnLabels[key],
  format,
})

/** The hall is in China: times print in China Standard Time whatever the laptop's zone. */
export function formatChinaTime(value: string | Date | null): string {
  if (value === null) return reportLabels.unknownTime
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime()
  if (Number.isNaN(ms)) return reportLabels.unknownTime
  const d = new Date(ms + 8 * 3600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return (
    `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  )
}

export function formatRate(rate: number | null): string {
  return rate === null ? reportLabels.none : `${(rate * 100).toFixed(1)}%`
}

export function buildReportModel(input: ResultReportInput): ReportModel {
  const { vote, result } = input
  const titles = new Map(vote.candidates.map((c) => [c.id, c.title]))
  const projects = new Map((input.projects ?? []).map((p) => [p.id, p]))
  const titleOf = (id: ProjectId) => titles.get(id) ?? projects.get(id)?.title ?? id
  const c = result.counts
  const isVoid = result.void !== null
  const tied = new Set(result.tie?.candidates ?? [])
  const status = (passed: boolean, elected: boolean): Tone =>
    elected ? 'primary' : passed ? 'secondary' : 'muted'
  const electedCell = (id: ProjectId, elected: boolean) =>
    elected ? reportLabels.elected : tied.has(id) ? reportLabels.runoff : reportLabels.none
  const yesNo = (b: boolean) => (b ? reportLabels.yes : reportLabels.no)
  const row = (id: ProjectId, cells: CellValue[], emphasis: boolean): ReportRow => ({
    id,
    cells,
    // A motion is no project, whatever project shares its id.
    project: vote.motion ? null : (projects.get(id) ?? null),
    emphasis,
  })
  const barLabel = (id: ProjectId) => `${id} ${titleOf(id)}`

  let columns: ReportColumn[]
  let rows: ReportRow[]
  let bars: ChartBar[]
  let legend: [string, Tone][] = [
    [reportLabels.elected, 'primary'],
    [reportLabels.thresholdLine + '以上', 'secondary'],
    [reportLabels.thresholdLine + '以下', 'muted'],
  ]
  let conclusion: string
  switch (result.kind) {
    case 'select':
      columns = [col('rank', 'int'), col('id'), col('title'), col('for', 'int')]
      columns.push(col('passed'), col('elected'))
      rows = result.items.map((it) =>
        row(
          it.id,
          [
            it.rank,
            it.id,
            titleOf(it.id),
            it.for,
            yesNo(it.passed),
            electedCell(it.id, it.elected),
          ],
          it.elected,
        ),
      )
      bars = result.items.map((it) => ({
        label: barLabel(it.id),
        segments: [{ value: it.for, tone: status(it.passed, it.elected) }],
        valueText: String(it.for),
      }))
      conclusion = electedConclusion(result.elected, titleOf)
      break
    case 'per-item':
      columns = [col('rank', 'int'), col('id'), col('title'), col('for', 'int')]
      columns.push(col('against', 'int'), col('abstain', 'int'), col('passed'), col('elected'))
      rows = result.items.map((it) =>
        row(
          it.id,
          [it.rank, it.id, titleOf(it.id), it.for, it.against, it.abstain].concat([
            yesNo(it.passed),
            electedCell(it.id, it.elected),
          ]),
          it.elected,
        ),
      )
      bars = result.items.map((it) => ({
        label: barLabel(it.id),
        segments: [
          { value: it.for, tone: status(it.passed, it.elected) },
          { value: it.against, tone: 'negative' },
          { value: it.abstain, tone: 'neutral' },
        ],
        valueText: String(it.for),
      }))
      legend.push([columnLabels.against, 'negative'], [columnLabels.abstain, 'neutral'])
      conclusion = electedConclusion(result.elected, titleOf)
      break
    case 'motion': {
      columns = [col('id'), col('motionTitle'), col('for', 'int'), col('against', 'int')]
      columns.push(col('abstain', 'int'), col('outcome'))
      const outcome = (passed: boolean) => (passed ? reportLabels.passed : reportLabels.notPassed)
      rows = result.items.map((it) =>
        row(
          it.id,
          [it.id, titleOf(it.id), it.for, it.against, it.abstain, outcome(it.passed)],
          it.passed,
        ),
      )
      bars = result.items.map((it) => ({
        label: barLabel(it.id),
        segments: [
          { value: it.for, tone: it.passed ? 'primary' : 'muted' },
          { value: it.against, tone: 'negative' },
          { value: it.abstain, tone: 'neutral' },
        ],
        valueText: String(it.for),
      }))
      legend = [
        [reportLabels.passed, 'primary'],
        [reportLabels.notPassed, 'muted'],
        [columnLabels.against, 'negative'],
        [columnLabels.abstain, 'neutral'],
      ]
      conclusion = result.items.some((it) => it.passed)
        ? reportLabels.motionPassed
        : reportLabels.motionNotPassed
      break
    }
    case 'rating':
      columns = [col('order', 'int'), col('id'), col('title'), col('satisfied', 'int')]
      columns.push(col('basic', 'int'), col('unsatisfied', 'int'), col('abstain', 'int'))
      columns.push(col('satisfiedRate', 'percent'), col('positiveRate', 'percent'), col('grade'))
      rows = result.items.map((it, i) =>
        row(
          it.id,
          cells(
            [i + 1, it.id, titleOf(it.id), it.satisfied, it.basic, it.unsatisfied, it.abstain],
            [it.satisfiedRate, it.positiveRate, isVoid ? reportLabels.none : gradeLabels[it.grade]],
          ),
          false,
        ),
      )
      bars = result.items.map((it) => ({
        label: barLabel(it.id),
        segments: [
          { value: it.satisfied, tone: 'primary' },
          { value: it.basic, tone: 'secondary' },
          { value: it.unsatisfied, tone: 'negative' },
          { value: it.abstain, tone: 'neutral' },
        ],
        valueText: `${it.satisfied} / ${it.satisfied + it.basic}`,
      }))
      legend = [
        [gradeLabels.satisfied, 'primary'],
        [gradeLabels.basic, 'secondary'],
        [gradeLabels.unsatisfied, 'negative'],
        [columnLabels.abstain, 'neutral'],
      ]
      conclusion = reportLabels.overall(
        formatRate(result.overall.satisfiedRate),
        formatRate(result.overall.positiveRate),
      )
      break
  }

  const notices: ReportModel['notices'] = []
  const rehearsal = input.rehearsal ?? false
  if (rehearsal) notices.push({ tone: 'void', text: meetingLabels.rehearsalReport })
  if (isVoid) {
    const reason = reportLabels.voidReasons[result.void!] ?? result.void!
    notices.push({ tone: 'void', text: reportLabels.voided(reason) })
    conclusion = reportLabels.voided(reason)
  }
  // Annulled by staff: the counts stay on record, the result does not stand.
  if (vote.status === 'annulled') {
    const text = reportLabels.annulled(vote.annulReason ?? '')
    notices.unshift({ tone: 'void', text })
    conclusion = text
  }
  if (result.tie) {
    const ids = result.tie.candidates.map((id) => `${id} ${titleOf(id)}`).join('、')
    notices.push({ tone: 'warn', text: reportLabels.tie(ids, result.tie.seatsLeft) })
  }
  if (result.shortfall)
    notices.push({ tone: 'warn', text: reportLabels.shortfall(result.shortfall.seatsLeft) })

  const totals = bars.map((b) => b.segments.reduce((s, x) => s + x.value, 0))
  const details = input.meetingDetails ?? emptyMeetingDetails
  const session = sessionLine(input.meetingTitle, details)
  return {
    meetingTitle: input.meetingTitle,
    heading: (rehearsal ? meetingLabels.rehearsalMark : '') + (session || input.meetingTitle),
    meetingRows: meetingRows(input.meetingTitle, details, session !== ''),
    rehearsal,
    voteTitle: vote.title,
    kindLabel: kindLabels[result.kind],
    subject: motionSubject(vote),
    rulesSummary: summarizeRules(vote.rules, vote.candidates.length, {
      roster: c.roster,
      present: c.present,
      valid: c.valid,
    }),
    ruleDetails: summarizeRuleDetails(vote.rules),
    openedAt: formatChinaTime(vote.openedAt),
    closedAt: formatChinaTime(vote.closedAt),
    neededLabel: result.kind === 'rating' ? reportLabels.neededRating : reportLabels.needed,
    needed: result.needed,
    counts: (Object.keys(countLabels) as (keyof typeof countLabels)[]).map((k) => ({
      label: countLabels[k],
      value: c[k],
    })),
    ballotSources: paperSources(vote),
    notices,
    columns,
    rows,
    chart: {
      bars,
      scaleMax: Math.max(1, c.valid, result.needed, ...totals),
      threshold: result.needed,
      legend,
    },
    conclusion,
    digest: input.resultDigest,
    generatedAt: formatChinaTime(input.generatedAt),
    signatures: signatureLines(input.scrutineers ?? []),
  }
}

/**
 * A line for each scrutineer recorded, by role (总监票人, 监票人, 计票人), with their name and
 * delegation; a role nobody was recorded for keeps one blank line, as the paper had before.
 */
export function signatureLines(members: readonly Scrutineer[]): SignatureLine[] {
  return scrutineerRoles.flatMap((role, i) => {
    const label = reportLabels.signatures[i]!
    const of = members.filter((m) => m.role === role)
    if (of.length === 0) return [{ role: label, name: '' }]
    return of.map((m) => ({
      role: label,
      name: m.delegation ? `${m.name}（${m.delegation}）` : m.name,
    }))
  })
}

const cells = (...parts: CellValue[][]): CellValue[] => parts.flat()

function motionSubject(vote: VoteDef): [string, string][] {
  const m = vote.motion
  if (!m) return []
  const lines: [string, string][] = [[reportLabels.motionTitle, m.title]]
  if (m.docNumber) lines.push([reportLabels.docNumber, m.docNumber])
  if (m.summary) lines.push([reportLabels.motionSummary, m.summary])
  return lines
}

/** The meeting's name when the heading shows its session instead, then what else is given. */
function meetingRows(
  title: string,
  details: MeetingDetails,
  headedBySession: boolean,
): [string, string][] {
  const rows: [string, string][] = [
    [meetingLabels.meeting, headedBySession ? title : ''],
    [meetingLabels.date, details.date ? formatMeetingDate(details.date) : ''],
    [meetingLabels.venue, details.venue],
    [meetingLabels.presiding, details.presiding],
  ]
  return rows.filter(([, value]) => value !== '')
}

function electedConclusion(
  elected: readonly ProjectId[],
  titleOf: (id: ProjectId) => string,
): string {
  if (elected.length === 0) return reportLabels.noneElected
  return (
    reportLabels.electedList(elected.length) +
    elected.map((id) => `${id} ${titleOf(id)}`).join('、')
  )
}

/** The paper count's figures in the report's words, or null for a vote of tablets alone. */
function paperSources(vote: VoteDef): string | null {
  const s = vote.paper?.summary
  if (!vote.paper || !s) return null
  const which =
    vote.paper.scope === 'whole'
      ? reportLabels.paperWhole(s.counted)
      : reportLabels.paperRest(s.tablet, s.counted)
  return which + reportLabels.paperFigures(s.issued, s.returned, s.spoiled)
}
