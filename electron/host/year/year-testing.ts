import type { Socket } from 'socket.io-client'
import type { Mark } from '../../../shared/protocol/marks'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import type { MeetingId, VoteId } from '../../../shared/protocol/ids'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { chinaToday } from '../../../shared/year/year.schema'
import { expect } from 'vitest'
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

const f = 'for'

/**
 * Last year's meeting: 2 projects elected, one with progress (100 %, today); then this year's,
 * opened. With `overdue`, the second was planned for completion on 2000-01-01: late.
 */
export async function twoYears(h: HostHarness, { overdue = false } = {}) {
  const staff = await h.staff()
  await h.host.meetings.loadDemo(6)
  const lastYear = h.host.session.meetingId as MeetingId
  const lastDir = h.meetingDir
  await runVote(h, staff, defaultRules('select', 2), [
    [f, f],
    [f, f],
    [f, f],
    [f, f],
  ])
  const projects = must(await call(staff, 'year:view', {})).projects
  must(
    await call(staff, 'year:progress-add', {
      projectId: projects[0]!.id,
      date: chinaToday(),
      kind: 'year-end',
      percent: 100,
      text: '全部建成投用',
      opinions: [],
    }),
  )
  if (overdue)
    must(
      await call(staff, 'year:project-update', {
        projectId: projects[1]!.id,
        title: projects[1]!.title,
        leadUnit: projects[1]!.leadUnit,
        budget: projects[1]!.budget,
        plannedCompletion: '2000-01-01',
        responsible: '',
      }),
    )
  // Last year's archive is finished before its folder is compared with itself later.
  await h.host.archiver.idle()
  await h.host.meetings.loadDemo(6)
  await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  expect(h.host.session.meetingId).not.toBe(lastYear)
  return { staff, lastYear, lastDir, projects }
}
