import type { ChildProcess } from 'node:child_process'
import { fork, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { setPriority } from 'node:os'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import type { DeputyCredential } from './credentials-file'
import type { ArrivalPlan, ArrivalRecord } from './arrival'
import { arrive, noArrival } from './arrival'
import { stopChild } from './host-process'
import type { BallotView } from './virtual-tablet'
import { randomMarks, VirtualTablet } from './virtual-tablet'

export interface FleetOptions {
  url: string
  /**
   * Where the tablets connect, if not `url`: tablet i of a fleet to tabletUrls[i mod length].
   * The fault proxy's lanes (fault-proxy.ts), so that cutting one lane of three cuts a third.
   */
  tabletUrls?: readonly string[]
  deputies: readonly DeputyCredential[]
  /** Each tablet sends at a uniformly random moment within this long after it is shown the
   * vote, and not before readS. */
  spreadS: number
  /**
   * The fastest deputy's time to read the ballot, mark it and confirm (default: 1 s, or a tenth
   * of a shorter spread). Nobody votes in the first fraction of a second; without this the
   * simulator's first sends would race its own reading of the vote on 3,000 tablets at once.
   */
  readS?: number
  /**
   * A forked fleet's priority (default tabletPriority()): 'nice' where something else of the
   * idle class must not take the tablets' processor (the uploads runs: upload-run.ts); 'normal'
   * for a few tablets that time the host while the rest load it (the burst's probe: burst-run.ts).
   */
  priority?: TabletPriority
  /** The tablets join only when they arrive (arrive(): the check-in burst, arrival.ts). */
  joinLater?: boolean
}

/** What a rehearsal watches while it waits: counts, cheap to send between processes. */
export interface FleetStatus {
  connected: number
  unauthorized: number
  /** The vote open now, as the tablets were told; per vote, the tablets whose ballot for it is
   * acknowledged. */
  openVoteId: string | null
  acked: Record<string, number>
  /** Tablets connected and shown their state since the moment given to returnSince(), and the
   * moment (epoch ms) the last of them was. */
  back: number
  backAt: number
}

/** One tablet after a vote: its ballot for that vote (none: no marks, no sends), and its
 * connection's troubles. What the report and the box comparison need. */
export interface TabletRecord {
  /** Which of the fleet's URLs it used: the fault proxy's lane. */
  lane: number
  marks: Record<string, Mark> | null
  sends: number
  acked: boolean
  ackLatency: number | null
  /** When the ballot was first sent and acknowledged, and when the host was first heard after
   * returnSince()'s moment (epoch ms): what a tablet's recovery is timed by (recovery.ts). */
  sentAt: number | null
  ackedAt: number | null
  heardAfter: number | null
  /** A tablet that arrived (arrival.ts): when, its page, and when the host sent it its state. */
  arrival: ArrivalRecord
  joinedAt: number | null
  timeouts: number
  reconnects: number
  refusals: string[]
}

export interface FleetRecords {
  tablets: TabletRecord[]
  /** The vote as the tablets were shown it, for a rehearsal without the staff token. */
  shown: BallotView | null
}

const emptyStatus: FleetStatus = {
  connected: 0,
  unauthorized: 0,
  openVoteId: null,
  acked: {},
  back: 0,
  backAt: 0,
}

/** When a tablet sends after it is shown the vote: uniformly between readS and spreadS. */
export function firstSendDelayMs(
  { spreadS, readS }: Pick<FleetOptions, 'spreadS' | 'readS'>,
  random = Math.random,
): number {
  const read = Math.min(readS ?? Math.min(1, spreadS / 10), spreadS)
  return (read + random() * (spreadS - read)) * 1000
}

/** Virtual tablets in one event loop: a rehearsal runs one here or a few in processes of their own. */
export class TabletFleet {
  readonly tablets: VirtualTablet[]
  readonly #urls: readonly string[]
  readonly #arrivals: ArrivalRecord[]
  #since = Infinity
  #closed = false

  constructor(options: FleetOptions) {
    const urls = options.tabletUrls?.length ? options.tabletUrls : [options.url]
    this.#urls = urls
    this.#arrivals = options.deputies.map(() => ({ ...noArrival }))
    this.tablets = options.deputies.map(
      (d, i) =>
        new VirtualTablet({
          url: urls[i % urls.length] as string,
          credential: d.credential,
          choose: (vote: BallotView) => randomMarks(vote),
          delayMs: firstSendDelayMs(options),
          resendAfterAck: true,
          joinLater: options.joinLater ?? false,
        }),
    )
  }

  /** Each tablet arrives as the plan says: loads the page, then joins. */
  arrive(plan: ArrivalPlan): void {
    this.tablets.forEach((tablet, i) => {
      const url = this.#urls[i % this.#urls.length] as string
      void arrive(tablet, url, plan, this.#arrivals[i] as ArrivalRecord, () => this.#closed)
    })
  }

  /** Counts tablets back from `at` (epoch ms) on: connected again, and shown their state. */
  returnSince(at: number): void {
    this.#since = at
    for (const t of this.tablets) t.watchFrom(at)
  }

  status(): FleetStatus {
    const status = { ...emptyStatus, acked: {} as Record<string, number> }
    for (const t of this.tablets) {
      if (t.unauthorized) status.unauthorized += 1
      status.openVoteId ??= t.state?.vote?.id ?? null
      if (t.acked && t.ballot)
        status.acked[t.ballot.voteId] = (status.acked[t.ballot.voteId] ?? 0) + 1
      if (!t.socket.connected || t.state === null) continue
      status.connected += 1
      if (t.stateAt > this.#since) {
        status.back += 1
        status.backAt = Math.max(status.backAt, t.stateAt)
      }
    }
    return status
  }

  records(voteId: string): FleetRecords {
    return {
      tablets: this.tablets.map((t, i) => {
        const ballot = t.ballot?.voteId === voteId ? t.ballot : null
        return {
          lane: i % this.#urls.length,
          marks: ballot?.marks ?? null,
          sends: ballot ? t.sends : 0,
          acked: ballot !== null && t.acked,
          ackLatency: ballot ? t.ackLatency : null,
          sentAt: ballot ? t.sentAt : null,
          ackedAt: ballot ? t.ackedAt : null,
          heardAfter: t.heardAfter,
          arrival: this.#arrivals[i] ?? noArrival,
          joinedAt: t.joinedAt,
          timeouts: t.timeouts,
          reconnects: t.reconnects,
          refusals: t.refusals,
        }
      }),
      shown: this.tablets.find((t) => t.shown?.id === voteId)?.shown ?? null,
    }
  }

  close(): void {
    this.#closed = true
    for (const t of this.tablets) t.close()
  }
}

/** A fleet as the rehearsal sees it: here, or in a process of its own. */
export interface FleetHandle {
  /** The newest status known (a forked fleet's arrives every few tens of milliseconds). */
  status(): FleetStatus
  returnSince(at: number): void
  /** The tablets arrive (a fleet made with joinLater): arrival.ts. */
  arrive(plan: ArrivalPlan): void
  records(voteId: string): Promise<FleetRecords>
  close(): Promise<void>
}

export class LocalFleet implements FleetHandle {
  readonly #fleet: TabletFleet
  constructor(options: FleetOptions) {
    this.#fleet = new TabletFleet(options)
  }
  status(): FleetStatus {
    return this.#fleet.status()
  }
  returnSince(at: number): void {
    this.#fleet.returnSince(at)
  }
  arrive(plan: ArrivalPlan): void {
    this.#fleet.arrive(plan)
  }
  records(voteId: string): Promise<FleetRecords> {
    return Promise.resolve(this.#fleet.records(voteId))
  }
  close(): Promise<void> {
    this.#fleet.close()
    return Promise.resolve()
  }
}

/** Messages between a ForkedFleet and its process (tablet-process.ts). */
export type ToFleet =
  | { type: 'start'; options: FleetOptions }
  | { type: 'return-since'; at: number }
  | { type: 'arrive'; plan: ArrivalPlan }
  | { type: 'records'; id: number; voteId: string }
export type FromFleet =
  { type: 'status'; status: FleetStatus } | { type: 'records'; id: number; records: FleetRecords }

/** The tablet processes' niceness: the lowest priority, below the host and the floor. */
const TABLET_NICENESS = 19

/**
 * How the tablet processes give way to the host: 'idle' where Linux's idle scheduling class can
 * be had (util-linux `chrt`; no privilege is needed to lower one's own class), else 'nice'.
 *
 * Niceness alone is not enough on Linux: a host thread woken by its disk (the fdatasync behind
 * every acknowledgement) may wait out the time slice of a running niceness-19 process, up to a
 * few milliseconds, while a task of the idle class gives way at once. Measured in the 3,000-
 * tablet benchmark: the host's fdatasync as its event loop sees it, p99 3.6 → 2.7 ms, and the
 * tablets' ack p99 lower or equal in 10 of 11 interleaved pairs (median 6.2 → 5.1 ms in five).
 */
export type TabletPriority = 'idle' | 'nice' | 'normal'

let priority: TabletPriority | null = null

export function tabletPriority(): TabletPriority {
  priority ??=
    process.platform === 'linux' && spawnSync('chrt', ['--idle', '0', 'true']).status === 0
      ? 'idle'
      : 'nice'
  return priority
}

/**
 * Tablets in a process of their own (tablet-process.ts): as in the hall, where every tablet has
 * its own processor, no one event loop reads what thousands of tablets are sent. It runs at the
 * lowest priority (tabletPriority), so on a benchmark machine the tablets wait for the host and
 * not the reverse (in the hall the host does not share its processor with them). It reports its
 * status whenever it changes, at most every 25 ms.
 */
export class ForkedFleet implements FleetHandle {
  readonly #child: ChildProcess
  #status: FleetStatus = emptyStatus
  #failure: Error | null = null
  #nextId = 0
  readonly #waiting = new Map<number, (records: FleetRecords) => void>()

  constructor(options: FleetOptions) {
    // Yields the processor to the host when both want it: in the hall the host has its own. In
    // the idle class from its first instruction (`chrt` execs Node, which keeps the IPC channel),
    // so every thread it makes is of that class too.
    const priority = options.priority ?? tabletPriority()
    const idle = priority === 'idle'
    this.#child = fork(fileURLToPath(new URL('./tablet-process.ts', import.meta.url)), [], {
      ...(idle ? { execPath: 'chrt' } : {}),
      execArgv: [...(idle ? ['--idle', '0', process.execPath] : []), '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    // Niceness too: what a process of the idle class ignores, and all the fallback has.
    if (this.#child.pid && priority !== 'normal') setPriority(this.#child.pid, TABLET_NICENESS)
    this.#child.on('message', (message: FromFleet) => {
      if (message.type === 'status') this.#status = message.status
      else this.#waiting.get(message.id)?.(message.records)
    })
    this.#child.once('exit', (code, signal) => {
      this.#failure ??= new Error(`a tablet process ended (${signal ?? code})`)
    })
    this.#send({ type: 'start', options })
  }

  status(): FleetStatus {
    if (this.#failure) throw this.#failure
    return this.#status
  }

  returnSince(at: number): void {
    this.#send({ type: 'return-since', at })
  }

  arrive(plan: ArrivalPlan): void {
    this.#send({ type: 'arrive', plan })
  }

  records(voteId: string): Promise<FleetRecords> {
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      if (this.#failure) return reject(this.#failure)
      const exited = () => reject(this.#failure)
      this.#waiting.set(id, (records) => {
        this.#waiting.delete(id)
        this.#child.off('exit', exited)
        resolve(records)
      })
      this.#child.once('exit', exited)
      this.#send({ type: 'records', id, voteId })
    })
  }

  close(): Promise<void> {
    this.#failure ??= new Error('the tablet process was closed')
    return stopChild(this.#child)
  }

  #send(message: ToFleet): void {
    if (this.#child.connected) this.#child.send(message)
  }
}
