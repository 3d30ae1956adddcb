import type { RulesPhrasebook, SummaryFacts } from '../i18n/rules-phrasebook'
import { rulesEn } from '../i18n/rules-en'
import { rulesZhCN } from '../i18n/rules-zh-CN'
import type { ThresholdBase, VoteRules } from '../protocol/vote-rules.schema'
import { neededVotes } from './thresholds'

export type RulesLang = 'zh-CN' | 'en'

/** Whatever counts are known when the summary is shown (before a vote, only roster/present). */
export type SummaryCounts = Partial<Record<ThresholdBase, number>>

const phrasebooks: Record<RulesLang, RulesPhrasebook> = { 'zh-CN': rulesZhCN, en: rulesEn }

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

/**
 * A plain-language sentence for a vote's rules, for the console and the screen, e.g.
 * "13选10，获全体代表过半数（164票）赞成的项目按得票多少排序，取前10项". The needed votes appear
 * when the threshold's base count is known. 2/4 is said as 1/2: it is the same threshold.
 */
export function summarizeRules(
  rules: Pick<VoteRules, 'kind' | 'seats' | 'maxFor' | 'threshold'>,
  candidatesCount: number,
  counts: SummaryCounts = {},
  lang: RulesLang = 'zh-CN',
): string {
  const { base, numerator, denominator, strict } = rules.threshold
  const divisor = gcd(numerator, denominator)
  const known = counts[base]
  const facts: SummaryFacts = {
    kind: rules.kind,
    candidates: candidatesCount,
    seats: rules.seats,
    maxFor: rules.kind === 'per-item' ? rules.maxFor : null,
    base,
    numerator: numerator / divisor,
    denominator: denominator / divisor,
    strict,
    needed:
      known === undefined
        ? null
        : neededVotes(rules.threshold, { roster: 0, present: 0, valid: 0, [base]: known }),
  }
  return phrasebooks[lang].summary(facts)
}

/** The other rules in short lines: ties, shortfall, secrecy, changes, time limit, release. */
export function summarizeRuleDetails(rules: VoteRules, lang: RulesLang = 'zh-CN'): string[] {
  return phrasebooks[lang].details(rules)
}
