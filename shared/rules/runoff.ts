import type { BallotBox } from '../protocol/ballot-box.schema'
import type { VoteResult } from '../protocol/result.schema'
import type { VoteDefinition } from '../protocol/vote-rules.schema'

/** Appended to the title of a run-off (另行票决) unless the caller names it. */
export const RUNOFF_TITLE_SUFFIX = '（另行票决）'

export interface RunoffOptions {
  /** Title of the run-off vote; defaults to the original title + RUNOFF_TITLE_SUFFIX. */
  title?: string
}

/**
 * The next vote after a result that left seats open, or null when none is due:
 * - a tie at the cut line (tiePolicy runoff): the tied candidates, for the seats left;
 * - a shortfall under shortfallPolicy runoff-remaining: the candidates not elected, for the
 *   seats left;
 * - otherwise null, including a void vote (it is held again as a whole, not run off), motions,
 *   ratings, and a shortfall the congress accepts (accept-fewer).
 * The run-off keeps every rule of the original vote (threshold, policies, secrecy, time limit);
 * only the candidates and seats change, and a per-item maxFor, which limits `for` marks to the
 * seats on offer, shrinks with them. Candidates keep their original ballot order.
 *
 * `source` is the vote definition (rules + title + candidates), or a ballot box holding one.
 */
export function buildRunoff(
  source: VoteDefinition | Pick<BallotBox, 'vote'>,
  result: VoteResult,
  options: RunoffOptions = {},
): VoteDefinition | null {
  const vote = 'vote' in source ? source.vote : source
  if (result.void !== null) return null
  if (result.kind !== 'select' && result.kind !== 'per-item') return null
  if (result.kind !== vote.kind) {
    throw new Error(`buildRunoff: result is for kind ${result.kind}, vote is ${vote.kind}`)
  }

  let keep: ReadonlySet<string>
  let seatsLeft: number
  if (result.tie !== null) {
    keep = new Set(result.tie.candidates)
    seatsLeft = result.tie.seatsLeft
  } else if (result.shortfall !== null && vote.shortfallPolicy === 'runoff-remaining') {
    const elected = new Set(result.elected)
    keep = new Set(vote.candidates.filter((c) => !elected.has(c.id)).map((c) => c.id))
    seatsLeft = result.shortfall.seatsLeft
  } else {
    return null
  }

  const candidates = vote.candidates.filter((c) => keep.has(c.id)).map((c) => ({ ...c }))
  if (candidates.length !== keep.size) {
    throw new Error('buildRunoff: the result names candidates that are not in the vote')
  }
  return {
    ...vote,
    threshold: { ...vote.threshold },
    timeLimit: vote.timeLimit === null ? null : { ...vote.timeLimit },
    title: options.title ?? runoffTitle(vote.title),
    seats: seatsLeft,
    maxFor: vote.maxFor === null ? null : Math.min(vote.maxFor, seatsLeft),
    candidates,
  }
}

function runoffTitle(title: string): string {
  // A second run-off should not read "（另行票决）（另行票决）".
  return title.endsWith(RUNOFF_TITLE_SUFFIX) ? title : title + RUNOFF_TITLE_SUFFIX
}
