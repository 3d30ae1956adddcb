import type { ConsoleProposalsEvents } from '../../../shared/year/proposals.events'
import type { Handlers } from '../socket/handle'
import type { ProposalsService } from './proposals.service'

export function proposalsHandlers(proposals: ProposalsService): Handlers<ConsoleProposalsEvents> {
  return {
    'proposals:confirm': (input) => proposals.confirm(input),
    'proposals:group': (input) => proposals.group(input),
    'proposals:ungroup': (input) => proposals.ungroup(input),
  }
}
