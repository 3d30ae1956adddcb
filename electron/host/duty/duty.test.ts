import { createHash } from 'node:crypto'
import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DutyPersonRow, DutyView } from '../../../shared/duty/duty-view'
import { call } from '../testing/host-harness'
import type { HostHarness } from '../testing/host-harness'
import { must } from '../year/year-testing'
import { hostPerTest, threeMeetings } from './duty-testing'

const host = hostPerTest()

/** Every file of a folder and its hash: what "left as it was" means. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name)
    if ((await stat(path)).isFile())
      out[name] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex')
  }
  return out
}

function byName(view: DutyView, name: string): DutyPersonRow[] {
  return view.persons.filter((p) => p.name === name)
}

describe('代表履职: a deputy across meetings', () => {
  it('matches by 编号 across a renamed delegation, by name where there is none, and never merges namesakes', async () => {
    const h = host.current
    const { staff, a } = await threeMeetings(h)
    const lastDir = h.host.hall.library.dirOf(a.meetingId)
    const before = await fingerprint(lastDir)
    const view = must(await call(staff, 'duty:view', {}))

    // The empty first meeting has no roster; the held meetings count, in the order held.
    expect(view.meetings.map((m) => [m.title, m.status])).toEqual([
      ['2025年人民代表大会', 'included'],
      ['2026年人民代表大会', 'included'],
      ['2027年人民代表大会', 'included'],
      ['未命名会议', 'no-roster'],
    ])
    const [zhang] = byName(view, '张伟')
    expect(zhang).toMatchObject({ number: '0012', basis: 'number', meetings: 3, present: 2 })
    expect(zhang).toMatchObject({ leave: 1, absent: 0, needsConfirm: false })
    // The same 编号 under a renamed delegation: one deputy, shown for staff to confirm.
    const [li] = byName(view, '李娜')
    expect(li).toMatchObject({ basis: 'number', changed: true, needsConfirm: true, present: 2 })
    expect(li?.delegations).toEqual(['第二代表团', '第二代表组'])
    // A crafted 编号 and name are a deputy like any other.
    const [proto] = byName(view, '__proto__')
    expect(proto).toMatchObject({ number: '__proto__', basis: 'number', present: 1, leave: 1 })
    expect(({} as Record<string, unknown>).present).toBeUndefined()
    // No 编号 in either year, one of that name and delegation each: matched, to be confirmed.
    const [formula] = byName(view, '=1+2')
    expect(formula).toMatchObject({ basis: 'name', needsConfirm: true, present: 1, absent: 1 })
    // 王芳 without 编号 in 2026 may be 0035 or 0021: merged with neither, listed for staff.
    const wang = byName(view, '王芳')
    expect(wang.map((w) => [w.number, w.meetings, w.ambiguous])).toEqual([
      ['0035', 1, null],
      ['', 1, 'same-name'],
      ['0021', 1, null],
    ])
    expect(view.review.ambiguous.map((r) => [r.entry.meetingTitle, r.entry.name])).toEqual([
      ['2026年人民代表大会', '王芳'],
    ])
    expect(view.review.ambiguous[0]?.candidates.map((c) => c.number)).toEqual(['0035', '0021'])
    expect(view.review.confirm.map((c) => c.entries[0]?.name).sort()).toEqual(['=1+2', '李娜'])
    expect(view.persons).toHaveLength(7)

    // One deputy's page: how and when, and leave with its reason.
    const page = must(await call(staff, 'duty:deputy', { key: proto!.key }))
    expect(
      page.records.map((r) => [r.meetingTitle, r.state, r.how, r.reason, r.at !== '']),
    ).toEqual([
      ['2026年人民代表大会', 'leave', null, '因公出差', false],
      ['2027年人民代表大会', 'present', 'staff', '', true],
    ])
    const zhangPage = must(await call(staff, 'duty:deputy', { key: zhang!.key }))
    expect(zhangPage.records.map((r) => [r.state, r.how, r.reason])).toEqual([
      ['present', 'staff', ''],
      ['present', 'tablet', ''],
      ['leave', null, '病假'],
    ])
    expect(zhangPage.records[1]?.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    const paper = must(await call(staff, 'duty:deputy', { key: formula!.key }))
    expect(paper.records.map((r) => r.how)).toEqual([null, 'paper'])

    // Reading the record, and every decision below, leaves last year's meeting as it was.
    await decide(h, view)
    expect(await fingerprint(lastDir)).toEqual(before)
  }, 120_000)

  it('refuses what cannot be, naming it, and changes nothing', async () => {
    const h = host.current
    const { staff, a, b } = await threeMeetings(h)
    const types = await h.auditTypes()
    const sameMeeting = await call(staff, 'duty:join', {
      entry: { meetingId: b.meetingId, deputyId: b.ids[3]! },
      to: { meetingId: b.meetingId, deputyId: b.ids[4]! },
    })
    expect(sameMeeting).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(!sameMeeting.ok && sameMeeting.error.detail).toContain(
      '同一次会议的两位代表不能认定为同一人',
    )
    const unknown = await call(staff, 'duty:separate', {
      entry: { meetingId: a.meetingId, deputyId: '__proto__' },
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(!unknown.ok && unknown.error.detail).toContain('代表履职记录中没有这次会议的这位代表')
    // 张伟 (0012) has this year's meeting already: this year's 李娜 cannot join him too.
    const taken = await call(staff, 'duty:join', {
      entry: { meetingId: b.meetingId, deputyId: b.ids[0]! },
      to: { meetingId: a.meetingId, deputyId: a.ids[0]! },
    })
    expect(!taken.ok && taken.error.detail).toContain('该代表在这次会议已有记录（张伟）')
    const rule = await call(staff, 'duty:points-rule', {
      rule: { present: 1.5, leave: 0, absent: -1 },
    })
    expect(!rule.ok && rule.error.detail).toContain('出席积分须为 −100 到 100 之间的整数')
    const stale = await call(staff, 'duty:confirm', {
      persons: [
        [
          { meetingId: a.meetingId, deputyId: a.ids[2]! },
          { meetingId: b.meetingId, deputyId: b.ids[3]! },
        ],
      ],
    })
    expect(!stale.ok && stale.error.detail).toContain('匹配已有变化，请刷新后再确认')
    expect(await h.auditTypes()).toEqual(types)
    await expect(stat(join(h.dataDir, 'duty.json'))).rejects.toThrow()
  }, 120_000)

  it('leaves out rehearsals, meetings nobody has checked in to, and one it cannot read', async () => {
    const h = host.current
    const staff = await h.staff()
    must(await call(staff, 'meeting:create', { title: '演练', rehearsal: true }))
    must(await call(staff, 'deputy:add', { name: '张伟', delegation: '一团', seat: '1' }))
    await h.host.attendance.set({ delegation: '一团', state: 'present' })
    const rehearsal = h.host.session.meetingId!
    must(await call(staff, 'meeting:create', { title: '明年' }))
    must(await call(staff, 'deputy:add', { name: '张伟', delegation: '一团', seat: '1' }))
    const view = must(await call(staff, 'duty:view', {}))
    expect(view.meetings.map((m) => m.status)).toEqual(['no-roster', 'rehearsal', 'not-held'])
    expect(view.persons).toEqual([])
    // A meeting whose file and its last good copy are both broken is named, and left as it is.
    const dir = h.host.hall.library.dirOf(rehearsal)
    for (const name of ['meeting.json', 'meeting.json.prev'])
      await writeFile(join(dir, name), '{"version": 5, "deputies": [')
    const before = await fingerprint(dir)
    const after = must(await call(staff, 'duty:view', {}))
    expect(after.meetings.map((m) => [m.title, m.status])).toContainEqual(['演练', 'unreadable'])
    expect(await fingerprint(dir)).toEqual(before)
  })
})

/**
 * Staff decide: 2026's 王芳 is 2027's 0021 (joined; a second click changes nothing), this
 * year's =1+2 is not last year's (separated), the renamed delegation's 李娜 is confirmed. Each
 * decision is audited in words and kept in duty.json.
 */
async function decide(h: HostHarness, view: DutyView) {
  const staff = await h.staff()
  const [wang] = view.review.ambiguous
  const same = { entry: wang!.entry.ref, to: wang!.candidates.find((c) => c.number === '0021')!.to }
  expect(must(await call(staff, 'duty:join', same))).toEqual({ changed: true })
  expect(must(await call(staff, 'duty:join', same))).toEqual({ changed: false })
  const formula = view.review.confirm.find((c) => c.entries[0]?.name === '=1+2')!
  const split = { entry: formula.entries[1]!.ref }
  expect(must(await call(staff, 'duty:separate', split))).toEqual({ changed: true })
  expect(must(await call(staff, 'duty:separate', split))).toEqual({ changed: false })
  const after = must(await call(staff, 'duty:view', {}))
  expect(byName(after, '王芳').map((w) => [w.number, w.meetings, w.basis, w.ambiguous])).toEqual([
    ['0035', 1, 'single', null],
    ['0021', 2, 'staff', null],
  ])
  expect(byName(after, '=1+2').map((w) => w.meetings)).toEqual([1, 1])
  expect(after.review.ambiguous).toEqual([])

  // The match left to confirm (李娜's), confirmed; a second click confirms nothing more.
  const persons = after.review.confirm.map((c) => c.entries.map((e) => e.ref))
  expect(persons).toHaveLength(1)
  expect(must(await call(staff, 'duty:confirm', { persons }))).toEqual({ confirmed: 1 })
  expect(must(await call(staff, 'duty:confirm', { persons }))).toEqual({ confirmed: 0 })
  expect(must(await call(staff, 'duty:view', {})).review.confirm).toEqual([])

  const log = must(await call(staff, 'audit:list', { limit: 10, lang: 'zh-CN' }))
  const sentences = log.map((e) => e.text)
  expect(sentences).toContain(
    '会务人员认定会议《2026年人民代表大会》的代表 王芳 与会议《2027年人民代表大会》的代表 王芳 为同一人（代表履职）',
  )
  expect(sentences).toContain(
    '会务人员将会议《2027年人民代表大会》的代表 =1+2 单独列为一位代表（代表履职）',
  )
  expect(sentences).toContain('会务人员确认 1 位代表跨会议的记录匹配无误（代表履职）：李娜')
  const kept = JSON.parse(await readFile(join(h.dataDir, 'duty.json'), 'utf8'))
  expect(kept.version).toBe(1)
  expect(kept.decisions.map((d: { type: string }) => d.type)).toEqual([
    'join',
    'separate',
    'confirm',
  ])
}
