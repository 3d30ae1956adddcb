import { z } from 'zod'
import { markSchema, voteRulesSchema } from './vote-rules.schema'
import type { VoteRules } from './vote-rules.schema'
import type { VoteResult } from './result.schema'

export const voteStatuses = ['draft', 'open', 'closed', 'published'] as const
export type VoteStatus = (typeof voteStatuses)[number]

export interface VoteCandidate {
  id: string
  title: string
}

export interface VoteAttendance {
  roster: number
  present: number
  issued: number
}

/** A vote on the agenda. Rules and candidates lock when it opens. */
export interface VoteDef {
  id: string
  title: string
  rules: VoteRules
  candidates: VoteCandidate[]
  status: VoteStatus
  openedAt: string | null
  closedAt: string | null
  /** Frozen at open (issued grows with late check-ins), final at close. */
  attendance: VoteAttendance | null
  result: VoteResult | null
}

export const voteIdInputSchema = z.object({ voteId: z.string().min(1).max(64) })
export type VoteIdInput = z.infer<typeof voteIdInputSchema>

export const voteCreateInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  rules: voteRulesSchema,
  /** Project ids, in ballot order. */
  candidateIds: z.array(z.string().min(1).max(32)).min(1).max(200),
})
export type VoteCreateInput = z.input<typeof voteCreateInputSchema>

export const voteUpdateInputSchema = voteCreateInputSchema.extend({
  voteId: z.string().min(1).max(64),
})
export type VoteUpdateInput = z.input<typeof voteUpdateInputSchema>

export const ballotIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)

export const ballotSubmitInputSchema = z.object({
  voteId: z.string().min(1).max(64),
  /** Made on the tablet before the first send, so a resend is recognised. */
  ballotId: ballotIdSchema,
  marks: z.record(z.string().min(1).max(32), markSchema),
  /** When the vote allows changes: the ballot this one replaces, as the tablet cast it. */
  replaces: z
    .object({ ballotId: ballotIdSchema, marks: z.record(z.string().min(1).max(32), markSchema) })
    .optional(),
})
export type BallotSubmitInput = z.infer<typeof ballotSubmitInputSchema>

/** Sent only after the ballot is on disk; a resend of the same ballot gets the same receipt. */
export interface BallotReceipt {
  voteId: string
  ballotId: string
}
