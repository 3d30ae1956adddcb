import type { Ack } from '../envelope'
import type { MeetingId } from '../ids'

/** The console's meetings: the library of meetings on this laptop, and the demo. */
export interface ConsoleMeetingEvents {
  'meeting:load-demo': (input: Record<string, never>, ack: Ack<null>) => void
  'meeting:create': (input: { title: string }, ack: Ack<{ meetingId: MeetingId }>) => void
  'meeting:open': (input: { meetingId: MeetingId }, ack: Ack<null>) => void
  'meeting:rename': (input: { meetingId: MeetingId; title: string }, ack: Ack<null>) => void
  'meeting:duplicate': (
    input: { meetingId: MeetingId; title: string },
    ack: Ack<{ meetingId: MeetingId }>,
  ) => void
  'meeting:delete': (input: { meetingId: MeetingId }, ack: Ack<null>) => void
}
