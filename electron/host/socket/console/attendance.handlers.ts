import type { ConsoleAttendanceEvents } from '../../../../shared/protocol/console/attendance.events'
import type { AttendanceService } from '../../services/attendance.service'
import type { Handlers } from '../handle'

export function attendanceHandlers(
  attendance: AttendanceService,
): Handlers<ConsoleAttendanceEvents> {
  return {
    'attendance:set': (input) => attendance.set(input),
    'attendance:confirm': (input) => attendance.confirm(input),
    'meeting:set-quorum': (input) => attendance.setQuorum(input),
  }
}
