import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ConsoleState, ScreenState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import type { ResultCheck } from './compare'
import { checkResult } from './compare'
import type { DeputyCredential } from './credentials-file'
import type { RecoveryReport } from './recovery'
import { recoveryReport } from './recovery'
import type { LatencySummary } from './stats'
import { summarize } from './stats'
import type { ArrivalPlan } from './arrival'
import type {
  FleetHandle,
  FleetOptions,
  FleetRecords,
  FleetStatus,
  TabletRecord,
} from './tablet-fleet'
import { ForkedFleet, LocalFleet } from './tablet-fleet'
import type { BallotView } from './virtual-tablet'

export interface RehearsalOptions extends Omit<FleetOptions, 'deputies'> {
  deputies: readonly DeputyCredential[]
  /** With the staff token the vote's full rules are read from /console, so the whole result is compared. */
  staffToken?: string
  /** Tablets spread over this many processes of their own; 0 keeps them in this process. */
  processes?: number
}

export interface RehearsalReport {
  deputies: number
  voteId: string | null
  sent: number
  acked: number
  ack: LatencySummary
  /** Sends beyond the first (after a reconnect or a timeout). */
  resends: number
  reconnects: number
  timeouts: number
  refusals: Record<string, number>
  unauthorized: number
  /** From counts only: acknowledged ballots the host's result does not hold, and cast beyond sent. */
  lost: number
  duplicated: number
  result: ResultCheck | null
}

/**
 * A rehearsal of the hall: virtual tablets (real Socket.IO clients) log in, vote at random
 * within the window once a vote opens, and the host's published result is checked against
 * their own tally. The caller drives the steps, so the benchmark can time each one.
 *
 * The tablets run in fleets (tablet-fleet.ts): in this process, or spread over processes of
 * their own so that, as in the hall, no one event loop reads what thousands of tablets are sent
 * and the latencies measured are the host's, not the simulator's queue.
 */
export class Rehearsal {
  readonly deputies: number
  readonly screen: Socket
  screenState: ScreenState | null = null
  readonly #options: RehearsalOptions
  readonly #fleets: FleetHandle[]
  readonly #screenListeners = new Set<(s: ScreenState) => void>()

  constructor(options: RehearsalOptions) {
    this.#options = options
    this.deputies = options.deputies.length
    this.screen = io(`${options.url}/screen`, { transports: ['websocket'], forceNew: true })
    this.screen.on('screen:state', (s: ScreenState) => {
      this.screenState = s
      for (const listener of this.#screenListeners) listener(s)
    })
    const processes = Math.min(options.processes ?? 0, options.deputies.length)
    const { staffToken: _token, processes: _processes, ...fleet } = options
    this.#fleets =
      processes < 1
        ? [new LocalFleet(fleet)]
        : shares(options.deputies, processes).map(
            (deputies) => new ForkedFleet({ ...fleet, deputies }),
          )
  }

  #sum(count: (status: FleetStatus) => number): number {
    return this.#fleets.reduce((n, f) => n + count(f.status()), 0)
  }

  connected(): number {
    return this.#sum((s) => s.connected)
  }

  unauthorized(): number {
    return this.#sum((s) => s.unauthorized)
  }

  /** The vote the tablets were shown, once one is open. */
  openVoteId(): string | null {
    for (const f of this.#fleets) {
      const id = f.status().openVoteId
      if (id) return id
    }
    return null
  }

  acked(voteId: string): number {
    return this.#sum((s) => s.acked[voteId] ?? 0)
  }

  /** The tablets arrive and join as the plan says (a rehearsal made with joinLater). */
  arrive(plan: ArrivalPlan): void {
    for (const f of this.#fleets) f.arrive(plan)
  }

  /** Every tablet's record of this vote (its ballot, its arrival), in the deputies' order. */
  async tablets(voteId: string): Promise<TabletRecord[]> {
    return (await this.#records(voteId)).tablets
  }

  /** From `at` (epoch ms) on, counts the tablets that come back: connected and shown their state. */
  returnSince(at: number): void {
    for (const f of this.#fleets) f.returnSince(at)
  }

  /** How many are back since returnSince(), and when (epoch ms) the last of them was. */
  returned(): { count: number; lastAt: number } {
    const statuses = this.#fleets.map((f) => f.status())
    return {
      count: statuses.reduce((n, s) => n + s.back, 0),
      lastAt: Math.max(0, ...statuses.map((s) => s.backAt)),
    }
  }

  /** Resolves with the screen's published result for the vote (already there or when it comes). */
  publishedResult(voteId: string): Promise<VoteResult> {
    const found = (s: ScreenState | null) =>
      s?.vote?.id === voteId && s.vote.result ? s.vote.result : null
    const now = found(this.screenState)
    if (now) return Promise.resolve(now)
    return new Promise((resolve) => {
      const listener = (s: ScreenState) => {
        const result = found(s)
        if (!result) return
        this.#screenListeners.delete(listener)
        resolve(result)
      }
      this.#screenListeners.add(listener)
    })
  }

  async #records(voteId: string): Promise<FleetRecords> {
    const parts = await Promise.all(this.#fleets.map((f) => f.records(voteId)))
    return {
      tablets: parts.flatMap((p) => p.tablets),
      shown: parts.find((p) => p.shown)?.shown ?? null,
    }
  }

  async report(voteId: string | null, published: VoteResult | null): Promise<RehearsalReport> {
    const { tablets, shown } = voteId ? await this.#records(voteId) : { tablets: [], shown: null }
    const sentBallots = tablets.filter((t) => t.sends > 0)
    const ackedMarks = tablets.filter((t) => t.acked).map((t) => t.marks ?? {})
    const refusals: Record<string, number> = {}
    for (const code of tablets.flatMap((t) => t.refusals))
      refusals[code] = (refusals[code] ?? 0) + 1
    let result: ResultCheck | null = null
    let lost = 0
    let duplicated = 0
    if (voteId && published) {
      lost = Math.max(0, ackedMarks.length - published.counts.cast)
      duplicated = Math.max(0, published.counts.cast - sentBallots.length)
      const def = await this.#voteDef(voteId, shown)
      result = checkResult(published, def, ackedMarks, Boolean(this.#options.staffToken))
    }
    return {
      deputies: this.deputies,
      voteId,
      sent: sentBallots.length,
      acked: ackedMarks.length,
      ack: summarize(tablets.flatMap((t) => (t.ackLatency === null ? [] : [t.ackLatency]))),
      resends: tablets.reduce((n, t) => n + Math.max(0, t.sends - 1), 0),
      reconnects: tablets.reduce((n, t) => n + t.reconnects, 0),
      timeouts: tablets.reduce((n, t) => n + t.timeouts, 0),
      refusals,
      unauthorized: this.unauthorized(),
      lost,
      duplicated,
      result,
    }
  }

  /**
   * Each cut-off tablet's time to recover from `backAt` (epoch ms, the moment the air came
   * back, given to returnSince() then): see recovery.ts.
   */
  async recovery(
    voteId: string,
    backAt: number,
    wasCut: (lane: number) => boolean,
  ): Promise<RecoveryReport> {
    const { tablets } = await this.#records(voteId)
    const ids = this.#options.deputies.map((d) => d.id)
    return recoveryReport(tablets, ids, backAt, wasCut)
  }

  /** What was sent, per tablet: for the benchmark's ballot-by-ballot comparison. */
  async marks(
    voteId: string,
  ): Promise<{ acked: Record<string, Mark>[]; sent: Record<string, Mark>[] }> {
    const { tablets } = await this.#records(voteId)
    // A record counts sends only of this vote's ballot.
    const mine = tablets.filter((t) => t.sends > 0)
    return {
      acked: mine.filter((t) => t.acked).map((t) => t.marks ?? {}),
      sent: mine.map((t) => t.marks ?? {}),
    }
  }

  async close(): Promise<void> {
    this.screen.disconnect()
    await Promise.all(this.#fleets.map((f) => f.close()))
  }

  /** The vote's rules: from /console with the staff token, else what the tablets were shown. */
  async #voteDef(voteId: string, shown: BallotView | null) {
    const token = this.#options.staffToken
    if (token) {
      const state = await consoleStateOnce(this.#options.url, token)
      const vote = state.votes.find((v) => v.id === voteId)
      if (vote) return { title: vote.title, candidates: vote.candidates, rules: vote.rules }
    }
    if (!shown) throw new Error(`no tablet was shown vote ${voteId}`)
    return {
      title: shown.title,
      candidates: shown.candidates,
      rules: { ...defaultRules(shown.kind, shown.seats), maxFor: shown.maxFor },
    }
  }
}

/** `items` in `n` contiguous shares whose sizes differ by at most one. */
function shares<T>(items: readonly T[], n: number): T[][] {
  return Array.from({ length: n }, (_, i) =>
    items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)),
  )
}

export function consoleStateOnce(url: string, token: string): Promise<ConsoleState> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/console`, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    })
    const timer = setTimeout(() => {
      socket.disconnect()
      reject(new Error('console: no state within 10 s'))
    }, 10_000)
    socket.once('console:state', (state: ConsoleState) => {
      clearTimeout(timer)
      socket.disconnect()
      resolve(state)
    })
    socket.once('connect_error', (err) => {
      clearTimeout(timer)
      socket.disconnect()
      reject(new Error(`console: ${err.message}`))
    })
  })
}

/** Polls until `check` holds; `onTick` runs each round (progress bars). */
export async function until(
  check: () => boolean,
  timeoutMs: number,
  what: string,
  onTick: () => void = () => undefined,
  everyMs = 20,
): Promise<void> {
  const start = Date.now()
  while (!check()) {
    onTick()
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
  onTick()
}
