import type { ProjectId } from '../protocol/ids'
import type { RatingItem } from '../protocol/result.schema'
import { daysBetween, latestUpdate, lateReasons, quietDays } from './year-rules'
import type { ImportedProject, LateReason, YearGrade, YearProject } from './year.schema'

/**
 * A previous year's project as a rating takes it, whether from a meeting of this data folder
 * (its year.json) or from an imported progress list: what the candidate, the tablets' progress
 * line and the screen's progress stage are made of.
 */
export interface RatedSource {
  projectId: ProjectId
  title: string
  leadUnit: string
  budget: number | null
  percent: number
  /** YYYY-MM-DD, or '' without any update. */
  lastDate: string
  /** The last update's text. */
  text: string
  late: LateReason[]
}

/** A year's project where it stands today (the board's rule for late). */
export function sourceOfYearProject(
  p: Readonly<YearProject>,
  today: string,
  dateOf: (iso: string) => string,
): RatedSource {
  const last = latestUpdate(p)
  return {
    projectId: p.id,
    title: p.title,
    leadUnit: p.leadUnit,
    budget: p.budget,
    percent: last?.percent ?? 0,
    lastDate: last?.date ?? '',
    text: last?.text ?? '',
    late: lateReasons(p, today, dateOf(p.madeAt)),
  }
}

/**
 * An imported row where it stands today: late by the same rule as the board's, but a row
 * without a date of its last update is not called quiet (the list may not keep dates).
 */
export function sourceOfImported(p: Readonly<ImportedProject>, today: string): RatedSource {
  const late: LateReason[] = []
  if (p.percent < 100) {
    if (p.plannedCompletion && p.plannedCompletion < today) late.push('overdue')
    if (p.lastDate && daysBetween(p.lastDate, today) > quietDays) late.push('quiet')
  }
  return {
    projectId: p.id,
    title: p.title,
    leadUnit: p.leadUnit,
    budget: null,
    percent: p.percent,
    lastDate: p.lastDate,
    text: p.text,
    late,
  }
}

/** The rated project's summary on this meeting's project list, for the tablet's 详情. */
export function ratedSummary(s: Readonly<RatedSource>): string {
  if (!s.lastDate && !s.text) return `上年度完成进度 ${s.percent}%`
  const when = s.lastDate ? `（${s.lastDate}）` : ''
  return `上年度完成进度 ${s.percent}%${when}${s.text ? `：${s.text}` : ''}`.slice(0, 2000)
}

/** A rating item's grade as a project's year keeps it. */
export function gradeOf(
  item: Readonly<RatingItem>,
  where: Omit<YearGrade, 'grade' | 'satisfiedRate' | 'positiveRate'>,
): YearGrade {
  return {
    grade: item.grade,
    satisfiedRate: item.satisfiedRate,
    positiveRate: item.positiveRate,
    ...where,
  }
}

/**
 * The rating's title, from what it rates: 2026年度民生实事项目 → 2026年度民生实事项目满意度测评, a
 * meeting's title → …第五次会议民生实事项目满意度测评. No 《》 of its own: the announcement, the
 * audit log and the documents put the vote's title in 《》, and 《《…》…》 is what they read else.
 */
export function ratingTitle(fromTitle: string): string {
  const what = fromTitle.replace(/^《(.*)》$/u, '$1').trim()
  const title = what.endsWith('民生实事项目')
    ? `${what}满意度测评`
    : `${what}民生实事项目满意度测评`
  return title.slice(0, 200)
}
