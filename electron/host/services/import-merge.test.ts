import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ImportPreviewView,
  ProjectRowView,
  RosterRowView,
} from '../../../shared/protocol/preparation.schema'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, HostHarness, next } from '../testing/host-harness'

/**
 * A second import onto a list that is there (issue 30): deputies are matched and keep their
 * cards and attendance; projects are matched by 编号 and one a vote has used cannot be removed.
 */

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
})

afterEach(async () => {
  await h.teardown()
})

async function upload<T>(kind: 'roster' | 'projects', csv: string) {
  const res = await fetch(`http://127.0.0.1:${h.host.port}/api/import/${kind}?name=${kind}.csv`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.host.staffToken}` },
    body: csv,
  })
  expect(res.status).toBe(200)
  return (await res.json()) as ImportPreviewView<T>
}

const roster = (rows: string[]) => ['姓名,代表团,座位号', ...rows].join('\n')
const five = [
  '张三,一团,1排1号',
  '李四,一团,1排2号',
  '王五,二团,2排1号',
  '赵六,二团,2排2号',
  '钱七,三团,3排1号',
]

async function importRoster(rows: string[]) {
  const staff = await h.staff()
  const preview = await upload<RosterRowView>('roster', roster(rows))
  expect(preview.problems).toEqual([])
  const confirmed = await call(staff, 'roster:confirm', { previewId: preview.previewId! })
  expect(confirmed).toEqual({ ok: true, data: { deputies: rows.length } })
  return preview
}

const byName = (name: string) => {
  const d = h.host.session.meeting.data.deputies.find((x) => x.name === name)
  if (!d) throw new Error(`${name} is not on the roster`)
  return d
}

describe('a roster imported again', () => {
  it('the same file: every deputy keeps their card and attendance; the preview says nothing changes', async () => {
    const first = await importRoster(five)
    expect(first.changes).toBeNull()
    const cards = h.host.session.meeting.data.deputies.map((d) => [d.id, d.credential])
    await h.deputy(byName('张三').credential)
    await h.deputy(byName('王五').credential)
    expect(byName('张三').present).toBe(true)

    const again = await importRoster(five)
    expect(again.changes).toEqual({ added: [], removed: [], changed: [], unchanged: 5 })
    expect(h.host.session.meeting.data.deputies.map((d) => [d.id, d.credential])).toEqual(cards)
    expect(byName('张三').present).toBe(true)
    expect(byName('王五').present).toBe(true)
    expect(byName('李四').present).toBe(false)
  })

  it('one removed, one added, a name corrected: the preview names each, and only the removed card stops', async () => {
    await importRoster(five)
    const staff = await h.staff()
    const zhang = byName('张三')
    const qian = byName('钱七')
    const wangCard = byName('王五').credential
    const leaving = await h.deputy(qian.credential)
    const revoked = next<void>(leaving.socket, 'deputy:revoked')
    const staying = await h.deputy(zhang.credential)

    // 钱七 leaves, 孙八 joins, 王五 was a typo for 王伍 (same delegation and seat).
    const rows = ['张三,一团,1排1号', '李四,一团,1排2号', '王伍,二团,2排1号', '赵六,二团,2排2号']
    const preview = await upload<RosterRowView>('roster', roster([...rows, '孙八,三团,3排2号']))
    expect(preview.changes).toEqual({
      added: ['孙八（三团）'],
      removed: ['钱七（三团）'],
      changed: [{ name: '王伍（二团）', fields: ['name'] }],
      unchanged: 3,
    })
    expect(await call(staff, 'roster:confirm', { previewId: preview.previewId! })).toEqual({
      ok: true,
      data: { deputies: 5 },
    })
    await revoked
    expect(byName('王伍').credential).toBe(wangCard)
    expect(byName('张三')).toMatchObject({
      id: zhang.id,
      credential: zhang.credential,
      present: true,
    })
    // A new id after the highest, never one a removed deputy had.
    expect(byName('孙八').id).toBe('D006')
    expect(h.host.session.meeting.data.deputies.some((d) => d.name === '钱七')).toBe(false)
    expect(staying.socket.connected).toBe(true)
    const stale = h.connect('/deputy', { credential: qian.credential })
    await expect(next<Error>(stale, 'connect_error')).resolves.toMatchObject({
      message: 'unauthorized',
    })
    const entries = await call(staff, 'audit:list', {})
    expect(JSON.stringify(entries)).toContain('roster.imported')
  })

  it('refuses a preview the roster changed after, and changes nothing', async () => {
    await importRoster(five)
    const staff = await h.staff()
    const preview = await upload<RosterRowView>('roster', roster(five.slice(0, 4)))
    expect(preview.changes?.removed).toEqual(['钱七（三团）'])
    // Meanwhile 钱七 is removed by hand and another deputy added.
    expect(await call(staff, 'deputy:remove', { deputyId: byName('钱七').id })).toMatchObject({
      ok: true,
    })
    expect(
      await call(staff, 'deputy:add', { name: '周九', delegation: '三团', seat: '3排9号' }),
    ).toMatchObject({ ok: true })
    const before = JSON.stringify(h.host.session.meeting.data.deputies)
    expect(await call(staff, 'roster:confirm', { previewId: preview.previewId! })).toMatchObject({
      ok: false,
      error: { code: 'preview-outdated' },
    })
    expect(JSON.stringify(h.host.session.meeting.data.deputies)).toBe(before)
  })

  it('reissues every card only when asked in so many words', async () => {
    await importRoster(five)
    const staff = await h.staff()
    const cards = h.host.session.meeting.data.deputies.map((d) => d.credential)
    const tablet = await h.deputy(cards[0]!)
    const revoked = next<void>(tablet.socket, 'deputy:revoked')
    expect(await call(staff, 'roster:reissue-all', {} as never)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(h.host.session.meeting.data.deputies.map((d) => d.credential)).toEqual(cards)
    expect(await call(staff, 'roster:reissue-all', { confirm: true })).toEqual({
      ok: true,
      data: { deputies: 5 },
    })
    await revoked
    const now = h.host.session.meeting.data.deputies.map((d) => d.credential)
    expect(now.every((c, i) => c !== cards[i])).toBe(true)
  })

  it('matches by 代表编号 where the file has one: a renamed delegation and a moved seat keep the card', async () => {
    const numbered = (rows: string[]) => ['代表编号,姓名,代表团,座位号', ...rows].join('\n')
    const staff = await h.staff()
    const first = await upload<RosterRowView>('roster', numbered(['A01,张三,一团,1排1号']))
    await call(staff, 'roster:confirm', { previewId: first.previewId! })
    const zhang = byName('张三')
    expect(zhang.number).toBe('A01')
    // Name + delegation and delegation + seat and name + seat would all miss this row.
    const again = await upload<RosterRowView>(
      'roster',
      numbered(['Ａ０１,张三丰,第一代表团,9排9号', 'A02,李四,一团,1排1号']),
    )
    expect(again.changes).toEqual({
      added: ['李四（一团）'],
      removed: [],
      changed: [{ name: '张三丰（第一代表团）', fields: ['name', 'delegation', 'seat'] }],
      unchanged: 0,
    })
    await call(staff, 'roster:confirm', { previewId: again.previewId! })
    const after = byName('张三丰')
    expect([after.id, after.credential, after.number]).toEqual([zhang.id, zhang.credential, 'A01'])
  })
})

describe('projects imported again', () => {
  const projects = (rows: string[]) => ['编号,项目名称,牵头单位', ...rows].join('\n')
  const list = ['P01,老旧小区改造,住建局', 'P02,农贸市场改造,商务局', 'P03,公交线路优化,交通局']

  async function importProjects(rows: string[]) {
    const staff = await h.staff()
    const preview = await upload<ProjectRowView>('projects', projects(rows))
    if (preview.previewId)
      expect(await call(staff, 'projects:confirm', { previewId: preview.previewId })).toEqual({
        ok: true,
        data: { projects: rows.length },
      })
    return preview
  }

  it('match by 编号; a project a vote has opened with cannot be removed, one in a draft leaves it', async () => {
    await importProjects(list)
    const staff = await h.staff()
    const opened = await call(staff, 'vote:create', {
      title: '已开启的表决',
      rules: defaultRules('select', 1),
      candidateIds: ['P01', 'P02'],
    })
    const draft = await call(staff, 'vote:create', {
      title: '草稿表决',
      rules: defaultRules('select', 1),
      candidateIds: ['P02', 'P03'],
    })
    if (!opened.ok || !draft.ok) throw new Error('vote:create failed')
    await importRoster(five)
    await h.deputy(byName('张三').credential)
    const open = await call(staff, 'vote:open', { voteId: opened.data.voteId, override: '测试' })
    expect(open).toMatchObject({ ok: true })
    expect(await call(staff, 'vote:close', { voteId: opened.data.voteId })).toMatchObject({
      ok: true,
    })

    const removingUsed = await importProjects([
      'P02,农贸市场改造,商务局',
      'P03,公交线路优化,交通局',
    ])
    expect(removingUsed.previewId).toBeNull()
    expect(removingUsed.problems.map((p) => p.code)).toEqual(['project-in-vote'])
    expect(removingUsed.problems[0]?.message).toContain('已开启的表决')
    expect(h.host.session.meeting.data.projects.map((p) => p.id)).toEqual(['P01', 'P02', 'P03'])

    const preview = await importProjects([
      'P01,老旧小区改造,住建局',
      'P02,农贸市场提升,商务局',
      'P04,新项目,民政局',
    ])
    expect(preview.changes).toEqual({
      added: ['P04 新项目'],
      removed: ['P03 公交线路优化'],
      changed: [{ name: 'P02 农贸市场提升', fields: ['title'] }],
      unchanged: 1,
    })
    const votes = h.host.session.meeting.data.votes
    const draftNow = votes.find((v) => v.id === draft.data.voteId)
    expect(draftNow?.candidates.map((c) => [c.id, c.title])).toEqual([['P02', '农贸市场提升']])
    // The opened vote keeps the projects it was opened with, as they were.
    const openedNow = votes.find((v) => v.id === opened.data.voteId)
    expect(openedNow?.candidates.map((c) => c.title)).toEqual(['老旧小区改造', '农贸市场改造'])
  })
})
