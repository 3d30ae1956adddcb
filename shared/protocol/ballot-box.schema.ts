import { z } from 'zod'
import { allowedMarks, marksSchema, voteDefinitionSchema } from './vote-rules.schema'
import type { RulesProblem, VoteDefinition } from './vote-rules.schema'

export type { Candidate, VoteDefinition } from './vote-rules.schema'

/**
 * plenary-vote.ballot-box/1: what the host exports for a closed vote and what `tally` reads.
 * Ballots are a multiset (identical ballots stored once with a count, in no meaningful order) and
 * carry nothing about who cast them or when. Unknown fields are stripped, as the contract says
 * readers ignore fields they don't know.
 */

export const BALLOT_BOX_FORMAT = 'plenary-vote.ballot-box/1'

const headcount = z.number().int().min(0)

export const attendanceSchema = z
  .object({
    roster: headcount,
    present: headcount,
    /** Ballots issued = deputies eligible in this vote; defaults to present. */
    issued: headcount.optional(),
  })
  .transform((a) => ({ roster: a.roster, present: a.present, issued: a.issued ?? a.present }))
export type Attendance = z.output<typeof attendanceSchema>

export const ballotEntrySchema = z.object({
  count: z.number().int().min(1),
  /** Candidate id → mark; a missing candidate means "not marked". */
  marks: marksSchema(z.string()),
  /** A paper ballot the scrutineers declared void (invalid). */
  spoiled: z.boolean().optional(),
})
export type BallotEntry = z.infer<typeof ballotEntrySchema>

export function checkAttendance(a: Attendance): RulesProblem[] {
  const problems: RulesProblem[] = []
  if (a.present > a.roster) {
    problems.push({ path: ['present'], message: `${a.present} exceeds roster ${a.roster}` })
  }
  // Only checked-in deputies can be handed a ballot.
  if (a.issued > a.present) {
    problems.push({ path: ['issued'], message: `${a.issued} exceeds present ${a.present}` })
  }
  return problems
}

/** Marks must name a candidate of this vote and be allowed for its kind. */
export function checkBallotEntry(
  entry: BallotEntry,
  vote: Pick<VoteDefinition, 'kind'>,
  candidateIds: ReadonlySet<string>,
): RulesProblem[] {
  const problems: RulesProblem[] = []
  const allowed = allowedMarks[vote.kind]
  for (const [id, mark] of Object.entries(entry.marks)) {
    if (!candidateIds.has(id)) {
      problems.push({ path: ['marks', id], message: 'unknown candidate' })
    } else if (!allowed.includes(mark)) {
      problems.push({
        path: ['marks', id],
        message: `mark ${mark} not allowed for kind ${vote.kind} (allowed: ${allowed.join(', ')})`,
      })
    }
  }
  return problems
}

/** Sums beyond this would lose integer precision in the counts. */
const maxTotal = Number.MAX_SAFE_INTEGER

export function checkBallotTotal(ballots: readonly BallotEntry[]): RulesProblem[] {
  let total = 0
  for (const b of ballots) total += b.count
  return total > maxTotal ? [{ path: [], message: 'total ballot count is too large' }] : []
}

export const ballotBoxSchema = z
  .object({
    format: z.literal(BALLOT_BOX_FORMAT),
    vote: voteDefinitionSchema,
    attendance: attendanceSchema,
    ballots: z.array(ballotEntrySchema),
  })
  .superRefine((box, ctx) => {
    const add = (prefix: (string | number)[], ps: RulesProblem[]) => {
      for (const p of ps) {
        ctx.addIssue({ code: 'custom', path: [...prefix, ...p.path], message: p.message })
      }
    }
    add(['attendance'], checkAttendance(box.attendance))
    const ids = new Set(box.vote.candidates.map((c) => c.id))
    box.ballots.forEach((b, i) => add(['ballots', i], checkBallotEntry(b, box.vote, ids)))
    add(['ballots'], checkBallotTotal(box.ballots))
  })
export type BallotBox = z.output<typeof ballotBoxSchema>
export type BallotBoxInput = z.input<typeof ballotBoxSchema>
