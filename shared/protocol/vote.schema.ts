import { z } from 'zod'
import type { BallotId, ProjectId, VoteId } from './ids'
import { ballotIdSchema, deputyIdSchema, projectIdSchema, voteIdSchema } from './ids'
import { marksSchema, voteRulesSchema } from './vote-rules.schema'
import type { VoteRules } from './vote-rules.schema'
import type { VoteResult } from './result.schema'
import { motionTextSchema } from './motion.schema'
import type { MotionText } from './motion.schema'
import type { PaperCount } from './paper-count.schema'

/** `annulled`: staff voided it with a reason; kept with its ballots, never shown as a result. */
export const voteStatuses = ['draft', 'open', 'closed', 'published', 'annulled'] as const
export type VoteStatus = (typeof voteStatuses)[number]

export interface VoteCandidate {
  id: ProjectId
  title: string
}

export interface VoteAttendance {
  roster: number
  present: number
  issued: number
}

/** A vote on the agenda. Rules and candidates lock when it opens. */
export interface VoteDef {
  id: VoteId
  title: string
  rules: VoteRules
  candidates: VoteCandidate[]
  /**
   * A motion's (决议表决) own text: its subject. Its one candidate carries the title; a motion
   * made before this field existed has none and shows that candidate's title alone.
   */
  motion?: MotionText | null
  status: VoteStatus
  openedAt: string | null
  closedAt: string | null
  /** Frozen at open (issued grows with late check-ins), final at close. */
  attendance: VoteAttendance | null
  result: VoteResult | null
  /** When the time limit runs out (stored at open, so a restarted host keeps the same clock). */
  deadline?: string | null
  /** Set when a `warn` time limit ran out: the vote stays open, staff are told. */
  timeUp?: boolean
  /** Why staff opened it without a quorum (audit-logged as well). */
  quorumOverride?: string | null
  /** Why staff annulled it. */
  annulReason?: string | null
  /** When staff published it, and when they annulled it: what the hall heard last. */
  publishedAt?: string | null
  annulledAt?: string | null
  /** The annulled vote this one is the fresh copy of (重新表决). */
  revoteOf?: string | null
  /** The vote this one is the run-off (另行票决) of. */
  runoffOf?: VoteId | null
  /**
   * Its ballot box was found at a start holding less than it should (slots deleted, unreadable,
   * or older than last recorded): it cannot be closed or published until staff acknowledge.
   */
  boxDamage?: BoxDamage | null
  /**
   * Counted from paper (故障改人工计票), from when, and at the close its figures; null for a
   * vote counted from tablets alone (meeting.json version 6).
   */
  paper: PaperCount | null
}

export interface BoxDamage {
  detail: string
  foundAt: string
  acknowledgedAt: string | null
}

export const voteIdInputSchema = z.object({ voteId: voteIdSchema })
export type VoteIdInput = z.infer<typeof voteIdInputSchema>

/** Opening without a quorum needs a reason, which is logged. */
export const voteOpenInputSchema = voteIdInputSchema.extend({
  override: z.string().trim().min(2).max(500).optional(),
  /** The whole vote on paper: the tablets never show it (the paper count starts with it). */
  paper: z.literal(true).optional(),
})
export type VoteOpenInput = z.input<typeof voteOpenInputSchema>

export const voteAnnulInputSchema = voteIdInputSchema.extend({
  reason: z.string().trim().min(2).max(500),
})
export type VoteAnnulInput = z.input<typeof voteAnnulInputSchema>

/** A paper ballot for a deputy whose tablet failed: may be spoiled or over-voted (then invalid). */
export const paperBallotInputSchema = voteIdInputSchema.extend({
  deputyId: deputyIdSchema,
  marks: marksSchema(z.string().min(1).max(32)),
  spoiled: z.boolean().default(false),
})
export type PaperBallotInput = z.input<typeof paperBallotInputSchema>

export const voteCreateInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  rules: voteRulesSchema,
  /** Project ids, in ballot order; none for a motion, whose subject is `motion`. */
  candidateIds: z.array(projectIdSchema).max(200).default([]),
  /** Required for kind motion, and only there. */
  motion: motionTextSchema.nullable().default(null),
})
export type VoteCreateInput = z.input<typeof voteCreateInputSchema>

export const voteUpdateInputSchema = voteCreateInputSchema.extend({
  voteId: voteIdSchema,
})
export type VoteUpdateInput = z.input<typeof voteUpdateInputSchema>

export { ballotIdSchema }

export const ballotSubmitInputSchema = z.object({
  voteId: voteIdSchema,
  /** Made on the tablet before the first send, so a resend is recognised. */
  ballotId: ballotIdSchema,
  marks: marksSchema(z.string().min(1).max(32)),
  /**
   * When the vote allows changes: this ballot replaces the deputy's counted one. The host knows
   * which that is (the tablet keeps nothing of a ballot once it is acknowledged).
   */
  change: z.literal(true).optional(),
})
export type BallotSubmitInput = z.infer<typeof ballotSubmitInputSchema>

/** Sent only after the ballot is on disk; a resend of the same ballot gets the same receipt. */
export interface BallotReceipt {
  voteId: VoteId
  ballotId: BallotId
}
