import { z } from 'zod'
import { voteIdSchema } from './ids'
import { marksSchema } from './vote-rules.schema'
import type { Mark } from './vote-rules.schema'

/**
 * The paper count (故障改人工计票): a vote, or the ballots of every deputy without a tablet
 * ballot, counted from paper. 计票人 enter the papers in batches, each batch twice by two of
 * them on two devices; the host merges a batch only when both entries agree ballot by ballot,
 * else a 监票人 enters the differing ballots a third time. README: The paper count.
 */

/**
 * `whole`: the vote was opened on paper, or no tablet ballot had come in when it went to paper.
 * `rest`: the deputies without a ballot in the box when it went to paper (the tablets' stay).
 */
export const paperScopes = ['whole', 'rest'] as const
export type PaperScope = (typeof paperScopes)[number]

/** The figures a report prints, fixed at the close. */
export interface PaperSummary {
  /** Ballots in the box not from the paper count: tablets, and single paper entries before it. */
  tablet: number
  /** 发出: paper ballots handed out. */
  issued: number
  /** 收回: paper ballots back in the box. */
  returned: number
  /** Paper ballots merged into the box (the count closes only when it is `returned`). */
  counted: number
  /** 作废: declared void by the scrutineers, among `counted` (an over-vote is not: the tally's). */
  spoiled: number
  batches: number
}

/**
 * What meeting.json keeps of a vote's paper count (version 6): that it happened, from when, and
 * at the close its figures. Never a ballot: the entries in progress are kept under the vote's
 * key beside its box (store/ballot-box/paper-file.ts) and go with the key.
 */
export interface PaperCount {
  scope: PaperScope
  startedAt: string
  summary: PaperSummary | null
}

/** One paper ballot as entered: its marks as written (an over-vote too), or 作废. */
export interface PaperBallot {
  marks: Record<string, Mark>
  spoiled?: true
}

/** Batch numbers are written on each stack's cover; a stack is one sitting's worth of paper. */
export const MAX_BATCH_NO = 999
export const MAX_BATCH_SIZE = 200

const batchNoSchema = z.number().int().min(1).max(MAX_BATCH_NO)
const slotSchema = z.union([z.literal(1), z.literal(2)])
export type PaperSlot = z.infer<typeof slotSchema>
/**
 * The console tab (a random id it keeps for the session): an entry belongs to the device it was
 * begun on, so a second device cannot type into it by mistake. Not a secret: staff consoles all
 * hold the token; this keeps honest hands apart.
 */
const deviceSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
/** A recorded scrutineer, by name as the list has it. */
const personSchema = z.string().trim().min(1).max(50)

export const paperBallotSchema = z
  .object({
    marks: marksSchema(z.string().min(1).max(32)),
    spoiled: z.boolean().default(false),
  })
  // A spoiled paper counts for nothing but its number: what else was typed is not kept.
  .transform(({ marks, spoiled }): PaperBallot => (spoiled ? { marks: {}, spoiled } : { marks }))

export const paperStartInputSchema = z.object({ voteId: voteIdSchema })

/** 发出 and 收回 as the scrutineers counted them; 收回 may wait until the box is emptied. */
export const paperTallyInputSchema = z.object({
  voteId: voteIdSchema,
  issued: z.number().int().min(0).max(100_000),
  returned: z.number().int().min(0).max(100_000).nullable(),
})

/** A 计票人 begins (or, on the same device, resumes) an entry of a batch of `size` papers. */
export const paperBeginInputSchema = z.object({
  voteId: voteIdSchema,
  batch: batchNoSchema,
  size: z.number().int().min(1).max(MAX_BATCH_SIZE),
  teller: personSchema,
  device: deviceSchema,
})

const entryRefSchema = z.object({
  voteId: voteIdSchema,
  batch: batchNoSchema,
  slot: slotSchema,
  device: deviceSchema,
})
export const paperEntryRefSchema = entryRefSchema

/** One paper of the stack, at its place (0-based); a place already typed is typed over. */
export const paperBallotInputSchema = entryRefSchema.extend({
  index: z
    .number()
    .int()
    .min(0)
    .max(MAX_BATCH_SIZE - 1),
  ballot: paperBallotSchema,
})

/** A 监票人's third entry of just the ballots the two entries differ on, then the merge. */
export const paperResolveInputSchema = z.object({
  voteId: voteIdSchema,
  batch: batchNoSchema,
  scrutineer: personSchema,
  ballots: z
    .array(
      z.object({
        index: z
          .number()
          .int()
          .min(0)
          .max(MAX_BATCH_SIZE - 1),
        ballot: paperBallotSchema,
      }),
    )
    .min(1)
    .max(MAX_BATCH_SIZE),
})

export type PaperStartInput = z.input<typeof paperStartInputSchema>
export type PaperTallyInput = z.input<typeof paperTallyInputSchema>
export type PaperBeginInput = z.input<typeof paperBeginInputSchema>
export type PaperEntryRef = z.input<typeof paperEntryRefSchema>
export type PaperBallotInput = z.input<typeof paperBallotInputSchema>
export type PaperResolveInput = z.input<typeof paperResolveInputSchema>

/** An entry as every console sees it: who, on which device, how far; never what it says. */
export interface PaperEntryView {
  slot: PaperSlot
  teller: string
  device: string
  entered: number
  finished: boolean
}

/** A place where the two entries differ, side by side, for the 监票人 to look up the paper. */
export interface PaperDifference {
  index: number
  first: PaperBallot
  second: PaperBallot
}

export type PaperBatchState = 'entering' | 'mismatch' | 'merged'

export interface PaperBatchView {
  no: number
  size: number
  state: PaperBatchState
  entries: PaperEntryView[]
  /** Only while the batch is a mismatch: the papers to look up (every console sees them). */
  differences: PaperDifference[]
  /** Once merged: who resolved which places, and the spoiled among the merged. */
  resolvedBy: string | null
  resolved: number
  spoiled: number
}

/** The open vote's paper count as the consoles see it. */
export interface PaperCountView {
  scope: PaperScope
  startedAt: string
  /** Eligible deputies (发出 of the vote) less the ballots already in the box from tablets. */
  toCount: number
  tablet: number
  issued: number | null
  returned: number | null
  /** Paper ballots merged into the box. */
  merged: number
  spoiled: number
  /** Papers in batches not yet merged (each batch at its size). */
  pending: number
  /** How many more papers a new batch may hold: toCount, or 收回 once recorded, less the rest. */
  left: number
  batches: PaperBatchView[]
}

/** An entry as its own device reads it back (a reload, a restart): the ballots typed so far. */
export interface PaperEntryContent {
  batch: number
  slot: PaperSlot
  size: number
  teller: string
  ballots: PaperBallot[]
  finished: boolean
}
