import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Result } from '../shared/protocol/envelope'
import type { ConsoleState } from '../shared/protocol/views'
import type { Mark, VoteRulesInput } from '../shared/protocol/vote-rules.schema'

/**
 * Drives a real host through its console and deputy sockets from the test process: faster than
 * clicking, and the same requests the console and the tablets send.
 */
export class HallDriver {
  readonly staff: Socket
  readonly deputies: Socket[] = []
  #state: ConsoleState | null = null
  readonly #base: string

  constructor(base: string, staffToken: string) {
    this.#base = base
    this.staff = io(`${base}/console`, {
      auth: { token: staffToken },
      transports: ['websocket'],
      forceNew: true,
    })
    this.staff.on('console:state', (s: ConsoleState) => {
      this.#state = s
    })
  }

  get state(): ConsoleState {
    if (!this.#state) throw new Error('no console state yet')
    return this.#state
  }

  async call<T = unknown>(event: string, input: unknown): Promise<T> {
    const result = (await this.staff.timeout(10_000).emitWithAck(event, input)) as Result<T>
    if (!result.ok) throw new Error(`${event}: ${JSON.stringify(result.error)}`)
    return result.data
  }

  /** Tablets for deputies: connecting with a credential is 报到. */
  async checkIn(credentials: string[]): Promise<void> {
    await Promise.all(
      credentials.map(
        (credential) =>
          new Promise<void>((resolve, reject) => {
            const s = io(`${this.#base}/deputy`, {
              auth: { credential },
              transports: ['websocket'],
              forceNew: true,
            })
            s.once('deputy:state', () => resolve())
            s.once('connect_error', reject)
            this.deputies.push(s)
          }),
      ),
    )
  }

  async createVote(title: string, rules: VoteRulesInput, candidateIds: string[]): Promise<string> {
    const { voteId } = await this.call<{ voteId: string }>('vote:create', {
      title,
      rules,
      candidateIds,
    })
    return voteId
  }

  /** Casts one ballot per entry from tablets `from`, `from + 1`, …; waits for every receipt. */
  async cast(voteId: string, ballots: Record<string, Mark>[], from = 0): Promise<void> {
    if (from + ballots.length > this.deputies.length) throw new Error('more ballots than tablets')
    const batch = 40
    for (let start = 0; start < ballots.length; start += batch) {
      await Promise.all(
        ballots.slice(start, start + batch).map(async (marks, j) => {
          const i = from + start + j
          const socket = this.deputies[i]
          if (!socket) throw new Error(`no tablet ${i}`)
          const result = (await socket.timeout(20_000).emitWithAck('ballot:submit', {
            voteId,
            ballotId: `e2e-${voteId}-${i}`.slice(0, 64),
            marks,
          })) as Result<unknown>
          if (!result.ok) throw new Error(`ballot ${i}: ${JSON.stringify(result.error)}`)
        }),
      )
    }
  }

  /** Open, cast, close, publish: a whole vote. */
  async runVote(voteId: string, ballots: Record<string, Mark>[]): Promise<void> {
    await this.call('vote:open', { voteId })
    await this.cast(voteId, ballots)
    await this.call('vote:close', { voteId })
    await this.call('vote:publish', { voteId })
  }

  close(): void {
    for (const s of this.deputies) s.disconnect()
    this.staff.disconnect()
  }
}

/**
 * Ballots giving candidate c exactly targets[c] `for` marks, spread round-robin so that no
 * ballot marks more than ceil(Σtargets / voters) candidates.
 */
export function ballotsFor(
  ids: string[],
  targets: number[],
  voters: number,
  mark: (c: number) => Mark = () => 'for',
): Record<string, Mark>[] {
  const ballots: Record<string, Mark>[] = Array.from({ length: voters }, () => ({}))
  let p = 0
  ids.forEach((id, c) => {
    for (let k = 0; k < (targets[c] ?? 0); k++) {
      const ballot = ballots[(p + k) % voters]
      if (ballot) ballot[id] = mark(c)
    }
    p = (p + (targets[c] ?? 0)) % voters
  })
  return ballots
}

/** Per-candidate [for, against] counts; the rest of the voters abstain. Every item marked. */
export function markedBallots(ids: string[], rows: [number, number][], voters: number) {
  const ballots: Record<string, Mark>[] = Array.from({ length: voters }, () => ({}))
  ids.forEach((id, c) => {
    const [yes, no] = rows[c] ?? [0, 0]
    for (let k = 0; k < voters; k++) {
      const ballot = ballots[(k + c * 37) % voters]
      if (ballot) ballot[id] = k < yes ? 'for' : k < yes + no ? 'against' : 'abstain'
    }
  })
  return ballots
}
