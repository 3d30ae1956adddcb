import type { HostHandle } from '../electron/host'
import type { Mark } from '../shared/protocol/marks'
import type { VoteRules } from '../shared/protocol/vote-rules.schema'
import type { VoteId } from '../shared/protocol/ids'

/**
 * A vote run on the host itself (its services, as the tablets' ballots reach them): every
 * deputy checked in, the first `marks.length` deputies casting their marks (one per candidate in
 * ballot order, none past the end), then closed and
 * published. This spec is about the year after the vote, which the console shows.
 */
export async function publishVote(
  host: HostHandle,
  rules: VoteRules,
  marks: Mark[][],
  candidates: number | VoteId,
): Promise<VoteId> {
  const data = host.session.meeting.data
  await host.attendance.set({ deputyIds: data.deputies.map((d) => d.id), state: 'present' })
  const voteId =
    typeof candidates === 'string'
      ? candidates
      : (
          await host.votes.create({
            title: '2027年度民生实事项目票决',
            rules,
            candidateIds: data.projects.slice(0, candidates).map((p) => p.id),
          })
        ).voteId
  const vote = host.session.meeting.data.votes.find((v) => v.id === voteId)!
  await host.votes.open({ voteId })
  for (const [i, m] of marks.entries()) {
    const ballot = Object.fromEntries(
      vote.candidates.flatMap((c, j) => (m[j] ? [[c.id, m[j]]] : [])),
    )
    await host.votes.submit(data.deputies[i]!.id, {
      voteId,
      ballotId: `e2e-year-${voteId}-${i}`,
      marks: ballot,
    })
  }
  await host.votes.close(voteId)
  await host.votes.publish(voteId)
  await host.year.idle()
  return voteId
}
