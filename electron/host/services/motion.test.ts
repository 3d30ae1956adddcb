import type { VoteId } from '../../../shared/protocol/ids'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../../shared/protocol/marks'
import type { DeputyHallView, ScreenState } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { hasTool, pdfText } from '../documents/pdf-inspect.fixture'
import { call, callRaw, HostHarness, motionVote, next, testMotion } from '../testing/host-harness'
import { skipUnless } from '../testing/skip-unless'

/** 决议表决: the motion's own text is its subject, from the console to the signed report. */

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
  await h.host.meetings.loadDemo(5)
})

afterEach(async () => {
  await h.teardown()
})

const motion = testMotion

describe('a motion’s subject', () => {
  it('is its own text, stored with the vote and kept across a restart, with no project', async () => {
    const staff = await h.staff()
    const created = await call(staff, 'vote:create', motionVote())
    expect(created.ok).toBe(true)
    const voteId = created.ok ? created.data.voteId : ('' as VoteId)
    const vote = h.host.session.meeting.data.votes.find((v) => v.id === voteId)!
    expect(vote.motion).toEqual(motion)
    // voting-rules.md: exactly one candidate, the motion, under its title.
    expect(vote.candidates).toEqual([{ id: 'M1', title: motion.title }])

    await h.stop()
    await h.start()
    const onDisk = JSON.parse(await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')) as {
      votes: { id: string; motion: unknown }[]
    }
    expect(onDisk.votes.find((v) => v.id === voteId)?.motion).toEqual(motion)
    expect(h.host.session.meeting.data.votes[0]?.motion).toEqual(motion)
  })

  it('is refused, naming the field in Chinese, when missing, empty, too long or beside projects', async () => {
    const staff = await h.staff()
    const refusals: [unknown, RegExp][] = [
      [{ ...motionVote(), motion: null }, /^motion\.title: 决议表决须填写决议标题/],
      [{ ...motionVote(), motion: { ...motion, title: '  ' } }, /^motion\.title: 请填写决议标题/],
      [
        { ...motionVote(), motion: { ...motion, docNumber: '号'.repeat(51) } },
        /^motion\.docNumber: 文号不能超过 50 个字/,
      ],
      [
        { ...motionVote(), candidateIds: ['P01'] },
        /^candidateIds: 决议表决的表决事项是决议本身，不选候选项目/,
      ],
      [
        { title: '票决', rules: defaultRules('select', 1), candidateIds: ['P01'], motion },
        /^motion: 只有决议表决才有决议文本/,
      ],
      [
        { title: '票决', rules: defaultRules('select', 1), candidateIds: [] },
        /^candidateIds: 请至少选择一个候选项目/,
      ],
    ]
    for (const [input, detail] of refusals) {
      const answer = await callRaw(staff, 'vote:create', input)
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(answer.ok ? '' : answer.error.detail).toMatch(detail)
    }
    // Nothing was stored, nothing logged.
    expect(h.host.session.meeting.data.votes).toEqual([])
    expect(await h.auditTypes()).not.toContain('vote.created')

    // An edit is held to the same rules and leaves the draft as it was.
    const created = await call(staff, 'vote:create', motionVote())
    const voteId = created.ok ? created.data.voteId : ('' as VoteId)
    const edit = await callRaw(staff, 'vote:update', { ...motionVote(), voteId, motion: null })
    expect(edit).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(h.host.session.meeting.data.votes[0]?.motion).toEqual(motion)
  })

  it('is not a project: editing or removing project M1 leaves the motion be', async () => {
    const staff = await h.staff()
    await call(staff, 'vote:create', motionVote())
    expect((await call(staff, 'project:add', { id: 'M1', title: '某项目' })).ok).toBe(true)
    await call(staff, 'project:update', { projectId: 'M1', id: 'M1', title: '改名的项目' })
    expect(h.host.session.meeting.data.votes[0]?.candidates).toEqual([
      { id: 'M1', title: motion.title },
    ])
    await call(staff, 'project:remove', { projectId: 'M1' })
    expect(h.host.session.meeting.data.votes[0]?.candidates).toHaveLength(1)
  })

  it('is what the tablet and the screen are shown, and what the report and XLSX print', async (ctx) => {
    const staff = await h.staff()
    const created = await call(staff, 'vote:create', motionVote())
    const voteId = created.ok ? created.data.voteId : ('' as VoteId)
    const deputies = h.host.session.meeting.data.deputies.slice(0, 3)
    const tablets = await Promise.all(deputies.map((d) => h.deputy(d.credential)))
    const screen = h.connect('/screen')
    await next<ScreenState>(screen, 'screen:state')
    const shown = next<DeputyHallView>(tablets[0]!.socket, 'deputy:hall', (s) => s.vote !== null)
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    const ballot = (await shown).vote!
    expect(ballot.motion).toEqual(motion)
    expect(ballot.candidates).toEqual([{ id: 'M1', title: motion.title }])

    const marks: Mark[] = ['for', 'for', 'against']
    for (const [i, tablet] of tablets.entries()) {
      const receipt = await call(tablet.socket, 'ballot:submit', {
        voteId,
        ballotId: `motion-test-${i}-ballot`,
        marks: { M1: marks[i]! },
      })
      expect(receipt.ok).toBe(true)
    }
    expect((await call(staff, 'vote:close', { voteId })).ok).toBe(true)
    const onScreen = next<ScreenState>(screen, 'screen:state', (s) => s.vote?.result !== null)
    expect((await call(staff, 'vote:publish', { voteId })).ok).toBe(true)
    expect((await onScreen).vote?.motion).toEqual(motion)
    await h.host.archiver.idle()

    const dir = h.host.archiver.dirOf(voteId)
    // The ballot box keeps its contract: one candidate, the motion by its title; no more.
    const box = JSON.parse(await readFile(join(dir, 'ballot-box.json'), 'utf8')) as {
      vote: { candidates: unknown }
    }
    expect(box.vote.candidates).toEqual([{ id: 'M1', title: motion.title }])

    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await readFile(join(dir, 'results.xlsx'))) as unknown as ArrayBuffer)
    const cells: string[] = []
    book.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))))
    for (const text of [motion.title, motion.docNumber, motion.summary, '文号', '决议摘要'])
      expect(cells).toContain(text)

    skipUnless(ctx, hasTool('pdftotext'), 'needs pdftotext (apt-get install poppler-utils)')
    const text = pdfText(await readFile(join(dir, 'report.pdf'))).replace(/\s+/g, '')
    for (const phrase of [motion.title, motion.docNumber, motion.summary, '未获通过'])
      expect(text).toContain(phrase.replace(/\s+/g, ''))
    // 2 of 5 seated deputies: short of the 3 needed. No project was on this ballot: none printed.
    expect(text).not.toContain('普惠托育服务扩容')
  })
})
