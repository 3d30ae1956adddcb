import type { Grade, RatingItem } from '../protocol/result.schema'
import type { MarkTotals } from './counts'
import type { ProjectId } from '../protocol/ids'

/**
 * 满意度测评: satisfied when the satisfied votes alone reach the threshold, basic when satisfied
 * and basic together do, otherwise unsatisfied.
 */
export function ratingGrade(satisfied: number, basic: number, needed: number): Grade {
  if (satisfied >= needed) return 'satisfied'
  if (satisfied + basic >= needed) return 'basic'
  return 'unsatisfied'
}

/** A share of valid ballots, or null when there were none (0/0 is not 0%). */
export function rateOf(part: number, valid: number): number | null {
  return valid === 0 ? null : part / valid
}

export function ratingItem(
  id: ProjectId,
  t: MarkTotals,
  valid: number,
  needed: number,
): RatingItem {
  return {
    id,
    satisfied: t.satisfied,
    basic: t.basic,
    unsatisfied: t.unsatisfied,
    // Not marked counts as abstain, so the four always add up to valid.
    abstain: valid - t.satisfied - t.basic - t.unsatisfied,
    grade: ratingGrade(t.satisfied, t.basic, needed),
    satisfiedRate: rateOf(t.satisfied, valid),
    positiveRate: rateOf(t.satisfied + t.basic, valid),
  }
}

/**
 * Pools all items: every valid ballot rates every item, so Σvalid over items is valid × items.
 */
export function ratingOverall(
  items: readonly RatingItem[],
  valid: number,
): { satisfiedRate: number | null; positiveRate: number | null } {
  let satisfied = 0
  let positive = 0
  for (const item of items) {
    satisfied += item.satisfied
    positive += item.satisfied + item.basic
  }
  const pooled = valid * items.length
  return { satisfiedRate: rateOf(satisfied, pooled), positiveRate: rateOf(positive, pooled) }
}
