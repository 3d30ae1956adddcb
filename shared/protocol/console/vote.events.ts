import type { Ack } from '../envelope'
import type { VoteId } from '../ids'
import type { VoteCreateInput, VoteIdInput, VoteOpenInput, VoteUpdateInput } from '../vote.schema'

/** The console's votes: the agenda's drafts, and each vote's open, close and publication. */
export interface ConsoleVoteEvents {
  'vote:create': (input: VoteCreateInput, ack: Ack<{ voteId: VoteId }>) => void
  'vote:update': (input: VoteUpdateInput, ack: Ack<null>) => void
  'vote:remove': (input: VoteIdInput, ack: Ack<null>) => void
  /** Refused with no-quorum unless `override` gives the reason (logged). */
  'vote:open': (input: VoteOpenInput, ack: Ack<null>) => void
  'vote:close': (input: VoteIdInput, ack: Ack<null>) => void
  'vote:publish': (input: VoteIdInput, ack: Ack<null>) => void
}
