import { describe, expect, it } from 'vitest'
import type { BoxSpec } from './ballot-box.fixture'
import { forEach, makeBox } from './ballot-box.fixture'
import { briefResult } from './brief-result'
import { tally } from './tally'

const brief = (spec: BoxSpec) => {
  const box = makeBox(spec)
  return briefResult(tally(box), box.vote.candidates)
}

describe('briefResult', () => {
  it('差额: 当选 in rank order, the tied pair as 并列, the counts of ballots', () => {
    const b = brief({
      kind: 'select',
      seats: 2,
      candidates: ['A', 'B', 'C', 'D'],
      roster: 10,
      threshold: { base: 'roster', numerator: 1, denominator: 3, strict: false },
      ballots: [forEach(4, 'A', 'B'), forEach(2, 'A', 'C'), forEach(2, 'C'), forEach(2, 'D')],
    })
    // 4 needed: A 6, then B 4 and C 4 tied for the one seat left, D 2.
    expect(b.items.map((i) => [i.title, i.outcome, i.for])).toEqual([
      ['project A', 'elected', 6],
      ['project B', 'tied', 4],
      ['project C', 'tied', 4],
      ['project D', 'not-elected', 2],
    ])
    expect(b.tie).toEqual({ titles: ['project B', 'project C'], seatsLeft: 1 })
    expect(b.counts).toEqual({ issued: 10, cast: 10, valid: 10 })
    expect(b.void).toBe(false)
  })

  it('a void vote elects nothing and names no tie', () => {
    const b = brief({
      kind: 'select',
      seats: 1,
      candidates: ['A', 'B'],
      roster: 10,
      issued: 2,
      ballots: [forEach(3, 'A')],
    })
    expect(b.void).toBe(true)
    expect(b.items.map((i) => i.outcome)).toEqual(['not-elected', 'not-elected'])
  })

  it('逐项 says 通过/未通过, a motion its three counts, a rating its grade and 满意率', () => {
    const perItem = brief({
      kind: 'per-item',
      seats: 2,
      candidates: ['A', 'B'],
      roster: 5,
      ballots: [[3, { A: 'for', B: 'against' }]],
    })
    expect(perItem.items.map((i) => i.outcome)).toEqual(['passed', 'not-passed'])
    expect(perItem.shortfall).toBe(1)

    const motion = brief({
      kind: 'motion',
      candidates: ['M'],
      roster: 5,
      ballots: [
        [3, { M: 'for' }],
        [1, { M: 'against' }],
        [1, {}],
      ],
    })
    expect(motion.items).toEqual([
      { title: 'project M', outcome: 'passed', for: 3, against: 1, abstain: 1, rate: null },
    ])

    const rating = brief({
      kind: 'rating',
      candidates: ['A', 'B'],
      roster: 4,
      ballots: [
        [2, { A: 'satisfied', B: 'basic' }],
        [1, { A: 'basic', B: 'abstain' }],
        [1, { A: 'unsatisfied', B: 'unsatisfied' }],
      ],
    })
    expect(rating.items.map((i) => [i.outcome, i.rate])).toEqual([
      ['basic', 0.75],
      ['unsatisfied', 0.5],
    ])
    expect(rating.overallRate).toBe(5 / 8)
  })
})
