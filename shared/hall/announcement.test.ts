import { describe, expect, it } from 'vitest'
import type { BallotBox } from '../protocol/ballot-box.schema'
import type { VoteStatus } from '../protocol/vote.schema'
import { defaultQuorum } from '../protocol/attendance.schema'
import { voteRulesShape } from '../protocol/vote-rules.schema'
import { makeBox, forEach } from '../rules/ballot-box.fixture'
import type { BoxSpec } from '../rules/ballot-box.fixture'
import { tally } from '../rules/tally'
import { announcementText, buildAnnouncement } from './announcement'

const titles: Record<string, string> = {
  P1: '普惠托育服务扩容',
  P2: '老旧小区加装电梯',
  P3: '城区公厕改造',
  P4: '社区食堂建设',
}

/** The text a chair would read for a box tallied by the real rules. */
function announce(spec: BoxSpec, status: VoteStatus = 'published', extra = {}) {
  const box: BallotBox = makeBox(spec)
  const vote = {
    title: '2027年度民生实事项目票决',
    rules: voteRulesShape.parse(box.vote),
    candidates: spec.candidates.map((id) => ({ id, title: titles[id] ?? id })),
    status,
    ...extra,
  } as Parameters<typeof buildAnnouncement>[0]['vote']
  const a = buildAnnouncement({ vote, result: tally(box), quorum: defaultQuorum })
  return { a, text: announcementText(a) }
}

describe('the chair’s announcement', () => {
  it('差额: attendance, ballots, each project in rank order with its outcome, the elected', () => {
    const { a, text } = announce({
      kind: 'select',
      seats: 2,
      candidates: ['P1', 'P2', 'P3', 'P4'],
      roster: 10,
      present: 9,
      ballots: [forEach(4, 'P1', 'P2'), forEach(3, 'P1', 'P3'), forEach(1, 'P4'), [1, {}, true]],
    })
    expect(a.heading).toBe('《2027年度民生实事项目票决》表决结果宣布稿')
    expect(a.paragraphs[0]).toBe('各位代表：')
    expect(text).toContain('本次会议应到代表10人，实到代表9人，符合法定人数。')
    expect(text).toContain(
      '本次表决发出选票9张，收回选票9张，其中有效票8张，无效票1张。收回票数等于发出票数，本次表决有效。',
    )
    expect(text).toContain('根据表决办法：4选2，获全体代表过半数（6票）赞成的项目')
    const p1 = text.indexOf('第1名，普惠托育服务扩容，得票7票，当选；')
    const p2 = text.indexOf('第3名，城区公厕改造，得票3票，未达到通过票数（6票），未当选；')
    expect(p1).toBeGreaterThan(0)
    expect(p2).toBeGreaterThan(p1)
    expect(text).toContain('第2名，老旧小区加装电梯，得票4票，未达到通过票数（6票），未当选；')
    expect(text).toContain(
      '获得通过的项目共1项，少于应选名额2项，尚缺1项。根据表决办法，按实际通过的项目确定。',
    )
    expect(text).toContain('据此，当选的项目为：普惠托育服务扩容，共1项。')
    expect(a.paragraphs.at(-1)).toBe('宣布完毕。')
  })

  it('差额 tie at the cut line: the tied are named and go to a run-off; none of them is elected', () => {
    const { text } = announce({
      kind: 'select',
      seats: 2,
      candidates: ['P1', 'P2', 'P3'],
      roster: 10,
      ballots: [forEach(4, 'P1', 'P2'), forEach(4, 'P1', 'P3'), forEach(2, 'P2', 'P3')],
    })
    expect(text).toContain('第2名，老旧小区加装电梯，得票6票，得票相同，须另行票决；')
    expect(text).toContain('第2名，城区公厕改造，得票6票，得票相同，须另行票决；')
    expect(text).toContain(
      '老旧小区加装电梯、城区公厕改造得票相同，剩余名额1个。根据表决办法，须对上述2个项目另行票决。',
    )
    expect(text).toContain('据此，当选的项目为：普惠托育服务扩容，共1项。')
  })

  it('逐项: for, against and abstain per item; a shortfall to be filled by a run-off', () => {
    const { text } = announce({
      kind: 'per-item',
      seats: 2,
      shortfallPolicy: 'runoff-remaining',
      candidates: ['P1', 'P2'],
      roster: 5,
      ballots: [
        [3, { P1: 'for', P2: 'against' }],
        [2, { P1: 'abstain', P2: 'for' }],
      ],
    })
    expect(text).toContain('第1名，普惠托育服务扩容，赞成3票，反对0票，弃权2票，通过；')
    expect(text).toContain(
      '第2名，老旧小区加装电梯，赞成2票，反对3票，弃权0票，未达到通过票数（3票），未获通过；',
    )
    expect(text).toContain('根据表决办法，须对其余项目另行票决，补足名额。')
    expect(text).toContain('据此，获得通过的项目为：普惠托育服务扩容，共1项。')
  })

  it('决议: the motion passes or not, with its votes', () => {
    const passed = announce({
      kind: 'motion',
      candidates: ['P1'],
      roster: 5,
      ballots: [
        [3, { P1: 'for' }],
        [1, { P1: 'against' }],
      ],
    }).text
    expect(passed).toContain('普惠托育服务扩容：赞成3票，反对1票，弃权0票（通过票数为3票）。')
    expect(passed).toContain('赞成票达到通过票数，《普惠托育服务扩容》获得通过。')
    const failed = announce({
      kind: 'motion',
      candidates: ['P1'],
      roster: 5,
      ballots: [
        [2, { P1: 'for' }],
        [3, { P1: 'against' }],
      ],
    }).text
    expect(failed).toContain('《普惠托育服务扩容》未获通过。')
  })

  it('满意度: each project’s votes, 满意率 and 等次, then the 总体满意率', () => {
    const { text } = announce({
      kind: 'rating',
      candidates: ['P1', 'P2'],
      roster: 4,
      ballots: [
        [3, { P1: 'satisfied', P2: 'basic' }],
        [1, { P1: 'unsatisfied', P2: 'abstain' }],
      ],
    })
    expect(text).toContain(
      '1. 普惠托育服务扩容：满意3票，基本满意0票，不满意1票，弃权0票，满意率75.0%，测评等次为“满意”；',
    )
    expect(text).toContain(
      '2. 老旧小区加装电梯：满意0票，基本满意3票，不满意0票，弃权1票，满意率75.0%，测评等次为“基本满意”；',
    )
    expect(text).toContain('本次测评总体满意率为75.0%（其中满意票占37.5%）。')
  })

  it('a void vote (more back than issued) says so and names no project as passed or elected', () => {
    const { text } = announce({
      kind: 'select',
      seats: 1,
      candidates: ['P1', 'P2'],
      roster: 10,
      present: 3,
      issued: 3,
      ballots: [forEach(4, 'P1')],
    })
    expect(text).toContain('收回票数多于发出票数，本次表决无效。')
    expect(text).toContain('由于收回票数多于发出票数，本次表决无效，不产生表决结果')
    expect(text).not.toContain('当选；')
    expect(text).not.toContain('据此')
    // 3 of 10 present: short of the quorum, which the announcement does not hide.
    expect(text).toContain('未达到法定人数（7人）')
  })

  it('an annulled vote: its reason, and nothing of its counts or result', () => {
    const { text } = announce(
      { kind: 'select', seats: 1, candidates: ['P1'], roster: 3, ballots: [forEach(3, 'P1')] },
      'annulled',
      { annulReason: '表决器故障。' },
    )
    expect(text).toContain('本次表决已宣布无效，不产生表决结果。理由：表决器故障。')
    expect(text).not.toContain('。。')
    expect(text).not.toContain('得票')
    expect(text).not.toContain('当选')
  })

  it('opened without a quorum on a logged reason: the reason is read out', () => {
    const { text } = announce(
      { kind: 'motion', candidates: ['P1'], roster: 9, present: 5, ballots: [[5, { P1: 'for' }]] },
      'published',
      { quorumOverride: '部分代表因公请假' },
    )
    expect(text).toContain(
      '实到代表5人，未达到法定人数（6人），经会务人员说明理由后开启表决，理由：部分代表因公请假。',
    )
  })

  it('counted from paper: how many ballots came from paper, right after the ballots', () => {
    const spec: BoxSpec = {
      kind: 'select',
      seats: 1,
      candidates: ['P1', 'P2'],
      roster: 50,
      present: 50,
      ballots: [forEach(40, 'P1'), forEach(9, 'P2'), [1, {}, true]],
    }
    const summary = { tablet: 20, issued: 30, returned: 30, counted: 30, spoiled: 1, batches: 2 }
    const paper = { scope: 'rest', startedAt: '2027-01-15T06:00:00.000Z', summary }
    const { a } = announce(spec, 'published', { paper })
    const at = a.paragraphs.findIndex((p) => p.startsWith('本次表决发出选票50张'))
    expect(a.paragraphs[at + 1]).toBe(
      '收回的选票中，平板选票20张，纸质选票30张；纸质选票发出30张，收回30张，其中作废1张，经计票人分批两次录入、核对一致。',
    )
    const whole = announce(spec, 'published', {
      paper: { ...paper, scope: 'whole', summary: { ...summary, tablet: 0, counted: 50 } },
    })
    expect(whole.text).toContain('本次表决以纸质选票计票，收回的50张选票均为纸质选票；')
    // A paper count begun and annulled before its close has no figures: nothing is said.
    expect(announce(spec, 'published', { paper: { ...paper, summary: null } }).text).not.toContain(
      '纸质',
    )
  })

  it('reads in English for the English console', () => {
    const box = makeBox({
      kind: 'select',
      seats: 1,
      candidates: ['P1'],
      roster: 3,
      ballots: [forEach(2, 'P1')],
    })
    const vote = {
      title: 'Projects 2027',
      rules: voteRulesShape.parse(box.vote),
      candidates: box.vote.candidates,
      status: 'published' as const,
    }
    const text = announcementText(
      buildAnnouncement({ vote, result: tally(box), quorum: defaultQuorum }, 'en'),
    )
    expect(text).toContain('Of 3 deputies, 3 are present: a quorum.')
    expect(text).toContain('Therefore 1 project is elected: project P1.')
    expect(text).not.toMatch(/[\u4e00-\u9fff]/)
  })
})
