import { randomBytes } from 'node:crypto'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../../shared/protocol/envelope'
import type { DeputyHallView, DeputyState } from '../../../shared/protocol/views'
import { withHall } from '../../../shared/protocol/views'
import {
  dropSilentConnection,
  linkClientOptions,
  tabletLink,
} from '../../../shared/protocol/tablet-link'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import { epochNow } from './stats'

export type BallotView = NonNullable<DeputyState['vote']>

export interface VirtualTabletOptions {
  url: string
  credential: string
  /** Chooses this tablet's marks for the vote it is shown. */
  choose: (vote: BallotView) => Record<string, Mark>
  /** Milliseconds to wait, after the vote appears, before the first send. */
  delayMs: number
  /** Resend an acknowledged ballot if the host says it has none (the real tablet does). */
  resendAfterAck: boolean
  /** Connect only when join() is called (a tablet arriving later: arrival.ts). */
  joinLater?: boolean
}

/**
 * A deputy's tablet as the real page behaves: it makes its ballot and id once, sends it, and
 * after any reconnect resends it until acknowledged. Used by the simulator and the benchmarks.
 */
export class VirtualTablet {
  readonly socket: Socket
  ballot: { voteId: string; ballotId: string; marks: Record<string, Mark> } | null = null
  /** The vote as this tablet was shown it (the state drops it once the vote closes). */
  shown: BallotView | null = null
  acked = false
  /** This ballot's acknowledgement latency: of the first of its sends that was acknowledged (ms). */
  ackLatency: number | null = null
  sends = 0
  timeouts = 0
  reconnects = 0
  refusals: string[] = []
  /** Set when the host refused the handshake (a wrong or revoked credential). */
  unauthorized = false
  state: DeputyState | null = null
  /** When the last state arrived (epoch ms, comparable across processes): a reconnect counts once
   * the host speaks. */
  stateAt = 0
  /** When the host first sent this tablet its state: joined (epoch ms). */
  joinedAt: number | null = null
  #closed = false
  /** When this ballot was first sent, and first acknowledged (epoch ms). */
  sentAt: number | null = null
  ackedAt: number | null = null
  /** The first moment after watchFrom()'s that anything came from the host (epoch ms). */
  heardAfter: number | null = null
  #heardSince = Infinity
  #timer: NodeJS.Timeout | null = null
  /** The connection a send went out on; a new connection may resend, the same one waits. */
  #inFlightOn: string | null = null
  readonly #options: VirtualTabletOptions

  constructor(options: VirtualTabletOptions) {
    this.#options = options
    // The tablet page's own connection options (shared/protocol/tablet-link.ts).
    this.socket = io(`${options.url}/deputy`, {
      auth: { credential: options.credential },
      forceNew: true,
      autoConnect: !options.joinLater,
      ...linkClientOptions(),
    })
    this.socket.on('deputy:state', (state: DeputyState) => this.#onState(state))
    // As the tablet page: the hall message is merged into the state this tablet has; it shows a
    // new vote but is no cue to resend (only a connection's own state is).
    this.socket.on('deputy:hall', (hall: DeputyHallView) => {
      if (!this.state) return
      this.state = withHall(this.state, hall)
      // Shown the hall's news (a published result): counts as shown its state again, as only a
      // connected tablet can be.
      this.stateAt = epochNow()
      this.#showVote(this.state.vote)
    })
    this.socket.io.on('reconnect', () => (this.reconnects += 1))
    // Anything from the host, a heartbeat's ping too: the air carries this connection again.
    const heard = () => {
      if (this.heardAfter !== null) return
      const now = epochNow()
      if (now > this.#heardSince) this.heardAfter = now
    }
    this.socket.io.on('packet', heard)
    this.socket.io.on('ping', heard)
    this.socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        this.unauthorized = true
        this.socket.disconnect()
      }
    })
  }

  /** From `at` (epoch ms) on, notes when the host is first heard again (heardAfter). */
  watchFrom(at: number): void {
    this.#heardSince = at
    this.heardAfter = null
  }

  /** Connects a tablet made with joinLater (once; never after close). */
  join(): void {
    if (!this.#closed && !this.socket.active) this.socket.connect()
  }

  #onState(state: DeputyState): void {
    this.state = state
    this.stateAt = epochNow()
    this.joinedAt ??= this.stateAt
    if (!state.vote || this.#showVote(state.vote) || this.#timer) return
    if (!this.acked || (this.#options.resendAfterAck && !state.voted)) void this.send()
  }

  /** A vote this tablet has not seen: its deputy votes after the delay. */
  #showVote(vote: BallotView | null): boolean {
    if (!vote || this.shown?.id === vote.id) return false
    this.shown = vote
    this.ballot = null
    this.acked = false
    this.ackLatency = null
    this.sentAt = null
    this.ackedAt = null
    this.#timer = setTimeout(() => void this.send(), this.#options.delayMs)
    return true
  }

  async send(): Promise<void> {
    this.#timer = null
    // Made once, at the first send, as the tablet page makes it when the deputy submits (and
    // not as thousands of tablets are shown the vote at once: the simulator's own work).
    if (!this.ballot && this.shown)
      this.ballot = {
        voteId: this.shown.id,
        ballotId: randomBytes(16).toString('hex'),
        marks: this.#options.choose(this.shown),
      }
    const ballot = this.ballot
    const connection = this.socket.id ?? null
    if (!ballot || !this.socket.connected || this.#inFlightOn === connection) return
    this.#inFlightOn = connection
    this.sends += 1
    this.sentAt ??= epochNow()
    const started = performance.now()
    try {
      const result = (await this.socket
        .timeout(tabletLink.ballotAckMs)
        .emitWithAck('ballot:submit', ballot)) as Result<unknown>
      if (result.ok) {
        if (!this.acked) {
          this.ackLatency = performance.now() - started
          this.ackedAt = epochNow()
        }
        this.acked = true
      } else {
        this.refusals.push(result.error.code)
      }
    } catch {
      // Timed out or the connection dropped: the next (re)connect resends. A silent connection
      // is dropped for a fresh one, as the tablet page does (use-deputy.ts).
      this.timeouts += 1
      if (this.socket.id === connection) dropSilentConnection(this.socket)
    } finally {
      if (this.#inFlightOn === connection) this.#inFlightOn = null
    }
  }

  close(): void {
    this.#closed = true
    if (this.#timer) clearTimeout(this.#timer)
    this.socket.disconnect()
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** A random valid select ballot: up to `seats` distinct candidates. */
export function randomSelectMarks(vote: BallotView, random = Math.random): Record<string, Mark> {
  const ids = vote.candidates.map((c) => c.id)
  const k = Math.floor(random() * ((vote.seats ?? ids.length) + 1))
  const marks: Record<string, Mark> = {}
  for (const id of shuffled(ids, random).slice(0, k)) marks[id] = 'for'
  return marks
}

/**
 * A random ballot the tablet UI could send for any kind: select within seats; per-item, motion
 * and rating with every item marked (the tablet asks for each), per-item within maxFor.
 */
export function randomMarks(vote: BallotView, random = Math.random): Record<string, Mark> {
  if (vote.kind === 'select') return randomSelectMarks(vote, random)
  const choices: readonly Mark[] =
    vote.kind === 'rating'
      ? ['satisfied', 'basic', 'unsatisfied', 'abstain']
      : ['for', 'against', 'abstain']
  const marks: Record<string, Mark> = {}
  let forLeft = vote.kind === 'per-item' && vote.maxFor !== null ? vote.maxFor : Infinity
  for (const c of shuffled(vote.candidates, random)) {
    let mark = choices[Math.floor(random() * choices.length)] ?? 'abstain'
    if (mark === 'for' && forLeft <= 0) mark = 'against'
    if (mark === 'for') forLeft -= 1
    marks[c.id] = mark
  }
  return marks
}
