/**
 * Proposals follow their projects: a project removed (by hand, or by an import that no longer
 * lists it) leaves its proposals ungrouped, and a project given a new 编号 keeps them. Pure; the
 * preparation service applies it inside the same change as the projects', so the two never
 * disagree on disk.
 */
import type { ProjectId } from '../../../shared/protocol/ids'
import type { Proposal } from '../../../shared/year/proposals'
import type { RowProblem } from '../tables/import-problems'
import { problem } from '../tables/import-problems'

export interface ProposalsFollowing {
  /** The list after the change: the same array when no proposal changed. */
  proposals: Proposal[]
  /** How many proposals were ungrouped, by the project they left. */
  ungrouped: Map<ProjectId, number>
}

export function proposalsFollowing(
  proposals: Proposal[],
  change: { removed?: Iterable<string>; renamed?: { from: ProjectId; to: ProjectId } },
): ProposalsFollowing {
  const removed = new Set<string>(change.removed ?? [])
  const ungrouped = new Map<ProjectId, number>()
  let touched = false
  const next = proposals.map((p) => {
    if (p.projectId === null) return p
    if (removed.has(p.projectId)) {
      ungrouped.set(p.projectId, (ungrouped.get(p.projectId) ?? 0) + 1)
      touched = true
      return { ...p, projectId: null }
    }
    if (
      change.renamed &&
      p.projectId === change.renamed.from &&
      change.renamed.to !== p.projectId
    ) {
      touched = true
      return { ...p, projectId: change.renamed.to }
    }
    return p
  })
  return { proposals: touched ? next : proposals, ungrouped }
}

/** What a project import's preview says of the proposals it would ungroup (a notice). */
export function ungroupedNotice(ungrouped: Map<ProjectId, number>): RowProblem[] {
  if (ungrouped.size === 0) return []
  const zh = [...ungrouped].map(([id, n]) => `${id}（${n} 条）`).join('、')
  const en = [...ungrouped].map(([id, n]) => `${id} (${n})`).join(', ')
  return [
    problem(
      'proposals-ungrouped',
      null,
      null,
      `删除的项目中有群众点单，导入后这些建议变为未归类：${zh}`,
      `removed projects hold citizens' proposals, which become ungrouped: ${en}`,
    ),
  ]
}
