import { z } from 'zod'
import type { ConsoleMeetingEvents } from '../../../../shared/protocol/console/meeting.events'
import type { LibraryService } from '../../services/library.service'
import type { MeetingService } from '../../services/meeting.service'
import { parseInput } from '../../services/parse-input'
import type { Handlers } from '../handle'

const emptyInputSchema = z.object({}).strict()

export function meetingHandlers(deps: {
  meetings: MeetingService
  library: LibraryService
}): Handlers<ConsoleMeetingEvents> {
  const { meetings, library } = deps
  return {
    'meeting:load-demo': async (input) => {
      parseInput(emptyInputSchema, input)
      await meetings.loadDemo()
      return null
    },
    'meeting:create': (input) => library.create(input),
    'meeting:open': (input) => library.open(input),
    'meeting:rename': (input) => library.rename(input),
    'meeting:update': (input) => library.update(input),
    'meeting:duplicate': (input) => library.duplicate(input),
    'meeting:delete': (input) => library.remove(input),
  }
}
