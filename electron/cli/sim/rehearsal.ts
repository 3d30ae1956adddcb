import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { VoteResult } from '../../../shared/protocol/result.schema'
import type { ConsoleState, ScreenState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import type { ResultCheck } from './compare'
import { checkResult } from './compare'
import type { DeputyCredential } from './credentials-file'
import type { LatencySummary } from './stats'
import { summarize } from './stats'
import type { BallotView } from './virtual-tablet'
import { randomMarks, VirtualTablet } from './virtual-tablet'

export interface RehearsalOptions {
  url: string
  deputies: readonly DeputyCredential[]
  /** Each tablet sends at a uniformly random moment this long after it is shown the vote. */
  spreadS: number
  /** With the staff token the vote's full rules are read from /console, so the whole result is compared. */
  staffToken?: string
  random?: () => number
  reconnectionDelay?: number
  reconnectionDelayMax?: number
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
 */
export class Rehearsal {
  readonly tablets: VirtualTablet[]
  readonly screen: Socket
  screenState: ScreenState | null = null
  readonly #options: RehearsalOptions
  readonly #screenListeners = new Set<(s: ScreenState) => void>()

  constructor(options: RehearsalOptions) {
    this.#options = options
    const random = options.random ?? Math.random
    this.screen = io(`${options.url}/screen`, { transports: ['websocket'], forceNew: true })
    this.screen.on('screen:state', (s: ScreenState) => {
      this.screenState = s
      for (const listener of this.#screenListeners) listener(s)
    })
    this.tablets = options.deputies.map(
      (d) =>
        new VirtualTablet({
          url: options.url,
          credential: d.credential,
          choose: (vote: BallotView) => randomMarks(vote, random),
          delayMs: random() * options.spreadS * 1000,
          resendAfterAck: true,
          ...(options.reconnectionDelay !== undefined
            ? { reconnectionDelay: options.reconnectionDelay }
            : {}),
          ...(options.reconnectionDelayMax !== undefined
            ? { reconnectionDelayMax: options.reconnectionDelayMax }
            : {}),
        }),
    )
  }

  connected(): number {
    return this.tablets.filter((t) => t.socket.connected && t.state !== null).length
  }

  unauthorized(): number {
    return this.tablets.filter((t) => t.unauthorized).length
  }

  /** The vote the tablets were shown, once one is open. */
  openVoteId(): string | null {
    for (const t of this.tablets) if (t.state?.vote) return t.state.vote.id
    return null
  }

  acked(voteId: string): number {
    return this.tablets.filter((t) => t.acked && t.ballot?.voteId === voteId).length
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

  async report(voteId: string | null, published: VoteResult | null): Promise<RehearsalReport> {
    const mine = this.tablets.filter((t) => voteId && t.ballot?.voteId === voteId)
    const sentBallots = mine.filter((t) => t.sends > 0)
    const ackedMarks = mine.filter((t) => t.acked).map((t) => t.ballot?.marks ?? {})
    const refusals: Record<string, number> = {}
    for (const code of this.tablets.flatMap((t) => t.refusals))
      refusals[code] = (refusals[code] ?? 0) + 1
    let result: ResultCheck | null = null
    let lost = 0
    let duplicated = 0
    if (voteId && published) {
      lost = Math.max(0, ackedMarks.length - published.counts.cast)
      duplicated = Math.max(0, published.counts.cast - sentBallots.length)
      result = checkResult(published, await this.#voteDef(voteId), ackedMarks, this.#hasToken())
    }
    return {
      deputies: this.tablets.length,
      voteId,
      sent: sentBallots.length,
      acked: ackedMarks.length,
      ack: summarize(this.tablets.flatMap((t) => t.ackLatencies)),
      resends: this.tablets.reduce((n, t) => n + Math.max(0, t.sends - 1), 0),
      reconnects: this.tablets.reduce((n, t) => n + t.reconnects, 0),
      timeouts: this.tablets.reduce((n, t) => n + t.timeouts, 0),
      refusals,
      unauthorized: this.unauthorized(),
      lost,
      duplicated,
      result,
    }
  }

  /** What was sent, per tablet: for the benchmark's ballot-by-ballot comparison. */
  marks(voteId: string): { acked: Record<string, Mark>[]; sent: Record<string, Mark>[] } {
    const mine = this.tablets.filter((t) => t.ballot?.voteId === voteId && t.sends > 0)
    return {
      acked: mine.filter((t) => t.acked).map((t) => t.ballot?.marks ?? {}),
      sent: mine.map((t) => t.ballot?.marks ?? {}),
    }
  }

  close(): void {
    for (const t of this.tablets) t.close()
    this.screen.disconnect()
  }

  #hasToken(): boolean {
    return Boolean(this.#options.staffToken)
  }

  /** The vote's rules: from /console with the staff token, else what the tablets were shown. */
  async #voteDef(voteId: string) {
    const token = this.#options.staffToken
    if (token) {
      const state = await consoleStateOnce(this.#options.url, token)
      const vote = state.votes.find((v) => v.id === voteId)
      if (vote) return { title: vote.title, candidates: vote.candidates, rules: vote.rules }
    }
    const shown = this.tablets.find((t) => t.shown?.id === voteId)?.shown
    if (!shown) throw new Error(`no tablet was shown vote ${voteId}`)
    return {
      title: shown.title,
      candidates: shown.candidates,
      rules: { ...defaultRules(shown.kind, shown.seats), maxFor: shown.maxFor },
    }
  }
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
