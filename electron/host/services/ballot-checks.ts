import type { ErrorCode } from '../../../shared/protocol/envelope'
import { isReservedName } from '../../../shared/protocol/ids'
import type { Mark } from '../../../shared/protocol/vote-rules.schema'
import { allowedMarks } from '../../../shared/protocol/vote-rules.schema'
import type { VoteDef } from '../../../shared/protocol/vote.schema'
import { ServiceError } from './service-error'

/**
 * Every mark names a candidate of this vote and is a mark its kind allows. Anything else is
 * malformed input (voting-rules.md), never an invalid ballot to be counted. Checked in place,
 * without a set or a list made per ballot: every tablet's ballot comes through here.
 */
export function checkMarks(vote: VoteDef, marks: Record<string, Mark>, code: ErrorCode): void {
  const allowed = allowedMarks[vote.rules.kind]
  for (const id in marks) {
    // An inherited key is no mark of this ballot, and no candidate either.
    if (!Object.hasOwn(marks, id) || !isCandidate(vote, id))
      throw new ServiceError(code, `marks.${id}: unknown candidate`)
    const mark = marks[id]!
    if (!allowed.includes(mark)) throw new ServiceError(code, `marks.${id}: ${mark} not allowed`)
  }
}

function isCandidate(vote: VoteDef, id: string): boolean {
  for (let i = 0; i < vote.candidates.length; i++) if (vote.candidates[i]!.id === id) return true
  return false
}

/**
 * A tablet ballot is also well formed: the tablet makes an over-vote impossible and asks for a
 * mark on every item of a per-item, motion or rating ballot (paper may be either, and counts).
 */
export function checkTabletBallot(vote: VoteDef, marks: Record<string, Mark>): void {
  checkMarks(vote, marks, 'invalid-ballot')
  let forCount = 0
  for (const id in marks) if (Object.hasOwn(marks, id) && marks[id] === 'for') forCount += 1
  const limit = vote.rules.kind === 'select' ? vote.rules.seats : vote.rules.maxFor
  if (limit !== null && forCount > limit) {
    throw new ServiceError('invalid-ballot', `marks: ${forCount} for exceeds ${limit}`)
  }
  if (vote.rules.kind !== 'select') {
    // Own keys only: `marks.constructor` of an unmarked item would read Object.prototype's.
    const missing = vote.candidates.find((c) => !Object.hasOwn(marks, c.id))
    if (missing) throw new ServiceError('invalid-ballot', `marks.${missing.id}: not marked`)
  }
}

/**
 * A ballot cannot carry a mark on a candidate called `__proto__`, `constructor`, …: a meeting
 * imported before the id rule (shared/protocol/ids.ts) may still hold such a project. Its vote
 * is refused before it opens, with what to do, rather than left to count that item as
 * unmarked. Other ids from before the rule (spaces, Chinese) are counted faithfully and pass.
 */
export function checkCandidateIds(candidates: readonly { id: string }[], path: string): void {
  const i = candidates.findIndex((c) => isReservedName(c.id))
  if (i < 0) return
  const id = candidates[i]!.id
  throw new ServiceError(
    'bad-request',
    `${path}[${i}]: 编号“${id}”是系统保留的名称，选票无法记录对它的表决，请先在候选项目中修改编号` +
      ` / "${id}" is a reserved name a ballot cannot mark; give the project another number first`,
  )
}
