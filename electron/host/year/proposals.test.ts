import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreviewView } from '../../../shared/protocol/preparation.schema'
import type { CandidateDetail } from '../../../shared/protocol/views'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import type { Proposal, ProposalRowView } from '../../../shared/year/proposals'
import { call, callRaw, HostHarness, next } from '../testing/host-harness'

/**
 * 点单 / 选单 through a real host: proposals uploaded and confirmed, grouped under projects over
 * the console's socket, merged by 编号 on a second import, and read on a tablet's ballot.
 */

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function preview(lines: string[]) {
  const res = await fetch(`http://127.0.0.1:${h.host.port}/api/import/proposals?name=p.csv`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.host.staffToken}` },
    body: ['编号,建议内容,来源渠道,提出日期,镇街/片区', ...lines].join('\n'),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as ImportPreviewView<ProposalRowView>
}

const six = [
  'A1,增设社区食堂,12345热线,2026-03-01,城关街道',
  'A2,老人助餐点,12345热线,2026/3/2,城关街道',
  'A3,社区养老服务站,代表联系站,2026年3月3日,东城街道',
  'A4,加装电梯,网上征集,2026-03-04,东城街道',
  'A5,学校护学岗,网上征集,2026-03-05,西河镇',
  'A6,修缮村道,代表联系站,2026-03-06,西河镇',
]

async function importProposals(staff: Awaited<ReturnType<HostHarness['staff']>>, lines = six) {
  const p = await preview(lines)
  expect(p.problems).toEqual([])
  const done = await call(staff, 'proposals:confirm', { previewId: p.previewId! })
  expect(done).toEqual({ ok: true, data: { proposals: lines.length } })
}

const proposals = () => h.host.session.meeting.data.proposals
const groupOf = () => Object.fromEntries(proposals().map((p) => [p.id, p.projectId]))

/** The demo's 13 projects (P01…), no proposals; the console connected. */
async function demo() {
  const staff = await h.staff()
  await h.host.meetings.loadDemo(12)
  return staff
}

describe('proposals imported', () => {
  it('are kept only once confirmed, sent to the console, audited', async () => {
    const staff = await demo()
    const p = await preview(six)
    expect(p).toMatchObject({ kind: 'proposals', totalRows: 6, changes: null })
    expect(proposals()).toEqual([])
    const sent = next<Proposal[]>(staff, 'console:proposals', (list) => list.length === 6)
    await importProposals(staff)
    expect((await sent)[2]).toEqual({
      id: 'A3',
      content: '社区养老服务站',
      channel: '代表联系站',
      date: '2026-03-03',
      area: '东城街道',
      projectId: null,
    })
    expect(await h.auditTypes()).toContain('proposals.imported')
  })

  it('a broken file gives no preview to confirm, and nothing changes', async () => {
    const staff = await demo()
    const p = await preview(['A1,,热线,2026-13-01,城关'])
    expect(p.previewId).toBeNull()
    expect(p.problems.map((x) => x.message)).toEqual([
      '第2行：缺少建议内容',
      '第2行：日期“2026-13-01”无法识别，请填写如 2026-03-05、2026/3/5 或 2026年3月5日',
    ])
    const refused = await call(staff, 'proposals:confirm', { previewId: 'made-up' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(proposals()).toEqual([])
  })
})

describe('grouping (选单)', () => {
  it('puts a proposal under at most one project: moving it asks first', async () => {
    const staff = await demo()
    await importProposals(staff)
    expect(
      await call(staff, 'proposals:group', { proposalIds: ['A1', 'A2', 'A3'], projectId: 'P01' }),
    ).toEqual({ ok: true, data: { grouped: 3, moved: 0 } })
    const refused = await call(staff, 'proposals:group', {
      proposalIds: ['A3', 'A4'],
      projectId: 'P02',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(refused.ok ? '' : refused.error.detail).toContain('A3（P01）')
    expect(groupOf()).toMatchObject({ A3: 'P01', A4: null })
    const moved = await call(staff, 'proposals:group', {
      proposalIds: ['A3', 'A4'],
      projectId: 'P02',
      move: true,
    })
    expect(moved).toEqual({ ok: true, data: { grouped: 2, moved: 1 } })
    expect(groupOf()).toEqual({ A1: 'P01', A2: 'P01', A3: 'P02', A4: 'P02', A5: null, A6: null })
    expect(await call(staff, 'proposals:ungroup', { proposalIds: ['A1', 'A5'] })).toEqual({
      ok: true,
      data: { ungrouped: 1 },
    })
    expect(groupOf()).toMatchObject({ A1: null, A2: 'P01', A5: null })

    const log = await call(staff, 'audit:list', { limit: 10, lang: 'zh-CN' })
    if (!log.ok) throw new Error('audit:list')
    expect(log.data.map((e) => e.text)).toEqual(
      expect.arrayContaining([
        '会务人员将 3 条建议归入项目 P01',
        '会务人员将 2 条建议归入项目 P02（其中 1 条由其他项目改归）',
        '会务人员将 1 条建议移出项目 P01，改为未归类',
      ]),
    )
    // Kept through a restart of the host.
    await h.stop()
    await h.start()
    expect(groupOf()).toEqual({ A1: null, A2: 'P01', A3: 'P02', A4: 'P02', A5: null, A6: null })
  })

  it.each([
    ['an unknown proposal', { proposalIds: ['A1', 'NOPE'], projectId: 'P01' }, 'not-found'],
    ['__proto__ as a proposal', { proposalIds: ['__proto__'], projectId: 'P01' }, 'not-found'],
    ['an unknown project', { proposalIds: ['A1'], projectId: 'P99' }, 'not-found'],
    ['__proto__ as the project', { proposalIds: ['A1'], projectId: '__proto__' }, 'not-found'],
    ['a repeated id', { proposalIds: ['A1', 'A1'], projectId: 'P01' }, 'bad-request'],
    ['no proposals', { proposalIds: [], projectId: 'P01' }, 'bad-request'],
    ['no project', { proposalIds: ['A1'] }, 'bad-request'],
  ])('refuses %s and changes nothing', async (_what, input, code) => {
    const staff = await demo()
    await importProposals(staff)
    const before = JSON.stringify(proposals())
    const audit = (await h.auditTypes()).length
    const refused = await callRaw(staff, 'proposals:group', input)
    expect(refused).toMatchObject({ ok: false, error: { code } })
    const ungroup = await callRaw(staff, 'proposals:ungroup', { proposalIds: input.proposalIds })
    // Ungrouping the same ids is refused too, unless they are the one good id.
    if (JSON.stringify(input.proposalIds) === '["A1"]') expect(ungroup.ok).toBe(true)
    else expect(ungroup).toMatchObject({ ok: false })
    expect(JSON.stringify(proposals())).toBe(before)
    expect(await h.auditTypes()).toHaveLength(audit)
    expect(Object.getPrototypeOf(proposals()[0])).toBe(Object.prototype)
  })
})

describe('a second import and the projects', () => {
  it('merges by 编号: grouped proposals the file keeps stay grouped, the rest is named first', async () => {
    const staff = await demo()
    await importProposals(staff)
    await call(staff, 'proposals:group', { proposalIds: ['A1', 'A2', 'A6'], projectId: 'P03' })
    const p = await preview([
      'A1,增设社区食堂,12345热线,2026-03-01,城关街道',
      'A2,老人助餐点（扩大到东城）,12345热线,2026/3/2,城关街道',
      'A3,社区养老服务站,代表联系站,2026年3月3日,东城街道',
      'A4,加装电梯,网上征集,2026-03-04,东城街道',
      'A5,学校护学岗,网上征集,2026-03-05,西河镇',
      'A7,新增公交线路,网上征集,2026-03-07,西河镇',
    ])
    expect(p.changes).toEqual({
      added: ['A7 新增公交线路'],
      removed: ['A6 修缮村道'],
      changed: [{ name: 'A2 老人助餐点（扩大到东城）', fields: ['content'] }],
      unchanged: 4,
    })
    expect(p.notices.map((n) => n.message)).toEqual([
      '文件中没有的建议将被删除，其中已归入项目的：P03 1 条；这些项目的群众点单件数随之减少',
    ])
    await call(staff, 'proposals:confirm', { previewId: p.previewId! })
    expect(groupOf()).toEqual({ A1: 'P03', A2: 'P03', A3: null, A4: null, A5: null, A7: null })
  })

  it('a project removed, or imported away, ungroups its proposals; a new 编号 keeps them', async () => {
    const staff = await demo()
    await importProposals(staff)
    await call(staff, 'proposals:group', { proposalIds: ['A1', 'A2'], projectId: 'P01' })
    await call(staff, 'proposals:group', { proposalIds: ['A3'], projectId: 'P02' })
    await call(staff, 'proposals:group', { proposalIds: ['A4', 'A5'], projectId: 'P03' })

    const p01 = h.host.session.meeting.data.projects[0]!
    await call(staff, 'project:update', { projectId: 'P01', ...p01, id: 'X01' })
    expect(groupOf()).toMatchObject({ A1: 'X01', A2: 'X01' })

    await call(staff, 'project:remove', { projectId: 'P02' })
    expect(groupOf()).toMatchObject({ A3: null })

    const rows = h.host.session.meeting.data.projects.filter((x) => x.id !== 'P03')
    const csv = ['编号,项目名称', ...rows.map((x) => `${x.id},${x.title}`)].join('\n')
    const res = await fetch(`http://127.0.0.1:${h.host.port}/api/import/projects?name=p.csv`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.host.staffToken}` },
      body: csv,
    })
    const projects = (await res.json()) as ImportPreviewView<unknown>
    expect(projects.problems).toEqual([])
    expect(projects.notices.map((n) => n.message)).toEqual([
      '删除的项目中有群众点单，导入后这些建议变为未归类：P03（2 条）',
    ])
    await call(staff, 'projects:confirm', { previewId: projects.previewId! })
    expect(groupOf()).toEqual({ A1: 'X01', A2: 'X01', A3: null, A4: null, A5: null, A6: null })

    const log = await call(staff, 'audit:list', { limit: 20, lang: 'zh-CN' })
    if (!log.ok) throw new Error('audit:list')
    expect(log.data.map((e) => e.text)).toEqual(
      expect.arrayContaining([
        '会务人员删除项目 P02，其群众点单 1 条改为未归类',
        '会务人员导入候选项目，共 11 个，其群众点单 2 条改为未归类',
      ]),
    )
  })
})

describe('a meeting copied (复制)', () => {
  it('takes its proposals along, grouped as they were, and leaves the old meeting as it was', async () => {
    const staff = await demo()
    await importProposals(staff)
    await call(staff, 'proposals:group', { proposalIds: ['A1', 'A2'], projectId: 'P01' })
    const from = h.host.session.meetingId!
    const before = groupOf()
    const copied = await call(staff, 'meeting:duplicate', { meetingId: from, title: '正式会议' })
    expect(copied).toMatchObject({ ok: true })
    expect(h.host.session.meetingId).not.toBe(from)
    expect(groupOf()).toEqual(before)
    await call(staff, 'proposals:ungroup', { proposalIds: ['A1'] })
    await call(staff, 'meeting:open', { meetingId: from })
    expect(groupOf()).toEqual(before)
  })
})

describe('a candidate read on the tablet', () => {
  it('carries its proposals by channel, its planned completion and category', async () => {
    const staff = await demo()
    await importProposals(staff)
    await call(staff, 'proposals:group', { proposalIds: ['A1', 'A2', 'A3'], projectId: 'P01' })
    const p01 = h.host.session.meeting.data.projects[0]!
    await call(staff, 'project:update', { projectId: 'P01', ...p01, completion: '2027年12月' })
    const voteId = await h.addVote(staff, defaultRules('select', 3))
    // The tablet checks its deputy in.
    const { socket } = await h.deputy(h.host.session.meeting.data.deputies[0]!.credential)
    expect(await call(staff, 'vote:open', { voteId })).toEqual({ ok: true, data: null })
    const details = await call(socket, 'vote:details', { voteId })
    if (!details.ok) throw new Error('vote:details')
    const first: CandidateDetail = details.data[0]!
    expect(first).toMatchObject({
      id: 'P01',
      leadUnit: p01.leadUnit,
      budget: p01.budget,
      category: p01.category,
      completion: '2027-12',
      proposals: {
        count: 3,
        sources: [
          { channel: '12345热线', count: 2 },
          { channel: '代表联系站', count: 1 },
        ],
      },
    })
    expect(details.data[1]?.proposals).toEqual({ count: 0, sources: [] })
  })
})
