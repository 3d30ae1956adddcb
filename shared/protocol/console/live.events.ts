import type { Ack } from '../envelope'
import type { VoteId } from '../ids'
import type { PaperBallotInput, VoteAnnulInput, VoteIdInput } from '../vote.schema'

/** The console's live session: what staff do around an open vote and after its close. */
export interface ConsoleLiveEvents {
  /** Prompts the tablets of eligible deputies who have not voted; answers how many were reached. */
  'vote:remind': (input: VoteIdInput, ack: Ack<{ reminded: number }>) => void
  /** A paper ballot for a deputy whose tablet failed: marks the deputy voted, stores it unlinked. */
  'vote:paper': (input: PaperBallotInput, ack: Ack<null>) => void
  'vote:annul': (input: VoteAnnulInput, ack: Ack<null>) => void
  /** Staff have seen that the vote's ballot box was found damaged (audited). */
  'vote:acknowledge-box': (input: VoteIdInput, ack: Ack<null>) => void
  /** Creates the run-off (另行票决) of a closed vote as a new draft. */
  'vote:runoff': (input: VoteIdInput, ack: Ack<{ voteId: VoteId }>) => void
  /** 重新表决: a fresh draft copy of an annulled vote (audited); answers the copy's id. */
  'vote:revote': (input: VoteIdInput, ack: Ack<{ voteId: VoteId }>) => void
}
