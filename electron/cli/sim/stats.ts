/** Latency summary in milliseconds, rounded to 0.1 ms. Nearest-rank percentiles. */
export interface LatencySummary {
  count: number
  p50: number
  p90: number
  p99: number
  max: number
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => round(nearestRank(sorted, p))
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) }
}

/** The nearest-rank `p`th percentile of values sorted ascending; 0 for none. */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? 0
}

export function round(ms: number, places = 1): number {
  const f = 10 ** places
  return Math.round(ms * f) / f
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Epoch milliseconds to the microsecond, comparable across the rehearsal's processes. */
export const epochNow = (): number => performance.timeOrigin + performance.now()
