import { z } from 'zod'
import type { Scrutineer, Scrutineers } from '../../../shared/protocol/scrutineers.schema'
import {
  membersOf,
  requiredScrutineerRoles,
  scrutineersSetInputSchema,
} from '../../../shared/protocol/scrutineers.schema'
import { digestOf } from '../store/json-files/digest'
import type { Hall } from '../state/hall'
import type { Session } from '../state/session'
import { parseInput } from './parse-input'
import { ServiceError } from './service-error'

const approveInputSchema = z.object({}).strict()

/** Names by role, for the audit log: who was recorded or approved, in the staff's order. */
function roster(members: readonly Scrutineer[]) {
  const names = (role: Scrutineer['role']) =>
    members.filter((m) => m.role === role).map((m) => m.name)
  return { chief: names('chief'), scrutineer: names('scrutineer'), teller: names('teller') }
}

/**
 * The meeting's scrutineers (总监票人, 监票人, 计票人): staff record them, then record the hall's
 * approval (通过), before the first vote. An edit takes the approval back (the hall approves the
 * list it changed); once a vote has opened an approved list changes only with a reason, which
 * the audit log keeps with the change.
 */
export class ScrutineersService {
  readonly #hall: Hall

  constructor(hall: Hall) {
    this.#hall = hall
  }

  get #session(): Session {
    return this.#hall.session
  }

  async set(raw: unknown): Promise<null> {
    const { members, reason } = parseInput(scrutineersSetInputSchema, raw)
    const session = this.#session
    const meeting = session.meeting.data.meeting
    if (!meeting) throw new ServiceError('no-meeting')
    const seen = new Set<string>()
    members.forEach((m, i) => {
      const key = `${m.name}\u0000${m.delegation}`
      if (seen.has(key))
        throw new ServiceError('bad-request', `members.${i}.name: ${m.name} 重复（同一人只列一次）`)
      seen.add(key)
    })
    const before = meeting.scrutineers
    if (digestOf(before.members) === digestOf(members)) return null
    const voted = session.meeting.data.votes.some((v) => v.status !== 'draft')
    const wasApproved = before.approvedAt !== null
    if (wasApproved && voted && !reason) throw new ServiceError('reason-required')
    const next: Scrutineers = { members: members.map((m) => ({ ...m })), approvedAt: null }
    await session.meeting.updateAgenda((data) => {
      if (data.meeting) data.meeting.scrutineers = next
    })
    await session.audit.append('scrutineers.updated', {
      ...roster(members),
      wasApproved,
      ...(reason ? { reason } : {}),
    })
    session.announce({ type: 'meeting' })
    return null
  }

  /** Records the hall's approval of the list as it stands; a second click changes nothing. */
  async approve(raw: unknown): Promise<null> {
    parseInput(approveInputSchema, raw)
    const session = this.#session
    const meeting = session.meeting.data.meeting
    if (!meeting) throw new ServiceError('no-meeting')
    const s = meeting.scrutineers
    if (s.approvedAt !== null) return null
    if (requiredScrutineerRoles.some((role) => membersOf(s, role).length === 0))
      throw new ServiceError('scrutineers-incomplete')
    const approvedAt = new Date().toISOString()
    await session.meeting.updateAgenda((data) => {
      if (data.meeting) data.meeting.scrutineers = { ...data.meeting.scrutineers, approvedAt }
    })
    const before = session.meeting.data.votes.some((v) => v.status !== 'draft') ? 'after' : 'before'
    await session.audit.append('scrutineers.approved', { ...roster(s.members), firstVote: before })
    session.announce({ type: 'meeting' })
    return null
  }
}
