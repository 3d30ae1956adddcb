import type { TabletRecord } from './tablet-fleet'
import { nearestRank, round } from './stats'

/** One tablet after the air came back: seconds until it heard the host, and until its ballot
 * (pending when the air came back) was acknowledged; recovered = the later of the two. */
export interface TabletRecovery {
  deputy: string
  backS: number | null
  ackedS: number | null
  /** null: not back, or its pending ballot never acknowledged. */
  recoverS: number | null
}

/** Time to recover per tablet, over the tablets that were cut off (issue 31, item 5). */
export interface RecoveryReport {
  tablets: number
  /** Of them, those whose ballot was pending when the air came back. */
  pending: number
  recovered: number
  /** Seconds, over the recovered tablets. */
  p50: number
  p95: number
  max: number
  /** The slowest, not recovered first. */
  slowest: TabletRecovery[]
}

type Timing = Pick<TabletRecord, 'lane' | 'sentAt' | 'ackedAt' | 'heardAfter'>

/**
 * Each cut-off tablet's recovery from `backAt` (epoch ms, the moment the air came back): until
 * the host is heard on its connection again (a new one, or the old one once what was held
 * flows), and, for a ballot sent before that moment and not acknowledged by it, until its
 * acknowledgement. `records[i]` is the tablet of `deputies[i]`.
 */
export function recoveryReport(
  records: readonly Timing[],
  deputies: readonly string[],
  backAt: number,
  wasCut: (lane: number) => boolean,
  slowestCount = 5,
): RecoveryReport {
  const seconds = (at: number) => round((at - backAt) / 1000, 2)
  const tablets: TabletRecovery[] = []
  let pending = 0
  records.forEach((r, i) => {
    if (!wasCut(r.lane)) return
    const waiting = r.sentAt !== null && r.sentAt < backAt && !(r.ackedAt && r.ackedAt <= backAt)
    if (waiting) pending += 1
    const backS = r.heardAfter === null ? null : seconds(r.heardAfter)
    const ackedS = waiting && r.ackedAt !== null ? seconds(r.ackedAt) : null
    const recoverS =
      backS === null || (waiting && ackedS === null) ? null : Math.max(backS, ackedS ?? 0)
    tablets.push({ deputy: deputies[i] ?? `#${i}`, backS, ackedS, recoverS })
  })
  const done = tablets.flatMap((t) => (t.recoverS === null ? [] : [t.recoverS]))
  done.sort((a, b) => a - b)
  const slowness = (t: TabletRecovery) => t.recoverS ?? Infinity
  return {
    tablets: tablets.length,
    pending,
    recovered: done.length,
    p50: nearestRank(done, 50),
    p95: nearestRank(done, 95),
    max: nearestRank(done, 100),
    slowest: [...tablets].sort((a, b) => slowness(b) - slowness(a)).slice(0, slowestCount),
  }
}

/** The report in lines, for the terminal (Chinese, then English, as simulate speaks). */
export function recoveryLines(r: RecoveryReport): string[] {
  const lines = [
    `恢复时间 / time to recover after the air came back (${r.tablets} tablets cut off, ${r.pending} with a ballot pending):` +
      ` p50 ${r.p50} s  p95 ${r.p95} s  max ${r.max} s  (${r.recovered} recovered)`,
  ]
  const slow = r.slowest.map(
    (t) =>
      `  ${t.deputy}: ${t.recoverS === null ? '未恢复 / not recovered' : `${t.recoverS} s`}` +
      ` (heard the host ${t.backS ?? '–'} s${t.ackedS === null ? '' : `, ballot acknowledged ${t.ackedS} s`})`,
  )
  if (slow.length > 0) lines.push('最慢的平板 / the slowest tablets:', ...slow)
  return lines
}
