import type { BallotEntry } from '../protocol/ballot-box.schema'
import type { VoteRules } from '../protocol/vote-rules.schema'

/** Why a ballot is invalid (无效票), or null when it is valid. */
export type InvalidReason = 'spoiled' | 'over-vote'

/** Most `for` marks a valid ballot may carry under these rules, or null for no limit. */
export function forLimit(rules: Pick<VoteRules, 'kind' | 'seats' | 'maxFor'>): number | null {
  switch (rules.kind) {
    case 'select':
      return rules.seats
    case 'per-item':
      return rules.maxFor
    case 'motion':
    case 'rating':
      return null
  }
}

export function countForMarks(marks: Readonly<Record<string, string>>): number {
  let n = 0
  // Own keys only: a ballot's marks are what it carries, never what every object inherits.
  for (const id in marks) if (Object.hasOwn(marks, id) && marks[id] === 'for') n++
  return n
}

/**
 * Blank ballots are valid; a spoiled paper ballot is invalid; so is one with more `for` marks than
 * the kind allows. Tablets make over-votes impossible, so these arise from paper entries, and the
 * console can show the reason while a paper ballot is keyed in.
 */
export function invalidReason(
  entry: Pick<BallotEntry, 'marks' | 'spoiled'>,
  rules: Pick<VoteRules, 'kind' | 'seats' | 'maxFor'>,
): InvalidReason | null {
  if (entry.spoiled === true) return 'spoiled'
  const limit = forLimit(rules)
  if (limit !== null && countForMarks(entry.marks) > limit) return 'over-vote'
  return null
}

export function isValidBallot(
  entry: Pick<BallotEntry, 'marks' | 'spoiled'>,
  rules: Pick<VoteRules, 'kind' | 'seats' | 'maxFor'>,
): boolean {
  return invalidReason(entry, rules) === null
}
