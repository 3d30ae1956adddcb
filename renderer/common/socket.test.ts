import type { Socket } from 'socket.io-client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Result } from '../../shared/protocol/envelope'
import type {
  ConsoleClientEvents,
  ConsoleServerEvents,
  DeputyClientEvents,
  DeputyServerEvents,
} from '../../shared/protocol/events'
import type { BallotId, DeputyId, VoteId } from '../../shared/protocol/ids'
import type { ConsoleDeputyView } from '../../shared/protocol/views'
import type { BallotReceipt } from '../../shared/protocol/vote.schema'
import { request } from './socket'

/**
 * The pages' requests, checked by `tsc -p .` (npm run typecheck): the event's name gives its
 * input and its answer, on the namespace's own socket; each `@ts-expect-error` is a mistake that
 * must not compile. The function holding them is never called.
 */

declare const tablet: Socket<DeputyServerEvents, DeputyClientEvents>
declare const staff: Socket<ConsoleServerEvents, ConsoleClientEvents>
/** Ids as the pages hold them: from the views, each with its brand (shared/protocol/ids.ts). */
declare const voteId: VoteId
declare const ballotId: BallotId
declare const deputyId: DeputyId
declare const deputy: ConsoleDeputyView

async function requestsThatDoNotCompile() {
  const receipt = await request(tablet, 'ballot:submit', { voteId, ballotId, marks: {} })
  expectTypeOf(receipt).toEqualTypeOf<Result<BallotReceipt>>()
  const reissued = await request(staff, 'deputy:reissue', { deputyId })
  expectTypeOf(reissued).toEqualTypeOf<Result<{ credential: string }>>()
  // @ts-expect-error a tablet has no console events
  await request(tablet, 'vote:open', { voteId })
  // @ts-expect-error a ballot carries its id
  await request(tablet, 'ballot:submit', { voteId, marks: {} })
  // Ids cannot mix: each of these passes one kind of id where another is expected.
  await request(staff, 'vote:open', { voteId })
  // @ts-expect-error a deputy's id is no vote's id
  await request(staff, 'vote:open', { voteId: deputy.id })
  // @ts-expect-error nor is a ballot's
  await request(tablet, 'ballot:submit', { voteId: ballotId, ballotId, marks: {} })
  // @ts-expect-error the vote and the ballot swapped
  await request(tablet, 'ballot:submit', { voteId: ballotId, ballotId: voteId, marks: {} })
  await request(staff, 'vote:paper', { voteId, deputyId: deputy.id, marks: {} })
  // @ts-expect-error the deputy and the vote swapped
  await request(staff, 'vote:paper', { voteId: deputy.id, deputyId: voteId, marks: {} })
  // @ts-expect-error an id typed in is a plain string until a schema or the host brands it
  await request(staff, 'attendance:confirm', { deputyId: 'D001' })
  // @ts-expect-error a new card's answer is its credential, not the deputy's id
  if (reissued.ok) void reissued.data.deputyId
}

describe('typed requests from the pages', () => {
  it('holds its wrong requests to the type check (npm run typecheck)', () => {
    expect(typeof requestsThatDoNotCompile).toBe('function')
  })
})
