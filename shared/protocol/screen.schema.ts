import { z } from 'zod'
import { voteIdSchema } from './ids'
import type { ErrorCode } from './envelope'
import type { ScreenStage } from './views'
import { screenStages } from './views'
import type { VoteDef } from './vote.schema'

/**
 * screen:show — staff set what the projector shows. A vote stage (rules, voting, results, final)
 * names its vote; the host checks that the vote may be shown at that stage.
 */
export const screenShowInputSchema = z.object({
  stage: z.enum(screenStages),
  voteId: voteIdSchema.nullable().optional(),
})
export type ScreenShowInput = z.input<typeof screenShowInputSchema>

/** Why a vote cannot be shown at a stage, or null when it can. Host and console share it. */
export function screenStageProblem(
  stage: ScreenStage,
  vote: Pick<VoteDef, 'status' | 'title'> & { rules: Pick<VoteDef['rules'], 'kind'> },
): { code: ErrorCode; detail: string } | null {
  if (stage === 'voting' && vote.status === 'draft') {
    return { code: 'vote-not-open', detail: vote.title }
  }
  // An annulled vote's results stage says it was annulled and why, and shows no result.
  const annulledNotice = stage === 'results' && vote.status === 'annulled'
  if (
    (stage === 'results' || stage === 'final') &&
    vote.status !== 'published' &&
    !annulledNotice
  ) {
    // Never an interim or unreviewed tally: results reach the hall only once staff publish.
    return { code: 'vote-not-closed', detail: `${vote.title}: result not published` }
  }
  if (stage === 'progress' && vote.rules.kind !== 'rating') {
    return { code: 'bad-request', detail: `stage: progress needs a rating vote` }
  }
  if (stage === 'final' && vote.rules.kind !== 'select' && vote.rules.kind !== 'per-item') {
    return { code: 'bad-request', detail: `stage: final needs a select or per-item vote` }
  }
  return null
}
