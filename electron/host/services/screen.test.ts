import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ScreenState } from '../../../shared/protocol/views'
import { call, callRaw, HostHarness, next } from '../testing/host-harness'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

describe('screen:show', () => {
  it('sets the stage, persists and audits it, and the screen redraws it after a restart', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff)
    const screen = h.connect('/screen')
    await next<ScreenState>(screen, 'screen:state')

    const checkin = next<ScreenState>(screen, 'screen:state', (s) => s.stage === 'checkin')
    expect(await call(staff, 'screen:show', { stage: 'checkin' })).toEqual({ ok: true, data: null })
    expect((await checkin).attendance.roster).toBe(327)

    const rules = next<ScreenState>(screen, 'screen:state', (s) => s.stage === 'rules')
    expect(await call(staff, 'screen:show', { stage: 'rules', voteId })).toMatchObject({ ok: true })
    const shown = await rules
    expect(shown.vote).toMatchObject({ id: voteId, kind: 'select', result: null, final: [] })
    expect(shown.vote?.rules.seats).toBe(10)

    const entries = await h.host.session.audit.entries()
    expect(entries.filter((e) => e.type === 'screen.shown').map((e) => e.data)).toEqual([
      { stage: 'checkin', voteId: null },
      { stage: 'rules', voteId },
    ])

    await h.stop()
    await h.start()
    const again = h.connect('/screen')
    const redrawn = await next<ScreenState>(again, 'screen:state')
    expect(redrawn).toMatchObject({ stage: 'rules', vote: { id: voteId } })
  })

  it('refuses bad input and unpublished results, changing nothing', async () => {
    const staff = await h.staff()
    const voteId = await h.demoWithVote(staff)
    const before = structuredClone(h.host.session.meeting.data.screen)
    expect(await callRaw(staff, 'screen:show', { stage: 'fireworks' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(await call(staff, 'screen:show', { stage: 'results' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', detail: 'voteId: required for stage results' },
    })
    expect(await call(staff, 'screen:show', { stage: 'voting', voteId })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-open' },
    })
    expect(await call(staff, 'vote:open', { voteId })).toMatchObject({ ok: true })
    expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
    const closed = structuredClone(h.host.session.meeting.data.screen)
    expect(await call(staff, 'screen:show', { stage: 'results', voteId })).toMatchObject({
      ok: false,
      error: { code: 'vote-not-closed' },
    })
    expect(await call(staff, 'screen:show', { stage: 'rules', voteId: 'V-nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(h.host.session.meeting.data.screen).toEqual(closed)
    expect(before).toEqual({ stage: 'welcome', voteId: null })
  })

  it('shows the final list of elected projects once published, never a tally before', async () => {
    const staff = await h.staff()
    // Five deputies: 3 votes pass (more than half of the roster).
    const voteId = await h.demoWithVote(staff, 5)
    const screen = h.connect('/screen')
    await next(screen, 'screen:state')
    const tablets = []
    for (const d of h.host.session.meeting.data.deputies.slice(0, 3)) {
      tablets.push((await h.deputy(d.credential)).socket)
    }
    expect(await call(staff, 'vote:open', { voteId })).toMatchObject({ ok: true })
    const marks = [
      ['P03', 'P01'],
      ['P03', 'P01'],
      ['P01', 'P03', 'P02'],
    ]
    for (const [i, socket] of tablets.entries()) {
      const ids = marks[i] ?? []
      const ballot = {
        voteId,
        ballotId: `ballot-${i}-00000`,
        marks: Object.fromEntries(ids.map((id) => [id, 'for' as const])),
      }
      expect(await call(socket, 'ballot:submit', ballot)).toMatchObject({ ok: true })
    }
    expect(await call(staff, 'vote:close', { voteId })).toMatchObject({ ok: true })
    expect(h.host.session.meeting.data.screen.stage).toBe('voting')
    const published = next<ScreenState>(screen, 'screen:state', (s) => s.stage === 'results')
    expect(await call(staff, 'vote:publish', { voteId })).toMatchObject({ ok: true })
    expect((await published).vote?.result?.needed).toBe(3)
    const final = next<ScreenState>(screen, 'screen:state', (s) => s.stage === 'final')
    expect(await call(staff, 'screen:show', { stage: 'final', voteId })).toMatchObject({ ok: true })
    const projects = h.host.session.meeting.data.projects
    expect((await final).vote?.final).toEqual(
      // Both have 3 votes: ballot order (P01 first) breaks the display tie.
      ['P01', 'P03'].map((id) => {
        const p = projects.find((x) => x.id === id)
        return { id, title: p?.title, leadUnit: p?.leadUnit }
      }),
    )
  })
})
