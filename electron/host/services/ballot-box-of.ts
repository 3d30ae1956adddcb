import type { BallotBox } from '../../../shared/protocol/ballot-box.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'

/** A vote's ballots in the format `recount` reads and the tally counts. */
export function ballotBoxOf(vote: VoteDef, ballots: BallotBox['ballots']): BallotBox {
  const { rules } = vote
  return {
    format: 'plenary-vote.ballot-box/1',
    vote: { title: vote.title, ...rules, candidates: vote.candidates },
    attendance: vote.attendance ?? { roster: 0, present: 0, issued: 0 },
    ballots,
  }
}
