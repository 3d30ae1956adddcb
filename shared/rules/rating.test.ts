import { describe, expect, it } from 'vitest'
import { voteResultSchema } from '../protocol/result.schema'
import type { BoxSpec } from './ballot-box.fixture'
import { makeBox } from './ballot-box.fixture'
import { ratingGrade } from './rating'
import { tally } from './tally'

describe('ratingGrade', () => {
  it.each([
    [6, 0, 6, 'satisfied'],
    [5, 1, 6, 'basic'],
    [0, 6, 6, 'basic'],
    [3, 2, 6, 'unsatisfied'],
    [0, 0, 1, 'unsatisfied'],
  ] as const)('satisfied %i + basic %i with %i needed → %s', (s, b, needed, grade) => {
    expect(ratingGrade(s, b, needed)).toBe(grade)
  })
})

describe('rating vote', () => {
  const spec: BoxSpec = {
    kind: 'rating',
    candidates: ['X', 'Y', 'Z'],
    roster: 10, // needed 6
    ballots: [
      [4, { X: 'satisfied', Y: 'basic', Z: 'unsatisfied' }],
      [2, { X: 'satisfied', Y: 'satisfied', Z: 'basic' }],
      [1, { X: 'basic', Y: 'abstain' }], // Z not marked: abstain
      [1, { X: 'satisfied' }, true], // spoiled: counts nowhere but cast and invalid
    ],
  }

  it('grades, rates and pools every item, in candidate-list order', () => {
    const r = tally(makeBox(spec))
    expect(voteResultSchema.parse(r)).toEqual(r)
    expect(r.counts).toMatchObject({ cast: 8, valid: 7, invalid: 1 })
    expect(r.needed).toBe(6)
    expect(r.items).toEqual([
      {
        id: 'X',
        satisfied: 6,
        basic: 1,
        unsatisfied: 0,
        abstain: 0,
        grade: 'satisfied',
        satisfiedRate: 6 / 7,
        positiveRate: 1,
      },
      {
        id: 'Y',
        satisfied: 2,
        basic: 4,
        unsatisfied: 0,
        abstain: 1,
        grade: 'basic',
        satisfiedRate: 2 / 7,
        positiveRate: 6 / 7,
      },
      {
        id: 'Z',
        satisfied: 0,
        basic: 2,
        unsatisfied: 4,
        abstain: 1,
        grade: 'unsatisfied',
        satisfiedRate: 0,
        positiveRate: 2 / 7,
      },
    ])
    expect(r).toMatchObject({ elected: [], tie: null, shortfall: null, void: null })
    if (r.kind !== 'rating') throw new Error('kind')
    expect(r.overall).toEqual({ satisfiedRate: 8 / 21, positiveRate: 15 / 21 })
  })

  it('rates are null, not 0, when there is no valid ballot', () => {
    const r = tally(makeBox({ ...spec, ballots: [[2, {}, true]] }))
    if (r.kind !== 'rating') throw new Error('kind')
    expect(r.items[0]).toMatchObject({
      satisfiedRate: null,
      positiveRate: null,
      grade: 'unsatisfied',
    })
    expect(r.overall).toEqual({ satisfiedRate: null, positiveRate: null })
  })

  it('uses the configured base: present', () => {
    const r = tally(
      makeBox({
        ...spec,
        present: 6,
        threshold: { base: 'present', numerator: 1, denominator: 2, strict: true },
      }),
    )
    expect(r.needed).toBe(4)
    expect(r.items.map((i) => ('grade' in i ? i.grade : null))).toEqual([
      'satisfied',
      'basic',
      'unsatisfied',
    ])
  })
})
