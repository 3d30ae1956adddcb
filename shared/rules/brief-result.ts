import type { VoteResult } from '../protocol/result.schema'
import type { BriefItem, BriefOutcome, BriefResult } from '../protocol/views'
import type { VoteCandidate } from '../protocol/vote.schema'

/**
 * A published result in brief, for the tablets: each item's title, outcome and headline count,
 * the counts of ballots, and any tie or shortfall. Made on the host, so the tablet page needs no
 * rules of its own; it holds nothing the screen does not show.
 */
export function briefResult(result: VoteResult, candidates: readonly VoteCandidate[]): BriefResult {
  const titles = new Map<string, string>(candidates.map((c) => [c.id, c.title]))
  const title = (id: string) => titles.get(id) ?? id
  const isVoid = result.void !== null
  const tied = new Set(result.tie?.candidates ?? [])
  const none = { for: null, against: null, abstain: null, rate: null }
  let items: BriefItem[]
  switch (result.kind) {
    case 'select':
    case 'per-item': {
      // 逐项表决 says 通过/未通过 of each item, 差额 当选/未当选 (the seats' words).
      const [yes, no]: [BriefOutcome, BriefOutcome] =
        result.kind === 'select' ? ['elected', 'not-elected'] : ['passed', 'not-passed']
      items = result.items.map((it) => ({
        ...none,
        title: title(it.id),
        outcome: it.elected ? yes : tied.has(it.id) && !isVoid ? 'tied' : no,
        for: it.for,
      }))
      break
    }
    case 'motion':
      items = result.items.map((it) => ({
        title: title(it.id),
        outcome: it.passed ? 'passed' : 'not-passed',
        for: it.for,
        against: it.against,
        abstain: it.abstain,
        rate: null,
      }))
      break
    case 'rating':
      items = result.items.map((it) => ({
        ...none,
        title: title(it.id),
        outcome: it.grade,
        rate: it.positiveRate,
      }))
      break
  }
  return {
    counts: { issued: result.counts.issued, cast: result.counts.cast, valid: result.counts.valid },
    void: isVoid,
    items,
    tie: result.tie
      ? { titles: result.tie.candidates.map(title), seatsLeft: result.tie.seatsLeft }
      : null,
    shortfall: result.shortfall?.seatsLeft ?? null,
    overallRate: result.kind === 'rating' ? result.overall.positiveRate : null,
  }
}
