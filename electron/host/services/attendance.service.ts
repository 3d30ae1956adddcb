import type { AttendanceState } from '../../../shared/protocol/attendance.schema'
import {
  attendanceConfirmInputSchema,
  attendanceSetInputSchema,
  quorumRuleSchema,
} from '../../../shared/protocol/attendance.schema'
import type { Deputy } from '../../../shared/protocol/meeting.schema'
import { voteStates } from '../../../shared/rules'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import type { DeputyId, VoteId } from '../../../shared/protocol/ids'

export function attendanceStateOf(deputy: Deputy): AttendanceState {
  if (deputy.present) return 'present'
  return deputy.onLeave ? 'leave' : 'absent'
}

/**
 * 报到: deputies check in by opening their credential on a tablet, or staff check them in, take a
 * check-in back, or mark leave (请假). A check-in while a vote is open makes the deputy eligible:
 * ballots issued grows and the growth is logged. Taking a check-in back while a vote is open is
 * refused, since ballots issued for it are fixed. A leave is the staff's record: a tablet that
 * opens the card of a deputy on leave does not check them in, staff confirm it.
 */
export class AttendanceService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }
  get #session(): Session {
    return this.#hall.session
  }

  /** Staff set the attendance of some deputies or a delegation; answers how many changed. */
  async set(raw: unknown): Promise<{ changed: number }> {
    const input = parseInput(attendanceSetInputSchema, raw)
    const { meeting } = this.#session
    let targets: Deputy[]
    if (input.deputyIds) {
      targets = input.deputyIds.map((id, i) => {
        const d = meeting.deputy(id)
        if (!d) throw new ServiceError('not-found', `deputyIds[${i}]: ${id}`)
        return d
      })
    } else {
      targets = meeting.data.deputies.filter((d) => d.delegation === input.delegation)
      if (targets.length === 0)
        throw new ServiceError('not-found', `delegation ${input.delegation}`)
    }
    const reason = input.state === 'leave' ? (input.reason ?? '') : ''
    // A reason given for a deputy already on leave is recorded as a new leave entry: the log
    // keeps the earlier one, so nothing is overwritten silently.
    const changing = targets.filter((d) => attendanceStateOf(d) !== input.state || reason !== '')
    if (input.state !== 'present' && this.#session.openVote()) {
      const leaving = changing.find((d) => d.present)
      if (leaving) throw new ServiceError('attendance-locked', leaving.name)
    }
    return {
      changed: await this.apply(
        changing.map((d) => d.id),
        input.state,
        input.via ?? 'staff',
        reason,
      ),
    }
  }

  /**
   * 报到 by opening the credential on a tablet. For a deputy on leave the card may be in other
   * hands, or the leave may stand: the opening is logged and staff are asked to confirm.
   */
  async checkIn(deputyId: DeputyId): Promise<void> {
    const session = this.#session
    const deputy = session.meeting.deputy(deputyId)
    if (!deputy) throw new ServiceError('not-found', deputyId)
    if (deputy.present) return
    if (deputy.onLeave) {
      // Once per leave: a tablet reconnecting on hall Wi-Fi opens the card again and again.
      if (session.leaveCardsOpened.has(deputyId)) return
      session.leaveCardsOpened.add(deputyId)
      await session.audit.append('deputy.card-opened-on-leave', { deputyId })
      session.announce({ type: 'attendance' })
      return
    }
    await this.apply([deputyId], 'present', 'tablet')
  }

  /**
   * Staff confirm the check-in of a deputy on leave whose card was opened on a tablet; the tablet
   * then goes on as checked in. A second confirmation (another console) changes nothing.
   */
  async confirm(raw: unknown): Promise<null> {
    const { deputyId } = parseInput(attendanceConfirmInputSchema, raw)
    const deputy = this.#session.meeting.deputy(deputyId)
    if (!deputy) throw new ServiceError('not-found', `deputyId: ${deputyId}`)
    if (deputy.present) return null
    if (!this.#session.leaveCardsOpened.has(deputyId))
      throw new ServiceError('not-awaiting-check-in', deputy.name)
    await this.apply([deputyId], 'present', 'staff-confirmed')
    return null
  }

  async setQuorum(raw: unknown): Promise<null> {
    const rule = parseInput(quorumRuleSchema, raw)
    if (!this.#session.meeting.data.meeting) throw new ServiceError('no-meeting')
    await this.#session.meeting.updateAgenda((data) => {
      data.quorum = rule
    })
    await this.#session.audit.append('meeting.quorum-set', rule)
    this.#session.announce({ type: 'attendance' })
    return null
  }

  /**
   * Persist, audit, announce. Late check-ins during an open vote grow its ballots issued. How a
   * check-in was taken and a leave's reason go to the audit log, which 代表履职 reads them from.
   */
  async apply(
    ids: DeputyId[],
    state: AttendanceState,
    via: 'staff' | 'tablet' | 'staff-confirmed' | 'paper',
    reason = '',
  ): Promise<number> {
    if (ids.length === 0) return 0
    // Staff decided these deputies' attendance: a card opened on leave is settled by it.
    for (const id of ids) this.#session.leaveCardsOpened.delete(id)
    let grew: { voteId: VoteId; issued: number; deputyIds: DeputyId[] } | null = null
    // Whose tablet now shows something else: a leave begun or ended (see deputyState).
    const leaveChanged: DeputyId[] = []
    // Only these deputies' part of the roster is written anew: a wave of check-ins is hundreds
    // of writes of meeting.json.
    await this.#session.meeting.updateDeputies(ids, (data, deputies) => {
      const open = data.votes.find((v) => voteStates[v.status].takesBallots)
      const late: DeputyId[] = []
      for (const d of deputies) {
        if (state === 'present' && !d.present) late.push(d.id)
        if ((!d.present && d.onLeave === true) !== (state === 'leave')) leaveChanged.push(d.id)
        d.present = state === 'present'
        d.onLeave = state === 'leave'
      }
      if (open?.attendance && late.length > 0) {
        open.attendance.present += late.length
        open.attendance.issued += late.length
        grew = { voteId: open.id, issued: open.attendance.issued, deputyIds: late }
      }
    })
    const event = {
      present: 'deputy.checked-in',
      absent: 'deputy.check-in-undone',
      leave: 'deputy.on-leave',
    }[state]
    await this.#session.audit.append(event, { deputyIds: ids, via, ...(reason ? { reason } : {}) })
    if (grew) await this.#session.audit.append('vote.issued-grew', grew)
    this.#session.announce(
      leaveChanged.length > 0
        ? { type: 'attendance', deputyIds: leaveChanged }
        : { type: 'attendance' },
    )
    return ids.length
  }
}
