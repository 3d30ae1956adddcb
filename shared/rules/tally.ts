import type { BallotBox } from '../protocol/ballot-box.schema'
import type {
  MotionItem,
  PerItemItem,
  ResultCounts,
  SelectItem,
  Shortfall,
  Tie,
  VoteResult,
} from '../protocol/result.schema'
import { RESULT_FORMAT, VOID_CAST_EXCEEDS_ISSUED } from '../protocol/result.schema'
import type { VoteDefinition } from '../protocol/vote-rules.schema'
import type { MarkTotals } from './counts'
import { countBallots } from './counts'
import { competitionRanks, decideSeats, rankOrder, tieIds } from './ranking'
import { ratingItem, ratingOverall } from './rating'
import { neededVotes } from './thresholds'
import type { ProjectId } from '../protocol/ids'

/** The reason a whole vote is void, or null. Nothing is elected or passed in a void vote. */
export function voidReason(counts: ResultCounts): string | null {
  return counts.cast > counts.issued ? VOID_CAST_EXCEEDS_ISSUED : null
}

interface Outcome {
  elected: ProjectId[]
  tie: Tie | null
  shortfall: Shortfall | null
  void: string | null
}

/**
 * Counts a closed vote into plenary-vote.result/1. Pure and linear in the number of ballot
 * entries × marks (plus sorting the candidates). The box must be well-formed (see
 * readBallotBox); a malformed mark throws rather than being counted.
 */
export function tally(box: BallotBox): VoteResult {
  const { vote } = box
  const { counts, perCandidate } = countBallots(box)
  const needed = neededVotes(vote.threshold, counts)
  const reason = voidReason(counts)
  const ids = vote.candidates.map((c) => c.id)
  // `kind` is restated per case for the type, but keeps this position: the printed JSON then
  // lists fields in the contract's order.
  const head = { format: RESULT_FORMAT, kind: vote.kind, counts, needed } as const
  const noOutcome: Outcome = { elected: [], tie: null, shortfall: null, void: reason }

  switch (vote.kind) {
    case 'select': {
      const d = decide(vote, ids, perCandidate, needed, reason)
      const items = d.order.map((i): SelectItem => ({ id: ids[i]!, for: d.votes[i]!, ...d.at(i) }))
      return { ...head, kind: 'select', items, ...(reason === null ? d.outcome : noOutcome) }
    }
    case 'per-item': {
      const d = decide(vote, ids, perCandidate, needed, reason)
      const items = d.order.map((i): PerItemItem => ({
        id: ids[i]!,
        ...forAgainstAbstain(perCandidate[i]!, counts.valid),
        ...d.at(i),
      }))
      return { ...head, kind: 'per-item', items, ...(reason === null ? d.outcome : noOutcome) }
    }
    case 'motion': {
      const items = ids.map((id, i): MotionItem => {
        const t = perCandidate[i]!
        const passed = reason === null && t.for >= needed
        return { id, ...forAgainstAbstain(t, counts.valid), passed }
      })
      return { ...head, kind: 'motion', items, ...noOutcome }
    }
    case 'rating': {
      // Grades and rates describe the ballots; a consumer must check `void` before using them.
      const items = ids.map((id, i) => ratingItem(id, perCandidate[i]!, counts.valid, needed))
      const overall = ratingOverall(items, counts.valid)
      return { ...head, kind: 'rating', items, ...noOutcome, overall }
    }
  }
}

function forAgainstAbstain(t: MarkTotals, valid: number) {
  // Not marked counts as abstain, so the three always add up to valid.
  return { for: t.for, against: t.against, abstain: valid - t.for - t.against }
}

/** Ranking and seat decision shared by select and per-item (they differ only in item fields). */
function decide(
  vote: VoteDefinition,
  ids: readonly ProjectId[],
  perCandidate: readonly MarkTotals[],
  needed: number,
  reason: string | null,
) {
  const votes = perCandidate.map((t) => t.for)
  const ranks = competitionRanks(votes)
  const passed = votes.map((v) => reason === null && v >= needed)
  // The schema guarantees seats for these kinds; 0 keeps a hand-built box from electing anyone.
  const decision = decideSeats(votes, passed, vote.seats ?? 0, vote.tiePolicy)
  const elected = new Set(decision.elected)
  const outcome: Outcome = {
    elected: decision.elected.map((i) => ids[i]!),
    tie: tieIds(decision.tie, ids),
    shortfall: decision.shortfall,
    void: null,
  }
  return {
    votes,
    order: rankOrder(votes),
    at: (i: number) => ({ rank: ranks[i]!, passed: passed[i]!, elected: elected.has(i) }),
    outcome,
  }
}
