import { describe, expect, it } from 'vitest'
import type {
  ConsoleDeputyView,
  ConsoleState,
  DeputyState,
  ScreenState,
} from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, callRaw, next, quorumMeeting } from '../testing/host-harness'

describe('check-in and quorum', () => {
  it('checks in one deputy, a delegation, undoes and marks leave; counts and quorum follow', async () => {
    const { h, staff, deputies } = await quorumMeeting(12)
    const [a, b] = deputies
    if (!a || !b) throw new Error('demo has deputies')
    const screen = h.connect('/screen')
    await next<ScreenState>(screen, 'screen:state')

    expect(await call(staff, 'attendance:set', { deputyIds: [a.id], state: 'present' })).toEqual({
      ok: true,
      data: { changed: 1 },
    })
    const delegation = b.delegation
    const members = deputies.filter((d) => d.delegation === delegation)
    const bulk = await call(staff, 'attendance:set', {
      delegation,
      state: 'present',
    })
    expect(bulk).toEqual({
      ok: true,
      data: { changed: members.filter((d) => d.id !== a.id).length },
    })
    const leave = deputies.find((d) => d.delegation !== delegation && d.id !== a.id)
    if (!leave) throw new Error('another delegation')
    await call(staff, 'attendance:set', { deputyIds: [leave.id], state: 'leave' })
    await call(staff, 'attendance:set', { deputyIds: [a.id], state: 'absent' })

    const present = members.filter((d) => d.id !== a.id).length
    const stateSeen = next<ConsoleState>(staff, 'console:state')
    const screenSeen = next<ScreenState>(screen, 'screen:state')
    await call(staff, 'meeting:set-quorum', { numerator: 1, denominator: 2 })
    const state = await stateSeen
    expect(state.attendance).toEqual({
      roster: 12,
      present,
      absent: 12 - present - 1,
      leave: 1,
      quorum: { numerator: 1, denominator: 2 },
      quorumNeeded: 6,
      quorumMet: present * 2 >= 12,
    })
    expect((await screenSeen).attendance).toEqual(state.attendance)
    const types = await h.auditTypes()
    expect(types).toEqual(
      expect.arrayContaining([
        'deputy.checked-in',
        'deputy.on-leave',
        'deputy.check-in-undone',
        'meeting.quorum-set',
      ]),
    )
  })

  it('sends the console the roster when a deputy changes, not when a vote opens or closes', async () => {
    const { h, staff, deputies } = await quorumMeeting(12)
    const ids = deputies.map((d) => d.id)
    const rosters: ConsoleDeputyView[][] = []
    staff.on('console:roster', (r: ConsoleDeputyView[]) => rosters.push(r))
    const checkedIn = next<ConsoleDeputyView[]>(staff, 'console:roster', (r) =>
      r.every((d) => d.present),
    )
    await call(staff, 'attendance:set', { deputyIds: ids, state: 'present' })
    await checkedIn
    const sent = rosters.length

    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const published = next<ConsoleState>(staff, 'console:state', (c) =>
      c.votes.some((v) => v.id === voteId && v.status === 'published'),
    )
    await call(staff, 'vote:open', { voteId })
    await call(staff, 'vote:close', { voteId })
    await call(staff, 'vote:publish', { voteId })
    // The console's state and (were it sent) its roster go out together, throttled.
    await published
    const onLeave = (r: ConsoleDeputyView[]) => r.find((d) => d.id === ids[0])?.attendance
    const left = next<ConsoleDeputyView[]>(staff, 'console:roster', (r) => onLeave(r) === 'leave')
    await call(staff, 'attendance:set', { deputyIds: [ids[0]!], state: 'leave' })
    await left
    // Every roster after the check-in's shows the leave: none went out for the vote.
    expect(rosters.slice(sent).map(onLeave)).toEqual(['leave'])
  })

  it('refuses bad attendance input and changes nothing', async () => {
    const { h, staff } = await quorumMeeting(5)
    expect(await call(staff, 'attendance:set', { state: 'present' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(
      await call(staff, 'attendance:set', { deputyIds: ['nobody'], state: 'present' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found', detail: 'deputyIds[0]: nobody' } })
    expect(await call(staff, 'meeting:set-quorum', { numerator: 3, denominator: 2 })).toMatchObject(
      { ok: false, error: { code: 'bad-request' } },
    )
    expect(h.host.session.meeting.data.deputies.every((d) => !d.present)).toBe(true)
  })

  it('opens only with a quorum unless staff give a reason; late check-ins grow issued', async () => {
    const { h, staff, deputies } = await quorumMeeting(9)
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const ids = deputies.map((d) => d.id)
    // Two-thirds of 9 is 6: five present is not enough.
    await call(staff, 'attendance:set', { deputyIds: ids.slice(0, 5), state: 'present' })
    expect(await call(staff, 'vote:open', { voteId })).toEqual({
      ok: false,
      error: { code: 'no-quorum', detail: '5/6' },
    })
    expect(await call(staff, 'vote:open', { voteId, override: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(h.host.session.meeting.data.votes[0]?.status).toBe('draft')

    const opened = await call(staff, 'vote:open', { voteId, override: '主任会议决定继续' })
    expect(opened.ok).toBe(true)
    const entries = await h.host.session.audit.entries()
    expect(entries.find((e) => e.type === 'vote.quorum-overridden')?.data).toEqual({
      voteId,
      present: 5,
      needed: 6,
      reason: '主任会议决定继续',
    })

    // A late check-in by a tablet and one by staff: both become eligible.
    await h.deputy(deputies[5]?.credential ?? '')
    await call(staff, 'attendance:set', { deputyIds: [ids[6]!], state: 'present' })
    const vote = h.host.session.meeting.data.votes[0]
    expect(vote?.attendance).toEqual({ roster: 9, present: 7, issued: 7 })
    expect((await h.auditTypes()).filter((t) => t === 'vote.issued-grew')).toHaveLength(2)
    // Taking a check-in back while the vote is open is refused.
    expect(
      await call(staff, 'attendance:set', { deputyIds: [ids[0]!], state: 'absent' }),
    ).toMatchObject({ ok: false, error: { code: 'attendance-locked' } })
  })
})

describe('a deputy on leave who opens their card', () => {
  it('is not checked in: the tablet says so, staff confirm in one click (logged), the tablet goes on', async () => {
    const { h, staff, deputies } = await quorumMeeting(6)
    const [away, other] = deputies
    if (!away || !other) throw new Error('demo has deputies')
    await call(staff, 'attendance:set', { deputyIds: [away.id], state: 'leave' })

    const asked = next<ConsoleState>(staff, 'console:state', (s) =>
      s.leaveCardsOpened.includes(away.id),
    )
    const { socket: tablet, state } = await h.deputy(away.credential)
    expect(state.onLeave).toBe(true)
    const console1 = await asked
    expect(console1.leaveCardsOpened).toEqual([away.id])
    expect(console1.attendance).toMatchObject({ present: 0, leave: 1 })
    expect(h.host.session.meeting.deputy(away.id)).toMatchObject({ present: false, onLeave: true })

    // A tablet reconnecting opens the card again: asked and logged once.
    tablet.disconnect()
    const again = await h.deputy(away.credential)
    expect(again.state.onLeave).toBe(true)
    const opened = (await h.host.session.audit.entries()).filter(
      (e) => e.type === 'deputy.card-opened-on-leave',
    )
    expect(opened.map((e) => e.data)).toEqual([{ deputyId: away.id }])

    // Only a deputy whose card was opened on leave awaits a confirmation.
    expect(await call(staff, 'attendance:confirm', { deputyId: other.id })).toEqual({
      ok: false,
      error: { code: 'not-awaiting-check-in', detail: other.name },
    })
    expect(await call(staff, 'attendance:confirm', { deputyId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(await callRaw(staff, 'attendance:confirm', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })

    const goesOn = next<DeputyState>(again.socket, 'deputy:state', (s) => !s.onLeave)
    const settled = next<ConsoleState>(
      staff,
      'console:state',
      (s) => s.leaveCardsOpened.length === 0 && s.attendance.present === 1,
    )
    expect(await call(staff, 'attendance:confirm', { deputyId: away.id })).toEqual({
      ok: true,
      data: null,
    })
    expect((await goesOn).onLeave).toBe(false)
    expect((await settled).attendance).toMatchObject({ present: 1, leave: 0 })
    expect(h.host.session.meeting.deputy(away.id)).toMatchObject({ present: true, onLeave: false })
    const entries = await h.host.session.audit.entries()
    expect(entries.at(-1)).toMatchObject({
      type: 'deputy.checked-in',
      data: { deputyIds: [away.id], via: 'staff-confirmed' },
    })
    // A second console's click changes nothing.
    expect(await call(staff, 'attendance:confirm', { deputyId: away.id })).toEqual({
      ok: true,
      data: null,
    })
    expect(await h.host.session.audit.entries()).toHaveLength(entries.length)
  })

  it('gets no ballot until staff confirm; a late confirmation grows ballots issued', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    const [away, ...rest] = deputies
    if (!away) throw new Error('demo has deputies')
    await call(staff, 'attendance:set', { deputyIds: rest.map((d) => d.id), state: 'present' })
    await call(staff, 'attendance:set', { deputyIds: [away.id], state: 'leave' })
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)

    const { socket } = await h.deputy(away.credential)
    const first = h.host.session.meeting.data.votes[0]?.candidates[0]?.id ?? ''
    const ballot = (ballotId: string) => ({ voteId, ballotId, marks: { [first]: 'for' as const } })
    expect(
      await call(socket, 'ballot:submit', ballot('0f7a8b4e-0000-4000-8000-000000000001')),
    ).toMatchObject({ ok: false, error: { code: 'not-eligible' } })

    await call(staff, 'attendance:confirm', { deputyId: away.id })
    expect(h.host.session.meeting.data.votes[0]?.attendance).toEqual({
      roster: 3,
      present: 3,
      issued: 3,
    })
    expect(
      await call(socket, 'ballot:submit', ballot('0f7a8b4e-0000-4000-8000-000000000002')),
    ).toMatchObject({ ok: true })
  })
})
