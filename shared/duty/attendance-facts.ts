import type { AttendanceFact, CheckInHow, DutyState } from './duty.schema'

/**
 * How and when each deputy of a meeting checked in, and why they were on leave, from the
 * meeting's audit log (which records every check-in, undo and leave as staff or a tablet made
 * it). Only the attendance entries are read: the log's vote entries never reach the record.
 */

/** An audit entry as this reads it. */
export interface LoggedEntry {
  type: string
  at: string
  data: Record<string, unknown>
}

/** What the log says of one deputy: their last check-in standing, their last leave's reason. */
export interface LoggedAttendance {
  checkIn: { how: CheckInHow; at: string } | null
  reason: string
}

const hows: ReadonlySet<string> = new Set<CheckInHow>([
  'tablet',
  'staff',
  'staff-confirmed',
  'paper',
])

function idsOf(data: Record<string, unknown>): string[] {
  return Array.isArray(data.deputyIds) ? data.deputyIds.filter((x) => typeof x === 'string') : []
}

export interface LoggedMeeting {
  /** By deputy id (a Map: an id is any string). */
  deputies: Map<string, LoggedAttendance>
  /** When the first deputy checked in: the day the meeting was held, if its details omit it. */
  firstCheckIn: string | null
}

/** Replays the attendance entries of a log, oldest first. */
export function attendanceFromLog(entries: readonly LoggedEntry[]): LoggedMeeting {
  const out = new Map<string, LoggedAttendance>()
  let firstCheckIn: string | null = null
  const of = (id: string) => {
    let found = out.get(id)
    if (!found) {
      found = { checkIn: null, reason: '' }
      out.set(id, found)
    }
    return found
  }
  for (const e of entries) {
    if (e.type === 'deputy.checked-in') {
      const via = typeof e.data.via === 'string' && hows.has(e.data.via) ? e.data.via : 'staff'
      firstCheckIn ??= e.at
      for (const id of idsOf(e.data)) of(id).checkIn = { how: via as CheckInHow, at: e.at }
    } else if (e.type === 'deputy.check-in-undone') {
      for (const id of idsOf(e.data)) of(id).checkIn = null
    } else if (e.type === 'deputy.on-leave') {
      const reason = typeof e.data.reason === 'string' ? e.data.reason : ''
      for (const id of idsOf(e.data)) Object.assign(of(id), { checkIn: null, reason })
    }
  }
  return { deputies: out, firstCheckIn }
}

/**
 * One deputy's attendance: the state as the roster holds it (the meeting's own word), with how
 * and when from the log where it says (a log cut short leaves them unknown, never guessed).
 */
export function attendanceFact(
  state: DutyState,
  logged: LoggedAttendance | undefined,
): AttendanceFact {
  return {
    state,
    how: state === 'present' ? (logged?.checkIn?.how ?? null) : null,
    at: state === 'present' ? (logged?.checkIn?.at ?? null) : null,
    reason: state === 'leave' ? (logged?.reason ?? '') : '',
  }
}
