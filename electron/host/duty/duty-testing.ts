import type { Socket } from 'socket.io-client'
import { afterEach, beforeEach } from 'vitest'
import type { DeputyId, MeetingId, VoteId } from '../../../shared/protocol/ids'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, HostHarness } from '../testing/host-harness'
import { must, runVote } from '../year/year-testing'

/**
 * Test support for 代表履职: meetings made as staff make them (created, a roster typed in, check-ins
 * by tablet, by staff, from the paper sheet, leave with a reason), and votes cast in them, so a
 * test can show the record holds none of it.
 */

/**
 * A fresh host for each test of the file, torn down after it: last year's documents are drawn
 * in a worker that a slow machine may keep past the default hook time.
 */
export function hostPerTest(): { current: HostHarness } {
  const ref = {} as { current: HostHarness }
  beforeEach(async () => {
    ref.current = await new HostHarness().setup()
  })
  afterEach(() => ref.current.teardown(), 60_000)
  return ref
}

export interface Seat {
  number?: string
  name: string
  delegation: string
}

export type Attendance = 'tablet' | 'staff' | 'paper' | 'absent' | { leave: string }

/** A new meeting (it becomes the open one) with this roster; answers its id and deputies' ids. */
export async function meetingWith(
  h: HostHarness,
  staff: Socket,
  title: string,
  date: string,
  seats: readonly Seat[],
): Promise<{ meetingId: MeetingId; ids: DeputyId[] }> {
  const details = { session: '', date, venue: '', presiding: '' }
  const { meetingId } = must(await call(staff, 'meeting:create', { title, details }))
  await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
  const ids: DeputyId[] = []
  for (const [i, s] of seats.entries()) {
    const added = must(
      await call(staff, 'deputy:add', {
        number: s.number ?? '',
        name: s.name,
        delegation: s.delegation,
        seat: `1排${i + 1}号`,
      }),
    )
    ids.push(added.deputyId)
  }
  return { meetingId, ids }
}

/** Takes each deputy's attendance as the hall would: a tablet opens the card, staff act. */
export async function attend(
  h: HostHarness,
  staff: Socket,
  ids: readonly DeputyId[],
  how: readonly Attendance[],
): Promise<void> {
  for (const [i, a] of how.entries()) {
    const deputyId = ids[i]!
    if (a === 'absent') continue
    if (a === 'tablet') {
      const d = h.host.session.meeting.deputy(deputyId)!
      ;(await h.deputy(d.credential)).socket.disconnect()
    } else if (a === 'staff' || a === 'paper')
      must(
        await call(staff, 'attendance:set', {
          deputyIds: [deputyId],
          state: 'present',
          ...(a === 'paper' ? { via: 'paper' as const } : {}),
        }),
      )
    else
      must(
        await call(staff, 'attendance:set', {
          deputyIds: [deputyId],
          state: 'leave',
          reason: a.leave,
        }),
      )
  }
}

/**
 * Two projects and a 2选1 vote the first `voters` deputies (their cards opened on tablets) vote
 * in: closed and published, or left open with its ballots in the box.
 */
export async function voteIn(
  h: HostHarness,
  staff: Socket,
  voters: number,
  { publish }: { publish: boolean },
): Promise<VoteId> {
  for (const [id, title] of [
    ['P01', '社区长者食堂'],
    ['P02', '背街小巷改造'],
  ] as const)
    must(await call(staff, 'project:add', { id, title }))
  const rules = defaultRules('select', 1)
  const marks = Array.from({ length: voters }, () => ['for' as const])
  if (publish) return runVote(h, staff, rules, marks)
  const voteId = await h.addVote(staff, rules)
  const tablets = h.host.session.meeting.data.deputies.slice(0, voters)
  must(await call(staff, 'vote:open', { voteId }))
  for (const [i, d] of tablets.entries()) {
    const { socket } = await h.deputy(d.credential)
    const ballot = { voteId, ballotId: `duty-ballot-${i}`, marks: { P01: 'for' as const } }
    must(await call(socket, 'ballot:submit', ballot))
  }
  return voteId
}

/**
 * What every test of the record starts from. The product refuses two deputies of one name and
 * delegation in one roster, so namesakes meet across meetings: 王芳 of the third delegation is
 * 0035 in 2025, has no 编号 in 2026, and is 0021 in 2027: the 2026 one cannot be told apart.
 */
export const earlier: readonly Seat[] = [
  { number: '0012', name: '张伟', delegation: '第一代表团' },
  { number: '0035', name: '王芳', delegation: '第三代表团' },
]

export const lastYear: readonly Seat[] = [
  { number: '0012', name: '张伟', delegation: '第一代表团' },
  { number: '0013', name: '李娜', delegation: '第二代表团' },
  { name: '王芳', delegation: '第三代表团' },
  { number: '__proto__', name: '__proto__', delegation: 'constructor' },
  { name: '=1+2', delegation: '第三代表团' },
]

/** The second delegation renamed (李娜 keeps her 编号); 王芳 now numbered. */
export const thisYear: readonly Seat[] = [
  { number: '0013', name: '李娜', delegation: '第二代表组' },
  { number: '__proto__', name: '__proto__', delegation: 'constructor' },
  { number: '0012', name: '张伟', delegation: '第一代表团' },
  { number: '0021', name: '王芳', delegation: '第三代表团' },
  { name: '=1+2', delegation: '第三代表团' },
]

/**
 * 2025: both by staff. 2026: 张伟 and 李娜 by tablet (and they vote), 王芳 from the paper sheet,
 * __proto__ on leave (因公出差), =1+2 absent. 2027 (open at the end): 李娜 by tablet, __proto__ by
 * staff (the two vote, and the vote stays open), 张伟 on leave (病假), 王芳 absent, =1+2 from the
 * paper sheet.
 */
export async function threeMeetings(h: HostHarness) {
  const staff = await h.staff()
  const first = await meetingWith(h, staff, '2025年人民代表大会', '2025-01-08', earlier)
  await attend(h, staff, first.ids, ['staff', 'staff'])
  const a = await meetingWith(h, staff, '2026年人民代表大会', '2026-01-10', lastYear)
  await voteIn(h, staff, 2, { publish: true })
  await attend(h, staff, a.ids, ['tablet', 'tablet', 'paper', { leave: '因公出差' }, 'absent'])
  const b = await meetingWith(h, staff, '2027年人民代表大会', '2027-01-12', thisYear)
  await attend(h, staff, b.ids, ['tablet', 'staff', { leave: '病假' }, 'absent', 'paper'])
  await voteIn(h, staff, 2, { publish: false })
  // Last year's documents are drawn before the test reads anything: a slow machine's worker
  // otherwise outlasts the test's teardown.
  await h.host.archiver.idle()
  return { staff, first, a, b }
}
