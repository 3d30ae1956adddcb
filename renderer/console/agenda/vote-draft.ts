import type { MessageKey } from '../../../shared/i18n'
import { motionLimits } from '../../../shared/protocol/motion.schema'
import { voteRulesSchema } from '../../../shared/protocol/vote-rules.schema'
import type { VoteDraft } from './presets'

type Problem = { key: MessageKey; params?: Record<string, number> }

/** What keeps a draft from being saved, in the staff's words, each naming its field. */
export function draftProblems(draft: VoteDraft): Problem[] {
  const out: Problem[] = []
  const { rules } = draft
  const n = draft.candidateIds.length
  if (draft.title.trim() === '') out.push({ key: 'prep.vote.problem.title' })
  if (rules.kind === 'motion') out.push(...motionProblems(draft))
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

/** The motion's text, held to the limits the host holds it to (shared/protocol/motion.schema). */
function motionProblems({ motion }: VoteDraft): Problem[] {
  const out: Problem[] = []
  const long = (text: string, max: number) => text.trim().length > max
  if (motion.title.trim() === '') out.push({ key: 'prep.vote.problem.motionTitle' })
  const limits = [
    [motion.title, motionLimits.title, 'prep.vote.problem.motionTitleLong'],
    [motion.docNumber, motionLimits.docNumber, 'prep.vote.problem.docNumberLong'],
    [motion.summary, motionLimits.summary, 'prep.vote.problem.summaryLong'],
  ] as const
  for (const [text, max, key] of limits) if (long(text, max)) out.push({ key, params: { max } })
  return out
}

/** A whole number from a NumberInput, which hands out '' while the field is empty. */
export const int = (v: number | string, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback
