import { describe, expect, it } from 'vitest'
import type { BoxSpec } from '../../shared/rules/ballot-box.fixture'
import { forEach, makeBox } from '../../shared/rules/ballot-box.fixture'
import { tally } from '../../shared/rules'
import type { VoteResult } from '../../shared/protocol/result.schema'
import {
  axisMax,
  cutAfter,
  fitTitle,
  textEm,
  motionView,
  ratingRows,
  rankedBars,
  resultBanner,
  statusWord,
  thresholdLabel,
  tieBand,
} from './chart-data'
import type { ProjectId } from '../../shared/protocol/ids'

const titled = (ids: string[]) => ids.map((id) => ({ id: id as ProjectId, title: `项目${id}` }))
const run = (spec: BoxSpec): VoteResult => tally(makeBox(spec))

/** roster 100 → 51 needed. A 70; B, C, D 60; E 10. */
const tieBallots = [
  forEach(20, 'A', 'B', 'C'),
  forEach(20, 'A', 'B', 'D'),
  forEach(20, 'A', 'C', 'D'),
  forEach(20, 'B', 'C', 'D'),
  forEach(10, 'A'),
  forEach(10, 'E'),
]
const ids = ['A', 'B', 'C', 'D', 'E']

describe('ranked bars (select)', () => {
  it('puts bars in rank order with elected, passed and failed marks, and the cut after K', () => {
    const result = run({
      kind: 'select',
      seats: 2,
      candidates: ['E', 'D', 'C', 'B', 'A'],
      roster: 100,
      ballots: [
        forEach(40, 'A', 'B'),
        forEach(30, 'A', 'C'),
        forEach(25, 'B', 'C'),
        forEach(5, 'D', 'E'),
      ],
    })
    const bars = rankedBars(result, titled(['E', 'D', 'C', 'B', 'A']))
    // A 70, B 65, C 55 (passes 51, no seat left), then D and E 5 each: list order shows E first.
    expect(bars.map((b) => [b.id, b.votes, b.rank, b.mark])).toEqual([
      ['A', 70, 1, 'elected'],
      ['B', 65, 2, 'elected'],
      ['C', 55, 3, 'passed'],
      ['E', 5, 4, 'failed'],
      ['D', 5, 4, 'failed'],
    ])
    expect(bars[0]?.title).toBe('项目A')
    expect(cutAfter(result, bars, 2)?.id).toBe('B')
    expect(resultBanner(result, titled(ids))).toBeNull()
    expect(result.needed).toBe(51)
    // Scaled to the longest bar (70), not to the 100 seated.
    expect(axisMax(result, bars)).toBe(70)
    expect(tieBand(bars)).toBeNull()
    expect(bars.map((b) => statusWord('select', b))).toEqual([
      'elected',
      'elected',
      null,
      null,
      null,
    ])
  })

  it('marks a tie at the cut line and names the tied projects in the banner', () => {
    const result = run({
      kind: 'select',
      seats: 3,
      candidates: ids,
      roster: 100,
      ballots: tieBallots,
    })
    const bars = rankedBars(result, titled(ids))
    expect(bars.map((b) => `${b.id}:${b.mark}`)).toEqual([
      'A:elected',
      'B:tied',
      'C:tied',
      'D:tied',
      'E:failed',
    ])
    // Never between two tied projects: the tie is a band over B, C and D instead.
    expect(cutAfter(result, bars, 3)).toBeNull()
    expect(tieBand(bars)).toEqual({ from: 1, to: 3 })
    expect(bars.map((b) => statusWord('select', b))).toEqual([
      'elected',
      'tied',
      'tied',
      'tied',
      null,
    ])
    expect(resultBanner(result, titled(ids))).toEqual({
      kind: 'tie',
      seatsLeft: 2,
      titles: ['项目B', '项目C', '项目D'],
    })
  })

  it('reports a shortfall when fewer than K pass the threshold', () => {
    const result = run({
      kind: 'select',
      seats: 3,
      candidates: ids,
      roster: 100,
      ballots: [forEach(60, 'A'), forEach(30, 'B', 'C')],
    })
    const bars = rankedBars(result, titled(ids))
    expect(bars.filter((b) => b.elected).map((b) => b.id)).toEqual(['A'])
    expect(resultBanner(result, titled(ids))).toEqual({ kind: 'shortfall', seatsLeft: 2 })
  })

  it('shows a void vote as void, whatever the bars', () => {
    const result = run({
      kind: 'select',
      seats: 1,
      candidates: ['A', 'B'],
      roster: 10,
      issued: 2,
      ballots: [forEach(3, 'A')],
    })
    expect(resultBanner(result, titled(['A', 'B']))).toEqual({
      kind: 'void',
      reason: 'cast exceeds issued',
    })
    expect(rankedBars(result, titled(['A', 'B'])).every((b) => !b.elected)).toBe(true)
  })

  it('has no cut line when every candidate fits the seats', () => {
    const result = run({ kind: 'select', seats: 5, candidates: ids, roster: 10, ballots: [] })
    expect(cutAfter(result, rankedBars(result, titled(ids)), 5)).toBeNull()
  })

  it('scales to the threshold when no bar reaches it, and draws no line between equal counts', () => {
    // 11 of 40 present, 21 needed: nothing passes; A 8, B and C 5 share places 2 and 3.
    const result = run({
      kind: 'select',
      seats: 2,
      candidates: ['A', 'B', 'C', 'D'],
      roster: 40,
      present: 11,
      ballots: [forEach(5, 'A', 'B'), forEach(3, 'A', 'C'), forEach(2, 'C', 'D')],
    })
    expect(result.void).toBeNull()
    const bars = rankedBars(result, titled(['A', 'B', 'C', 'D']))
    expect(bars.map((b) => b.votes)).toEqual([8, 5, 5, 2])
    expect(axisMax(result, bars)).toBe(21)
    expect(cutAfter(result, bars, 2)).toBeNull()
  })
})

describe('per-item stacks', () => {
  it('carries for/against/abstain per bar, ranked by for; unmarked counts as abstain', () => {
    const result = run({
      kind: 'per-item',
      seats: 1,
      candidates: ['A', 'B'],
      roster: 10,
      ballots: [
        [4, { A: 'against', B: 'for' }],
        [3, { A: 'for', B: 'for' }],
        [2, { A: 'abstain' }],
      ],
    })
    const bars = rankedBars(result, titled(['A', 'B']))
    expect(bars.map((b) => [b.id, b.votes, b.against, b.abstain, b.mark])).toEqual([
      ['B', 7, 0, 2, 'elected'],
      ['A', 3, 4, 2, 'failed'],
    ])
    // Each stack is the 9 valid ballots; the axis runs to them, not to the 10 seated.
    expect(axisMax(result, bars)).toBe(9)
    // 逐项's words: 通过 / 未通过, never 当选.
    expect(bars.map((b) => statusWord('per-item', b))).toEqual(['passed', 'failed'])
  })

  it('draws the cut line only where the cap turned away an item that passed', () => {
    // 13 items, a cap of 10; 11 present and 21 of 40 needed: nothing passes, so no line.
    const items = Array.from({ length: 13 }, (_, i) => `I${i + 1}`)
    const none = run({
      kind: 'per-item',
      seats: 10,
      candidates: items,
      roster: 40,
      present: 11,
      ballots: [[11, Object.fromEntries(items.map((id, i) => [id, i < 5 ? 'for' : 'against']))]],
    })
    const noneBars = rankedBars(none, titled(items))
    expect(cutAfter(none, noneBars, 10)).toBeNull()
    expect(resultBanner(none, titled(items))).toBeNull()
    expect(new Set(noneBars.map((b) => statusWord('per-item', b)))).toEqual(new Set(['failed']))

    // 6 of 11 needed (half of those present): 12 pass, 10 fit under the cap.
    const passing = run({
      kind: 'per-item',
      seats: 10,
      threshold: { base: 'present', numerator: 1, denominator: 2, strict: true },
      candidates: items,
      roster: 40,
      present: 11,
      ballots: [
        [6, Object.fromEntries(items.map((id, i) => [id, i < 12 ? 'for' : 'against']))],
        [5, Object.fromEntries(items.map((id, i) => [id, i < 10 ? 'for' : 'abstain']))],
      ],
    })
    const bars = rankedBars(passing, titled(items))
    expect(cutAfter(passing, bars, 10)?.id).toBe('I10')
    expect(bars.map((b) => statusWord('per-item', b))).toEqual([
      ...Array<string>(10).fill('passed'),
      'overCap',
      'overCap',
      'failed',
    ])
    // A shortfall under a cap the rules accept is no news; one the rules run off is.
    const few = { ...passing, shortfall: { seatsLeft: 3 } }
    expect(resultBanner(few, titled(items))).toBeNull()
    expect(resultBanner(few, titled(items), 'runoff-remaining')).toEqual({
      kind: 'shortfall',
      seatsLeft: 3,
    })
  })
})

describe('rating stacks', () => {
  it('gives each item its stack, grade and rates in candidate-list order', () => {
    const result = run({
      kind: 'rating',
      candidates: ['B', 'A'],
      roster: 10,
      ballots: [
        [6, { A: 'satisfied', B: 'basic' }],
        [2, { A: 'unsatisfied', B: 'unsatisfied' }],
        [1, { A: 'basic' }],
      ],
    })
    const rows = ratingRows(result, titled(['B', 'A']))
    expect(
      rows.map((r) => [r.id, r.satisfied, r.basic, r.unsatisfied, r.abstain, r.grade]),
    ).toEqual([
      ['B', 0, 6, 2, 1, 'basic'],
      ['A', 6, 1, 2, 0, 'satisfied'],
    ])
    // 9 valid ballots: A 6/9 satisfied = 66.7%, 7/9 positive = 77.8%.
    expect(rows[1]).toMatchObject({ satisfiedPct: 66.7, positivePct: 77.8 })
    expect(rankedBars(result, titled(['A', 'B']))).toEqual([])
  })
})

describe('motion', () => {
  it('says passed or not with its three numbers', () => {
    const result = run({
      kind: 'motion',
      candidates: ['M'],
      roster: 10,
      ballots: [
        [6, { M: 'for' }],
        [2, { M: 'against' }],
        [1, {}],
      ],
    })
    expect(motionView(result, titled(['M']))).toEqual({
      title: '项目M',
      docNumber: '',
      summary: '',
      passed: true,
      for: 6,
      against: 2,
      abstain: 1,
    })
    // Its subject is the motion's own text.
    const motion = { title: '关于…的决议（草案）', docNumber: '青人大〔2027〕3号', summary: '摘要' }
    expect(motionView(result, titled(['M']), motion)).toMatchObject(motion)
  })
})

describe('labels', () => {
  it('says 过半数 for the default threshold and the fraction otherwise', () => {
    expect(
      thresholdLabel({ base: 'roster', numerator: 1, denominator: 2, strict: true }, 164),
    ).toEqual({ key: 'majority', params: { needed: 164 } })
    expect(
      thresholdLabel({ base: 'roster', numerator: 2, denominator: 3, strict: false }, 218),
    ).toEqual({ key: 'fraction', params: { num: 2, den: 3, needed: 218 } })
  })

  it('cuts long titles to the room, counting Latin as half width', () => {
    expect(fitTitle('普惠托育服务扩容', 10)).toBe('普惠托育服务扩容')
    expect(fitTitle('残疾儿童康复救助和重度残疾人托养照护服务', 10)).toBe('残疾儿童康复救助和…')
    expect(fitTitle('5G基站建设', 6)).toBe('5G基站建设')
    expect(textEm('当选')).toBe(2)
    expect(textEm('Elected')).toBeCloseTo(3.85)
  })
})
