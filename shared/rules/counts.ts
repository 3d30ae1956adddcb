import type { BallotBox } from '../protocol/ballot-box.schema'
import type { Mark } from '../protocol/vote-rules.schema'
import { allowedMarks } from '../protocol/vote-rules.schema'
import type { ResultCounts } from '../protocol/result.schema'
import { invalidReason } from './validity'

/** Explicit marks per candidate, in candidate-list order. Unmarked is derived later from valid. */
export type MarkTotals = Record<Mark, number>

export interface BallotTotals {
  counts: ResultCounts
  /** Index i belongs to vote.candidates[i]. */
  perCandidate: MarkTotals[]
}

const emptyTotals = (): MarkTotals => ({
  for: 0,
  against: 0,
  abstain: 0,
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
})

/**
 * One pass over the multiset: O(entries × marks). Throws on an unknown candidate or a mark the
 * kind does not allow, because such a box is malformed and must have been rejected by
 * readBallotBox; counting it anyway could silently change an outcome.
 */
export function countBallots(box: BallotBox): BallotTotals {
  const { vote, attendance } = box
  const index = new Map<string, number>()
  vote.candidates.forEach((c, i) => index.set(c.id, i))
  const allowed = new Set<string>(allowedMarks[vote.kind])
  const perCandidate = vote.candidates.map(emptyTotals)
  let cast = 0
  let invalid = 0
  for (let b = 0; b < box.ballots.length; b++) {
    const entry = box.ballots[b]!
    const { count, marks } = entry
    cast += count
    if (invalidReason(entry, vote) !== null) {
      invalid += count
      continue
    }
    for (const id in marks) {
      const mark = marks[id]!
      // Candidates are looked up in a Map, so `constructor` or `__proto__` finds nothing inherited.
      const i = index.get(id)
      if (!Object.hasOwn(marks, id) || i === undefined || !allowed.has(mark)) {
        throw new Error(`ballots[${b}].marks.${id}: malformed (validate with readBallotBox first)`)
      }
      perCandidate[i]![mark] += count
    }
  }
  const counts: ResultCounts = {
    roster: attendance.roster,
    present: attendance.present,
    issued: attendance.issued,
    cast,
    valid: cast - invalid,
    invalid,
    notCast: attendance.issued - cast,
  }
  return { counts, perCandidate }
}
