import type { Ack } from '../envelope'
import type { MeetingId } from '../ids'
import type { MeetingDetails } from '../meeting-details.schema'

/** What staff say of a meeting when they create or copy one (details blank unless given). */
export interface MeetingAbout {
  title: string
  details?: MeetingDetails
  /** 演练: false unless given. */
  rehearsal?: boolean
}

/** The console's meetings: the library of meetings on this laptop, and the demo. */
export interface ConsoleMeetingEvents {
  'meeting:load-demo': (input: Record<string, never>, ack: Ack<null>) => void
  'meeting:create': (input: MeetingAbout, ack: Ack<{ meetingId: MeetingId }>) => void
  'meeting:open': (input: { meetingId: MeetingId }, ack: Ack<null>) => void
  'meeting:rename': (input: { meetingId: MeetingId; title: string }, ack: Ack<null>) => void
  /** Title, details and the rehearsal flag (fixed once a vote of the meeting has opened). */
  'meeting:update': (
    input: { meetingId: MeetingId; title: string; details: MeetingDetails; rehearsal: boolean },
    ack: Ack<null>,
  ) => void
  'meeting:duplicate': (
    input: MeetingAbout & { meetingId: MeetingId },
    ack: Ack<{ meetingId: MeetingId }>,
  ) => void
  'meeting:delete': (input: { meetingId: MeetingId }, ack: Ack<null>) => void
}
