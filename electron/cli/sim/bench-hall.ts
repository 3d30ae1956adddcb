import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io } from 'socket.io-client'
import type { Socket } from 'socket.io-client'
import type { Result } from '../../../shared/protocol/envelope'
import type { ConsoleState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { DeputyCredential } from './credentials-file'
import { readCredentialsFile } from './credentials-file'
import type { FaultSetup } from './fault-options'
import { FaultProxy } from './fault-proxy'
import type { ChildHost } from './host-process'
import { killHard, startChildHost } from './host-process'
import type { ProgressBar } from './progress-bar'
import { Rehearsal, until } from './rehearsal'
import { RssSampler } from './rss-sampler'
import type { TabletPriority } from './tablet-fleet'

/**
 * A benchmark's hall: a host in its own process on a demo meeting of `deputies` in a fresh data
 * folder, its memory sampled, a staff console connected, and the virtual tablets of a rehearsal.
 */
export class BenchHall {
  readonly rss = new RssSampler()
  #state: ConsoleState | null = null

  private constructor(
    readonly deputies: number,
    readonly dataDir: string,
    readonly staffToken: string,
    /** Replaced when the benchmark restarts the host (kill -9). */
    public host: ChildHost,
    /** The demo's deputies beyond the rehearsal's: kept for a probe (start's `probe`). */
    readonly probeDeputies: readonly DeputyCredential[],
    readonly staff: Socket,
    readonly rehearsal: Rehearsal,
    /** The bad network the tablets go through, when the run asked for one. */
    readonly proxy: FaultProxy | null,
  ) {
    staff.on('console:state', (s: ConsoleState) => (this.#state = s))
  }

  static async start(options: {
    deputies: number
    spreadS: number
    processes: number
    /** Names the data folder, e.g. "plenary-bench-3000-". */
    prefix: string
    /** The tablet processes' priority, when not the bench's usual (tablet-fleet.ts). */
    tabletPriority?: TabletPriority
    /** The tablets through a fault proxy (fault-proxy.ts) in three lanes. */
    faults?: FaultSetup
    /** The tablets join only when told to arrive (Rehearsal.arrive: the check-in burst). */
    joinLater?: boolean
    /** Deputies added to the demo beyond `deputies`, left out of the rehearsal for a probe. */
    probe?: number
  }): Promise<BenchHall> {
    const { deputies, spreadS, processes } = options
    const dataDir = await mkdtemp(join(tmpdir(), options.prefix))
    const staffToken = `bench-${Math.random().toString(36).slice(2)}`
    const probe = options.probe ?? 0
    const host = await startChildHost({ dataDir, port: 0, staffToken, demo: deputies + probe })
    const url = `http://127.0.0.1:${host.port}`
    const all = await readCredentialsFile(join(dataDir, 'credentials.csv'))
    const credentials = all.slice(0, deputies)
    const staff = io(`${url}/console`, {
      auth: { token: staffToken },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
    })
    const proxy = options.faults
      ? await FaultProxy.start({ host: '127.0.0.1', port: host.port }, 3, options.faults.plan)
      : null
    const rehearsal = new Rehearsal({
      url,
      ...(proxy ? { tabletUrls: proxy.urls() } : {}),
      deputies: credentials,
      spreadS,
      staffToken,
      processes,
      ...(options.tabletPriority ? { priority: options.tabletPriority } : {}),
      ...(options.joinLater ? { joinLater: true } : {}),
    })
    const hall = new BenchHall(
      deputies,
      dataDir,
      staffToken,
      host,
      all.slice(deputies),
      staff,
      rehearsal,
      proxy,
    )
    hall.rss.watch(host.child.pid)
    return hall
  }

  get url(): string {
    return `http://127.0.0.1:${this.host.port}`
  }

  /** Resolves when every tablet has checked in. */
  async checkIn(bar: ProgressBar, label: string): Promise<void> {
    const { deputies, rehearsal } = this
    await until(
      () => rehearsal.connected() === deputies,
      300_000,
      'every tablet checked in',
      () => bar.update(label, rehearsal.connected(), deputies),
      100,
    )
    bar.done()
  }

  /**
   * Creates and opens a 差额 vote (choose up to 10) on every project: its id. With `override`,
   * opened without a quorum for that reason (the burst opens it before anyone has checked in).
   */
  async openVote(title: string, override?: string): Promise<string> {
    await until(() => this.#state !== null, 10_000, 'the console state')
    const projects = this.#state?.projects.map((p) => p.id) ?? []
    const { voteId } = await this.request<{ voteId: string }>('vote:create', {
      title,
      rules: defaultRules('select', 10),
      candidateIds: projects,
    })
    await this.request('vote:open', { voteId, ...(override ? { override } : {}) })
    return voteId
  }

  /** Resolves when every tablet's ballot in the vote has been acknowledged. */
  async allVoted(voteId: string, spreadS: number, bar: ProgressBar, label: string): Promise<void> {
    const { deputies, rehearsal } = this
    await until(
      () => rehearsal.acked(voteId) === deputies,
      spreadS * 1000 + 120_000,
      'every ballot acknowledged',
      () => bar.update(label, rehearsal.acked(voteId), deputies),
      100,
    )
    bar.done()
  }

  /** A console request, its answer's data or the refusal thrown. */
  async request<T>(event: string, input: unknown): Promise<T> {
    await until(() => this.staff.connected, 10_000, 'the console connection')
    const r = (await this.staff.timeout(30_000).emitWithAck(event, input)) as Result<T>
    if (!r.ok) throw new Error(`${event}: ${JSON.stringify(r.error)}`)
    return r.data
  }

  /** Stops everything and removes the data folder and its keys. */
  async close(): Promise<void> {
    this.rss.stop()
    await this.rehearsal.close()
    await this.proxy?.close()
    this.staff.disconnect()
    await killHard(this.host.child)
    await rm(this.dataDir, { recursive: true, force: true })
    await rm(`${this.dataDir}.keys`, { recursive: true, force: true })
  }
}
