import type { MotionText } from '../../shared/protocol/motion.schema'
export type { StatusWord } from '../common/result-words'
export { statusWord } from '../common/result-words'
import type { Grade, VoteResult } from '../../shared/protocol/result.schema'
import type { ShortfallPolicy, Threshold } from '../../shared/protocol/vote-rules.schema'
import type { VoteCandidate } from '../../shared/protocol/vote.schema'

/**
 * What the results charts draw, as pure functions of the published result: the right bars in
 * the right order with the right marks, tested without a browser (recharts measures 0×0 in jsdom).
 */

export type BarMark = 'elected' | 'tied' | 'passed' | 'failed'

export interface BarDatum {
  id: string
  title: string
  /** `for` votes: the bar's length (select) or its first segment (per-item). */
  votes: number
  /** Per-item only; 0 for select. */
  against: number
  abstain: number
  rank: number
  passed: boolean
  elected: boolean
  /** In the tied group at the cut line, awaiting a run-off. */
  tied: boolean
  mark: BarMark
}

/**
 * The bars of a select or per-item result, in rank order (the result's own order), each with
 * its votes and marks. Motion and rating results have no ranked bars.
 */
export function rankedBars(result: VoteResult, candidates: readonly VoteCandidate[]): BarDatum[] {
  if (result.kind !== 'select' && result.kind !== 'per-item') return []
  const titles = new Map(candidates.map((c) => [c.id, c.title]))
  const tied = new Set(result.tie?.candidates ?? [])
  return result.items.map((item) => {
    const isTied = tied.has(item.id)
    return {
      id: item.id,
      title: titles.get(item.id) ?? item.id,
      votes: item.for,
      against: 'against' in item ? item.against : 0,
      abstain: 'abstain' in item ? item.abstain : 0,
      rank: item.rank,
      passed: item.passed,
      elected: item.elected,
      tied: isTied,
      mark: item.elected ? 'elected' : isTied ? 'tied' : item.passed ? 'passed' : 'failed',
    }
  })
}

/**
 * Where the bars end: at the longest bar (a per-item bar is its whole stack) or the threshold,
 * whichever is further, so the chart uses its width for what it must show. (Scaled to 应到, 11
 * present of 40 seated drew the longest bar a quarter of the way across.)
 */
export function axisMax(result: VoteResult, bars: readonly BarDatum[]): number {
  return Math.max(1, result.needed, ...bars.map((b) => b.votes + b.against + b.abstain))
}

/**
 * The cut line goes after the K-th bar (K = seats): above it the places on offer. None when
 * every candidate fits, for a void vote, or for kinds without seats. 逐项's seats are a cap, so
 * its line is drawn only when more items passed than the cap lets through. Never between two
 * equal counts: a tie at the cut reads as a tie (tieBand), not as one seated and one not.
 */
export function cutAfter(
  result: VoteResult,
  bars: readonly BarDatum[],
  seats: number | null,
): BarDatum | null {
  if (result.void !== null || seats === null || seats < 1 || seats >= bars.length) return null
  if (result.kind === 'per-item' && bars.filter((b) => b.passed).length <= seats) return null
  const above = bars[seats - 1]
  const below = bars[seats]
  if (!above || !below || above.votes === below.votes) return null
  return above
}

/** The rows of the tie at the cut line (first and last index, in rank order), or null. */
export function tieBand(bars: readonly BarDatum[]): { from: number; to: number } | null {
  const from = bars.findIndex((b) => b.tied)
  if (from < 0) return null
  let to = from
  while (bars[to + 1]?.tied) to += 1
  return { from, to }
}

export type ResultBanner =
  | { kind: 'void'; reason: string }
  | { kind: 'tie'; seatsLeft: number; titles: string[] }
  | { kind: 'shortfall'; seatsLeft: number }
  | null

/**
 * The one banner a result needs: void first (nothing else holds), then a tie, then a shortfall.
 * 逐项's seats are a cap: fewer items passing is news only when the rules run off the rest.
 */
export function resultBanner(
  result: VoteResult,
  candidates: readonly VoteCandidate[],
  shortfallPolicy: ShortfallPolicy = 'accept-fewer',
): ResultBanner {
  if (result.void !== null) return { kind: 'void', reason: result.void }
  if (result.tie) {
    const titles = new Map(candidates.map((c) => [c.id, c.title]))
    return {
      kind: 'tie',
      seatsLeft: result.tie.seatsLeft,
      titles: result.tie.candidates.map((id) => titles.get(id) ?? id),
    }
  }
  const quiet = result.kind === 'per-item' && shortfallPolicy === 'accept-fewer'
  if (result.shortfall && !quiet)
    return { kind: 'shortfall', seatsLeft: result.shortfall.seatsLeft }
  return null
}

/** "过半数 164票" for the usual 全体代表过半数; other fractions say their fraction. */
export function thresholdLabel(
  threshold: Threshold | undefined,
  needed: number,
): { key: 'majority' | 'fraction'; params: Record<string, number> } {
  const t = threshold ?? { numerator: 1, denominator: 2, strict: true }
  if (t.numerator * 2 === t.denominator && t.strict) return { key: 'majority', params: { needed } }
  return { key: 'fraction', params: { num: t.numerator, den: t.denominator, needed } }
}

export interface RatingRow {
  id: string
  title: string
  satisfied: number
  basic: number
  unsatisfied: number
  abstain: number
  grade: Grade
  /** Percentages rounded to one decimal, or null when no ballot was valid. */
  satisfiedPct: number | null
  positivePct: number | null
}

/** Rating items in candidate-list order (the result's order), one stacked bar each. */
export function ratingRows(result: VoteResult, candidates: readonly VoteCandidate[]): RatingRow[] {
  if (result.kind !== 'rating') return []
  const titles = new Map(candidates.map((c) => [c.id, c.title]))
  return result.items.map((item) => ({
    id: item.id,
    title: titles.get(item.id) ?? item.id,
    satisfied: item.satisfied,
    basic: item.basic,
    unsatisfied: item.unsatisfied,
    abstain: item.abstain,
    grade: item.grade,
    satisfiedPct: percent(item.satisfiedRate),
    positivePct: percent(item.positiveRate),
  }))
}

export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10
}

export interface MotionView {
  title: string
  /** 文号 and summary of the motion's own text; '' when it has none (or predates them). */
  docNumber: string
  summary: string
  passed: boolean
  for: number
  against: number
  abstain: number
}

export function motionView(
  result: VoteResult,
  candidates: readonly VoteCandidate[],
  motion: MotionText | null = null,
): MotionView | null {
  if (result.kind !== 'motion') return null
  const item = result.items[0]
  if (!item) return null
  const title = motion?.title ?? candidates.find((c) => c.id === item.id)?.title ?? item.id
  return {
    title,
    docNumber: motion?.docNumber ?? '',
    summary: motion?.summary ?? '',
    passed: result.void === null && item.passed,
    for: item.for,
    against: item.against,
    abstain: item.abstain,
  }
}

/** Width of a text in ems: CJK glyphs are about 1em wide, Latin letters and digits about half. */
export function textEm(text: string): number {
  return [...text].reduce((sum, ch) => sum + charEm(ch), 0)
}

const charEm = (ch: string) => ((ch.codePointAt(0) ?? 0) < 0x100 ? 0.55 : 1)

/** A title that fits `maxChars` ems, cut with an ellipsis: a label never runs into its bar. */
export function fitTitle(title: string, maxChars: number): string {
  if (textEm(title) <= maxChars) return title
  let used = 0
  let out = ''
  for (const ch of title) {
    if (used + charEm(ch) > maxChars - 1) break
    used += charEm(ch)
    out += ch
  }
  return `${out}…`
}
