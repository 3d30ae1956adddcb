/**
 * A proposal list imported onto the one there, matched by 编号 (services/list-merge.ts): a
 * proposal the file still has keeps the project it is grouped under; one the file no longer has
 * goes, and with it its place under a project, which the preview names. Pure.
 */
import type { ImportChangesView } from '../../../shared/protocol/preparation.schema'
import type { ProposalId } from '../../../shared/protocol/ids'
import type { Proposal } from '../../../shared/year/proposals'
import { changedFields, matchLists } from '../services/list-merge'
import type { ProposalRow } from '../tables/proposal-import'

export const proposalFields = ['content', 'channel', 'date', 'area'] as const
export type ProposalField = (typeof proposalFields)[number]

export interface ProposalMerge {
  /** The list after the import, in the file's order. */
  proposals: Proposal[]
  added: Proposal[]
  removed: Proposal[]
  changed: { proposal: Proposal; fields: ProposalField[] }[]
  unchanged: number
}

const key = (id: string) => id.toUpperCase()

export function mergeProposals(
  existing: readonly Proposal[],
  rows: readonly ProposalRow[],
): ProposalMerge {
  const { matched, added, removed } = matchLists(existing, rows, [
    { existing: (p) => key(p.id), row: (r) => key(r.number) },
  ])
  const proposals: Proposal[] = rows.map((r) => ({
    id: r.number as ProposalId,
    content: r.content,
    channel: r.channel,
    date: r.date,
    area: r.area,
    projectId: null,
  }))
  const changed: ProposalMerge['changed'] = []
  for (const m of matched) {
    const proposal = proposals[m.index] as Proposal
    proposal.projectId = m.existing.projectId
    const fields = changedFields(m.existing, proposal, proposalFields)
    if (fields.length > 0) changed.push({ proposal, fields })
  }
  return {
    proposals,
    added: added.map(({ index }) => proposals[index] as Proposal),
    removed,
    changed,
    unchanged: matched.length - changed.length,
  }
}

/** A proposal as the preview names it: its 编号 and the start of what it says. */
export function proposalName(p: Pick<Proposal, 'id' | 'content'>): string {
  const chars = [...p.content]
  return `${p.id} ${chars.slice(0, 20).join('')}${chars.length > 20 ? '…' : ''}`
}

export function proposalChanges(merge: ProposalMerge): ImportChangesView {
  return {
    added: merge.added.map(proposalName),
    removed: merge.removed.map(proposalName),
    changed: merge.changed.map(({ proposal, fields }) => ({
      name: proposalName(proposal),
      fields,
    })),
    unchanged: merge.unchanged,
  }
}

/** Which proposals come and go: confirming refuses when the list there has changed this. */
export function proposalFingerprint(merge: ProposalMerge): string {
  return JSON.stringify([merge.added.map((p) => p.id), merge.removed.map((p) => p.id)])
}
