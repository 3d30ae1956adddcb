import type { ConsoleScreenEvents } from '../../../../shared/protocol/console/screen.events'
import type { Hall } from '../../state/hall'
import { ScreenService } from '../../services/screen.service'
import type { Handlers } from '../handle'

export function screenHandlers(hall: Hall): Handlers<ConsoleScreenEvents> {
  return {
    'screen:show': (input) => new ScreenService(hall).show(input),
  }
}
