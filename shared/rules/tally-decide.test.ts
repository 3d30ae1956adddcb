import { describe, expect, it } from 'vitest'
import type { VoteResult } from '../protocol/result.schema'
import { voteResultSchema } from '../protocol/result.schema'
import type { BoxSpec, EntryRow } from './ballot-box.fixture'
import { forEach, makeBox } from './ballot-box.fixture'
import { tally } from './tally'

const run = (spec: BoxSpec): VoteResult => {
  const result = tally(makeBox(spec))
  expect(voteResultSchema.parse(result)).toEqual(result)
  return result
}

/**
 * roster 100 → 51 needed. A 70; B, C, D 60 each; E 10 (does not pass). No ballot marks more than
 * three, so the ballots stay valid for up to three seats.
 */
const threeWayTie: EntryRow[] = [
  forEach(20, 'A', 'B', 'C'),
  forEach(20, 'A', 'B', 'D'),
  forEach(20, 'A', 'C', 'D'),
  forEach(20, 'B', 'C', 'D'),
  forEach(10, 'A'),
  forEach(10, 'E'),
]
const tieSpec = (over: Partial<BoxSpec>): BoxSpec => ({
  kind: 'select',
  seats: 3,
  candidates: ['A', 'B', 'C', 'D', 'E'],
  roster: 100,
  ballots: threeWayTie,
  ...over,
})

describe('deciding seats', () => {
  it('three-way tie for two seats goes to a run-off: none of the tied group is elected', () => {
    const r = run(tieSpec({}))
    expect(r.needed).toBe(51)
    expect(r.counts).toMatchObject({ cast: 100, valid: 100 })
    expect(r.elected).toEqual(['A'])
    expect(r.tie).toEqual({ candidates: ['B', 'C', 'D'], seatsLeft: 2 })
    expect(r.shortfall).toBeNull()
    expect(r.items.map((i) => [i.id, 'for' in i && i.for, 'elected' in i && i.elected])).toEqual([
      ['A', 70, true],
      ['B', 60, false],
      ['C', 60, false],
      ['D', 60, false],
      ['E', 10, false],
    ])
  })

  it('the tie lists ids in candidate-list order, not in ballot order', () => {
    const r = run(tieSpec({ candidates: ['D', 'A', 'C', 'E', 'B'] }))
    expect(r.tie).toEqual({ candidates: ['D', 'C', 'B'], seatsLeft: 2 })
  })

  it('include-all elects the whole tied group, beyond the seats', () => {
    const r = run(tieSpec({ tiePolicy: 'include-all' }))
    expect(r.elected).toEqual(['A', 'B', 'C', 'D'])
    expect(r.tie).toBeNull()
  })

  it('a tied group that exactly fills the seats left is elected without a run-off', () => {
    const r = run(tieSpec({ seats: 4 }))
    expect(r.elected).toEqual(['A', 'B', 'C', 'D'])
    expect(r.tie).toBeNull()
    expect(r.shortfall).toBeNull()
  })

  it('a tie below the cut line does not matter', () => {
    // per-item, so that three marks stay valid with one seat
    const r = run(tieSpec({ kind: 'per-item', seats: 1 }))
    expect(r.elected).toEqual(['A'])
    expect(r.tie).toBeNull()
  })

  it('a tie for the very first seat: seatsLeft is all the seats', () => {
    const fits = run(tieSpec({ seats: 2, ballots: [forEach(60, 'B', 'C'), forEach(40, 'D')] }))
    expect(fits.elected).toEqual(['B', 'C'])
    const r = run(tieSpec({ kind: 'per-item', seats: 1, ballots: [forEach(60, 'B', 'C')] }))
    expect(r.elected).toEqual([])
    expect(r.tie).toEqual({ candidates: ['B', 'C'], seatsLeft: 1 })
  })

  it('ties among candidates that did not pass never form a tie group', () => {
    const r = run(
      tieSpec({ seats: 2, ballots: [forEach(60, 'A'), forEach(20, 'B'), forEach(20, 'C')] }),
    )
    expect(r.tie).toBeNull()
    expect(r.shortfall).toEqual({ seatsLeft: 1 })
  })

  it.each(['accept-fewer', 'runoff-remaining'] as const)(
    'shortfall is reported whatever the policy (%s)',
    (shortfallPolicy) => {
      const ballots = [forEach(60, 'A', 'B'), forEach(30, 'C')]
      const r = run(tieSpec({ shortfallPolicy, ballots }))
      expect(r.elected).toEqual(['A', 'B'])
      expect(r.shortfall).toEqual({ seatsLeft: 1 })
      expect(r.tie).toBeNull()
    },
  )

  it('nobody passes: the whole seat count is short', () => {
    const r = run(tieSpec({ ballots: [forEach(50, 'A', 'B', 'C')] }))
    expect(r.elected).toEqual([])
    expect(r.shortfall).toEqual({ seatsLeft: 3 })
  })

  it('per-item decides like select, on for votes', () => {
    const r = run({
      kind: 'per-item',
      seats: 1,
      candidates: ['A', 'B'],
      roster: 10,
      ballots: [
        [6, { A: 'for', B: 'for' }],
        [2, { A: 'against', B: 'for' }],
      ],
    })
    expect(r.elected).toEqual(['B'])
    expect(r.items[0]).toEqual({
      id: 'B',
      for: 8,
      against: 0,
      abstain: 0,
      rank: 1,
      passed: true,
      elected: true,
    })
    expect(r.items[1]).toEqual({
      id: 'A',
      for: 6,
      against: 2,
      abstain: 0,
      rank: 2,
      passed: true,
      elected: false,
    })
  })
})

describe('void', () => {
  it('cast exceeding issued voids the whole vote: nothing passes or is elected', () => {
    const r = run({
      kind: 'select',
      seats: 1,
      candidates: ['A', 'B'],
      roster: 10,
      present: 8,
      issued: 6,
      ballots: [forEach(7, 'A')],
    })
    expect(r.void).toBe('cast exceeds issued')
    expect(r.counts).toMatchObject({ issued: 6, cast: 7, notCast: -1 })
    expect(r.elected).toEqual([])
    expect(r.tie).toBeNull()
    expect(r.shortfall).toBeNull()
    expect(r.items[0]).toEqual({ id: 'A', for: 7, rank: 1, passed: false, elected: false })
  })

  it('cast equal to issued is not void', () => {
    const r = run({
      kind: 'select',
      seats: 1,
      candidates: ['A'],
      roster: 10,
      issued: 7,
      ballots: [forEach(7, 'A')],
    })
    expect(r.void).toBeNull()
  })

  it('a void motion does not pass', () => {
    const r = run({
      kind: 'motion',
      candidates: ['M'],
      roster: 10,
      issued: 3,
      ballots: [forEach(9, 'M')],
    })
    expect(r).toMatchObject({
      void: 'cast exceeds issued',
      elected: [],
      items: [{ id: 'M', passed: false }],
    })
  })
})

describe('motion', () => {
  it.each([
    ['passes with more than half of the roster', 6, true],
    ['fails with exactly half', 5, false],
  ])('%s', (_label, votesFor, passed) => {
    const r = run({
      kind: 'motion',
      candidates: ['M'],
      roster: 10,
      ballots: [forEach(votesFor, 'M'), [1, { M: 'against' }], [1, { M: 'abstain' }], [1, {}]],
    })
    expect(r.items).toEqual([{ id: 'M', for: votesFor, against: 1, abstain: 2, passed }])
    expect(r).toMatchObject({ elected: [], tie: null, shortfall: null, void: null, needed: 6 })
  })
})
