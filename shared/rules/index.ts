/**
 * The rules engine: pure functions from a vote's rules and ballots to its outcome, exactly as
 * shared/design/voting-rules.md specifies. No I/O; runs in the host, the renderer and the CLI.
 */
export { tally, voidReason } from './tally'
export { neededVotes, thresholdBaseCount } from './thresholds'
export type { ThresholdCounts } from './thresholds'
export { readBallotBox, MAX_PROBLEMS } from './read-ballot-box'
export type { ReadBallotBoxResult } from './read-ballot-box'
export { buildRunoff, RUNOFF_TITLE_SUFFIX } from './runoff'
export type { RunoffOptions } from './runoff'
export { summarizeRules, summarizeRuleDetails } from './summary'
export type { RulesLang, SummaryCounts } from './summary'
export { invalidReason, isValidBallot, forLimit, countForMarks } from './validity'
export type { InvalidReason } from './validity'
export { countBallots } from './counts'
export type { BallotTotals, MarkTotals } from './counts'
export { competitionRanks, rankOrder, decideSeats } from './ranking'
export type { Decision } from './ranking'
export { ratingGrade, rateOf } from './rating'
export { formatPath, formatProblem } from './json-path'
export type { Problem } from './json-path'
export {
  draftAgain,
  screenAfter,
  voteActions,
  voteStates,
  voteStep,
  voteTransitions,
} from './vote-lifecycle'
export type {
  ScreenEffect,
  VoteAction,
  VoteLifecycleInput,
  VoteRefusal,
  VoteState,
  VoteStep,
  VoteTransition,
} from './vote-lifecycle'
export { briefResult } from './brief-result'
