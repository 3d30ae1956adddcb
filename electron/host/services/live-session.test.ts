import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Mark } from '../../../shared/protocol/marks'
import type {
  ConsoleState,
  DeputyHallView,
  DeputyState,
  ScreenState,
} from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { VoteRules } from '../../../shared/protocol/vote-rules.schema'
import { readBallotBox } from '../store/ballot-box/slot-reader'
import { call, callRaw, next, quorumMeeting } from '../testing/host-harness'

describe('an open vote', () => {
  it('has its ballot box on disk, empty, from the moment it opens', async () => {
    const { h, staff, deputies } = await quorumMeeting(6)
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const deputyIds = deputies.map((d) => d.id)
    expect(await call(staff, 'attendance:set', { deputyIds, state: 'present' })).toMatchObject({
      ok: true,
    })
    expect(await call(staff, 'vote:open', { voteId })).toMatchObject({ ok: true })
    const folder = join(h.meetingDir, 'ballots')
    const keyOf = (keyId: string) => h.host.session.keys.load(keyId)
    expect(await readBallotBox(folder, voteId, keyOf)).toMatchObject({
      voteId,
      ballots: [],
      voted: [],
    })
    // All three slots, laid out for the hall: the first ballots write only what they change.
    expect((await readdir(folder)).sort()).toEqual([
      `${voteId}.slot-a.json`,
      `${voteId}.slot-b.json`,
      `${voteId}.slot-c.json`,
      `${voteId}.watermark.json`,
    ])
  })

  it('collects the heap as a vote opens, before any tablet is shown it, and the young after', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const [tablet] = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    if (!tablet) throw new Error('tablets')
    // The host runs with --expose-gc (heap-flags.ts); here, the collections it asks for are seen.
    const order: string[] = []
    const exposed = globalThis.gc
    globalThis.gc = ((options?: NodeJS.GCOptions) =>
      order.push(`collected ${options?.type ?? 'major'}`)) as unknown as NodeJS.GCFunction
    onTestFinished(() => {
      globalThis.gc = exposed
    })
    const shown = next<DeputyHallView>(tablet.socket, 'deputy:hall', (v) => v.vote?.id === voteId)
    expect(await call(staff, 'vote:open', { voteId })).toMatchObject({ ok: true })
    await shown
    order.push('shown')
    // The young generation once the hall has gone out to every tablet (here in one turn).
    expect(order).toEqual(['collected major', 'collected minor', 'shown'])
  })

  it('sends the console the turnout about once a second while ballots come in, and the last', async () => {
    const { h, staff, deputies } = await quorumMeeting(12)
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    const opened = next<ConsoleState>(staff, 'console:state', (s) => s.live?.voteId === voteId)
    await call(staff, 'vote:open', { voteId })
    await opened
    await new Promise((r) => setTimeout(r, 1100))
    let states = 0
    staff.on('console:state', () => (states += 1))
    const allIn = next<ConsoleState>(
      staff,
      'console:state',
      (s) => s.live?.notVotedIds.length === 0,
    )
    const started = performance.now()
    for (const [i, t] of tablets.entries()) {
      const sent = await call(t.socket, 'ballot:submit', {
        voteId,
        ballotId: `ballot-rate-${i}`,
        marks: { P01: 'for' },
      })
      expect(sent.ok).toBe(true)
      await new Promise((r) => setTimeout(r, 100))
    }
    await allIn
    const seconds = (performance.now() - started) / 1000
    // Four a second (every ballot's change, at the console's 250 ms) would be ~6 here.
    expect(states).toBeLessThanOrEqual(Math.ceil(seconds) + 1)
  })

  it('shows who has not voted by delegation, and reminds only their tablets', async () => {
    const { h, staff, deputies } = await quorumMeeting(6)
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    await call(staff, 'vote:open', { voteId })
    const [t0, t1] = tablets
    if (!t0 || !t1) throw new Error('tablets')
    const ok = await call(t0.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-zero-0',
      marks: { P01: 'for' },
    })
    expect(ok.ok).toBe(true)

    const seen = next<ConsoleState>(staff, 'console:state', (s) => s.live?.notVotedIds.length === 5)
    const reminded = next<{ voteId: string }>(t1.socket, 'deputy:remind')
    let votedReminded = false
    t0.socket.on('deputy:remind', () => (votedReminded = true))
    expect(await call(staff, 'vote:remind', { voteId })).toEqual({
      ok: true,
      data: { reminded: 5 },
    })
    await expect(reminded).resolves.toEqual({ voteId })
    const live = (await seen).live
    expect(live?.notVotedIds).toEqual(deputies.slice(1).map((d) => d.id))
    const total = live?.byDelegation.reduce((s, r) => s + r.cast, 0)
    expect(total).toBe(1)
    expect(live?.byDelegation.reduce((s, r) => s + r.issued, 0)).toBe(6)
    expect(votedReminded).toBe(false)
  })

  it('records a paper ballot unlinked: the deputy is voted, an over-vote counts invalid', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    await call(staff, 'vote:open', { voteId })
    const [d0, d1] = deputies
    if (!d0 || !d1) throw new Error('deputies')
    const overVote = { P01: 'for', P02: 'for', P03: 'for' } as const
    const turned = next<DeputyState>(tablets[0]?.socket as never, 'deputy:state', (s) => s.voted)
    expect(await call(staff, 'vote:paper', { voteId, deputyId: d0.id, marks: overVote })).toEqual({
      ok: true,
      data: null,
    })
    await expect(turned).resolves.toMatchObject({ voted: true })
    expect(await call(staff, 'vote:paper', { voteId, deputyId: d0.id, marks: {} })).toMatchObject({
      ok: false,
      error: { code: 'already-voted' },
    })
    expect(
      await call(staff, 'vote:paper', { voteId, deputyId: d1.id, marks: { P99: 'for' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request', detail: 'marks.P99: unknown candidate' },
    })
    expect(
      await call(staff, 'vote:paper', { voteId, deputyId: d1.id, marks: {}, spoiled: true }),
    ).toEqual({ ok: true, data: null })
    // The tablet of a paper voter cannot vote again.
    const late = await call(tablets[0]?.socket as never, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-late-00',
      marks: { P01: 'for' },
    })
    expect(late).toMatchObject({ ok: false, error: { code: 'already-voted' } })
    await call(tablets[2]?.socket as never, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-two-000',
      marks: { P01: 'for' },
    })
    await call(staff, 'vote:close', { voteId })
    const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)
    expect(vote?.result?.counts).toMatchObject({ issued: 3, cast: 3, valid: 1, invalid: 2 })
    const entry = (await h.host.session.audit.entries()).filter(
      (e) => e.type === 'vote.paper-entry',
    )
    expect(entry.map((e) => e.data)).toEqual([
      { voteId, deputyId: d0.id },
      { voteId, deputyId: d1.id },
    ])
    // Sealed once closed. The box holds contents and voters apart: no ballot carries an id.
    await h.host.archiver.idle()
    const box = await readFile(join(h.meetingDir, 'ballots', `${voteId}.json`), 'utf8')
    const parsed = JSON.parse(box) as { ballots: Record<string, unknown>[] }
    for (const b of parsed.ballots)
      expect(Object.keys(b).sort()).toEqual(
        b.spoiled ? ['count', 'marks', 'spoiled'] : ['count', 'marks'],
      )
  })

  it('closes by the timer from the deadline stored at open, also after a restart', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    await call(staff, 'attendance:set', { deputyIds: deputies.map((d) => d.id), state: 'present' })
    const rules = { ...defaultRules('select', 2), timeLimit: { seconds: 2, onExpiry: 'close' } }
    const voteId = await h.addVote(staff, rules as VoteRules)
    await call(staff, 'vote:open', { voteId })
    const vote = h.host.session.meeting.data.votes[0]
    const opened = Date.parse(vote?.openedAt ?? '')
    expect(Date.parse(vote?.deadline ?? '') - opened).toBe(2000)
    // The host goes down and comes back before the deadline: the clock is the stored deadline.
    await h.stop()
    await h.start()
    expect(h.host.session.openVote()?.id).toBe(voteId)
    const again = h.connect('/console', { token: h.host.staffToken })
    await expect(
      next<ConsoleState>(again, 'console:state', (s) => s.votes[0]?.status === 'closed'),
    ).resolves.toBeTruthy()
    expect(Date.now() - opened).toBeGreaterThanOrEqual(2000)
    const closed = (await h.host.session.audit.entries()).find((e) => e.type === 'vote.closed')
    expect(closed?.data.by).toBe('timer')
  })

  it('warns instead of closing when the time limit says so', async () => {
    const { h, staff, deputies } = await quorumMeeting(3)
    await call(staff, 'attendance:set', { deputyIds: deputies.map((d) => d.id), state: 'present' })
    const rules = { ...defaultRules('motion'), timeLimit: { seconds: 1, onExpiry: 'warn' } }
    const voteId = await h.addVote(staff, rules as VoteRules)
    const timeUp = next<ConsoleState>(staff, 'console:state', (s) => s.votes[0]?.timeUp === true)
    const tablet = await h.deputy(deputies[0]?.credential ?? '')
    const ballot = next<DeputyHallView>(tablet.socket, 'deputy:hall', (s) => s.vote !== null)
    await call(staff, 'vote:open', { voteId })
    // Tablets get the time left, not the host's wall clock: their own clocks drift.
    const remaining = (await ballot).vote?.remainingMs ?? -1
    expect(remaining).toBeGreaterThan(0)
    expect(remaining).toBeLessThanOrEqual(1000)
    const state = await timeUp
    expect(state.votes[0]?.status).toBe('open')
    expect(await h.auditTypes()).toContain('vote.time-up')
  })
})

describe('after close', () => {
  it('annuls a vote with a reason: kept, logged, the screen says so and shows no result', async () => {
    const { h, staff } = await quorumMeeting(3)
    await h.host.attendance.setQuorum({ numerator: 0, denominator: 1 })
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    await call(staff, 'vote:open', { voteId })
    await call(staff, 'vote:close', { voteId })
    await call(staff, 'vote:publish', { voteId })
    expect(await callRaw(staff, 'vote:annul', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    const screen = h.connect('/screen')
    await next<ScreenState>(screen, 'screen:state')
    const cleared = next<ScreenState>(screen, 'screen:state')
    expect(await call(staff, 'vote:annul', { voteId, reason: '计票程序有误' })).toEqual({
      ok: true,
      data: null,
    })
    const shown = await cleared
    expect(shown.stage).toBe('results')
    expect(shown.vote).toMatchObject({
      id: voteId,
      status: 'annulled',
      annulReason: '计票程序有误',
    })
    expect(shown.vote?.result).toBeNull()
    const vote = h.host.session.meeting.data.votes[0]
    expect(vote).toMatchObject({ status: 'annulled', annulReason: '计票程序有误' })
    expect(vote?.result).not.toBeNull()
    const entry = (await h.host.session.audit.entries()).find((e) => e.type === 'vote.annulled')
    expect(entry?.data).toEqual({
      voteId,
      from: 'published',
      reason: '计票程序有误',
      // The box as annulled, which recount checks the archive's against.
      ballotBoxDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('creates the run-off of a tie in one call, once; a clean result has none', async () => {
    const { h, staff, deputies } = await quorumMeeting(4)
    await call(staff, 'attendance:set', { deputyIds: deputies.map((d) => d.id), state: 'present' })
    // 4 candidates, 2 seats, threshold of the valid ballots so two ballots can pass.
    const rules: VoteRules = {
      ...defaultRules('select', 2),
      threshold: { base: 'valid', numerator: 1, denominator: 2, strict: false },
    }
    const voteId = await h.addVote(staff, rules)
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    await call(staff, 'vote:open', { voteId })
    const marks: Record<string, Mark>[] = [
      { P01: 'for', P02: 'for' },
      { P01: 'for', P03: 'for' },
      { P01: 'for' },
      { P02: 'for', P03: 'for' },
    ]
    for (const [i, t] of tablets.entries())
      await call(t.socket, 'ballot:submit', {
        voteId,
        ballotId: `ballot-${i}-xyz`,
        marks: marks[i]!,
      })
    expect(await call(staff, 'vote:runoff', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-closed' },
    })
    await call(staff, 'vote:close', { voteId })
    const closed = h.host.session.meeting.data.votes[0]
    expect(closed?.result?.tie).toEqual({ candidates: ['P02', 'P03'], seatsLeft: 1 })

    const runoff = await call(staff, 'vote:runoff', { voteId })
    if (!runoff.ok) throw new Error(JSON.stringify(runoff.error))
    expect(await call(staff, 'vote:runoff', { voteId })).toEqual(runoff)
    const made = h.host.session.meeting.data.votes.find((v) => v.id === runoff.data.voteId)
    expect(made).toMatchObject({
      status: 'draft',
      title: '测试表决（另行票决）',
      runoffOf: voteId,
      candidates: [
        { id: 'P02', title: expect.any(String) },
        { id: 'P03', title: expect.any(String) },
      ],
    })
    expect(made?.rules).toMatchObject({ kind: 'select', seats: 1, threshold: rules.threshold })
    expect(await h.auditTypes()).toContain('vote.runoff-created')

    // The run-off itself: P02 wins alone, so nothing is left to run off.
    const second = runoff.data.voteId
    await call(staff, 'vote:open', { voteId: second })
    for (const [i, t] of tablets.entries())
      await call(t.socket, 'ballot:submit', {
        voteId: second,
        ballotId: `ballot-${i}-second`,
        marks: i < 3 ? { P02: 'for' } : {},
      })
    await call(staff, 'vote:close', { voteId: second })
    expect(await call(staff, 'vote:runoff', { voteId: second })).toMatchObject({
      ok: false,
      error: { code: 'no-runoff' },
    })
  })
})
