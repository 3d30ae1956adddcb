import type { Threshold, ThresholdBase } from '../protocol/vote-rules.schema'

/** The people/ballot counts a threshold can be based on. */
export type ThresholdCounts = Readonly<Record<ThresholdBase, number>>

/** The count a threshold is a fraction of (应到, 实到 or 有效票). */
export function thresholdBaseCount(threshold: Threshold, counts: ThresholdCounts): number {
  return counts[threshold.base]
}

/**
 * Votes a candidate needs: strict → floor(base·n/d) + 1 (more than the fraction), otherwise
 * ceil(base·n/d) (at least the fraction); never less than 1 so that an empty hall passes nothing.
 * BigInt keeps the product exact however large the counts, as the contract asks for integer
 * arithmetic only (a float 327·2/3 must never decide a seat).
 */
export function neededVotes(threshold: Threshold, counts: ThresholdCounts): number {
  const base = BigInt(thresholdBaseCount(threshold, counts))
  const num = BigInt(threshold.numerator)
  const den = BigInt(threshold.denominator)
  const product = base * num
  // Counts are non-negative, so BigInt division (which truncates) is floor here.
  const needed = threshold.strict ? product / den + 1n : (product + den - 1n) / den
  return Math.max(1, Number(needed))
}
