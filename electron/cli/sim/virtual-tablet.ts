import { randomBytes } from 'node:crypto'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../../shared/protocol/envelope'
import type { DeputyState } from '../../../shared/protocol/views'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'

export interface VirtualTabletOptions {
  url: string
  credential: string
  /** Chooses this tablet's marks for the vote it is shown. */
  choose: (vote: NonNullable<DeputyState['vote']>) => Record<string, Mark>
  /** Milliseconds to wait, after the vote appears, before the first send. */
  delayMs: number
  /** Resend an acknowledged ballot if the host says it has none (the real tablet does). */
  resendAfterAck: boolean
}

/**
 * A deputy's tablet as the real page behaves: it makes its ballot and id once, sends it, and
 * after any reconnect resends it until acknowledged. Used by the simulator and the benchmarks.
 */
export class VirtualTablet {
  readonly socket: Socket
  ballot: { voteId: string; ballotId: string; marks: Record<string, Mark> } | null = null
  acked = false
  ackLatencies: number[] = []
  sends = 0
  refusals: string[] = []
  #timer: NodeJS.Timeout | null = null
  readonly #options: VirtualTabletOptions

  constructor(options: VirtualTabletOptions) {
    this.#options = options
    this.socket = io(`${options.url}/deputy`, {
      auth: { credential: options.credential },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 1000,
      randomizationFactor: 0.5,
    })
    this.socket.on('deputy:state', (state: DeputyState) => this.#onState(state))
  }

  #onState(state: DeputyState): void {
    const vote = state.vote
    if (!vote) return
    if (!this.ballot || this.ballot.voteId !== vote.id) {
      this.ballot = {
        voteId: vote.id,
        ballotId: randomBytes(16).toString('hex'),
        marks: this.#options.choose(vote),
      }
      this.acked = false
      this.#timer = setTimeout(() => void this.send(), this.#options.delayMs)
      return
    }
    if (this.#timer) return
    if (!this.acked || (this.#options.resendAfterAck && !state.voted)) void this.send()
  }

  async send(): Promise<void> {
    this.#timer = null
    const ballot = this.ballot
    if (!ballot || !this.socket.connected) return
    this.sends += 1
    const started = performance.now()
    try {
      const result = (await this.socket
        .timeout(10_000)
        .emitWithAck('ballot:submit', ballot)) as Result<unknown>
      if (result.ok) {
        if (!this.acked) this.ackLatencies.push(performance.now() - started)
        this.acked = true
      } else {
        this.refusals.push(result.error.code)
      }
    } catch {
      // Timed out or the connection dropped: the next (re)connect resends.
    }
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.socket.disconnect()
  }
}

/** A random valid select ballot: up to `seats` distinct candidates. */
export function randomSelectMarks(
  vote: NonNullable<DeputyState['vote']>,
  random = Math.random,
): Record<string, Mark> {
  const ids = vote.candidates.map((c) => c.id)
  const k = Math.floor(random() * ((vote.seats ?? ids.length) + 1))
  const marks: Record<string, Mark> = {}
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j] as string, ids[i] as string]
  }
  for (const id of ids.slice(0, k)) marks[id] = 'for'
  return marks
}
