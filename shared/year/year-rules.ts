import type { ProjectId } from '../protocol/ids'
import type { VoteCandidate, VoteDef } from '../protocol/vote.schema'
import type { LateReason, ProgressUpdate, RatingLink, YearProject } from './year.schema'

export type { LateReason } from './year.schema'

/**
 * The year's rules as pure functions: which projects a published vote makes, where a project
 * stands, and which are late. The host, the console and the reports share them.
 */

/** No update for longer than this and a project is marked late. */
export const quietDays = 45

/**
 * The projects a vote makes the year's: a published 差额 vote's elected, a published 逐项 vote's
 * passed-and-elected, in rank order. A 决议表决 or a 满意度测评 makes none, nor a void result.
 */
export function projectsOfVote(vote: Readonly<VoteDef>): VoteCandidate[] {
  if (vote.status !== 'published' || !vote.result || vote.result.void) return []
  if (vote.rules.kind !== 'select' && vote.rules.kind !== 'per-item') return []
  const byId = new Map(vote.candidates.map((c) => [c.id, c]))
  return vote.result.elected.flatMap((id) => byId.get(id) ?? [])
}

/** The latest update: by its date, then the one recorded later (an edit keeps its place). */
export function latestUpdate(project: Readonly<YearProject>): ProgressUpdate | null {
  return newestFirst(project.updates)[0] ?? null
}

/** Updates newest first: by date, then by the order they were first recorded. */
export function newestFirst(updates: readonly ProgressUpdate[]): ProgressUpdate[] {
  return updates
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.date === b.u.date ? b.i - a.i : b.u.date.localeCompare(a.u.date)))
    .map(({ u }) => u)
}

/** Days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * Why a project is late: its planned completion has passed and it is not done (overdue), or
 * nothing was recorded for more than 45 days since its last update or, with none, since the
 * vote made it the year's (quiet). A withdrawn or finished project is never late.
 */
export function lateReasons(
  project: Readonly<YearProject>,
  today: string,
  madeOn: string,
): LateReason[] {
  if (project.withdrawn) return []
  const last = latestUpdate(project)
  const percent = last?.percent ?? 0
  if (percent >= 100) return []
  const reasons: LateReason[] = []
  if (project.plannedCompletion && project.plannedCompletion < today) reasons.push('overdue')
  if (daysBetween(last?.date ?? madeOn, today) > quietDays) reasons.push('quiet')
  return reasons
}

/** A project's place on the board. */
export interface BoardRow {
  project: YearProject
  percent: number
  lastDate: string | null
  late: LateReason[]
}

export function boardRows(
  projects: readonly YearProject[],
  today: string,
  dateOf: (iso: string) => string,
): BoardRow[] {
  return projects.map((project) => {
    const last = latestUpdate(project)
    return {
      project,
      percent: last?.percent ?? 0,
      lastDate: last?.date ?? null,
      late: lateReasons(project, today, dateOf(project.madeAt)),
    }
  })
}

/** The year's projects that can be rated: all but the withdrawn. */
export function ratedProjects(projects: readonly YearProject[]): YearProject[] {
  return projects.filter((p) => !p.withdrawn)
}

/** The rating a candidate of this vote stands for, by the vote's id. */
export function ratingOf(ratings: readonly RatingLink[], voteId: string): RatingLink | undefined {
  return ratings.find((r) => r.voteId === voteId)
}

/** Finds a year's project by id (a list, never an object keyed by a staff-typed id). */
export function findProject<P extends { id: ProjectId }>(
  projects: readonly P[],
  id: string,
): P | undefined {
  return projects.find((p) => p.id === id)
}
