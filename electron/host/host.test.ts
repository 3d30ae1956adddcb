import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Result } from '../../shared/protocol/envelope'
import type { ConsoleState, DeputyState, ScreenState } from '../../shared/protocol/views'
import { defaultRules } from '../../shared/protocol/vote-rules.schema'
import { createHost } from '.'
import type { HostHandle } from '.'

let dataDir: string
let host: HostHandle
const sockets: Socket[] = []

function connect(nsp: string, auth: Record<string, string> = {}): Socket {
  const socket = io(`http://127.0.0.1:${host.port}${nsp}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  })
  sockets.push(socket)
  return socket
}

function call<T>(socket: Socket, event: string, input?: unknown): Promise<Result<T>> {
  return socket.timeout(5000).emitWithAck(event, input) as Promise<Result<T>>
}

function next<T>(
  socket: Socket,
  event: string,
  until: (value: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (value: T) => {
      if (!until(value)) return
      socket.off(event, listener)
      resolve(value)
    }
    socket.on(event, listener)
  })
}

async function start() {
  host = await createHost({ dataDir, port: 0, host: '127.0.0.1', log: () => undefined })
}

async function staff() {
  const socket = connect('/console', { token: host.staffToken })
  await next<ConsoleState>(socket, 'console:state')
  return socket
}

async function deputy(credential: string) {
  const socket = connect('/deputy', { credential })
  const state = await next<DeputyState>(socket, 'deputy:state')
  return { socket, state }
}

async function demoWithOpenVote(consoleSocket: Socket) {
  expect((await call(consoleSocket, 'meeting:load-demo', {})).ok).toBe(true)
  const projects = host.session.meeting.data.projects.map((p) => p.id)
  const created = await call<{ voteId: string }>(consoleSocket, 'vote:create', {
    title: '2027年度民生实事项目票决',
    rules: defaultRules('select', 10),
    candidateIds: projects,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.data.voteId
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plenary-host-'))
  await start()
})

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await host.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('host', () => {
  it('refuses a console without the staff token and a deputy without a credential', async () => {
    const bad = connect('/console', { token: 'guess' })
    await expect(next<Error>(bad, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })
    const nobody = connect('/deputy', { credential: 'AAAAAAAAAAAAAAAAAAAAAA' })
    await expect(next<Error>(nobody, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })
  })

  it('runs a vote: ballots stored once, resends recognised, a second ballot refused', async () => {
    const consoleSocket = await staff()
    const voteId = await demoWithOpenVote(consoleSocket)
    const [d1, d2] = host.session.meeting.data.deputies
    if (!d1 || !d2) throw new Error('demo has deputies')
    const t1 = await deputy(d1.credential)
    const t2 = await deputy(d2.credential)
    expect(t1.state.me.name).toBe(d1.name)
    const opening = next<DeputyState>(t1.socket, 'deputy:state', (s) => s.vote !== null)
    expect((await call(consoleSocket, 'vote:open', { voteId })).ok).toBe(true)
    const opened = await opening
    expect(opened.vote?.candidates).toHaveLength(13)

    const ballot = { voteId, ballotId: 'ballot-one-0001', marks: { P01: 'for', P02: 'for' } }
    const first = await call(t1.socket, 'ballot:submit', ballot)
    const again = await call(t1.socket, 'ballot:submit', ballot)
    expect(first).toEqual({ ok: true, data: { voteId, ballotId: 'ballot-one-0001' } })
    expect(again).toEqual(first)
    const other = await call(t1.socket, 'ballot:submit', { ...ballot, ballotId: 'ballot-two-0002' })
    expect(other).toEqual({ ok: false, error: { code: 'already-voted' } })

    const overVote = Object.fromEntries(
      host.session.meeting.data.projects.slice(0, 11).map((p) => [p.id, 'for']),
    )
    const forged = await call(t2.socket, 'ballot:submit', {
      voteId,
      ballotId: 'forged-000001',
      marks: overVote,
    })
    expect(forged.ok).toBe(false)
    expect(
      await call(t2.socket, 'ballot:submit', { voteId, ballotId: 'x', marks: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(await call(t2.socket, 'vote:close', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    })
    const ok2 = await call(t2.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-three-03',
      marks: { P02: 'for' },
    })
    expect(ok2.ok).toBe(true)

    expect((await call(consoleSocket, 'vote:close', { voteId })).ok).toBe(true)
    const vote = host.session.meeting.data.votes.find((v) => v.id === voteId)
    expect(vote?.result?.counts).toMatchObject({
      roster: 327,
      present: 2,
      issued: 2,
      cast: 2,
      valid: 2,
    })
    expect(vote?.result?.items.slice(0, 2)).toMatchObject([
      { id: 'P02', for: 2, rank: 1 },
      { id: 'P01', for: 1, rank: 2 },
    ])
    const late = await call(t2.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-late-001',
      marks: {},
    })
    expect(late).toMatchObject({ ok: false, error: { code: 'vote-not-open' } })
  })

  it('keeps the screen read-only and shows results only once published', async () => {
    const consoleSocket = await staff()
    const voteId = await demoWithOpenVote(consoleSocket)
    const screen = connect('/screen')
    await next<ScreenState>(screen, 'screen:state')
    expect(await call(screen, 'vote:open', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    })
    await call(consoleSocket, 'vote:open', { voteId })
    await call(consoleSocket, 'vote:close', { voteId })
    const closed = await next<ScreenState>(
      screen,
      'screen:state',
      (s) => s.vote?.status === 'closed',
    )
    expect(closed.vote?.result).toBeNull()
    await call(consoleSocket, 'vote:publish', { voteId })
    const published = await next<ScreenState>(
      screen,
      'screen:state',
      (s) => s.vote?.status === 'published',
    )
    expect(published.stage).toBe('results')
    expect(published.vote?.result?.format).toBe('plenary-vote.result/1')
  })

  it('a second tablet takes over a credential and the first is told', async () => {
    await staff()
    await host.meetings.loadDemo(20)
    const d = host.session.meeting.data.deputies[0]
    if (!d) throw new Error('demo has deputies')
    const first = await deputy(d.credential)
    const replaced = next<void>(first.socket, 'deputy:replaced')
    await deputy(d.credential)
    await expect(replaced).resolves.toBeUndefined()
  })

  it('stores ballots without linking them to deputies and survives a restart', async () => {
    const consoleSocket = await staff()
    const voteId = await demoWithOpenVote(consoleSocket)
    const deputies = host.session.meeting.data.deputies.slice(0, 6)
    const tablets = await Promise.all(deputies.map((d) => deputy(d.credential)))
    await call(consoleSocket, 'vote:open', { voteId })
    const marks = [
      { P03: 'for' },
      { P01: 'for' },
      { P03: 'for' },
      {},
      { P02: 'for', P01: 'for' },
      { P01: 'for', P02: 'for' },
    ]
    await Promise.all(
      tablets.map((t, i) =>
        call(t.socket, 'ballot:submit', {
          voteId,
          ballotId: `ballot-${i}-abcdef`,
          marks: marks[i],
        }),
      ),
    )
    const file = JSON.parse(await readFile(join(dataDir, 'ballots', `${voteId}.json`), 'utf8')) as {
      ballots: { count: number; marks: Record<string, string> }[]
      voted: string[]
    }
    // A multiset in canonical order, identical ballots merged; voters apart and sorted.
    expect(file.ballots).toEqual([
      { count: 2, marks: { P01: 'for', P02: 'for' } },
      { count: 1, marks: { P01: 'for' } },
      { count: 2, marks: { P03: 'for' } },
      { count: 1, marks: {} },
    ])
    expect(file.voted).toEqual(deputies.map((d) => d.id).sort())
    for (const entry of file.ballots) expect(JSON.stringify(entry)).not.toMatch(/D\d{3}|ballot-/)

    for (const s of sockets.splice(0)) s.disconnect()
    await host.close()
    await start()
    expect(host.session.openVote()?.id).toBe(voteId)
    expect(host.session.loadedBox(voteId)?.castCount).toBe(6)
    const again = await deputy(deputies[0]?.credential ?? '')
    expect(again.state.voted).toBe(true)
    const resend = await call(again.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-0-abcdef',
      marks: marks[0],
    })
    expect(resend.ok).toBe(true)
    expect(host.session.loadedBox(voteId)?.castCount).toBe(6)
    expect(await readdir(join(dataDir, 'ballots'))).toEqual([`${voteId}.json`])
  })
})
