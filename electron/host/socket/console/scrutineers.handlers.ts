import type { ConsoleScrutineerEvents } from '../../../../shared/protocol/console/scrutineers.events'
import type { ScrutineersService } from '../../services/scrutineers.service'
import type { Handlers } from '../handle'

export function scrutineerHandlers(
  scrutineers: ScrutineersService,
): Handlers<ConsoleScrutineerEvents> {
  return {
    'scrutineers:set': (input) => scrutineers.set(input),
    'scrutineers:approve': (input) => scrutineers.approve(input),
  }
}
