import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import { onTestFinished } from 'vitest'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../../shared/protocol/envelope'
import type {
  AckData,
  ConsoleClientEvents,
  DeputyClientEvents,
  EventInput,
} from '../../../shared/protocol/events'
import type { ConsoleState, DeputyState } from '../../../shared/protocol/views'
import type { VoteCreateInput } from '../../../shared/protocol/vote.schema'
import type { MotionText } from '../../../shared/protocol/motion.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { createHost } from '..'
import type { HostHandle } from '..'
import type { z } from 'zod'
import type { VoteId } from '../../../shared/protocol/ids'

/**
 * Test support: a real host on a free loopback port with a temp data folder, and real
 * Socket.IO clients. Used by host tests only.
 */
export class HostHarness {
  dataDir = ''
  /** The open boxes' keys: beside the data folder, never in it, as on a hall laptop. */
  keyDir = ''
  host!: HostHandle
  readonly sockets: Socket[] = []
  /** Every line the host logged, so tests can check what logs never hold. */
  readonly logs: string[] = []

  /** The open meeting's folder (meeting.json, ballots/, archive/, audit.jsonl). */
  get meetingDir(): string {
    return this.host.session.dataDir
  }

  /**
   * Most host tests check in a handful of tablets of a large roster, so the first meeting runs
   * without a quorum (a rehearsal) unless `quorum` asks for the real default; quorum has its
   * own tests in attendance.test.ts (see quorumMeeting).
   */
  async setup(options: { quorum?: 'default' | 'none' } = {}): Promise<this> {
    this.dataDir = await mkdtemp(join(tmpdir(), 'plenary-host-'))
    this.keyDir = await mkdtemp(join(tmpdir(), 'plenary-keys-'))
    await this.start()
    if ((options.quorum ?? 'none') === 'none')
      await this.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
    return this
  }

  async start(): Promise<HostHandle> {
    this.host = await createHost({
      dataDir: this.dataDir,
      keyDir: this.keyDir,
      port: 0,
      host: '127.0.0.1',
      log: (line) => this.logs.push(line),
    })
    return this.host
  }

  async stop(): Promise<void> {
    for (const s of this.sockets.splice(0)) s.disconnect()
    await this.host.close()
  }

  async teardown(): Promise<void> {
    await this.stop()
    await rm(this.dataDir, { recursive: true, force: true })
    await rm(this.keyDir, { recursive: true, force: true })
  }

  connect(nsp: string, auth: Record<string, string> = {}): Socket {
    const socket = io(`http://127.0.0.1:${this.host.port}${nsp}`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    })
    this.sockets.push(socket)
    return socket
  }

  async staff(): Promise<Socket> {
    const socket = this.connect('/console', { token: this.host.staffToken })
    await next<ConsoleState>(socket, 'console:state')
    return socket
  }

  async deputy(credential: string): Promise<{ socket: Socket; state: DeputyState }> {
    const socket = this.connect('/deputy', { credential })
    const state = await next<DeputyState>(socket, 'deputy:state')
    return { socket, state }
  }

  /** Loads the demo and adds a 13选10 vote (not yet open). */
  async demoWithVote(consoleSocket: Socket, deputies?: number): Promise<VoteId> {
    if (deputies === undefined) {
      const loaded = await call(consoleSocket, 'meeting:load-demo', {})
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
    } else {
      await this.host.meetings.loadDemo(deputies)
    }
    return this.#createVote(consoleSocket, {
      title: '2027年度民生实事项目票决',
      rules: defaultRules('select', 10),
      candidateIds: this.host.session.meeting.data.projects.map((p) => p.id),
    })
  }

  /** Adds a draft vote under these rules on the first four projects (a motion on its text). */
  async addVote(consoleSocket: Socket, rules: VoteRules): Promise<VoteId> {
    if (rules.kind === 'motion') return this.#createVote(consoleSocket, motionVote(rules))
    const candidateIds = this.host.session.meeting.data.projects.map((p) => p.id).slice(0, 4)
    return this.#createVote(consoleSocket, { title: '测试表决', rules, candidateIds })
  }

  /** The audit log's entry types, oldest first. */
  /** An upload for an import preview, as the console sends it, with the staff token. */
  async upload<T>(kind: string, name: string, body: Buffer): Promise<{ status: number; body: T }> {
    const url = `http://127.0.0.1:${this.host.port}/api/import/${kind}?name=${encodeURIComponent(name)}`
    const res = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.host.staffToken}` },
      body: new Uint8Array(body),
    })
    return { status: res.status, body: (await res.json()) as T }
  }

  async auditTypes(): Promise<string[]> {
    return (await this.host.session.audit.entries()).map((e) => e.type)
  }

  async #createVote(consoleSocket: Socket, input: VoteCreateInput): Promise<VoteId> {
    const created = await call(consoleSocket, 'vote:create', input)
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    return created.data.voteId
  }
}

/** The text of the motion `motionVote` creates. */
export const testMotion: MotionText = {
  title: '关于2027年度民生实事项目的决议（草案）',
  docNumber: '青人大〔2027〕3号',
  summary: '会议决定，2027年度实施十项民生实事项目，由区人民政府组织实施。',
}

/** A 决议表决 as the console creates it: the motion's own text, no project. */
export function motionVote(rules: VoteRules = defaultRules('motion')): VoteCreateInput {
  return { title: '关于2027年度民生实事项目的决议', rules, motion: { ...testMotion } }
}

/**
 * A host with a demo meeting of `n` deputies under the default quorum (two-thirds of the roster)
 * and a staff console, torn down when the test ends.
 */
export async function quorumMeeting(n: number) {
  const h = await new HostHarness().setup({ quorum: 'default' })
  onTestFinished(() => h.teardown())
  const staff = await h.staff()
  await h.host.meetings.loadDemo(n)
  return { h, staff, deputies: h.host.session.meeting.data.deputies }
}

/** Every request a page may send, by name: the console's and the tablet's names never meet. */
type ClientEvents = ConsoleClientEvents & DeputyClientEvents
const namesApart: [Extract<keyof ConsoleClientEvents, keyof DeputyClientEvents>] extends [never]
  ? true
  : never = true
void namesApart

/**
 * A request's input as the wire carries it: its ids (shared/protocol/ids.ts) as plain strings,
 * so that a test may send an id no page holds (a vote that does not exist, another meeting's).
 */
export type AsSent<T> = T extends string & z.$brand
  ? string
  : T extends readonly (infer U)[]
    ? AsSent<U>[]
    : T extends object
      ? { [K in keyof T]: AsSent<T[K]> }
      : T

/**
 * Sends a request as a page would: the input and the answer's data are the event's own, so a
 * test cannot send what no page sends, nor read an answer the host does not give (ids aside:
 * AsSent).
 */
export function call<E extends keyof ClientEvents>(
  socket: Socket,
  event: E,
  input: AsSent<EventInput<ClientEvents[E]>>,
): Promise<Result<AckData<ClientEvents[E]>>> {
  return callRaw(socket, event, input) as Promise<Result<AckData<ClientEvents[E]>>>
}

/**
 * Sends anything under any name, untyped: for tests of what no page sends (malformed input, an
 * unknown event, a request to the wrong namespace).
 */
export function callRaw(socket: Socket, event: string, input?: unknown): Promise<Result<unknown>> {
  return socket.timeout(5000).emitWithAck(event, input) as Promise<Result<unknown>>
}

/** The next `event` for which `until` holds. Attach before the action that causes it. */
export function next<T>(
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
