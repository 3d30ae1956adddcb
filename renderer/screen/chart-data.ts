import type { VoteResult } from '../../shared/protocol/result.schema'
import type { VoteCandidate } from '../../shared/protocol/vote.schema'

export interface BarDatum {
  id: string
  title: string
  votes: number
  rank: number
  passed: boolean
  elected: boolean
}

/**
 * The bars of a select or per-item result, in rank order (the result's own order), each with
 * its `for` votes and marks. Pure, so the chart's content is tested without a browser.
 */
export function rankedBars(result: VoteResult, candidates: readonly VoteCandidate[]): BarDatum[] {
  const titles = new Map(candidates.map((c) => [c.id, c.title]))
  const bars: BarDatum[] = []
  for (const item of result.items) {
    if (!('rank' in item)) continue
    bars.push({
      id: item.id,
      title: titles.get(item.id) ?? item.id,
      votes: item.for,
      rank: item.rank,
      passed: item.passed,
      elected: item.elected,
    })
  }
  return bars
}

/** The axis runs to the roster when it is known, so bar lengths compare across votes. */
export function axisMax(result: VoteResult, bars: readonly BarDatum[]): number {
  const top = Math.max(0, ...bars.map((b) => b.votes), result.needed)
  return Math.max(top, result.counts.roster, 1)
}
