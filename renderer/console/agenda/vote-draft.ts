import type { MessageKey } from '../../../shared/i18n'
import { voteRulesSchema } from '../../../shared/protocol/vote-rules.schema'
import type { VoteDraft } from './presets'

/** What keeps a draft from being saved, in the staff's words. */
export function draftProblems(
  draft: VoteDraft,
): { key: MessageKey; params?: Record<string, number> }[] {
  const out: { key: MessageKey; params?: Record<string, number> }[] = []
  const { rules } = draft
  const n = draft.candidateIds.length
  if (draft.title.trim() === '') out.push({ key: 'prep.vote.problem.title' })
  if (rules.kind === 'motion' && n !== 1) out.push({ key: 'prep.vote.problem.motionOne' })
  else if (n === 0) out.push({ key: 'prep.vote.problem.noCandidates' })
  if (rules.seats !== null && n > 0 && rules.seats > n)
    out.push({ key: 'prep.vote.problem.seats', params: { k: rules.seats, n } })
  if (rules.maxFor !== null && n > 0 && rules.maxFor > n)
    out.push({ key: 'prep.vote.problem.maxFor', params: { k: rules.maxFor, n } })
  if (rules.threshold.numerator > rules.threshold.denominator)
    out.push({ key: 'prep.vote.problem.fraction' })
  if (!voteRulesSchema.safeParse(rules).success && out.length === 0)
    out.push({ key: 'prep.vote.problem.rules' })
  return out
}

/** A whole number from a NumberInput, which hands out '' while the field is empty. */
export const int = (v: number | string, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback
