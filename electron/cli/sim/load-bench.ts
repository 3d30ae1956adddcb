import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { archivedBallots, archivedDocuments } from './archive-files'
import { compareBoxes } from './compare'
import { killHard, startChildHost, stopChild } from './host-process'
import type { ProgressBar } from './progress-bar'
import { Rehearsal, until } from './rehearsal'
import { RssSampler } from './rss-sampler'
import type { LatencySummary } from './stats'
import { epochNow, round } from './stats'
import type { UploadRun } from './upload-run'
import { runUploadPairs } from './upload-run'
import { BenchHall } from './bench-hall'

export interface LoadResult {
  deputies: number
  spreadS: number
  ack: LatencySummary
  /** The floor run (of the two) with the lower p99: see runLoad. */
  floor: LatencySummary
  /** Both floor runs' p99: before the host's run, and after it. */
  floorRunsP99: [number, number]
  /** The bare server's RSS with the same connections: what the transport alone costs. */
  floorRssPeakMB: number | null
  /**
   * The durable floor (floor-server.ts --durable): the bare server acknowledging after a group
   * commit with fdatasync, the least a durable acknowledgement costs; the lower of its two runs.
   */
  durableFloor: LatencySummary
  durableFloorRunsP99: [number, number]
  lost: number
  duplicated: number
  resultMatches: boolean
  /** vote:close sent → its ack; then vote:publish sent → /screen shows the published result. */
  closeAckMs: number
  closeToScreenMs: number
  publishToScreenMs: number
  rssPeakMB: number | null
  /** kill -9 of the host → every virtual tablet connected again and shown its state. */
  reconnectAllS: number
  /** Of that, kill -9 → the restarted host listening (process start, imports, data load). */
  hostUpS: number
  /** Everything else a reader should know: refusals, timeouts, resends. */
  notes: string[]
  /** The host's run again with uploads arriving during the vote (--uploads), else null. */
  withUploads: UploadRun | null
}

/**
 * The virtual tablets are spread over this many processes of their own, for the host and the
 * floor alike: in the hall every tablet has its own processor, and one event loop reading what
 * thousands of tablets are sent delays the acknowledgements it is measuring.
 */
export const DEFAULT_TABLET_PROCESSES = 2

/**
 * One load run: the floor with the same load (its vote reaches the tablets paced like the
 * host's, so the client process is busy alike); a real host in its own process with a demo
 * meeting of `deputies`, a vote opened through the console API, every virtual tablet voting
 * within `spreadS`; then close → screen, the ballot box against what was sent, kill -9 and
 * restart; with `uploads`, the host's run again with that many uploads arriving during the vote
 * (upload-run.ts); then the floor again.
 */
export async function runLoad(
  {
    deputies,
    spreadS,
    processes,
    uploads = { count: 0, mb: 19, pairs: 3 },
  }: {
    deputies: number
    spreadS: number
    processes: number
    uploads?: { count: number; mb: number; pairs: number }
  },
  bar: ProgressBar,
  log: (line: string) => void,
): Promise<LoadResult> {
  // The floor runs twice, before the host's run and after it, and the one with the lower p99 is
  // the floor. A p99 rests on the slowest 30 of 3,000 acknowledgements, and the machine is
  // shared: one floor run was seen at 7.8 ms where the runs around it gave 2–3 ms, and such a
  // run must not let the host pass against it.
  const floorBefore = await runFloor(deputies, spreadS, processes, bar)
  const durableBefore = await runFloor(deputies, spreadS, processes, bar, true)
  const hall = await BenchHall.start({
    deputies,
    spreadS,
    processes,
    prefix: `plenary-bench-${deputies}-`,
  })
  const { dataDir, staffToken, rehearsal, rss } = hall
  const notes: string[] = []
  let measured: Omit<
    LoadResult,
    | 'floor'
    | 'floorRunsP99'
    | 'floorRssPeakMB'
    | 'durableFloor'
    | 'durableFloorRunsP99'
    | 'withUploads'
  >
  try {
    await hall.checkIn(bar, `${deputies} check-in`)
    const voteId = await hall.openVote('负载测试')
    await hall.allVoted(voteId, spreadS, bar, `${deputies} voting`)

    // Timed by the console and the projector in a process of their own (close-probe.ts).
    const published = rehearsal.publishedResult(voteId)
    const times = await probeCloseToScreen(hall.url, staffToken, voteId)
    const result = await published
    const report = await rehearsal.report(voteId, result)
    const { acked, sent } = await rehearsal.marks(voteId)
    const box = { ballots: await archivedBallots(dataDir, voteId) }
    const { lost, duplicated } = compareBoxes(box.ballots, acked, sent)
    if (!report.result?.matches)
      notes.push(`result mismatch: ${report.result?.differences.join('; ')}`)
    if (report.resends > 0) notes.push(`${report.resends} resends`)
    if (report.timeouts > 0) notes.push(`${report.timeouts} send timeouts`)
    for (const [code, n] of Object.entries(report.refusals)) notes.push(`refused ${code} ×${n}`)
    // The close's archive ends with the report documents, drawn in a worker thread of the host:
    // its memory peak belongs in the host's, so the kill below waits for it.
    await archivedDocuments(dataDir, voteId)

    // kill -9, restart on the same data folder and port, time until every tablet is back (as
    // each tablet's process saw its state arrive: epoch milliseconds).
    const killedAt = epochNow()
    rehearsal.returnSince(killedAt)
    await killHard(hall.host.child)
    hall.host = await startChildHost({ dataDir, port: hall.host.port, staffToken })
    const hostUpS = (epochNow() - killedAt) / 1000
    rss.watch(hall.host.child.pid)
    await until(
      () => rehearsal.returned().count === deputies,
      120_000,
      'every tablet reconnected',
      () => bar.update(`${deputies} reconnect`, rehearsal.returned().count, deputies),
      20,
    )
    const reconnectAllS = (rehearsal.returned().lastAt - killedAt) / 1000
    bar.done()
    rss.stop()

    measured = {
      deputies,
      spreadS,
      ack: report.ack,
      lost,
      duplicated,
      resultMatches: report.result?.matches === true,
      closeAckMs: round(times.closeAckMs),
      closeToScreenMs: round(times.closeToScreenMs),
      publishToScreenMs: round(times.publishToScreenMs),
      rssPeakMB: rss.peakMB === null ? null : round(rss.peakMB),
      reconnectAllS: round(reconnectAllS, 2),
      hostUpS: round(hostUpS, 2),
      notes,
    }
  } finally {
    bar.done()
    await hall.close()
  }
  const withUploads =
    uploads.count > 0
      ? await runUploadPairs(
          {
            deputies,
            spreadS,
            processes,
            uploads: uploads.count,
            uploadMB: uploads.mb,
            pairs: uploads.pairs,
          },
          bar,
        )
      : null
  // After the host's tablets are gone, so the floor's clients have the client process alone.
  const floorAfter = await runFloor(deputies, spreadS, processes, bar)
  const durableAfter = await runFloor(deputies, spreadS, processes, bar, true)
  log(`${deputies}: done`)
  const floor = floorAfter.ack.p99 < floorBefore.ack.p99 ? floorAfter : floorBefore
  const durable = durableAfter.ack.p99 < durableBefore.ack.p99 ? durableAfter : durableBefore
  return {
    ...measured,
    floor: floor.ack,
    floorRunsP99: [floorBefore.ack.p99, floorAfter.ack.p99],
    floorRssPeakMB: floor.rssPeakMB,
    durableFloor: durable.ack,
    durableFloorRunsP99: [durableBefore.ack.p99, durableAfter.ack.p99],
    withUploads,
  }
}

interface CloseTimes {
  closeAckMs: number
  closeToScreenMs: number
  publishToScreenMs: number
}

/** Closes and publishes the vote from close-probe.ts, a process of its own; its timings. */
async function probeCloseToScreen(
  url: string,
  staffToken: string,
  voteId: string,
): Promise<CloseTimes> {
  const child = fork(join(import.meta.dirname, 'close-probe.ts'), [url, staffToken], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const answer = (sent?: { voteId: string }) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (sent) child.send(sent)
      child.once('message', (m) => resolve(m as Record<string, unknown>))
      child.once('exit', (code) => reject(new Error(`close probe exited with ${code}`)))
    })
  try {
    await answer()
    const times = await answer({ voteId })
    if ('error' in times) throw new Error(`close probe: ${String(times.error)}`)
    return times as unknown as CloseTimes
  } finally {
    await stopChild(child)
  }
}

/**
 * The same clients and load against the bare server (floor-server.ts) in its own process. On
 * 'open' it sends the vote as the host does, a `deputy:hall` paced in slices by the host's
 * PacedBroadcast, so both are measured behind the same delivery pattern in the client process.
 */
async function runFloor(
  deputies: number,
  spreadS: number,
  processes: number,
  bar: ProgressBar,
  durable = false,
): Promise<{ ack: LatencySummary; rssPeakMB: number | null }> {
  // The durable floor's file sits where the host's data folder does (the same disk, tmpdir).
  const dir = durable ? await mkdtemp(join(tmpdir(), 'plenary-durable-floor-')) : null
  const args = dir ? ['--durable', join(dir, 'ballots.log')] : []
  const label = durable ? 'durable floor' : 'floor'
  const child = fork(join(import.meta.dirname, 'floor-server.ts'), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const rss = new RssSampler()
  rss.watch(child.pid)
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port))
      child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)))
    })
    const fake = Array.from({ length: deputies }, (_, i) => ({
      id: `F${i}`,
      name: '',
      credential: `f${i}`,
    }))
    const rehearsal = new Rehearsal({
      url: `http://127.0.0.1:${port}`,
      deputies: fake,
      spreadS,
      processes,
    })
    try {
      await until(
        () => rehearsal.connected() === deputies,
        120_000,
        'floor connections',
        () => bar.update(`${deputies} ${label} connect`, rehearsal.connected(), deputies),
        100,
      )
      bar.done()
      // The floor's 'open' goes out paced, as the host's vote:open does.
      child.send('open')
      await until(
        () => rehearsal.acked('FLOOR') === deputies,
        spreadS * 1000 + 60_000,
        'floor acknowledgements',
        () => bar.update(`${deputies} ${label} voting`, rehearsal.acked('FLOOR'), deputies),
        100,
      )
      bar.done()
      const { ack } = await rehearsal.report('FLOOR', null)
      return { ack, rssPeakMB: rss.peakMB === null ? null : round(rss.peakMB) }
    } finally {
      await rehearsal.close()
    }
  } finally {
    rss.stop()
    await stopChild(child)
    if (dir) await rm(dir, { recursive: true, force: true })
  }
}
