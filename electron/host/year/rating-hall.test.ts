import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeputyHallView, ScreenState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { chinaToday } from '../../../shared/year/year.schema'
import { call, callRaw, HostHarness, next } from '../testing/host-harness'
import { must, twoYears } from './year-testing'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

describe('验单 as the hall sees it', () => {
  it("sends each project's progress with a rating's ballot, and none with other votes", async () => {
    const { staff, lastYear, projects } = await twoYears(h)
    const { voteId } = must(await call(staff, 'year:rating-create', { meetingId: lastYear }))
    const other = await h.addVote(staff, defaultRules('select', 1))
    const deputy = h.host.session.meeting.data.deputies[0]!
    const tablet = await h.deputy(deputy.credential)

    const opened = next<DeputyHallView>(tablet.socket, 'deputy:hall', (s) => s.vote?.id === voteId)
    must(await call(staff, 'vote:open', { voteId }))
    const ballot = (await opened).vote!
    const ids = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!.candidates
    expect(ballot.progress).toEqual([
      { id: ids[0]!.id, percent: 100, lastDate: chinaToday() },
      { id: ids[1]!.id, percent: 0, lastDate: '' },
    ])
    expect(ids.map((c) => c.title)).toEqual(projects.map((p) => p.title))
    // Nothing but the three numbers: no text, no opinions, nobody's name.
    expect(Object.keys(ballot.progress![0]!).sort()).toEqual(['id', 'lastDate', 'percent'])

    // A host restart reads the progress back from year.json before any tablet is answered.
    await h.stop()
    await h.start()
    const again = await h.deputy(deputy.credential)
    expect(again.state.vote?.progress).toEqual(ballot.progress)

    const staff2 = await h.staff()
    must(await call(staff2, 'vote:close', { voteId }))
    const otherOpened = next<DeputyHallView>(
      again.socket,
      'deputy:hall',
      (s) => s.vote?.id === other,
    )
    must(await call(staff2, 'vote:open', { voteId: other }))
    expect((await otherOpened).vote?.progress).toBeNull()
  })

  it('shows the projects and their progress on the screen before the rating opens', async () => {
    const { staff, lastYear, projects } = await twoYears(h, { overdue: true })
    const { voteId } = must(await call(staff, 'year:rating-create', { meetingId: lastYear }))
    const screen = h.connect('/screen')
    await next<ScreenState>(screen, 'screen:state')
    const shown = next<ScreenState>(screen, 'screen:state', (s) => s.stage === 'progress')
    must(await call(staff, 'screen:show', { stage: 'progress', voteId }))
    const rows = (await shown).vote?.progress
    expect(rows?.map((r) => [r.title, r.leadUnit, r.percent, r.lastDate, r.late])).toEqual([
      [projects[0]!.title, projects[0]!.leadUnit, 100, chinaToday(), false],
      [projects[1]!.title, projects[1]!.leadUnit, 0, '', true],
    ])
    expect(projects[0]!.leadUnit).not.toBe('')
    // Only at its stage: the rules stage of the same vote carries none.
    const rules = next<ScreenState>(screen, 'screen:state', (s) => s.stage === 'rules')
    must(await call(staff, 'screen:show', { stage: 'rules', voteId }))
    expect((await rules).vote?.progress).toBeNull()

    // Not for another kind of vote; nothing changes.
    const select = await h.addVote(staff, defaultRules('select', 1))
    const refused = await callRaw(staff, 'screen:show', { stage: 'progress', voteId: select })
    expect(refused.ok).toBe(false)
    expect(h.host.session.meeting.data.screen).toEqual({ stage: 'rules', voteId })
    const sentences = await call(staff, 'audit:list', {})
    expect(JSON.stringify(sentences)).toContain('大屏切换到“上年度进展”')
  })
})
