import { completionDay } from '../../../shared/year/dates'
import type { Project } from '../../../shared/protocol/meeting.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { ProjectId, VoteId } from '../../../shared/protocol/ids'
import { findProject, projectsOfVote } from '../../../shared/year/year-rules'
import type { YearData, YearProject } from '../../../shared/year/year.schema'

/** What bringing a year up to its meeting's votes did, for the audit log. */
export type YearEvent =
  | { type: 'year.projects-made'; voteId: VoteId; title: string; projectIds: ProjectId[] }
  | {
      type: 'year.projects-withdrawn'
      voteId: VoteId
      title: string
      projectIds: ProjectId[]
      reason: string
    }

/**
 * The changes that bring a year up to the meeting's votes: a published 差额 or 逐项 vote makes
 * its elected projects the year's (once: a project already there from another vote stays
 * that vote's), and a vote annulled after its publication marks the projects it made as
 * withdrawn (kept with their updates, never deleted). A project withdrawn and then elected by
 * a vote published later (重新表决) comes back with its updates. Idempotent: run at every
 * change of the meeting, and again after a crash between a publication and the year's write.
 */
export function yearEvents(year: Readonly<YearData>, votes: readonly VoteDef[]): YearEvent[] {
  const events: YearEvent[] = []
  for (const vote of votes) {
    if (vote.status === 'annulled') {
      const made = year.projects.filter((p) => p.voteId === vote.id && !p.withdrawn)
      if (made.length > 0)
        events.push({
          type: 'year.projects-withdrawn',
          voteId: vote.id,
          title: vote.title,
          projectIds: made.map((p) => p.id),
          reason: vote.annulReason ?? '',
        })
      continue
    }
    const fresh = projectsOfVote(vote).filter((c) => {
      const there = findProject(year.projects, c.id)
      return !there || (there.withdrawn !== null && there.voteId !== vote.id)
    })
    if (fresh.length > 0)
      events.push({
        type: 'year.projects-made',
        voteId: vote.id,
        title: vote.title,
        projectIds: fresh.map((c) => c.id),
      })
  }
  return events
}

/** Applies the events to the year (the caller writes it and logs them). */
export function applyYearEvents(
  year: YearData,
  events: readonly YearEvent[],
  votes: readonly VoteDef[],
  projects: readonly Project[],
  now: string,
): void {
  for (const event of events) {
    const vote = votes.find((v) => v.id === event.voteId)
    if (!vote) continue
    if (event.type === 'year.projects-withdrawn') {
      for (const p of year.projects)
        if (p.voteId === vote.id && !p.withdrawn)
          p.withdrawn = { at: vote.annulledAt ?? now, reason: event.reason }
      continue
    }
    for (const id of event.projectIds) {
      const candidate = vote.candidates.find((c) => c.id === id)
      if (!candidate) continue
      const there = findProject(year.projects, id)
      const made = { voteId: vote.id, voteTitle: vote.title, madeAt: vote.publishedAt ?? now }
      if (there) Object.assign(there, made, { withdrawn: null })
      else year.projects.push(newYearProject(candidate, findProject(projects, id), made))
    }
  }
}

function newYearProject(
  candidate: { id: ProjectId; title: string },
  project: Readonly<Project> | undefined,
  made: Pick<YearProject, 'voteId' | 'voteTitle' | 'madeAt'>,
): YearProject {
  // The project's 计划完成时间 (a month or a day), as the last day it allows.
  const planned = completionDay(project?.completion ?? '')
  return {
    id: candidate.id,
    title: project?.title ?? candidate.title,
    leadUnit: project?.leadUnit ?? '',
    budget: project?.budget ?? null,
    plannedCompletion: planned,
    responsible: '',
    ...made,
    detailsEarlier: [],
    withdrawn: null,
    updates: [],
    grade: null,
  }
}
