import type { Shortfall, Tie } from '../protocol/result.schema'
import type { TiePolicy } from '../protocol/vote-rules.schema'
import type { ProjectId } from '../protocol/ids'

/**
 * Candidate indexes sorted by votes descending; equal votes keep candidate-list order (the sort
 * is stable), so the display order never depends on how the ballots happened to be stored.
 */
export function rankOrder(votes: readonly number[]): number[] {
  return votes.map((_, i) => i).sort((a, b) => votes[b]! - votes[a]!)
}

/**
 * Competition ranking ("1224"): 1 + the number of candidates with strictly more votes.
 * Returned per candidate index.
 */
export function competitionRanks(votes: readonly number[]): number[] {
  const order = rankOrder(votes)
  const ranks = new Array<number>(votes.length)
  order.forEach((candidate, position) => {
    const prev = order[position - 1]
    ranks[candidate] =
      prev !== undefined && votes[prev] === votes[candidate] ? ranks[prev]! : position + 1
  })
  return ranks
}

export interface Decision {
  /** Candidate indexes in rank order. */
  elected: number[]
  /** Candidate indexes of the tied group in candidate-list order, when a run-off is needed. */
  tie: { candidates: number[]; seatsLeft: number } | null
  shortfall: Shortfall | null
}

/**
 * Steps 2 and 3 of "Deciding" in the contract. `passed[i]` says whether candidate i reached the
 * threshold; since passing only depends on votes, the passed candidates are a prefix of the rank
 * order.
 */
export function decideSeats(
  votes: readonly number[],
  passed: readonly boolean[],
  seats: number,
  tiePolicy: TiePolicy,
): Decision {
  const passedInRankOrder = rankOrder(votes).filter((i) => passed[i])
  if (passedInRankOrder.length <= seats) {
    const seatsLeft = seats - passedInRankOrder.length
    return {
      elected: passedInRankOrder,
      tie: null,
      // Reported whatever the shortfall policy: the policy only says what the console offers next.
      shortfall: seatsLeft > 0 ? { seatsLeft } : null,
    }
  }
  const cut = votes[passedInRankOrder[seats - 1]!]!
  const above = passedInRankOrder.filter((i) => votes[i]! > cut)
  const tied = passedInRankOrder.filter((i) => votes[i] === cut)
  const seatsLeft = seats - above.length
  if (tied.length === seatsLeft || tiePolicy === 'include-all') {
    return { elected: [...above, ...tied], tie: null, shortfall: null }
  }
  return {
    elected: above,
    tie: { candidates: [...tied].sort((a, b) => a - b), seatsLeft },
    shortfall: null,
  }
}

/** Map a decision's indexes to candidate ids. */
export function tieIds(tie: Decision['tie'], ids: readonly ProjectId[]): Tie | null {
  return tie === null
    ? null
    : { candidates: tie.candidates.map((i) => ids[i]!), seatsLeft: tie.seatsLeft }
}
