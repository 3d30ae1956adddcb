import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
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

  it("duplicates and renames last year's meeting without opening its ballot boxes or writing to what it only reads", async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 12)
    const lastYear = h.host.session.meetingId ?? ''
    const lastYearDir = h.meetingDir
    await call(staff, 'vote:open', { voteId })
    await call(staff, 'vote:close', { voteId })
    await h.host.archiver.idle()
    const created = await call(staff, 'meeting:create', { title: '新会议' })
    expect(created.ok).toBe(true)
    // Last year's sealed box broken since: only opening that meeting may deal with it.
    const box = join(lastYearDir, 'ballots', `${voteId}.json`)
    await writeFile(box, '{"broken', 'utf8')
    const before = await tree(lastYearDir)

    const dup = await call(staff, 'meeting:duplicate', {
      meetingId: lastYear,
      title: '2027年会议',
    })
    if (!dup.ok) throw new Error(JSON.stringify(dup.error))
    expect(h.host.session.meeting.data.deputies).toHaveLength(12)
    expect(h.host.session.meeting.data.votes).toMatchObject([{ id: voteId, status: 'draft' }])
    expect(await tree(lastYearDir)).toEqual(before)
    expect(await openUnder(lastYearDir)).toEqual([])

    // A rename writes the title and its audit line, and leaves the box as it found it.
    const renamed = await call(staff, 'meeting:rename', {
      meetingId: lastYear,
      title: '2026年会议',
    })
    expect(renamed).toMatchObject({ ok: true })
    expect(await readFile(box, 'utf8')).toBe('{"broken')
    const meeting = JSON.parse(await readFile(join(lastYearDir, 'meeting.json'), 'utf8')) as {
      meeting: { title: string }
    }
    expect(meeting.meeting.title).toBe('2026年会议')
    const audit = await readFile(join(lastYearDir, 'audit.jsonl'), 'utf8')
    expect(audit.trim().split('\n').at(-1)).toContain('"meeting.renamed"')
    expect(await openUnder(lastYearDir)).toEqual([])
  })
})

describe('a duplicated vote', () => {
  it("starts again as a draft: nothing of last year's run (damage, override, annulment, deadline) comes with it", async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 12)
    const lastYear = h.host.session.meetingId ?? ''
    await call(staff, 'meeting:set-quorum', { numerator: 2, denominator: 3 })
    const opened = await call(staff, 'vote:open', { voteId, override: '预演，不足法定人数' })
    expect(opened.ok).toBe(true)
    // Last year's box was found damaged at a start, and staff annulled the vote.
    await h.host.session.meeting.updateVote(voteId, (v) => {
      v.boxDamage = {
        detail: '槽文件缺失',
        foundAt: new Date().toISOString(),
        acknowledgedAt: null,
      }
    })
    expect((await call(staff, 'vote:annul', { voteId, reason: '重新表决' })).ok).toBe(true)

    const dup = await call(staff, 'meeting:duplicate', { meetingId: lastYear, title: '2027年会议' })
    expect(dup.ok).toBe(true)
    const [copy] = h.host.session.meeting.data.votes
    expect(copy).toMatchObject({ id: voteId, status: 'draft', result: null, attendance: null })
    expect(copy?.deadline ?? null).toBeNull()
    expect(copy?.timeUp ?? false).toBe(false)
    expect(copy?.boxDamage ?? null).toBeNull()
    expect(copy?.annulReason ?? null).toBeNull()
    expect(copy?.quorumOverride ?? null).toBeNull()
    // This year's vote runs to its result: last year's damage holds nothing up.
    await call(staff, 'meeting:set-quorum', { numerator: 0, denominator: 1 })
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
    expect(h.host.session.alerts.filter((a) => a.code === 'ballot-box-damaged')).toEqual([])
  })
})

/** Every file under a folder with its size, inode and times: a write changes one of them. */
async function tree(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true })
  const rows = await Promise.all(
    names.map(async (name) => {
      const s = await stat(join(dir, name))
      return `${relative(dir, join(dir, name))} ${s.size} ${s.ino} ${s.mtimeMs} ${s.ctimeMs}`
    }),
  )
  return rows.sort()
}
