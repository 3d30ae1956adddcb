import type { VoteKind, VoteRules } from '../protocol/vote-rules.schema'

/**
 * What a language needs to say a vote's rules in plain words. Grammar differs too much between
 * Chinese and English for fill-in templates, so each language composes whole sentences from
 * these normalised facts (see shared/rules/summary.ts).
 */
export interface SummaryFacts {
  kind: VoteKind
  candidates: number
  /** null for motion and rating. */
  seats: number | null
  maxFor: number | null
  base: VoteRules['threshold']['base']
  /** The threshold fraction in lowest terms. */
  numerator: number
  denominator: number
  strict: boolean
  /** Needed votes when the base count is known, else null. */
  needed: number | null
}

export interface RulesPhrasebook {
  /** One sentence for the console and the screen, without final punctuation. */
  summary(facts: SummaryFacts): string
  /** Further rules a deputy may ask about (ties, shortfall, secrecy, changes, time, release). */
  details(rules: VoteRules): string[]
}
