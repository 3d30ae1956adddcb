import { createHash } from 'node:crypto'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { errorCodes } from '../../shared/protocol/envelope'
import type { Result } from '../../shared/protocol/envelope'
import type { ConsoleClientEvents, DeputyClientEvents } from '../../shared/protocol/events'
import { call, HostHarness } from './testing/host-harness'

/**
 * Thousands of random and malformed messages to every handler of every namespace of a real host:
 * the host stays up, the state and every data file are unchanged, and every reply is a typed
 * error. The event lists are checked against the protocol's event maps at compile time, so a new
 * event cannot be added without being fuzzed.
 */

const consoleEvents = [
  'meeting:load-demo',
  'meeting:create',
  'meeting:open',
  'meeting:rename',
  'meeting:update',
  'meeting:duplicate',
  'meeting:delete',
  'vote:create',
  'vote:open',
  'vote:close',
  'vote:publish',
  'vote:update',
  'vote:remove',
  'roster:confirm',
  'projects:confirm',
  'deputy:add',
  'deputy:update',
  'deputy:remove',
  'deputy:reissue',
  'project:add',
  'project:update',
  'project:remove',
  'projects:reorder',
  'roster:reissue-all',
  'audit:list',
  'attendance:set',
  'attendance:confirm',
  'meeting:set-quorum',
  'vote:remind',
  'vote:paper',
  'vote:annul',
  'vote:acknowledge-box',
  'vote:runoff',
  'vote:revote',
  'screen:show',
  'year:view',
  'year:project-update',
  'year:progress-add',
  'year:progress-edit',
  'year:previous',
  'year:rating-create',
  'year:progress-import',
  'proposals:confirm',
  'proposals:group',
  'proposals:ungroup',
  'scrutineers:set',
  'scrutineers:approve',
  'paper:start',
  'paper:tallies',
  'paper:begin',
  'paper:entry',
  'paper:type',
  'paper:finish',
  'paper:resolve',
  'paper:move',
  'duty:view',
  'duty:deputy',
  'duty:join',
  'duty:separate',
  'duty:confirm',
  'duty:points-rule',
] as const satisfies readonly (keyof ConsoleClientEvents)[]
const deputyEvents = [
  'ballot:submit',
  'vote:details',
] as const satisfies readonly (keyof DeputyClientEvents)[]

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>
const consoleComplete: Missing<keyof ConsoleClientEvents, (typeof consoleEvents)[number]> = true
const deputyComplete: Missing<keyof DeputyClientEvents, (typeof deputyEvents)[number]> = true

/** Read-only requests may succeed; everything else must fail on a malformed payload. */
const readOnly = new Set<string>(['audit:list', 'year:view', 'year:previous', 'duty:view'])

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string) => {
    for (const name of await readdir(d)) {
      const path = join(d, name)
      if ((await stat(path)).isDirectory()) await walk(path)
      else
        out[path] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
    }
  }
  await walk(dir)
  return out
}

/** Valid-looking payloads with one field wrong, and plain garbage of every JSON shape. */
/**
 * Near-valid bases never carry a real id: `{ voteId }` alone would be a valid close, and a fuzzer
 * that sends valid requests is testing something else.
 */
function payload() {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.string({ maxLength: 5 }),
    fc.string({ minLength: 300, maxLength: 3000 }),
    fc.constant('__proto__'),
    fc.array(fc.anything(), { maxLength: 5 }),
    fc.object({ maxDepth: 3 }),
    fc.constant({ __proto__: { polluted: true } }),
    fc.constant({ constructor: { prototype: { polluted: true } } }),
  )
  const nearValid = fc
    .record({
      base: fc.constantFrom<Record<string, unknown>>(
        { voteId: 'V-missing' },
        { deputyId: 'D-missing' },
        { projectId: 'P-missing' },
        { meetingId: 'M-missing' },
        { previewId: 'no-such-preview' },
        { voteId: 'V-missing', ballotId: 'fuzz ballot', marks: { P01: 'maybe' } },
        { voteId: 'V-missing', ballotId: 'x', marks: {} },
        { title: '', rules: { kind: 'select', seats: -1 }, candidateIds: [] },
        { ids: ['P01', 'P01'] },
        { name: '', delegation: '', seat: '' },
        { id: '', title: '' },
        { limit: 0 },
      ),
      key: fc.string({ maxLength: 12 }),
      value: wrong,
    })
    .map(({ base, key, value }) => {
      const keys = Object.keys(base)
      const field = keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length] : key
      return { ...base, [field ?? key]: value }
    })
  return fc.oneof(fc.anything({ maxDepth: 3 }), wrong, nearValid)
}

function isTypedError(reply: Result<unknown>): boolean {
  return (
    reply.ok === false &&
    (errorCodes as readonly string[]).includes(reply.error.code) &&
    (reply.error.detail === undefined || typeof reply.error.detail === 'string')
  )
}

describe('fuzz: every handler of every namespace', () => {
  it('stays up, changes nothing, and answers every malformed message with a typed error', async () => {
    expect([consoleComplete, deputyComplete]).toEqual([true, true])
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 12)
    const [d1] = h.host.session.meeting.data.deputies
    if (!d1) throw new Error('demo has deputies')
    await call(staff, 'vote:open', { voteId })
    // Opening a credential checks the deputy in: do it before the snapshot, it is not the fuzz.
    ;(await h.deputy(d1.credential)).socket.disconnect()

    const stateBefore = JSON.stringify(h.host.session.meeting.data)
    const filesBefore = await fingerprint(h.dataDir)

    // Each connection is fresh before its rate limit bites, so the handlers themselves are hit.
    let sent = 0
    let socket: Socket | null = null
    let role: 'console' | 'deputy' | 'screen' = 'console'
    const connectionFor = async (next: typeof role) => {
      if (socket && role === next && sent % 15 !== 0) return socket
      socket?.disconnect()
      role = next
      if (next === 'console') socket = await h.staff()
      else if (next === 'deputy') socket = (await h.deputy(d1.credential)).socket
      else socket = h.connect('/screen')
      return socket
    }

    const events = [
      ...consoleEvents.map((e) => ['console', e] as const),
      ...deputyEvents.map((e) => ['deputy', e] as const),
      ...[...consoleEvents, ...deputyEvents].map((e) => ['screen', e] as const),
      ['deputy', 'vote:open'] as const,
      ['deputy', 'meeting:load-demo'] as const,
      ['console', 'ballot:submit'] as const,
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...events),
        payload(),
        fc.boolean(),
        async ([ns, event], input, extraArgs) => {
          const s = await connectionFor(ns)
          sent += 1
          const reply = (await (extraArgs
            ? s.timeout(5000).emitWithAck(event, input, 'extra', 42)
            : s.timeout(5000).emitWithAck(event, input))) as Result<unknown>
          if (readOnly.has(event) && ns === 'console' && reply.ok) return
          expect(isTypedError(reply), `${ns} ${event} ${JSON.stringify(input)}`).toBe(true)
        },
      ),
      { numRuns: 2500, seed: 20271123 },
    )
    // Messages without an acknowledgement, and binary ones, are dropped without effect.
    const s = await connectionFor('console')
    for (const event of consoleEvents) {
      s.emit(event, { voteId })
      s.emit(event, Buffer.from([0, 1, 2, 3]), () => undefined)
    }

    await call(s, 'audit:list', { limit: 1 })

    // The host is still up for everyone, and nothing changed anywhere.
    const again = await h.staff()
    expect((await call(again, 'audit:list', { limit: 1 })).ok).toBe(true)
    expect(JSON.stringify(h.host.session.meeting.data)).toBe(stateBefore)
    expect(await fingerprint(h.dataDir)).toEqual(filesBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 180_000)
})
