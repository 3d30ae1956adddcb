import type { BurstRun } from './burst-run'
import type { TargetCheck } from './target-check'

/** Issue 31's goals for the check-in burst: everyone joined this long after the last arrival. */
export const burstTargets = { cappedS: 30, unthrottledS: 10, ackP99Ms: 25 } as const

export function checkBurst(runs: readonly BurstRun[]): TargetCheck[] {
  return runs.flatMap((b) => {
    const how = b.mbit ? `at ${b.mbit} Mbit/s` : 'unthrottled'
    const limit = b.mbit ? burstTargets.cappedS : burstTargets.unthrottledS
    return [
      {
        target: `check-in burst of ${b.deputies} over ${b.overS} s ${how}: all joined ≤ ${limit} s after the last arrival`,
        measured: `${b.joinedAllS} s`,
        met: b.joinedAllS <= limit,
      },
      // Timed by the probe (burst-run.ts): tablets at normal priority straight to the host, so
      // under the cap too it is the host's ack; the burst's own tablets' figures are in the table.
      {
        target: `check-in burst of ${b.deputies} ${how}: ballots' ack p99 ≤ ${burstTargets.ackP99Ms} ms meanwhile (the probe's), lost 0, duplicated 0`,
        measured: `${b.probe.p99} ms (${b.probe.count} ballots), lost ${b.lost}, duplicated ${b.duplicated}`,
        met: b.probe.p99 <= burstTargets.ackP99Ms && b.lost === 0 && b.duplicated === 0,
      },
    ]
  })
}

/** The burst's section of the results file. */
export function burstSection(runs: readonly BurstRun[]): string[] {
  if (runs.length === 0) return []
  return [
    '## Check-in burst',
    '',
    'The tablets arrive at random over the window into a hall whose vote is already open; each',
    'loads the tablet page from the host as a browser does (the HTML, then at once everything it',
    'names, then what those name: scripts, styles, fonts; `Accept-Encoding: gzip, deflate, br`;',
    'six keep-alive connections) and joins with its credential; each joined tablet votes within',
    'the spread after it is shown the vote (electron/cli/sim/burst-run.ts). Every byte, both ways,',
    "goes through the fault proxy, with the shared cap (one token bucket, as one access point's",
    "air) or without. MB = all of it; page = one tablet's page as received. joined = after the",
    'last arrival, until 95 % and until all had been sent their state; arrival → joined = per',
    "tablet, the page and the join. Host CPU = the host process's processor time from the first",
    'arrival to the last join, and its share of one core over that time; RSS peak = its highest',
    'resident memory over the same time. ack = ballots sent before the last join, as the',
    "burst's tablets timed them: in the idle scheduling class and loading pages, they wait for",
    "processor time themselves, and under the cap their acknowledgements wait in the air's one",
    'queue behind the pages. probe = the same for ballots of 100 more deputies whose tablets',
    'joined at the start, in a process of normal priority, straight to the host (not through',
    "the air), voting at random over the window: the host's acknowledgement, on which its target",
    'is judged.',
    '',
    '| deputies | over s | cap Mbit/s | MB | page KB | 95 % joined s | all joined s | arrival → joined p50 / p95 / max s | host CPU s | host CPU % | RSS peak MB | ack p50 | ack p99 | ballots | probe p50 | probe p99 | probe ballots | lost | dup | reconnects | resends | page reloads |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (b) =>
        `| ${b.deputies} | ${b.overS} | ${b.mbit ?? 'none'} | ${b.totalMB} | ${b.pageKB} | ${b.joined95S} | ${b.joinedAllS} | ${b.join.p50} / ${b.join.p95} / ${b.join.max} | ${b.hostCpuS ?? '–'} | ${b.hostCpuPercent ?? '–'} | ${b.rssPeakMB ?? '–'} | ${b.ack.p50} | ${b.ack.p99} | ${b.ack.count} | ${b.probe.p50} | ${b.probe.p99} | ${b.probe.count} | ${b.lost} | ${b.duplicated} | ${b.reconnects} | ${b.resends} | ${b.pageReloads} |`,
    ),
    '',
  ]
}
