import { archivedBallots } from './archive-files'
import { BenchHall } from './bench-hall'
import { compareBoxes } from './compare'
import type { FaultSetup } from './fault-options'
import { describeFaults } from './fault-options'
import type { ProgressBar } from './progress-bar'
import type { RecoveryReport } from './recovery'
import { until } from './rehearsal'
import type { LatencySummary } from './stats'
import { round } from './stats'

/** The bench's row through a bad hall network (issue 25, item 4). */
export interface FaultRun {
  deputies: number
  /** What the network did, in words. */
  network: string
  ack: LatencySummary
  lost: number
  duplicated: number
  resultMatches: boolean
  /** The cut lane back → every ballot acknowledged (s); null without a cut. */
  recoverS: number | null
  /** Each cut-off tablet's time to recover once its lane was back (recovery.ts); null without a cut. */
  recovery: RecoveryReport | null
  /** The host's address back → every tablet connected again (s). */
  addressBackS: number
  /** After the result was published, every tablet was shown its state again. */
  allShownAgain: boolean
  reconnects: number
  resends: number
  /** Connections the proxy reset: random drops and the address going away. */
  resets: number
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A host and `deputies` tablets through the fault proxy: check-in through its latency, then a
 * vote during which connections drop at random and a third of the tablets are cut off for
 * `cutThirdS`, then the host's address goes away for 3 s and comes back; close and publish.
 * Reports what the hall would ask: was anything lost or counted twice, did every tablet come
 * back and see the result, and how long the acknowledgements took.
 */
export async function runFaultRow(
  options: { deputies: number; spreadS: number; processes: number; faults: FaultSetup },
  bar: ProgressBar,
): Promise<FaultRun> {
  const { deputies, spreadS, processes, faults } = options
  // Random drops start with the vote, so check-in is measured whole.
  const checkInPlan = { ...faults.plan, dropsPerMinute: 0 }
  const hall = await BenchHall.start({
    deputies,
    spreadS,
    processes,
    prefix: `plenary-bench-faults-${deputies}-`,
    faults: { ...faults, plan: checkInPlan },
  })
  const proxy = hall.proxy!
  const { rehearsal } = hall
  try {
    await hall.checkIn(bar, `${deputies} faults check-in`)
    const voteId = await hall.openVote('故障网络测试')
    proxy.setDrops(faults.plan.dropsPerMinute ?? 0)
    let restoredAt: number | null = null
    const cut = (async () => {
      if (!faults.cutThirdS) return
      await pause(1000)
      proxy.cut(0, faults.cutKind)
      await pause(faults.cutThirdS * 1000)
      restoredAt = Date.now()
      rehearsal.returnSince(restoredAt)
      proxy.restore(0)
    })()
    await hall.allVoted(voteId, spreadS + faults.cutThirdS, bar, `${deputies} faults voting`)
    await cut
    const recoverS = restoredAt === null ? null : round((Date.now() - restoredAt) / 1000, 2)
    const recovery =
      restoredAt === null ? null : await rehearsal.recovery(voteId, restoredAt, (l) => l === 0)
    proxy.setDrops(0)

    await proxy.goAway()
    await pause(3000)
    const backAt = Date.now()
    await proxy.comeBack()
    await until(
      () => rehearsal.connected() === deputies,
      300_000,
      'every tablet back after the address came back',
      () => bar.update(`${deputies} faults reconnect`, rehearsal.connected(), deputies),
      100,
    )
    const addressBackS = round((Date.now() - backAt) / 1000, 2)
    bar.done()

    const shownFrom = Date.now()
    rehearsal.returnSince(shownFrom)
    const published = rehearsal.publishedResult(voteId)
    await hall.request('vote:close', { voteId })
    await hall.request('vote:publish', { voteId })
    const result = await published
    const allShownAgain = await until(
      () => rehearsal.returned().count === deputies,
      120_000,
      'every tablet shown the published state',
    ).then(
      () => true,
      () => false,
    )
    const report = await rehearsal.report(voteId, result)
    const { acked, sent } = await rehearsal.marks(voteId)
    const { lost, duplicated } = compareBoxes(
      await archivedBallots(hall.dataDir, voteId),
      acked,
      sent,
    )
    return {
      deputies,
      network: describeFaults(faults),
      ack: report.ack,
      lost,
      duplicated,
      resultMatches: report.result?.matches === true,
      recoverS,
      recovery,
      addressBackS,
      allShownAgain,
      reconnects: report.reconnects,
      resends: report.resends,
      resets: proxy.stats().resets,
    }
  } finally {
    bar.done()
    await hall.close()
  }
}
