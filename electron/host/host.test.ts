import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../shared/protocol/marks'
import type { DeputyHallView, ScreenState } from '../../shared/protocol/views'
import type { BallotSubmitInput } from '../../shared/protocol/vote.schema'
import { defaultRules } from '../../shared/protocol/vote-rules.schema'
import { readBallotBox } from './store/ballot-box/slot-reader'
import type { AsSent } from './testing/host-harness'
import { call, callRaw, HostHarness, next } from './testing/host-harness'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

describe('host', () => {
  it('refuses a console without the staff token and a deputy without a credential', async () => {
    const bad = h.connect('/console', { token: 'guess' })
    await expect(next<Error>(bad, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })
    const nobody = h.connect('/deputy', { credential: 'AAAAAAAAAAAAAAAAAAAAAA' })
    await expect(next<Error>(nobody, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })
  })

  it('runs a vote: ballots stored once, resends recognised, a second ballot refused', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff)
    const [d1, d2] = h.host.session.meeting.data.deputies
    if (!d1 || !d2) throw new Error('demo has deputies')
    const t1 = await h.deputy(d1.credential)
    const t2 = await h.deputy(d2.credential)
    expect(t1.state.me.name).toBe(d1.name)
    const opening = next<DeputyHallView>(t1.socket, 'deputy:hall', (s) => s.vote !== null)
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    expect((await opening).vote?.candidates).toHaveLength(13)

    const ballot: AsSent<BallotSubmitInput> = {
      voteId,
      ballotId: 'ballot-one-0001',
      marks: { P01: 'for', P02: 'for' },
    }
    const first = await call(t1.socket, 'ballot:submit', ballot)
    const again = await call(t1.socket, 'ballot:submit', ballot)
    expect(first).toEqual({ ok: true, data: { voteId, ballotId: 'ballot-one-0001' } })
    expect(again).toEqual(first)
    const other = await call(t1.socket, 'ballot:submit', { ...ballot, ballotId: 'ballot-two-0002' })
    expect(other).toEqual({ ok: false, error: { code: 'already-voted' } })

    const projects = h.host.session.meeting.data.projects
    const overVote = Object.fromEntries(projects.slice(0, 11).map((p) => [p.id, 'for' as const]))
    const forged = await call(t2.socket, 'ballot:submit', {
      voteId,
      ballotId: 'forged-000001',
      marks: overVote,
    })
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-ballot' } })
    expect(
      await call(t2.socket, 'ballot:submit', { voteId, ballotId: 'x', marks: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(await call(t2.socket, 'vote:close', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    })
    const ok2 = await call(t2.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-three-03',
      marks: { P02: 'for' },
    })
    expect(ok2.ok).toBe(true)

    expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
    const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)
    expect(vote?.result?.counts).toMatchObject({
      roster: 327,
      present: 2,
      issued: 2,
      cast: 2,
      valid: 2,
    })
    expect(vote?.result?.items.slice(0, 2)).toMatchObject([
      { id: 'P02', for: 2, rank: 1 },
      { id: 'P01', for: 1, rank: 2 },
    ])
    const late = await call(t2.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-late-001',
      marks: {},
    })
    expect(late).toMatchObject({ ok: false, error: { code: 'vote-not-open' } })
  })

  it('keeps the screen read-only and shows results only once published', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff)
    const screen = h.connect('/screen')
    await next<ScreenState>(screen, 'screen:state')
    expect(await callRaw(screen, 'vote:open', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-event' },
    })
    const closing = next<ScreenState>(screen, 'screen:state', (s) => s.vote?.status === 'closed')
    await call(staff, 'vote:open', { voteId })
    await call(staff, 'vote:close', { voteId })
    expect((await closing).vote?.result).toBeNull()
    const publishing = next<ScreenState>(
      screen,
      'screen:state',
      (s) => s.vote?.status === 'published',
    )
    await call(staff, 'vote:publish', { voteId })
    const published = await publishing
    expect(published.stage).toBe('results')
    expect(published.vote?.result?.format).toBe('plenary-vote.result/1')
  })

  it('releases the result at close when the rules say immediate', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(10)
    const created = await call(staff, 'vote:create', {
      title: '当场公布的表决',
      rules: { ...defaultRules('select', 3), release: 'immediate' },
      candidateIds: h.host.session.meeting.data.projects.slice(0, 5).map((p) => p.id),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const { voteId } = created.data
    const screen = h.connect('/screen')
    const published = next<ScreenState>(screen, 'screen:state', (s) => s.vote?.result != null)
    await call(staff, 'vote:open', { voteId })
    expect(await call(staff, 'vote:close', { voteId })).toEqual({ ok: true, data: null })
    expect(h.host.session.meeting.data.votes[0]?.status).toBe('published')
    const state = await published
    expect(state.stage).toBe('results')
    expect(state.vote?.result?.counts.issued).toBe(0)
    const types = (await h.host.session.audit.entries()).map((e) => e.type)
    expect(types.indexOf('vote.closed')).toBeLessThan(types.indexOf('vote.published'))
  })

  it('a second tablet takes over a credential and the first is told', async () => {
    await h.staff()
    await h.host.meetings.loadDemo(20)
    const d = h.host.session.meeting.data.deputies[0]
    if (!d) throw new Error('demo has deputies')
    const first = await h.deputy(d.credential)
    const replaced = next<void>(first.socket, 'deputy:replaced')
    await h.deputy(d.credential)
    await expect(replaced).resolves.toBeUndefined()
  })

  it('resumes an open vote after a restart; a resend after it is recognised', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff)
    const deputies = h.host.session.meeting.data.deputies.slice(0, 6)
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    await call(staff, 'vote:open', { voteId })
    const marks: Record<string, Mark>[] = [
      { P03: 'for' },
      { P01: 'for' },
      { P03: 'for' },
      {},
      { P02: 'for', P01: 'for' },
      { P01: 'for', P02: 'for' },
    ]
    await Promise.all(
      tablets.map((t, i) =>
        call(t.socket, 'ballot:submit', {
          voteId,
          ballotId: `ballot-${i}-abcdef`,
          marks: marks[i]!,
        }),
      ),
    )
    const box = await readBallotBox(join(h.meetingDir, 'ballots'), voteId, (keyId) =>
      h.host.session.keys.load(keyId),
    )
    // Identical ballots are merged: a multiset of contents.
    expect(box?.ballots.map((b) => b.count).sort()).toEqual([1, 1, 2, 2])

    await h.stop()
    await h.start()
    expect(h.host.session.openVote()?.id).toBe(voteId)
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(6)
    const again = await h.deputy(deputies[0]?.credential ?? '')
    expect(again.state.voted).toBe(true)
    const resend = await call(again.socket, 'ballot:submit', {
      voteId,
      ballotId: 'ballot-0-abcdef',
      marks: marks[0]!,
    })
    expect(resend.ok).toBe(true)
    expect(h.host.session.loadedBox(voteId)?.castCount).toBe(6)
    // The slots and nothing else: no temp file, nothing set aside.
    // (And the watermark of what the box last held, with its previous copy: box-damage.test.ts.)
    const names = await readdir(join(h.meetingDir, 'ballots'))
    expect(names.filter((n) => !n.startsWith(`${voteId}.watermark.json`)).sort()).toEqual([
      `${voteId}.slot-a.json`,
      `${voteId}.slot-b.json`,
      `${voteId}.slot-c.json`,
    ])
    expect(names).toContain(`${voteId}.watermark.json`)
  })

  it('lets a deputy change the ballot before close only when the vote allows it', async () => {
    const staff = await h.staff()
    await h.host.meetings.loadDemo(10)
    const created = await call(staff, 'vote:create', {
      title: '可修改的表决',
      rules: { ...defaultRules('select', 2), allowChange: true },
      candidateIds: ['P01', 'P02', 'P03'],
    })
    if (!created.ok) throw new Error('create failed')
    const voteId = created.data.voteId
    const [d1, d2] = h.host.session.meeting.data.deputies
    const t1 = await h.deputy(d1?.credential ?? '')
    const t2 = await h.deputy(d2?.credential ?? '')
    await call(staff, 'vote:open', { voteId })
    const first: AsSent<BallotSubmitInput> = {
      voteId,
      ballotId: 'first-ballot-01',
      marks: { P01: 'for' },
    }
    expect((await call(t1.socket, 'ballot:submit', first)).ok).toBe(true)
    expect(
      (
        await call(t2.socket, 'ballot:submit', {
          voteId,
          ballotId: 'other-ballot-1',
          marks: { P01: 'for' },
        })
      ).ok,
    ).toBe(true)
    // A second first ballot is not a change: refused, nothing counted.
    const again: AsSent<BallotSubmitInput> = {
      voteId,
      ballotId: 'second-ballot-9',
      marks: { P02: 'for' },
    }
    expect(await call(t1.socket, 'ballot:submit', again)).toMatchObject({
      ok: false,
      error: { code: 'already-voted' },
    })
    // The change names no previous ballot: the host knows which content was this deputy's.
    const change: AsSent<BallotSubmitInput> = {
      voteId,
      ballotId: 'changed-ballot-1',
      marks: { P03: 'for' },
      change: true,
    }
    expect((await call(t1.socket, 'ballot:submit', change)).ok).toBe(true)
    expect((await call(t1.socket, 'ballot:submit', change)).ok).toBe(true)
    await call(staff, 'vote:close', { voteId })
    const result = h.host.session.meeting.data.votes.find((v) => v.id === voteId)?.result
    expect(result?.counts).toMatchObject({ cast: 2, valid: 2 })
    expect(result?.items.map((i) => [i.id, 'for' in i ? i.for : null])).toEqual([
      ['P01', 1],
      ['P03', 1],
      ['P02', 0],
    ])
  })

  it('refuses a change when the vote does not allow it', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff, 10)
    const t1 = await h.deputy(h.host.session.meeting.data.deputies[0]?.credential ?? '')
    await call(staff, 'vote:open', { voteId })
    expect(
      (await call(t1.socket, 'ballot:submit', { voteId, ballotId: 'first-ballot-01', marks: {} }))
        .ok,
    ).toBe(true)
    const change: AsSent<BallotSubmitInput> = {
      voteId,
      ballotId: 'changed-ballot-1',
      marks: { P03: 'for' },
      change: true,
    }
    expect(await call(t1.socket, 'ballot:submit', change)).toMatchObject({
      ok: false,
      error: { code: 'already-voted' },
    })
  })
})
