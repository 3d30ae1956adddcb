import type { Socket as ServerSocket } from 'socket.io'
import type { Socket } from 'socket.io-client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Result } from '../../../shared/protocol/envelope'
import type { ConsoleClientEvents, DeputyClientEvents } from '../../../shared/protocol/events'
import type { BallotReceipt } from '../../../shared/protocol/vote.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, callRaw } from '../testing/host-harness'
import type { Handlers } from './handle'
import { registerHandlers } from './handle'
import type { BallotId, VoteId } from '../../../shared/protocol/ids'

/**
 * The wire's types, checked by `tsc -p .` (npm run typecheck): each `@ts-expect-error` below is
 * a mistake that must not compile, and the check fails if one ever does. The functions holding
 * them are never called; the test only proves they exist.
 */

declare const consoleSocket: ServerSocket<ConsoleClientEvents>
declare const deputySocket: ServerSocket<DeputyClientEvents>
declare const client: Socket
const log = (_line: string) => undefined

/** A host-side handler map answers exactly what each event's caller expects. */
function handlersThatDoNotCompile() {
  registerHandlers(
    deputySocket,
    {
      // @ts-expect-error a ballot is answered with its receipt, not a count
      'ballot:submit': async () => ({ counted: 1 }),
    },
    log,
  )
  const reissue: Handlers<ConsoleClientEvents>['deputy:reissue'] = async () => ({
    credential: 'C-new',
  })
  // @ts-expect-error a new card's answer is its credential, not the deputy's id
  const wrongReissue: Handlers<ConsoleClientEvents>['deputy:reissue'] = async () => ({
    deputyId: 'D001',
  })
  // @ts-expect-error every event of the namespace has its handler: screen:show is missing
  const missing: Handlers<Pick<ConsoleClientEvents, 'vote:close' | 'screen:show'>> = {
    'vote:close': async () => null,
  }
  registerHandlers(
    deputySocket,
    {
      'ballot:submit': async () => ({ voteId: 'V1' as VoteId, ballotId: 'b-1' as BallotId }),
      // @ts-expect-error no handler for an event the namespace does not have
      'vote:open': async () => null,
    },
    log,
  )
  return [reissue, wrongReissue, missing, consoleSocket]
}

/** The tests' requests take the event's input and give its answer, named by the event alone. */
async function callsThatDoNotCompile() {
  const created = await call(client, 'vote:create', {
    title: '票决',
    rules: defaultRules('select', 1),
    candidateIds: ['P01'],
  })
  expectTypeOf(created).toEqualTypeOf<Result<{ voteId: VoteId }>>()
  expectTypeOf(
    await call(client, 'ballot:submit', { voteId: 'V1', ballotId: 'b', marks: {} }),
  ).toEqualTypeOf<Result<BallotReceipt>>()
  // @ts-expect-error vote:open names a vote, not a meeting
  await call(client, 'vote:open', { meetingId: 'M1' })
  // @ts-expect-error a mark is one of the protocol's marks
  await call(client, 'ballot:submit', { voteId: 'V1', ballotId: 'b', marks: { P01: 'yes' } })
  // @ts-expect-error no such event
  await call(client, 'vote:explode', {})
  if (created.ok) {
    // @ts-expect-error vote:create answers the new vote's id, nothing else
    void created.data.meetingId
  }
  // What no page sends goes through the untyped door, and its answer is unknown.
  expectTypeOf(await callRaw(client, 'vote:explode', 42)).toEqualTypeOf<Result<unknown>>()
}

describe('typed answers across the wire', () => {
  it('holds its wrong handlers and calls to the type check (npm run typecheck)', () => {
    expect(typeof handlersThatDoNotCompile).toBe('function')
    expect(typeof callsThatDoNotCompile).toBe('function')
  })
})
