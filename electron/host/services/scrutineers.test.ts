import { meetingVersions } from '../store/json-files/data-versions'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VoteId } from '../../../shared/protocol/ids'
import { defaultRules } from '../../../shared/protocol/vote-rules.schema'
import { call, callRaw, HostHarness } from '../testing/host-harness'

/** 监票: the scrutineers recorded, approved before the first vote, and every change audited. */

let h: HostHarness

beforeEach(async () => {
  h = await new HostHarness().setup()
  await h.host.meetings.loadDemo(5)
})

afterEach(async () => {
  await h.teardown()
})

const members = [
  { role: 'chief', name: '周建国', delegation: '城关代表团' },
  { role: 'scrutineer', name: '李秀英', delegation: '东城代表团' },
  { role: 'scrutineer', name: '王志强', delegation: '' },
  { role: 'teller', name: '陈静', delegation: '人大常委会办公室' },
] as const

const scrutineers = () => h.host.session.meeting.data.meeting!.scrutineers

describe('the scrutineers', () => {
  it('are recorded, approved once, kept across a restart, and each step is audited in words', async () => {
    const staff = await h.staff()
    expect(scrutineers()).toEqual({ members: [], approvedAt: null })
    expect(await call(staff, 'scrutineers:set', { members: [...members] })).toEqual({
      ok: true,
      data: null,
    })
    expect(scrutineers().members).toHaveLength(4)
    expect(scrutineers().approvedAt).toBeNull()

    expect(await call(staff, 'scrutineers:approve', {})).toEqual({ ok: true, data: null })
    const approvedAt = scrutineers().approvedAt
    expect(approvedAt).not.toBeNull()
    // A second click changes nothing and logs nothing more.
    expect(await call(staff, 'scrutineers:approve', {})).toEqual({ ok: true, data: null })
    expect(scrutineers().approvedAt).toBe(approvedAt)
    expect((await h.auditTypes()).filter((t) => t === 'scrutineers.approved')).toHaveLength(1)

    await h.stop()
    await h.start()
    expect(scrutineers()).toEqual({ members: [...members], approvedAt })
    const onDisk = JSON.parse(await readFile(join(h.meetingDir, 'meeting.json'), 'utf8')) as {
      version: number
    }
    expect(onDisk.version).toBe(meetingVersions.current)

    const again = await h.staff()
    const listed = await call(again, 'audit:list', { limit: 100 })
    if (!listed.ok) throw new Error('audit:list')
    const texts = listed.data.map((e) => e.text)
    expect(texts).toContain(
      '会务人员登记监票人员：总监票人 周建国；监票人 李秀英、王志强；计票人 陈静',
    )
    expect(texts).toContain(
      '监票人员名单经会议通过：总监票人 周建国；监票人 李秀英、王志强；计票人 陈静',
    )
  })

  it('are not approved without a 总监票人 and a 监票人, and bad rows change nothing', async () => {
    const staff = await h.staff()
    await call(staff, 'scrutineers:set', { members: [members[3]] })
    expect(await call(staff, 'scrutineers:approve', {})).toMatchObject({
      ok: false,
      error: { code: 'scrutineers-incomplete' },
    })
    expect(scrutineers().approvedAt).toBeNull()

    const refusals: [unknown, RegExp][] = [
      [{ members: [{ role: 'chief', name: '  ' }] }, /^members\.0\.name/],
      [{ members: [{ role: 'boss', name: '周建国' }] }, /^members\.0\.role/],
      [{ members: [{ role: 'chief', name: '周\n建国' }] }, /^members\.0\.name/],
      [{ members: [{ role: 'chief', name: '名'.repeat(51) }] }, /^members\.0\.name/],
      [
        { members: [members[0], { ...members[0], role: 'teller' }] },
        /^members\.1\.name: 周建国 重复/,
      ],
      [{ members: { __proto__: [] } }, /^members/],
    ]
    for (const [input, detail] of refusals) {
      const answer = await callRaw(staff, 'scrutineers:set', input)
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(answer.ok ? '' : answer.error.detail).toMatch(detail)
    }
    expect(scrutineers().members).toEqual([members[3]])
  })

  it('once a vote has opened, change only with a reason, which is logged; the list is approved again', async () => {
    const staff = await h.staff()
    await call(staff, 'scrutineers:set', { members: [...members] })
    await call(staff, 'scrutineers:approve', {})

    // Before any vote: an edit simply takes the approval back.
    const fewer = members.slice(0, 3)
    await call(staff, 'scrutineers:set', { members: [...fewer] })
    expect(scrutineers().approvedAt).toBeNull()
    await call(staff, 'scrutineers:approve', {})

    const voteId: VoteId = await h.addVote(staff, defaultRules('select', 1))
    expect((await call(staff, 'vote:open', { voteId })).ok).toBe(true)
    const swap = [...fewer.slice(0, 2), { role: 'scrutineer', name: '赵敏', delegation: '' }]
    expect(await callRaw(staff, 'scrutineers:set', { members: swap })).toMatchObject({
      ok: false,
      error: { code: 'reason-required' },
    })
    expect(scrutineers().members).toEqual(fewer)
    expect(scrutineers().approvedAt).not.toBeNull()

    const reason = '王志强代表因病离会'
    expect((await callRaw(staff, 'scrutineers:set', { members: swap, reason })).ok).toBe(true)
    expect(scrutineers()).toEqual({ members: swap, approvedAt: null })
    expect(await call(staff, 'scrutineers:approve', {})).toEqual({ ok: true, data: null })

    const listed = await call(staff, 'audit:list', { limit: 100 })
    if (!listed.ok) throw new Error('audit:list')
    const texts = listed.data.map((e) => e.text)
    expect(texts).toContain(
      `会务人员登记监票人员：总监票人 周建国；监票人 李秀英、赵敏（原已通过的名单须重新通过），理由：${reason}`,
    )
    expect(texts).toContain(
      '监票人员名单经会议通过：总监票人 周建国；监票人 李秀英、赵敏（在已有表决开启之后）',
    )
    const english = await call(staff, 'audit:list', { limit: 100, lang: 'en' })
    if (!english.ok) throw new Error('audit:list en')
    expect(english.data.map((e) => e.text)).toContain(
      'The meeting approved the scrutineers: chief scrutineer 周建国; scrutineers 李秀英, 赵敏 (after a vote had opened)',
    )
  })

  it('are copied with the meeting, not approved: the approval is the new meeting’s own', async () => {
    const staff = await h.staff()
    await call(staff, 'scrutineers:set', { members: [...members] })
    await call(staff, 'scrutineers:approve', {})
    const from = h.host.session.meetingId!
    expect(
      (await call(staff, 'meeting:duplicate', { meetingId: from, title: '正式会议' })).ok,
    ).toBe(true)
    expect(scrutineers()).toEqual({ members: [...members], approvedAt: null })
  })
})
