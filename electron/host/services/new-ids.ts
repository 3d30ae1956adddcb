import { randomUUID } from 'node:crypto'
import type { DeputyId, MeetingId, VoteId } from '../../../shared/protocol/ids'

/**
 * Where the host mints ids (shared/protocol/ids.ts: each kind has a brand of its own). Votes and
 * meetings: a letter, the time, and four random characters, so two made in one millisecond
 * differ. Deputies: D and their number, padded, in roster order.
 */

export function newVoteId(): VoteId {
  return `V${Date.now().toString(36)}${randomUUID().slice(0, 4)}` as VoteId
}

export function newMeetingId(): MeetingId {
  return `M${Date.now().toString(36)}${randomUUID().slice(0, 4)}` as MeetingId
}

export function deputyIdOf(n: number, width: number): DeputyId {
  return `D${String(n).padStart(width, '0')}` as DeputyId
}
