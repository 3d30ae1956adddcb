import type { ConsoleDutyEvents } from '../../../shared/duty/duty.events'
import type { Handlers } from '../socket/handle'
import type { DutyService } from './duty.service'

export function dutyHandlers(duty: DutyService): Handlers<ConsoleDutyEvents> {
  return {
    'duty:view': (input) => duty.view(input),
    'duty:deputy': (input) => duty.deputy(input),
    'duty:join': (input) => duty.join(input),
    'duty:separate': (input) => duty.separate(input),
    'duty:confirm': (input) => duty.confirm(input),
    'duty:points-rule': (input) => duty.setPointsRule(input),
  }
}
