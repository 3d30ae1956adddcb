import { describe, expect, expectTypeOf, it } from 'vitest'
import type { BallotId, DeputyId, MeetingId, VoteId } from '../../shared/protocol/ids'
import type { Deputy, Meeting, Project } from '../../shared/protocol/meeting.schema'
import type { VoteDef } from '../../shared/protocol/vote.schema'
import type { Session } from './state/session'
import type { BallotBoxStore } from './store/ballot-box/ballot-box.store'
import type { MeetingStore } from './store/json-files/meeting.store'
import type { MeetingLibrary } from './store/json-files/library.store'
import { newMeetingId, newVoteId } from './services/new-ids'

/**
 * Ids that cannot mix (shared/protocol/ids.ts), through the host's state and store: checked by
 * `tsc -p .` (npm run typecheck). Each `@ts-expect-error` passes one kind of id where another is
 * expected, and the check fails if the brands are ever taken off (the error is then unused). The
 * function holding them is never called.
 */

declare const session: Session
declare const box: BallotBoxStore
declare const store: MeetingStore
declare const library: MeetingLibrary
declare const deputy: Deputy
declare const vote: VoteDef
declare const project: Project
declare const meeting: Meeting
declare const ballotId: BallotId

async function mixUpsThatDoNotCompile() {
  await session.box(vote.id)
  // @ts-expect-error a deputy's id opens no ballot box
  await session.box(deputy.id)
  // @ts-expect-error a plain string is no vote's id until a schema or the host makes it one
  session.loadedBox('V1')

  await box.add(deputy.id, ballotId, {})
  // @ts-expect-error the deputy and the ballot swapped
  await box.add(ballotId, deputy.id, {})
  // @ts-expect-error a vote's id where the deputy's goes
  await box.change(vote.id, ballotId, {})
  box.recognises(deputy.id, ballotId)
  // @ts-expect-error a vote's id is no deputy's
  box.hasVoted(vote.id)

  await store.updateVote(vote.id, () => undefined)
  // @ts-expect-error a project is no vote
  await store.updateVote(project.id, () => undefined)
  // @ts-expect-error a vote is no deputy
  store.deputy(vote.id)
  // @ts-expect-error a meeting's id names no deputy
  await store.updateDeputies([meeting.id], () => undefined)

  library.find(meeting.id)
  // @ts-expect-error a vote's id is no meeting's
  await library.setActive(vote.id)
}

describe('ids that cannot mix, on the host', () => {
  it('holds its mix-ups to the type check (npm run typecheck)', () => {
    expect(typeof mixUpsThatDoNotCompile).toBe('function')
  })

  it('mints each kind of id under its own brand, a plain string at run time', () => {
    const voteId = newVoteId()
    const meetingId = newMeetingId()
    expectTypeOf(voteId).toEqualTypeOf<VoteId>()
    expectTypeOf(meetingId).toEqualTypeOf<MeetingId>()
    expectTypeOf<VoteId>().not.toEqualTypeOf<DeputyId>()
    expect(voteId).toMatch(/^V[0-9a-z]+$/)
    expect(typeof meetingId).toBe('string')
  })
})
