import type { Ack } from '../envelope'

/** The console's meetings: the library of meetings on this laptop, and the demo. */
export interface ConsoleMeetingEvents {
  'meeting:load-demo': (input: Record<string, never>, ack: Ack<null>) => void
  'meeting:create': (input: { title: string }, ack: Ack<{ meetingId: string }>) => void
  'meeting:open': (input: { meetingId: string }, ack: Ack<null>) => void
  'meeting:rename': (input: { meetingId: string; title: string }, ack: Ack<null>) => void
  'meeting:duplicate': (
    input: { meetingId: string; title: string },
    ack: Ack<{ meetingId: string }>,
  ) => void
  'meeting:delete': (input: { meetingId: string }, ack: Ack<null>) => void
}
