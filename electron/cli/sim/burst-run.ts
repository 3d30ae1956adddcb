import { archivedBallots } from './archive-files'
import { BenchHall } from './bench-hall'
import { compareBoxes } from './compare'
import { pageWaves } from './page-load'
import type { ProgressBar } from './progress-bar'
import { Rehearsal, until } from './rehearsal'
import { cpuSeconds } from './rss-sampler'
import type { LatencySummary } from './stats'
import { epochNow, nearestRank, round, summarize } from './stats'

/** The bench's check-in burst (issue 31, item 4): one run, with a bandwidth cap or without. */
export interface BurstRun {
  deputies: number
  /** Seconds over which the tablets arrive. */
  overS: number
  /** The air's shared cap (Mbit/s); null: unthrottled. */
  mbit: number | null
  /** Every byte through the air, both ways: pages, joins, states, ballots, heartbeats (MB). */
  totalMB: number
  /** The page's bytes per tablet as received, status lines and headers counted (KB). */
  pageKB: number
  /** Page loads beyond one per tablet (a failed one is loaded again, as a deputy reloads). */
  pageReloads: number
  /** The last arrival → 95 % of the tablets joined, and → all of them (s; negative: before it). */
  joined95S: number
  joinedAllS: number
  /** Per tablet, its arrival → the host sent it its state: the page, then the join (s). */
  join: { p50: number; p95: number; max: number }
  /** The host's processor time from the first arrival to the last join: seconds, and the share
   * of one core over that time (%). */
  hostCpuS: number | null
  hostCpuPercent: number | null
  /** The host's resident memory, highest during the burst (MB). */
  rssPeakMB: number | null
  /** Ballots of the open vote sent while tablets were still arriving or joining, as the burst's
   * own tablets timed them (in the idle scheduling class, loading pages: their own wait too). */
  ack: LatencySummary
  /**
   * The same, timed by the probe: `probeTablets` more deputies at normal priority, connected
   * straight to the host (not through the air's cap), voting at random over the arrival window.
   * What the host's ack target is judged on.
   */
  probe: LatencySummary
  lost: number
  duplicated: number
  reconnects: number
  /** Sends beyond the first (a timed-out wait, a reconnect). */
  resends: number
}

const MB = 1024 * 1024

/** The probe's tablets (see BurstRun.probe). */
export const probeTablets = 100

/**
 * `deputies` tablets arriving at random over `overS` into a hall whose vote is already open (a
 * late 报到 is what a vote in progress meets), each loading the tablet page from the host as a
 * browser does (page-load.ts) and then joining with its credential, every byte through the
 * fault proxy with its bandwidth cap (or none); the tablets that have joined vote within the
 * spread after they are shown the vote. Measures the air's bytes, how long after the last
 * arrival everyone had joined, the host's processor and memory over the burst, and the ballots'
 * acknowledgements meanwhile. Needs the built pages (npm run build).
 */
export async function runBurst(
  options: {
    deputies: number
    overS: number
    spreadS: number
    processes: number
    mbit: number | null
  },
  bar: ProgressBar,
): Promise<BurstRun> {
  const { deputies, overS, spreadS, processes, mbit } = options
  const hall = await BenchHall.start({
    deputies,
    spreadS,
    processes,
    prefix: `plenary-bench-burst-${deputies}-`,
    faults: {
      plan: mbit ? { bandwidthBytesPerS: (mbit * 1_000_000) / 8 } : {},
      cutThirdS: 0,
      cutKind: 'silent',
    },
    joinLater: true,
    probe: probeTablets,
  })
  const proxy = hall.proxy!
  const { rehearsal } = hall
  let probe: Rehearsal | null = null
  const label = `${deputies} burst ${mbit ? `${mbit} Mbit/s` : 'unthrottled'}`
  try {
    // Found once, straight from the host: not counted as the air's.
    const waves = await pageWaves(hall.url)
    const voteId = await hall.openVote('报到高峰测试', '报到高峰测试：表决开始时尚无人报到')
    const startAt = epochNow() + 500
    rehearsal.arrive({ startAt, overS, waves })
    // In a process of its own at normal priority, so its latencies are the host's and
    // loopback's, not a starved simulator's; they vote from 1 s on, over the arrival window.
    const prober = new Rehearsal({
      url: hall.url,
      deputies: hall.probeDeputies,
      spreadS: overS,
      processes: 1,
      priority: 'normal',
    })
    probe = prober
    await new Promise((resolve) => setTimeout(resolve, startAt - epochNow()))
    await hall.rss.resetPeak()
    const cpuAtStart = await cpuSeconds(hall.host.child.pid)
    await until(
      () => rehearsal.connected() === deputies,
      (overS + 300) * 1000,
      'every tablet joined',
      () => bar.update(`${label} joined`, rehearsal.connected(), deputies),
      100,
    )
    const cpuAtEnd = await cpuSeconds(hall.host.child.pid)
    const rssPeakMB = hall.rss.peakMB
    bar.done()
    await hall.allVoted(voteId, spreadS, bar, `${label} voting`)
    await until(
      () => prober.acked(voteId) === probeTablets,
      (overS + 120) * 1000,
      "every probe's ballot acknowledged",
    )
    const bytes = proxy.stats().bytes

    const tablets = await rehearsal.tablets(voteId)
    const arrivals = tablets.map((t) => t.arrival.arrivedAt ?? startAt)
    const joins = tablets.map((t) => t.joinedAt ?? Infinity).sort((a, b) => a - b)
    const lastArrival = Math.max(...arrivals)
    const allJoined = joins.at(-1) ?? lastArrival
    const waits = tablets
      .map((t, i) => ((t.joinedAt ?? Infinity) - (arrivals[i] as number)) / 1000)
      .sort((a, b) => a - b)
    const during = tablets.filter((t) => t.sentAt !== null && t.sentAt <= allJoined)

    const probed = await prober.tablets(voteId)
    await hall.request('vote:close', { voteId })
    const burst = await rehearsal.marks(voteId)
    const probeMarks = await prober.marks(voteId)
    const { lost, duplicated } = compareBoxes(
      await archivedBallots(hall.dataDir, voteId),
      [...burst.acked, ...probeMarks.acked],
      [...burst.sent, ...probeMarks.sent],
    )
    const burstS = (allJoined - startAt) / 1000
    const cpu = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart
    return {
      deputies,
      overS,
      mbit,
      totalMB: round(bytes / MB, 1),
      pageKB: round(tablets.reduce((n, t) => n + t.arrival.pageBytes, 0) / deputies / 1024, 1),
      pageReloads: tablets.reduce((n, t) => n + Math.max(0, t.arrival.pageLoads - 1), 0),
      joined95S: round((nearestRank(joins, 95) - lastArrival) / 1000, 2),
      joinedAllS: round((allJoined - lastArrival) / 1000, 2),
      join: {
        p50: round(nearestRank(waits, 50), 2),
        p95: round(nearestRank(waits, 95), 2),
        max: round(nearestRank(waits, 100), 2),
      },
      hostCpuS: cpu === null ? null : round(cpu, 1),
      hostCpuPercent: cpu === null || burstS <= 0 ? null : round((cpu / burstS) * 100, 0),
      rssPeakMB: rssPeakMB === null ? null : round(rssPeakMB, 1),
      ack: summarize(during.flatMap((t) => (t.ackLatency === null ? [] : [t.ackLatency]))),
      probe: summarize(
        probed.flatMap((t) =>
          t.ackLatency === null || t.sentAt === null || t.sentAt > allJoined ? [] : [t.ackLatency],
        ),
      ),
      lost,
      duplicated,
      reconnects: tablets.reduce((n, t) => n + t.reconnects, 0),
      resends: tablets.reduce((n, t) => n + Math.max(0, t.sends - 1), 0),
    }
  } finally {
    bar.done()
    await probe?.close()
    await hall.close()
  }
}

/** One line for the terminal. */
export function burstLine(b: BurstRun): string {
  return (
    `burst ${b.deputies} over ${b.overS} s, ${b.mbit ? `${b.mbit} Mbit/s` : 'unthrottled'}:` +
    ` ${b.totalMB} MB (page ${b.pageKB} KB each) | after the last arrival 95 % joined ${b.joined95S} s, all ${b.joinedAllS} s` +
    ` | arrival → joined p50 ${b.join.p50} p95 ${b.join.p95} max ${b.join.max} s` +
    ` | host CPU ${b.hostCpuS ?? '–'} s (${b.hostCpuPercent ?? '–'} % of a core), RSS peak ${b.rssPeakMB ?? '–'} MB` +
    ` | ack during p50 ${b.ack.p50} p99 ${b.ack.p99} ms (${b.ack.count}), probe p50 ${b.probe.p50} p99 ${b.probe.p99} ms (${b.probe.count})` +
    ` | lost ${b.lost} dup ${b.duplicated}` +
    ` | reconnects ${b.reconnects} resends ${b.resends} page reloads ${b.pageReloads}`
  )
}
