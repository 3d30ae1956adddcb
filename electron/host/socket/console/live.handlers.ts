import type { ConsoleLiveEvents } from '../../../../shared/protocol/console/live.events'
import type { LiveService } from '../../services/live.service'
import type { Handlers } from '../handle'

export function liveHandlers(live: LiveService): Handlers<ConsoleLiveEvents> {
  return {
    'vote:remind': (input) => live.remind(input),
    'vote:paper': (input) => live.paper(input),
    'vote:annul': (input) => live.annul(input),
    'vote:acknowledge-box': (input) => live.acknowledgeBox(input),
    'vote:runoff': (input) => live.runoff(input),
    'vote:revote': (input) => live.revote(input),
  }
}
