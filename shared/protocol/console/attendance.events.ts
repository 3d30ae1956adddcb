import type { AttendanceConfirmInput, AttendanceSetInput, QuorumRule } from '../attendance.schema'
import type { Ack } from '../envelope'

/** The console's attendance: 报到 taken by staff, and the quorum a vote needs to open. */
export interface ConsoleAttendanceEvents {
  /** 报到 by staff: check in, undo, or mark leave; one deputy, several, or a delegation. */
  'attendance:set': (input: AttendanceSetInput, ack: Ack<{ changed: number }>) => void
  /** Checks in a deputy on leave whose card was opened on a tablet (see leaveCardsOpened). */
  'attendance:confirm': (input: AttendanceConfirmInput, ack: Ack<null>) => void
  'meeting:set-quorum': (input: QuorumRule, ack: Ack<null>) => void
}
