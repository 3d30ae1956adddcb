import type { ConsoleVoteEvents } from '../../../../shared/protocol/console/vote.events'
import { voteIdInputSchema } from '../../../../shared/protocol/vote.schema'
import { parseInput } from '../../services/parse-input'
import type { VoteService } from '../../services/vote.service'
import type { Handlers } from '../handle'

export function voteHandlers(votes: VoteService): Handlers<ConsoleVoteEvents> {
  return {
    'vote:create': (input) => votes.create(input),
    'vote:update': (input) => votes.update(input),
    'vote:remove': (input) => votes.remove(input),
    'vote:open': async (input) => {
      await votes.open(input)
      return null
    },
    'vote:close': async (input) => {
      await votes.close(parseInput(voteIdInputSchema, input).voteId)
      return null
    },
    'vote:publish': async (input) => {
      await votes.publish(parseInput(voteIdInputSchema, input).voteId)
      return null
    },
  }
}
