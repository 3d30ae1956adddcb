import type { Socket } from 'socket.io-client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Result } from '../../shared/protocol/envelope'
import type {
  ConsoleClientEvents,
  ConsoleServerEvents,
  DeputyClientEvents,
  DeputyServerEvents,
} from '../../shared/protocol/events'
import type { BallotReceipt } from '../../shared/protocol/vote.schema'
import { request } from './socket'

/**
 * The pages' requests, checked by `tsc -p .` (npm run typecheck): the event's name gives its
 * input and its answer, on the namespace's own socket; each `@ts-expect-error` is a mistake that
 * must not compile. The function holding them is never called.
 */

declare const tablet: Socket<DeputyServerEvents, DeputyClientEvents>
declare const staff: Socket<ConsoleServerEvents, ConsoleClientEvents>

async function requestsThatDoNotCompile() {
  const receipt = await request(tablet, 'ballot:submit', { voteId: 'V1', ballotId: 'b', marks: {} })
  expectTypeOf(receipt).toEqualTypeOf<Result<BallotReceipt>>()
  const reissued = await request(staff, 'deputy:reissue', { deputyId: 'D001' })
  expectTypeOf(reissued).toEqualTypeOf<Result<{ credential: string }>>()
  // @ts-expect-error a tablet has no console events
  await request(tablet, 'vote:open', { voteId: 'V1' })
  // @ts-expect-error a ballot carries its id
  await request(tablet, 'ballot:submit', { voteId: 'V1', marks: {} })
  // @ts-expect-error a new card's answer is its credential, not the deputy's id
  if (reissued.ok) void reissued.data.deputyId
}

describe('typed requests from the pages', () => {
  it('holds its wrong requests to the type check (npm run typecheck)', () => {
    expect(typeof requestsThatDoNotCompile).toBe('function')
  })
})
