import { describe, expect, it } from 'vitest'
import type { Threshold, VoteRules } from '../protocol/vote-rules.schema'
import { defaultRules } from '../protocol/vote-rules.schema'
import { summarizeRuleDetails, summarizeRules } from './summary'

const t = (base: Threshold['base'], numerator: number, denominator: number, strict: boolean) => ({
  base,
  numerator,
  denominator,
  strict,
})
const rules = (over: Partial<VoteRules>): VoteRules => ({ ...defaultRules('select', 10), ...over })

describe('summarizeRules (zh-CN)', () => {
  it.each([
    [
      'the issue example',
      rules({}),
      13,
      { roster: 327 },
      '13选10，获全体代表过半数（164票）赞成的项目按得票多少排序，取前10项',
    ],
    [
      'base count unknown: no vote count',
      rules({}),
      13,
      {},
      '13选10，获全体代表过半数赞成的项目按得票多少排序，取前10项',
    ],
    [
      'at least half',
      rules({ threshold: t('roster', 1, 2, false) }),
      13,
      { roster: 327 },
      '13选10，获全体代表半数以上（164票）赞成的项目按得票多少排序，取前10项',
    ],
    [
      'two-thirds of present, non-strict',
      rules({ threshold: t('present', 2, 3, false) }),
      13,
      { roster: 327, present: 314 },
      '13选10，获出席代表三分之二以上（210票）赞成的项目按得票多少排序，取前10项',
    ],
    [
      'two-thirds strict',
      rules({ threshold: t('present', 2, 3, true) }),
      13,
      { present: 300 },
      '13选10，获出席代表超过三分之二（201票）赞成的项目按得票多少排序，取前10项',
    ],
    [
      'an unreduced fraction is said reduced',
      rules({ threshold: t('roster', 2, 4, true) }),
      13,
      {},
      '13选10，获全体代表过半数赞成的项目按得票多少排序，取前10项',
    ],
    [
      'valid base, count not known before the vote',
      rules({ threshold: t('valid', 3, 5, false) }),
      13,
      { roster: 327 },
      '13选10，获有效票五分之三以上赞成的项目按得票多少排序，取前10项',
    ],
    [
      'unanimity',
      rules({ threshold: t('roster', 1, 1, false) }),
      13,
      { roster: 20 },
      '13选10，获全体代表全数（20票）赞成的项目按得票多少排序，取前10项',
    ],
    [
      'twelfths',
      rules({ threshold: t('roster', 7, 12, false) }),
      13,
      {},
      '13选10，获全体代表十二分之七以上赞成的项目按得票多少排序，取前10项',
    ],
    [
      'per-item with maxFor',
      rules({ kind: 'per-item', maxFor: 10 }),
      13,
      { roster: 327 },
      '13个项目逐项表决，每票至多赞成10项，获全体代表过半数（164票）赞成的项目按赞成票多少排序，取前10项',
    ],
    ['motion', defaultRules('motion'), 1, { roster: 327 }, '获全体代表过半数（164票）赞成即为通过'],
    [
      'rating',
      defaultRules('rating'),
      12,
      { roster: 327 },
      '12个项目满意度测评，获全体代表过半数（164票）评为满意的为满意，满意与基本满意合计达到该票数的为基本满意，其余为不满意',
    ],
  ] as const)('%s', (_label, r, n, counts, expected) => {
    expect(summarizeRules(r, n, counts, 'zh-CN')).toBe(expected)
  })

  it('zh-CN is the default language', () => {
    expect(summarizeRules(rules({}), 13, { roster: 327 })).toMatch(/^13选10/)
  })
})

describe('summarizeRules (en)', () => {
  it.each([
    [
      rules({}),
      13,
      { roster: 327 },
      'Choose 10 of 13: projects voted for by more than half of all seated deputies (164 votes) are ranked by votes and the top 10 are decided',
    ],
    [
      rules({ threshold: t('present', 2, 3, false) }),
      13,
      {},
      'Choose 10 of 13: projects voted for by at least two-thirds of the deputies present are ranked by votes and the top 10 are decided',
    ],
    [
      rules({ threshold: t('valid', 1, 3, true) }),
      13,
      { valid: 2 },
      'Choose 10 of 13: projects voted for by more than one-third of the valid ballots (1 vote) are ranked by votes and the top 10 are decided',
    ],
    [
      defaultRules('motion'),
      1,
      { roster: 100 },
      'The motion passes when voted for by more than half of all seated deputies (51 votes)',
    ],
  ] as const)('%#', (r, n, counts, expected) => {
    expect(summarizeRules(r, n, counts, 'en')).toBe(expected)
  })
})

describe('summarizeRuleDetails', () => {
  it('says the tie, shortfall, secrecy, change, time and release rules', () => {
    const r = rules({
      tiePolicy: 'include-all',
      shortfallPolicy: 'runoff-remaining',
      timeLimit: { seconds: 90, onExpiry: 'close' },
    })
    expect(summarizeRuleDetails(r)).toEqual([
      '末位得票相同、超出名额时，得票相同的项目一并确定',
      '通过的项目不足名额时，对其余项目另行票决补足',
      '无记名投票',
      '选票提交后不能修改',
      '限时1分钟30秒，到时自动结束投票',
      '结果经宣布后显示',
    ])
    expect(summarizeRuleDetails(defaultRules('motion'), 'en')).toEqual([
      'Secret ballot',
      'Ballots are final once submitted',
      'Results show once announced',
    ])
  })

  it('says how 弃权 counts in a rating and what 满意率 divides by', () => {
    const zh = summarizeRuleDetails(defaultRules('rating'))
    expect(zh.slice(0, 2)).toEqual([
      '满意率＝（满意＋基本满意）÷有效票',
      '弃权（含未表态）计入有效票，不计为满意或基本满意',
    ])
    expect(summarizeRuleDetails(defaultRules('rating'), 'en')[1]).toMatch(/abstention/)
    expect(summarizeRuleDetails(defaultRules('select', 10)).join()).not.toMatch(/满意率/)
  })
})
