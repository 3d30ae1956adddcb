import { performance } from 'node:perf_hooks'

/**
 * A benchmark suite (tally-suites.ts lists them all) and how one is timed: it prepares its input
 * once, runs once to warm up the JIT, then reports the median of several timed runs.
 */

export interface Suite {
  /** `group:variant`; --only matches either the whole name or the group. */
  name: string
  /** What one run does, for the report line. */
  describe: string
  /** Builds the input (untimed) and returns the timed operation. */
  prepare(): () => unknown
}

export interface Report {
  name: string
  describe: string
  runs: number
  medianMs: number
  minMs: number
  maxMs: number
}

export function measure(suite: Suite, runs: number): Report {
  const run = suite.prepare()
  run() // warm-up: the first call pays for JIT compilation
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    name: suite.name,
    describe: suite.describe,
    runs,
    medianMs: round(times[Math.floor(times.length / 2)]!),
    minMs: round(times[0]!),
    maxMs: round(times.at(-1)!),
  }
}
