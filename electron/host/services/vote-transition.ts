import type { VoteAction, VoteLifecycleInput, VoteStep } from '../../../shared/rules'
import { voteStep } from '../../../shared/rules'
import { ServiceError } from './service-error'

/**
 * Where `action` takes this vote and what it causes (shared/rules/vote-lifecycle.ts), or the
 * refusal the caller is answered with: services ask this instead of testing a status.
 */
export function requireTransition(vote: VoteLifecycleInput, action: VoteAction): VoteStep {
  const step = voteStep(vote, action)
  if (!step.ok) throw new ServiceError(step.code, step.detail)
  return step
}
