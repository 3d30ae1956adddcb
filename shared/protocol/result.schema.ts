import { z } from 'zod'

/**
 * plenary-vote.result/1: what `tally` prints and what the host stores and shows for a closed vote.
 * The objects are strict so that a stored or received result with a stray field is caught: the
 * JSON must carry exactly the contract's fields.
 */

export const RESULT_FORMAT = 'plenary-vote.result/1'

const n = z.number().int().min(0)
/** A candidate, by its project's id (shared/protocol/ids.ts). */
const candidateId = z.string().brand<'ProjectId'>()
const rate = z.number().min(0).max(1).nullable()

export const resultCountsSchema = z.strictObject({
  roster: n,
  present: n,
  issued: n,
  cast: n,
  valid: n,
  invalid: n,
  /** issued − cast; negative only in a vote that is void because cast exceeds issued. */
  notCast: z.number().int(),
})
export type ResultCounts = z.infer<typeof resultCountsSchema>

export const selectItemSchema = z.strictObject({
  id: candidateId,
  for: n,
  rank: z.number().int().min(1),
  passed: z.boolean(),
  elected: z.boolean(),
})
export type SelectItem = z.infer<typeof selectItemSchema>

export const perItemItemSchema = z.strictObject({
  id: candidateId,
  for: n,
  against: n,
  abstain: n,
  rank: z.number().int().min(1),
  passed: z.boolean(),
  elected: z.boolean(),
})
export type PerItemItem = z.infer<typeof perItemItemSchema>

export const motionItemSchema = z.strictObject({
  id: candidateId,
  for: n,
  against: n,
  abstain: n,
  passed: z.boolean(),
})
export type MotionItem = z.infer<typeof motionItemSchema>

export const gradeSchema = z.enum(['satisfied', 'basic', 'unsatisfied'])
export type Grade = z.infer<typeof gradeSchema>

export const ratingItemSchema = z.strictObject({
  id: candidateId,
  satisfied: n,
  basic: n,
  unsatisfied: n,
  abstain: n,
  grade: gradeSchema,
  satisfiedRate: rate,
  positiveRate: rate,
})
export type RatingItem = z.infer<typeof ratingItemSchema>

export type ResultItem = SelectItem | PerItemItem | MotionItem | RatingItem

export const tieSchema = z.strictObject({
  /** Ids of the tied group at the cut line, in candidate-list order. */
  candidates: z.array(candidateId),
  seatsLeft: z.number().int().min(1),
})
export type Tie = z.infer<typeof tieSchema>

export const shortfallSchema = z.strictObject({ seatsLeft: z.number().int().min(1) })
export type Shortfall = z.infer<typeof shortfallSchema>

const common = {
  format: z.literal(RESULT_FORMAT),
  counts: resultCountsSchema,
  needed: z.number().int().min(1),
  /** Ids in rank order; always [] for motion and rating, and when the vote is void. */
  elected: z.array(candidateId),
  tie: tieSchema.nullable(),
  shortfall: shortfallSchema.nullable(),
  /** A reason string when the whole vote is void, e.g. "cast exceeds issued". */
  void: z.string().nullable(),
}

export const voteResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('select'), items: z.array(selectItemSchema) }),
  z.strictObject({ ...common, kind: z.literal('per-item'), items: z.array(perItemItemSchema) }),
  z.strictObject({ ...common, kind: z.literal('motion'), items: z.array(motionItemSchema) }),
  z.strictObject({
    ...common,
    kind: z.literal('rating'),
    items: z.array(ratingItemSchema),
    /** Pooled over all items: Σsatisfied/Σvalid and Σ(satisfied+basic)/Σvalid. */
    overall: z.strictObject({ satisfiedRate: rate, positiveRate: rate }),
  }),
])
export type VoteResult = z.infer<typeof voteResultSchema>
export type SelectResult = Extract<VoteResult, { kind: 'select' }>
export type PerItemResult = Extract<VoteResult, { kind: 'per-item' }>
export type MotionResult = Extract<VoteResult, { kind: 'motion' }>
export type RatingResult = Extract<VoteResult, { kind: 'rating' }>

/** The void reason the contract names. */
export const VOID_CAST_EXCEEDS_ISSUED = 'cast exceeds issued'
