/**
 * Which proposals the 群众点单 view lists: all, the ungrouped, or one project's, narrowed by
 * 来源渠道 and 镇街. Pure, so the view and its test read the same rule.
 */
import type { Proposal } from '../../../shared/year/proposals'

/** Not a project id: ':' breaks the id rule (shared/protocol/ids.ts), so no project is named so. */
export const UNGROUPED = ':ungrouped'
/** Every proposal, grouped or not. */
export const ALL = ''

export interface ProposalFilter {
  /** ALL, UNGROUPED, or a project's id. */
  group: string
  /** '' for every channel; otherwise the channel as written (a proposal without one is '-'). */
  channel: string
  area: string
}

export const noFilter: ProposalFilter = { group: ALL, channel: '', area: '' }

/** A blank channel or area is listed and filtered under this value. */
export const BLANK = '-'

const valueOf = (text: string) => (text === '' ? BLANK : text)

export function filterProposals(list: readonly Proposal[], f: ProposalFilter): Proposal[] {
  return list.filter(
    (p) =>
      (f.group === ALL ||
        (f.group === UNGROUPED ? p.projectId === null : p.projectId === f.group)) &&
      (f.channel === '' || valueOf(p.channel) === f.channel) &&
      (f.area === '' || valueOf(p.area) === f.area),
  )
}

/** The channels (or areas) the list has, most proposals first, for the filter's choices. */
export function valuesOf(list: readonly Proposal[], key: 'channel' | 'area'): string[] {
  const counts = new Map<string, number>()
  for (const p of list) counts.set(valueOf(p[key]), (counts.get(valueOf(p[key])) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([value]) => value)
}
