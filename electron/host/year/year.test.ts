import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { chinaToday } from '../../../shared/year/year.schema'
import type { ProgressInput } from '../../../shared/year/year.schema'
import { call, callRaw, HostHarness } from '../testing/host-harness'
import { must, runVote } from './year-testing'

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

const f = 'for'
const x = 'against'

/** A meeting of 6 deputies; 4 of them vote (more than half of 6 is 4). */
async function meeting() {
  const staff = await h.staff()
  await h.host.meetings.loadDemo(6)
  return staff
}

async function view(staff: Awaited<ReturnType<HostHarness['staff']>>) {
  return must(await call(staff, 'year:view', {}))
}

describe('the year made on publication', () => {
  it("makes a published 差额 vote's elected projects the year's, with their details, once", async () => {
    const staff = await meeting()
    const voteId = await runVote(h, staff, defaultRules('select', 2), [
      [f, f],
      [f, f],
      [f, f],
      [f, f],
    ])
    const year = await view(staff)
    const projects = h.host.session.meeting.data.projects
    expect(year.projects.map((p) => [p.id, p.title, p.voteId])).toEqual([
      [projects[0]!.id, projects[0]!.title, voteId],
      [projects[1]!.id, projects[1]!.title, voteId],
    ])
    expect(year.projects[0]!.leadUnit).toBe(projects[0]!.leadUnit)
    expect(year.projects[0]!.budget).toBe(projects[0]!.budget)
    // On disk in the meeting's folder, not in meeting.json; asking again makes nothing more.
    const file = JSON.parse(await readFile(join(h.meetingDir, 'year.json'), 'utf8'))
    expect(file.version).toBe(2)
    expect((await view(staff)).projects).toHaveLength(2)
    expect(await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')).not.toContain('"updates"')
    expect((await h.auditTypes()).filter((t) => t === 'year.projects-made')).toHaveLength(1)
  })

  it("makes a 逐项 vote's passed projects the year's", async () => {
    const staff = await meeting()
    await runVote(h, staff, defaultRules('per-item', 4), [
      [f, f, x, f],
      [f, x, x, f],
      [f, f, x, x],
      [f, f, x, f],
      [f, f, x, f],
    ])
    const ids = h.host.session.meeting.data.projects.map((p) => p.id)
    expect((await view(staff)).projects.map((p) => p.id)).toEqual([ids[0], ids[1], ids[3]])
  })

  it('makes none for a 决议表决 or a 满意度测评', async () => {
    const staff = await meeting()
    await runVote(h, staff, defaultRules('motion'), [[f], [f], [f], [f]])
    await runVote(h, staff, defaultRules('rating'), [
      ['satisfied', 'satisfied', 'satisfied', 'satisfied'],
    ])
    expect((await view(staff)).projects).toEqual([])
    expect(await readFile(join(h.meetingDir, 'year.json'), 'utf8').catch(() => 'none')).toBe('none')
  })

  it('makes none while a vote is only closed, and none for a vote annulled before publication', async () => {
    const staff = await meeting()
    const voteId = await h.addVote(staff, defaultRules('select', 2))
    must(await call(staff, 'vote:open', { voteId }))
    must(await call(staff, 'vote:close', { voteId }))
    expect((await view(staff)).projects).toEqual([])
    must(await call(staff, 'vote:annul', { voteId, reason: '计票设备故障' }))
    expect((await view(staff)).projects).toEqual([])
  })

  it('marks the projects of a vote annulled after publication withdrawn, keeping their updates', async () => {
    const staff = await meeting()
    const voteId = await runVote(h, staff, defaultRules('select', 1), [[f], [f], [f], [f]])
    const [project] = (await view(staff)).projects
    must(await call(staff, 'year:progress-add', progress(project!.id, { percent: 20 })))
    must(await call(staff, 'vote:annul', { voteId, reason: '发出票数有误' }))
    const year = await view(staff)
    expect(year.projects).toHaveLength(1)
    expect(year.projects[0]!.withdrawn?.reason).toBe('发出票数有误')
    expect(year.projects[0]!.updates.map((u) => u.percent)).toEqual([20])
    const entries = await h.host.session.audit.entries()
    expect(entries.find((e) => e.type === 'year.projects-withdrawn')?.data).toMatchObject({
      voteId,
      reason: '发出票数有误',
    })
  })
})

function progress(projectId: string, change: Partial<ProgressInput> = {}) {
  return {
    projectId,
    date: chinaToday(),
    kind: 'inspection' as const,
    percent: 30,
    text: '完成选址和设计招标',
    opinions: [{ text: '加快施工进度', answered: true, answer: '已督促施工单位增加人手' }],
    ...change,
  }
}

describe('progress updates (查单)', () => {
  it('refuse bad input naming the field, and change nothing', async () => {
    const staff = await meeting()
    await runVote(h, staff, defaultRules('select', 1), [[f], [f], [f], [f]])
    const id = (await view(staff)).projects[0]!.id
    must(await call(staff, 'year:progress-add', progress(id)))
    const file = join(h.meetingDir, 'year.json')
    const before = await readFile(file, 'utf8')
    const auditBefore = (await h.auditTypes()).length
    const tomorrow = new Date(Date.now() + 86_400_000)
    const cases: [unknown, RegExp][] = [
      [progress('P-none'), /projectId: 本年度没有项目 P-none/],
      [progress('__proto__'), /projectId: 本年度没有项目 __proto__/],
      [progress('constructor'), /projectId/],
      [progress(id, { percent: 101 }), /percent: 完成进度须在 0–100 之间/],
      [progress(id, { percent: -1 }), /percent: 完成进度须在 0–100 之间/],
      [progress(id, { percent: 12.5 }), /percent: 完成进度须为整数/],
      [progress(id, { date: chinaToday(tomorrow) }), /date: 日期 .* 晚于今天/],
      [progress(id, { date: '2000-01-01' }), /date: 日期 2000-01-01 早于表决结果公布之日/],
      [progress(id, { date: '2027-02-30' }), /date: 日期不是有效日期/],
      [progress(id, { text: '进'.repeat(2001) }), /text: 进展情况不能超过 2000 字/],
      [
        progress(id, { opinions: [{ text: '意见', answered: true, answer: '' }] }),
        /opinions\.0\.answer: 已答复的意见须填写办理答复/,
      ],
      [
        progress(id, { opinions: [{ text: '长'.repeat(501), answered: false, answer: '' }] }),
        /opinions\.0\.text: 代表意见不能超过 500 字/,
      ],
    ]
    for (const [input, detail] of cases) {
      const answer = await callRaw(staff, 'year:progress-add', input)
      expect(answer.ok, String(detail)).toBe(false)
      if (!answer.ok) expect(answer.error.detail).toMatch(detail)
    }
    const edit = await callRaw(staff, 'year:progress-edit', { ...progress(id), updateId: 'U9' })
    expect(edit.ok).toBe(false)
    expect(await readFile(file, 'utf8')).toBe(before)
    expect((await h.auditTypes()).length).toBe(auditBefore)
  })

  it('keep every earlier version on an edit, audited, and an unchanged save writes nothing', async () => {
    const staff = await meeting()
    await runVote(h, staff, defaultRules('select', 1), [[f], [f], [f], [f]])
    const id = (await view(staff)).projects[0]!.id
    const { updateId } = must(await call(staff, 'year:progress-add', progress(id)))
    must(await call(staff, 'year:progress-edit', { ...progress(id, { percent: 35 }), updateId }))
    must(await call(staff, 'year:progress-edit', { ...progress(id, { percent: 40 }), updateId }))
    must(await call(staff, 'year:progress-edit', { ...progress(id, { percent: 40 }), updateId }))
    const [update] = (await view(staff)).projects[0]!.updates
    expect(update!.percent).toBe(40)
    expect(update!.earlier.map((e) => e.percent)).toEqual([30, 35])
    expect(update!.opinions[0]).toEqual({
      text: '加快施工进度',
      answered: true,
      answer: '已督促施工单位增加人手',
    })
    const types = await h.auditTypes()
    expect(types.filter((t) => t.startsWith('year.progress'))).toEqual([
      'year.progress-added',
      'year.progress-edited',
      'year.progress-edited',
    ])
  })

  it("keep a project's earlier details when staff edit them, and survive a host restart", async () => {
    const staff = await meeting()
    await runVote(h, staff, defaultRules('select', 1), [[f], [f], [f], [f]])
    const p = (await view(staff)).projects[0]!
    const details = {
      projectId: p.id,
      title: p.title,
      leadUnit: '区教育局',
      budget: 1200,
      plannedCompletion: '2027-12-31',
      responsible: '王五',
    }
    must(await call(staff, 'year:project-update', details))
    const bad = await call(staff, 'year:project-update', { ...details, plannedCompletion: '明年' })
    expect(bad.ok || bad.error.detail).toMatch(/plannedCompletion: 计划完成时间须为 YYYY-MM-DD/)
    await h.stop()
    await h.start()
    const again = await h.staff()
    const after = (await view(again)).projects[0]!
    expect(after).toMatchObject({ leadUnit: '区教育局', responsible: '王五', budget: 1200 })
    expect(after.detailsEarlier.map((d) => d.leadUnit)).toEqual([p.leadUnit])
    expect(await h.auditTypes()).toContain('year.project-updated')
  })
})
