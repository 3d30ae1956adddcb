import { describe, expect, it } from 'vitest'
import type { Threshold } from '../protocol/vote-rules.schema'
import { defaultThreshold } from '../protocol/vote-rules.schema'
import { neededVotes } from './thresholds'

const counts = (roster: number, present = roster, valid = present) => ({ roster, present, valid })
const t = (base: Threshold['base'], numerator: number, denominator: number, strict: boolean) => ({
  base,
  numerator,
  denominator,
  strict,
})

describe('neededVotes', () => {
  it.each([
    // [label, threshold, counts, needed]
    ['more than half of 100 (50 is not enough)', defaultThreshold, counts(100), 51],
    ['more than half of an odd roster 327', defaultThreshold, counts(327), 164],
    ['more than half of 1', defaultThreshold, counts(1), 1],
    ['never below 1, even with nobody seated', defaultThreshold, counts(0), 1],
    ['at least half of 100', t('roster', 1, 2, false), counts(100), 50],
    ['at least half of 327', t('roster', 1, 2, false), counts(327), 164],
    ['at least half of 0 is still 1', t('roster', 1, 2, false), counts(0), 1],
    ['two-thirds non-strict of present 300', t('present', 2, 3, false), counts(327, 300), 200],
    ['two-thirds non-strict of present 314', t('present', 2, 3, false), counts(327, 314), 210],
    ['two-thirds strict of present 300', t('present', 2, 3, true), counts(327, 300), 201],
    ['two-thirds strict of present 314', t('present', 2, 3, true), counts(327, 314), 210],
    ['more than half of valid 8', t('valid', 1, 2, true), counts(327, 314, 8), 5],
    ['at least half of valid 9', t('valid', 1, 2, false), counts(327, 314, 9), 5],
    ['three-quarters strict of 100', t('roster', 3, 4, true), counts(100), 76],
    ['three-quarters non-strict of 100', t('roster', 3, 4, false), counts(100), 75],
    ['unanimity non-strict', t('roster', 1, 1, false), counts(50), 50],
    ['more than all (unreachable on purpose)', t('roster', 1, 1, true), counts(50), 51],
    [
      'an unreduced fraction behaves like its reduced form',
      t('roster', 2, 4, true),
      counts(327),
      164,
    ],
    ['base is read from the right count', t('present', 1, 2, true), counts(1000, 10, 3), 6],
  ])('%s', (_label, threshold, c, needed) => {
    expect(neededVotes(threshold, c)).toBe(needed)
  })

  it('stays exact where float arithmetic would not', () => {
    const roster = Number.MAX_SAFE_INTEGER
    const exact = (BigInt(roster) * 2n) / 3n + 1n
    expect(neededVotes(t('roster', 2, 3, true), counts(roster))).toBe(Number(exact))
  })
})
