import type { PaperRefusal, PaperWork } from '../../../shared/rules/paper-count'
import { emptyPaperWork } from '../../../shared/rules/paper-count'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import type { BallotBoxStore } from '../store/ballot-box/ballot-box.store'
import { ServiceError } from './service-error'

/**
 * A vote's paper count as its box found it on disk at the start (store/ballot-box/paper-file.ts:
 * written by this host under the vote's key, so it is this host's own JSON), or a fresh one.
 */
export function readPaperWork(box: BallotBoxStore): PaperWork {
  const text = box.paperWorkAtStart
  if (!text) return emptyPaperWork()
  const work = JSON.parse(text) as PaperWork
  return { issued: work.issued, returned: work.returned, batches: work.batches }
}

/** A paper count's refusal as the console words it: `error.paper-count.<reason>` with its figures. */
export function paperRefused(refusal: PaperRefusal): ServiceError {
  return new ServiceError('paper-count', refusal.reason, {
    reason: refusal.reason,
    ...refusal.params,
  })
}

/** Ballots in the box from tablets (and single paper entries before the paper count). */
export function tabletCast(box: BallotBoxStore): number {
  return box.castCount - box.paperBatches.ballots
}

/** Deputies to count from paper: the vote's 发出 less the ballots in the box from tablets. */
export function paperToCount(vote: Pick<VoteDef, 'attendance'>, box: BallotBoxStore): number {
  return Math.max(0, (vote.attendance?.issued ?? 0) - tabletCast(box))
}
