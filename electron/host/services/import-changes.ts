import type { ImportChangesView } from '../../../shared/protocol/preparation.schema'
import type { RowProblem } from '../tables/import-problems'
import { problem } from '../tables/import-problems'
import type { ProjectMerge } from './project-merge'
import type { RosterMerge } from './roster-merge'

/**
 * What an import preview says it will change, and a fingerprint of it: confirming recomputes the
 * merge on the list as it is then, and refuses when the fingerprint differs (the list changed in
 * between), so staff never confirm other changes than the ones they read.
 */

const deputyName = (d: { name: string; delegation: string }) => `${d.name}（${d.delegation}）`
const projectName = (p: { id: string; title: string }) => `${p.id} ${p.title}`

export function rosterChanges(merge: RosterMerge): ImportChangesView {
  return {
    added: merge.added.map(deputyName),
    removed: merge.removed.map(deputyName),
    changed: merge.changed.map(({ deputy, fields }) => ({ name: deputyName(deputy), fields })),
    unchanged: merge.unchanged,
  }
}

export function projectChanges(merge: ProjectMerge): ImportChangesView {
  return {
    added: merge.added.map(projectName),
    removed: merge.removed.map(projectName),
    changed: merge.changed.map(({ project, fields }) => ({ name: projectName(project), fields })),
    unchanged: merge.unchanged,
  }
}

/**
 * Which deputy each row becomes (null: a new one), and who is removed, by id and name: an id
 * alone could be another deputy's by then (one removed by hand, another added).
 */
export function rosterFingerprint(merge: RosterMerge): string {
  const added = new Set(merge.added)
  return JSON.stringify([
    merge.deputies.map((d) => (added.has(d) ? null : d.id)),
    merge.removed.map((d) => [d.id, d.name, d.delegation]),
  ])
}

export function projectFingerprint(merge: ProjectMerge): string {
  return JSON.stringify([merge.added.map((p) => p.id), merge.removed.map((p) => [p.id, p.title])])
}

/** Projects the import would remove although a vote that has opened lists them. */
export function heldProblems(merge: ProjectMerge): RowProblem[] {
  return merge.held.map(({ project, vote }) =>
    problem(
      'project-in-vote',
      null,
      '编号',
      `项目“${projectName(project)}”已用于表决《${vote.title}》，导入不能删除它；请在文件中保留该项目`,
      `project "${projectName(project)}" is in the vote "${vote.title}", which has opened: an import cannot remove it; keep it in the file`,
    ),
  )
}
