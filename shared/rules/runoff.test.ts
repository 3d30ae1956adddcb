import { describe, expect, it } from 'vitest'
import { voteDefinitionSchema } from '../protocol/vote-rules.schema'
import type { BoxSpec } from './ballot-box.fixture'
import { forEach, makeBox } from './ballot-box.fixture'
import { RUNOFF_TITLE_SUFFIX, buildRunoff } from './runoff'
import { tally } from './tally'

const base: BoxSpec = {
  kind: 'select',
  seats: 3,
  candidates: ['A', 'B', 'C', 'D', 'E'],
  roster: 100,
  ballots: [],
  threshold: { base: 'present', numerator: 1, denominator: 2, strict: false },
  allowChange: true,
  timeLimit: { seconds: 300, onExpiry: 'warn' },
}
const tied = [
  forEach(20, 'A', 'B', 'C'),
  forEach(20, 'A', 'B', 'D'),
  forEach(20, 'A', 'C', 'D'),
  forEach(20, 'B', 'C', 'D'),
  forEach(10, 'A'),
]

describe('buildRunoff', () => {
  it('a tie: the tied candidates, in ballot order, for the seats left, under the same rules', () => {
    const box = makeBox({ ...base, candidates: ['D', 'A', 'B', 'E', 'C'], ballots: tied })
    const result = tally(box)
    const next = buildRunoff(box, result)
    expect(next).toEqual({
      ...box.vote,
      title: `test vote${RUNOFF_TITLE_SUFFIX}`,
      seats: 2,
      candidates: [
        { id: 'D', title: 'project D' },
        { id: 'B', title: 'project B' },
        { id: 'C', title: 'project C' },
      ],
    })
    expect(voteDefinitionSchema.safeParse(next).success).toBe(true)
    // The vote definition works as input as well as the box, and the title can be chosen.
    expect(buildRunoff(box.vote, result, { title: '第二轮' })?.title).toBe('第二轮')
  })

  it('does not stack the suffix on a second run-off', () => {
    const box = makeBox({ ...base, ballots: tied })
    const first = buildRunoff(box, tally(box))!
    const again = makeBox({ ...base, ballots: tied, seats: 3 })
    const second = buildRunoff({ ...again.vote, title: first.title }, tally(again))
    expect(second?.title).toBe(first.title)
  })

  it('a shortfall under runoff-remaining: the candidates not elected, for the seats left', () => {
    const box = makeBox({
      ...base,
      kind: 'per-item',
      maxFor: 3,
      shortfallPolicy: 'runoff-remaining',
      ballots: [forEach(60, 'B', 'D'), forEach(30, 'A')],
    })
    const result = tally(box)
    expect(result.shortfall).toEqual({ seatsLeft: 1 })
    const next = buildRunoff(box, result)
    expect(next?.candidates.map((c) => c.id)).toEqual(['A', 'C', 'E'])
    expect(next).toMatchObject({ seats: 1, maxFor: 1, kind: 'per-item' })
  })

  it.each([
    ['no tie and no shortfall', { ballots: [forEach(60, 'A', 'B', 'C')] }],
    ['a shortfall the congress accepts', { ballots: [forEach(60, 'A')] }],
    ['include-all', { ballots: tied, tiePolicy: 'include-all' }],
    ['a void vote (held again whole)', { ballots: tied, issued: 50 }],
    ['a motion', { kind: 'motion', seats: null, candidates: ['A'], ballots: [forEach(1, 'A')] }],
    ['a rating', { kind: 'rating', seats: null, ballots: [] }],
  ] satisfies [string, Partial<BoxSpec>][])('null for %s', (_label, over) => {
    const box = makeBox({ ...base, ...over })
    expect(buildRunoff(box, tally(box))).toBeNull()
  })

  it('refuses a result that belongs to another kind of vote', () => {
    const box = makeBox({ ...base, ballots: tied })
    const other = { ...box.vote, kind: 'per-item' as const }
    expect(() => buildRunoff(other, tally(box))).toThrow(/kind/)
  })
})
