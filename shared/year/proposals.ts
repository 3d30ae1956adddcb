/**
 * 点单 / 选单: citizens' proposals (征集建议) as the meeting keeps them, and staff grouping them
 * under candidate projects. A proposal belongs to at most one project: it says which (projectId),
 * so two projects can never both hold it. Pure: the host's service and the console both read it.
 */
import { z } from 'zod'
import type { ProjectId, ProposalId } from '../protocol/ids'
import { projectIdSchema, proposalIdSchema } from '../protocol/ids'

export interface Proposal {
  /** 编号 as the list has it (the id rule of shared/protocol/ids.ts). */
  id: ProposalId
  /** 建议内容. */
  content: string
  /** 来源渠道: 12345热线, 网上征集, 代表联系站…, as the office wrote it; '' when not given. */
  channel: string
  /** 提出日期, 'YYYY-MM-DD'; null when not given. */
  date: string | null
  /** 镇街/片区; '' when not given. */
  area: string
  /** The candidate project it is grouped under, or null (未归类). */
  projectId: ProjectId | null
}

/** A proposal as the import preview shows it (its 编号 is `number` until it is kept). */
export interface ProposalRowView {
  number: string
  content: string
  channel: string
  date: string | null
  area: string
}

/** Longest text each field takes (characters). */
export const proposalLimits = { id: 40, content: 2000, channel: 50, area: 100 } as const

/** Most proposals one request groups (a whole list's worth). */
export const maxProposalsPerRequest = 10_000

const proposalIds = z
  .array(proposalIdSchema)
  .min(1)
  .max(maxProposalsPerRequest)
  .refine((ids) => new Set(ids).size === ids.length, { message: '编号重复 / an id repeats' })

/**
 * Groups proposals under a project. One already under another project moves only when the
 * request says so (`move`): the console asks staff first, so nothing is regrouped silently.
 */
export const proposalsGroupInputSchema = z.object({
  proposalIds,
  projectId: projectIdSchema,
  move: z.boolean().default(false),
})
export type ProposalsGroupInput = z.input<typeof proposalsGroupInputSchema>

export const proposalsUngroupInputSchema = z.object({ proposalIds })
export type ProposalsUngroupInput = z.input<typeof proposalsUngroupInputSchema>

/** 群众点单 N 件 and where they came from: counts by 来源渠道, largest first. */
export interface ProposalSources {
  count: number
  sources: { channel: string; count: number }[]
}

/** Each project's proposals, counted by channel ('' for proposals that name none). */
export function proposalSources(
  proposals: readonly Pick<Proposal, 'projectId' | 'channel'>[],
): Map<ProjectId, ProposalSources> {
  const byProject = new Map<ProjectId, Map<string, number>>()
  for (const p of proposals) {
    if (p.projectId === null) continue
    const channels = byProject.get(p.projectId) ?? new Map<string, number>()
    byProject.set(p.projectId, channels)
    channels.set(p.channel, (channels.get(p.channel) ?? 0) + 1)
  }
  const out = new Map<ProjectId, ProposalSources>()
  for (const [projectId, channels] of byProject) {
    const sources = [...channels]
      .map(([channel, count]) => ({ channel, count }))
      .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel, 'zh-CN'))
    out.set(projectId, { count: sources.reduce((n, s) => n + s.count, 0), sources })
  }
  return out
}

export const noProposals: ProposalSources = { count: 0, sources: [] }
