import type { Socket } from 'socket.io-client'
import type { Mark } from '../../../shared/protocol/marks'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import type { VoteId } from '../../../shared/protocol/ids'
import { call } from '../testing/host-harness'
import type { HostHarness } from '../testing/host-harness'

/**
 * Test support for the year: a vote on the open meeting run through real tablets (every deputy
 * present casts `marks`, one mark per candidate in ballot order), closed and published.
 */
export async function runVote(
  h: HostHarness,
  staff: Socket,
  rules: VoteRules,
  marks: readonly (readonly Mark[])[],
  existing?: VoteId,
): Promise<VoteId> {
  const voteId = existing ?? (await h.addVote(staff, rules))
  const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
  const deputies = h.host.session.meeting.data.deputies.slice(0, marks.length)
  const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
  must(await call(staff, 'vote:open', { voteId }))
  for (const [i, tablet] of tablets.entries()) {
    const ballot = Object.fromEntries(
      vote.candidates.flatMap((c, j) => (marks[i]![j] ? [[c.id, marks[i]![j]!]] : [])),
    )
    must(
      await call(tablet.socket, 'ballot:submit', {
        voteId,
        ballotId: `year-ballot-${voteId}-${i}`,
        marks: ballot,
      }),
    )
  }
  must(await call(staff, 'vote:close', { voteId }))
  must(await call(staff, 'vote:publish', { voteId }))
  await h.host.year.idle()
  return voteId
}

export function must<T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.data
}
