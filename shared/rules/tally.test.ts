import { describe, expect, it } from 'vitest'
import type { VoteResult } from '../protocol/result.schema'
import { voteResultSchema } from '../protocol/result.schema'
import type { BoxSpec } from './ballot-box.fixture'
import { forEach, makeBox } from './ballot-box.fixture'
import { tally } from './tally'

const run = (spec: BoxSpec): VoteResult => {
  const result = tally(makeBox(spec))
  // Every result in this file must also be exactly the contract's shape, field for field.
  expect(voteResultSchema.parse(result)).toEqual(result)
  return result
}

const forOf = (r: VoteResult, id: string) => {
  const item = r.items.find((i) => i.id === id)
  if (item === undefined || !('for' in item)) throw new Error(`no item ${id}`)
  return item
}

describe('threshold rows of the contract', () => {
  it.each([
    // [label, spec, expected passed]
    [
      'exactly half fails (roster 100, 50 for)',
      { kind: 'select', seats: 1, candidates: ['A'], roster: 100, ballots: [forEach(50, 'A')] },
      false,
    ],
    [
      'one more than half passes (roster 100, 51 for)',
      { kind: 'select', seats: 1, candidates: ['A'], roster: 100, ballots: [forEach(51, 'A')] },
      true,
    ],
    [
      'odd roster 327: 163 fails',
      { kind: 'select', seats: 1, candidates: ['A'], roster: 327, ballots: [forEach(163, 'A')] },
      false,
    ],
    [
      'odd roster 327: 164 passes',
      { kind: 'select', seats: 1, candidates: ['A'], roster: 327, ballots: [forEach(164, 'A')] },
      true,
    ],
    [
      'two-thirds non-strict of present: 200 of 300 passes',
      {
        kind: 'per-item',
        seats: 1,
        threshold: { base: 'present', numerator: 2, denominator: 3, strict: false },
        candidates: ['A'],
        roster: 327,
        present: 300,
        ballots: [forEach(200, 'A')],
      },
      true,
    ],
    [
      'two-thirds non-strict of present: 199 of 300 fails',
      {
        kind: 'per-item',
        seats: 1,
        threshold: { base: 'present', numerator: 2, denominator: 3, strict: false },
        candidates: ['A'],
        roster: 327,
        present: 300,
        ballots: [forEach(199, 'A')],
      },
      false,
    ],
  ] satisfies [string, BoxSpec, boolean][])('%s', (_label, spec, passed) => {
    const r = run(spec)
    expect(forOf(r, 'A')).toMatchObject({ passed, elected: passed })
    expect(r.elected).toEqual(passed ? ['A'] : [])
  })

  it('base valid with spoiled ballots: spoiled and over-voted ballots leave the base', () => {
    const r = run({
      kind: 'select',
      seats: 1,
      threshold: { base: 'valid', numerator: 1, denominator: 2, strict: true },
      candidates: ['A', 'B'],
      roster: 100,
      present: 20,
      ballots: [
        forEach(5, 'A'),
        forEach(3, 'B'),
        [2, {}, true],
        [1, { A: 'for' }, true],
        forEach(1, 'A', 'B'),
      ],
    })
    expect(r.counts).toEqual({
      roster: 100,
      present: 20,
      issued: 20,
      cast: 12,
      valid: 8,
      invalid: 4,
      notCast: 8,
    })
    expect(r.needed).toBe(5)
    expect(forOf(r, 'A')).toMatchObject({ for: 5, passed: true, elected: true })
    expect(forOf(r, 'B')).toMatchObject({ for: 3, passed: false })
  })
})

describe('validity and counts', () => {
  it('a blank ballot is valid and adds only to cast and valid', () => {
    const r = run({
      kind: 'select',
      seats: 2,
      candidates: ['A', 'B'],
      roster: 10,
      ballots: [[4, {}]],
    })
    expect(r.counts).toMatchObject({ cast: 4, valid: 4, invalid: 0, issued: 10, notCast: 6 })
    expect(r.items.map((i) => ('for' in i ? i.for : -1))).toEqual([0, 0])
  })

  it('select: more for than seats is an invalid over-vote', () => {
    const r = run({
      kind: 'select',
      seats: 2,
      candidates: ['A', 'B', 'C'],
      roster: 10,
      ballots: [forEach(3, 'A', 'B', 'C'), forEach(2, 'A', 'B')],
    })
    expect(r.counts).toMatchObject({ cast: 5, valid: 2, invalid: 3 })
    expect(forOf(r, 'C').for).toBe(0)
  })

  it('per-item: more for than maxFor is invalid; against and abstain do not count toward it', () => {
    const r = run({
      kind: 'per-item',
      seats: 2,
      maxFor: 1,
      candidates: ['A', 'B'],
      roster: 10,
      ballots: [
        [2, { A: 'for', B: 'for' }],
        [3, { A: 'for', B: 'against' }],
        [1, { A: 'abstain', B: 'abstain' }],
      ],
    })
    expect(r.counts).toMatchObject({ cast: 6, valid: 4, invalid: 2 })
    expect(forOf(r, 'A')).toMatchObject({ for: 3, against: 0, abstain: 1 })
  })

  it('per-item without maxFor: any number of for is valid', () => {
    const r = run({
      kind: 'per-item',
      seats: 1,
      candidates: ['A', 'B'],
      roster: 5,
      ballots: [forEach(2, 'A', 'B')],
    })
    expect(r.counts).toMatchObject({ valid: 2, invalid: 0 })
  })

  it('per-item: not marked counts as abstain', () => {
    const r = run({
      kind: 'per-item',
      seats: 2,
      candidates: ['A', 'B'],
      roster: 10,
      ballots: [
        [3, { A: 'for' }],
        [2, { B: 'against' }],
        [1, { A: 'abstain' }],
        [1, {}],
      ],
    })
    expect(forOf(r, 'A')).toMatchObject({ for: 3, against: 0, abstain: 4 })
    expect(forOf(r, 'B')).toMatchObject({ for: 0, against: 2, abstain: 5 })
  })

  it('issued defaults to present, notCast = issued − cast', () => {
    const r = run({
      kind: 'motion',
      candidates: ['M'],
      roster: 50,
      present: 40,
      ballots: [forEach(30, 'M')],
    })
    expect(r.counts).toEqual({
      roster: 50,
      present: 40,
      issued: 40,
      cast: 30,
      valid: 30,
      invalid: 0,
      notCast: 10,
    })
  })
})

describe('ranking', () => {
  it('competition ranking 1, 2, 2, 4 with ties in candidate-list order', () => {
    const r = run({
      kind: 'select',
      seats: 4,
      candidates: ['A', 'B', 'C', 'D'],
      roster: 10,
      ballots: [
        forEach(2, 'D', 'C', 'B', 'A'),
        forEach(1, 'D', 'C', 'B'),
        forEach(1, 'D'),
        forEach(1, 'A'),
      ],
    })
    expect(r.items.map((i) => [i.id, 'for' in i && i.for, 'rank' in i && i.rank])).toEqual([
      ['D', 4, 1],
      ['A', 3, 2],
      ['B', 3, 2],
      ['C', 3, 2],
    ])
  })

  it('candidates that did not pass are ranked too, and elected lists ids in rank order', () => {
    const r = run({
      kind: 'select',
      seats: 2,
      candidates: ['A', 'B', 'C'],
      roster: 10,
      ballots: [forEach(6, 'C', 'B'), forEach(1, 'C'), forEach(2, 'A')],
    })
    expect(r.items.map((i) => i.id)).toEqual(['C', 'B', 'A'])
    expect(r.elected).toEqual(['C', 'B'])
    expect(forOf(r, 'A')).toMatchObject({ rank: 3, passed: false, elected: false })
  })
})
