import type { Mark } from '../../../shared/protocol/marks'
import { marks as markNames } from '../../../shared/protocol/marks'
import type { BallotSubmitInput } from '../../../shared/protocol/vote.schema'
import { ballotSubmitInputSchema } from '../../../shared/protocol/vote.schema'
import { parseInput } from './parse-input'
import type { BallotId, VoteId } from '../../../shared/protocol/ids'

const BALLOT_ID = /^[A-Za-z0-9_-]+$/
const MARKS: ReadonlySet<unknown> = new Set(markNames)

/**
 * `parseInput(ballotSubmitInputSchema, raw)` for every tablet's ballot. A well-formed first
 * ballot (no `change`) is read here into what zod would give back, without the ~2.6 KB zod
 * leaves on the heap per call (3,000 ballots in 10 s: 8 MB, a scavenge of the host's event loop);
 * anything else goes to zod, which names the field at fault. A property test holds the two equal
 * (ballot-input.test.ts).
 */
export function parseBallotSubmit(raw: unknown): BallotSubmitInput {
  return plainBallot(raw) ?? parseInput(ballotSubmitInputSchema, raw)
}

/** The ballot as zod parses it, or null for zod to look at: malformed, or not the usual case. */
export function plainBallot(raw: unknown): BallotSubmitInput | null {
  if (!isPlainObject(raw)) return null
  const { voteId, ballotId, marks } = raw
  if ('change' in raw || !isPlainObject(marks)) return null
  if (typeof voteId !== 'string' || voteId.length < 1 || voteId.length > 64) return null
  if (typeof ballotId !== 'string' || ballotId.length < 8 || ballotId.length > 64) return null
  if (!BALLOT_ID.test(ballotId)) return null
  for (const key in marks) {
    if (!Object.hasOwn(marks, key)) return null
    const mark = marks[key]
    // An own `__proto__` (JSON.parse makes one) goes to zod, which refuses it (marksSchema).
    if (key.length < 1 || key.length > 32 || key === '__proto__' || !MARKS.has(mark)) return null
  }
  // The marks as they came (parsed from the message, held by nothing else), not a copy: the
  // ballot box keeps a sorted copy of its own. The ids are checked as their schemas check them.
  return {
    voteId: voteId as VoteId,
    ballotId: ballotId as BallotId,
    marks: marks as Record<string, Mark>,
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  )
}
