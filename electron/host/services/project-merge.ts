import type { ProjectId } from '../../../shared/protocol/ids'
import type { Project } from '../../../shared/protocol/meeting.schema'
import type { VoteStatus } from '../../../shared/protocol/vote.schema'
import { voteStates } from '../../../shared/rules'
import type { ProjectRow } from '../tables/project-import'
import { changedFields, matchLists } from './list-merge'

export const projectFields = [
  'title',
  'summary',
  'leadUnit',
  'budget',
  'category',
  'completion',
] as const
export type ProjectField = (typeof projectFields)[number]

/** What a project merge needs of a vote: whether it has opened, and which projects it lists. */
export interface VoteUsingProjects {
  id: string
  title: string
  status: VoteStatus
  motion?: unknown
  candidates: readonly { id: string }[]
}

export interface ProjectMerge {
  /** The list after the import, in the file's order. */
  projects: Project[]
  added: Project[]
  removed: Project[]
  changed: { project: Project; fields: ProjectField[] }[]
  unchanged: number
  /** Removed projects a vote that has opened lists: the import must not remove them. */
  held: { project: Project; vote: { id: string; title: string } }[]
}

/**
 * A project list imported onto the one there, matched by 编号 (a project's id is its number). A
 * matched project takes the row's fields; a project no row has is removed, unless a vote that
 * has opened lists it (its ballots and result name it): that is reported, and the import is not
 * clean.
 */
export function mergeProjects(
  existing: readonly Project[],
  rows: readonly ProjectRow[],
  votes: readonly VoteUsingProjects[],
): ProjectMerge {
  const { matched, added, removed } = matchLists(existing, rows, [
    { existing: (p) => p.id, row: (r) => r.number },
  ])
  const toProject = (r: ProjectRow): Project => ({
    id: r.number as ProjectId,
    title: r.title,
    summary: r.summary,
    leadUnit: r.leadUnit,
    budget: r.budget,
    category: r.category,
    completion: r.completion,
  })
  const projects = rows.map(toProject)
  const changed: ProjectMerge['changed'] = []
  for (const m of matched) {
    const project = projects[m.index] as Project
    const fields = changedFields(m.existing, project, projectFields)
    if (fields.length > 0) changed.push({ project, fields })
  }
  const held = removed.flatMap((project) => {
    const vote = votes.find(
      (v) =>
        voteStates[v.status].rulesLocked &&
        !v.motion &&
        v.candidates.some((c) => c.id === project.id),
    )
    return vote ? [{ project, vote: { id: vote.id, title: vote.title } }] : []
  })
  return {
    projects,
    added: added.map(({ index }) => projects[index] as Project),
    removed,
    changed,
    unchanged: matched.length - changed.length,
    held,
  }
}
