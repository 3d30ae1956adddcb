import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConsoleState } from '../../../shared/protocol/views'
import { call, HostHarness, next } from '../testing/host-harness'
import { openUnder } from '../testing/open-handles'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

describe('meetings', () => {
  it('creates, renames, duplicates, opens and deletes meetings, keeping each one whole', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 12)
    const lastYear = h.host.session.meetingId ?? ''
    const oldCredentials = h.host.session.meeting.data.deputies.map((d) => d.credential)
    const tablet = await h.deputy(oldCredentials[0] ?? '')
    await call(staff, 'vote:open', { voteId })
    await call(tablet.socket, 'ballot:submit', {
      voteId,
      ballotId: 'lastyear-ballot',
      marks: { P01: 'for' },
    })
    expect(await call(staff, 'meeting:create', { title: '新会议' })).toMatchObject({
      ok: false,
      error: { code: 'another-vote-open' },
    })
    await call(staff, 'vote:close', { voteId })

    const renamed = await call(staff, 'meeting:rename', {
      meetingId: lastYear,
      title: '2026年会议',
    })
    expect(renamed.ok).toBe(true)
    const dropped = next<string>(tablet.socket, 'disconnect')
    const dup = await call(staff, 'meeting:duplicate', {
      meetingId: lastYear,
      title: '2027年会议',
    })
    if (!dup.ok) throw new Error(JSON.stringify(dup.error))
    await dropped
    const copy = h.host.session.meeting.data
    expect(h.host.session.meetingId).toBe(dup.data.meetingId)
    expect(copy.meeting?.title).toBe('2027年会议')
    expect(copy.deputies).toHaveLength(12)
    expect(copy.deputies.some((d) => oldCredentials.includes(d.credential))).toBe(false)
    expect(copy.deputies.every((d) => !d.present)).toBe(true)
    expect(copy.votes).toMatchObject([
      { id: voteId, status: 'draft', result: null, attendance: null },
    ])
    // Last year's card does not open this year's meeting.
    const stale = h.connect('/deputy', { credential: oldCredentials[0] ?? '' })
    await expect(next<Error>(stale, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })

    const again = h.connect('/console', { token: h.host.staffToken })
    const { meetings } = await next<ConsoleState>(again, 'console:state')
    expect(meetings.map((m) => [m.title, m.active])).toEqual([
      ['2026年会议', false],
      ['2027年会议', true],
    ])

    expect(await call(staff, 'meeting:delete', { meetingId: dup.data.meetingId })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect((await call(staff, 'meeting:open', { meetingId: lastYear })).ok).toBe(true)
    expect(h.host.session.meeting.data.votes[0]?.status).toBe('closed')
    expect((await call(staff, 'meeting:delete', { meetingId: dup.data.meetingId })).ok).toBe(true)
    expect(h.host.hall.library.meetings.map((m) => m.id)).toEqual([lastYear])
    expect(await readdir(join(h.dataDir, 'trash'))).toHaveLength(1)
  })

  it("lets go of a meeting's files once another is open, and of every file at close", async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 12)
    const first = h.meetingDir
    const tablet = await h.deputy(h.host.session.meeting.data.deputies[0]?.credential ?? '')
    await call(staff, 'vote:open', { voteId })
    await call(tablet.socket, 'ballot:submit', { voteId, ballotId: 'ballot-0001', marks: {} })
    await call(staff, 'vote:close', { voteId })
    await h.host.archiver.idle()
    // The meeting's folder and its ballots' folder, held for their fsyncs, and the audit log.
    expect(await openUnder(first)).toHaveLength(process.platform === 'linux' ? 3 : 0)
    const created = await call(staff, 'meeting:create', { title: '新会议' })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    expect(await openUnder(first)).toEqual([])
    // Renaming a meeting that is not open writes it through a session of its own, then drops it.
    const meetingId = h.host.hall.library.meetings[0]?.id ?? ''
    expect((await call(staff, 'meeting:rename', { meetingId, title: '旧会议' })).ok).toBe(true)
    expect(await openUnder(first)).toEqual([])
    await h.stop()
    expect(await openUnder(h.dataDir)).toEqual([])
    await h.start()
  })
})
