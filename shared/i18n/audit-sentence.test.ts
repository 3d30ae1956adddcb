import { describe, expect, it } from 'vitest'
import { auditSentence, chinaClock, chinaDateTime } from './audit-sentence'
import type { AuditNames } from './audit-sentence'

const names: AuditNames = {
  vote: (id) => ({ V1: '2027年度民生实事项目票决' })[id],
  deputy: (id) => ({ D1: '张三', D2: '李四' })[id],
}
const zh = (type: string, data: Record<string, unknown> = {}) =>
  auditSentence({ type, data }, names, 'zh-CN')

describe('audit sentences', () => {
  it('read each kind of entry as a clerk says it', () => {
    expect(
      zh('vote.opened', {
        voteId: 'V1',
        attendance: { roster: 327, present: 314, issued: 314 },
        deadline: '2027-01-15T06:32:00.000Z',
      }),
    ).toBe(
      '会务人员开启表决《2027年度民生实事项目票决》，发出 314 张（应到 327 人，实到 314 人），限时至 14:32',
    )
    expect(
      zh('vote.closed', { voteId: 'V1', by: 'timer', counts: { cast: 3, valid: 2, invalid: 1 } }),
    ).toBe('表决《2027年度民生实事项目票决》时间到自动结束：收回 3 张，有效 2 张，无效 1 张')
    expect(zh('deputy.checked-in', { deputyIds: ['D1', 'D2'], via: 'staff' })).toBe(
      '会务人员为 2 位代表办理报到：张三、李四',
    )
    expect(zh('deputy.checked-in', { deputyIds: ['D1'], via: 'paper' })).toBe(
      '会务人员按纸质签到表为 1 位代表登记报到：张三',
    )
    expect(zh('deputy.on-leave', { deputyIds: ['D2'], via: 'staff', reason: '因公出差' })).toBe(
      '会务人员登记 1 位代表请假：李四，事由：因公出差',
    )
    expect(zh('duty.points-rule-set', { rule: { present: 2, leave: 0, absent: -1 } })).toBe(
      '会务人员设定代表履职积分规则：出席 +2 分，请假 0 分，缺席 −1 分',
    )
    expect(zh('meeting.quorum-set', { numerator: 2, denominator: 3 })).toBe(
      '会务人员将法定人数设为全体代表的 2/3',
    )
    expect(zh('screen.shown', { stage: 'results', voteId: 'V1' })).toBe(
      '大屏切换到“结果”：《2027年度民生实事项目票决》',
    )
    // A vote removed from the agenda keeps the title its entry logged.
    expect(zh('vote.removed', { voteId: 'V9', title: '已删除的表决' })).toBe(
      '会务人员删除表决《已删除的表决》',
    )
  })

  it('name at most five deputies of a wave of check-ins', () => {
    const deputyIds = Array.from({ length: 40 }, (_, i) => `D${i + 1}`)
    expect(zh('deputy.checked-in', { deputyIds, via: 'tablet' })).toMatch(
      /^代表 张三、李四、D3、D4、D5 等 35 人 在平板上报到$/,
    )
  })

  it('never name the deputy of a paper ballot, nor its marks', () => {
    const text = zh('vote.paper-entry', {
      voteId: 'V1',
      deputyId: 'D1',
      marks: { P01: 'for' },
    })
    expect(text).toBe(
      '会务人员为一位平板故障的代表录入纸质选票（表决《2027年度民生实事项目票决》）',
    )
    expect(text).not.toMatch(/张三|D1|P01|for/)
  })

  it('read an unknown entry by its type, and in English as well', () => {
    expect(zh('something.new', { secret: 'x' })).toBe('记录“something.new”')
    expect(auditSentence({ type: 'vote.published', data: { voteId: 'V1' } }, names, 'en')).toBe(
      'Staff published the result of “2027年度民生实事项目票决”',
    )
  })

  it('tell the time in China Standard Time', () => {
    expect(chinaClock('2027-01-15T23:05:00Z')).toBe('07:05')
    expect(chinaDateTime('2027-01-15T23:05:09Z')).toBe('2027-01-16 07:05:09')
  })
})
