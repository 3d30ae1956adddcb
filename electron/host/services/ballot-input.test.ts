import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { marks } from '../../../shared/protocol/marks'
import { ballotSubmitInputSchema } from '../../../shared/protocol/vote.schema'
import { parseBallotSubmit, plainBallot } from './ballot-input'
import { parseInput } from './parse-input'

/** Strings around each bound, of the ballot id's characters and others. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-'), minLength: 0, maxLength: max + 2 }),
    fc.string({ maxLength: max + 2 }),
    fc.constantFrom('__proto__', 'constructor', 'toString'),
  )
const mark = fc.oneof(fc.constantFrom(...marks), fc.constantFrom('For', '', 'yes'), fc.anything())
const marksRecord = fc.oneof(
  fc.dictionary(text(32), mark, { maxKeys: 14 }),
  fc.dictionary(fc.constantFrom('P01', 'P02', 'P03', 'P10'), fc.constantFrom(...marks)),
  fc.anything(),
)
/** Ballots as tablets send them: the case the fast path takes. */
const wellFormed = fc.record(
  {
    voteId: fc.string({ minLength: 1, maxLength: 64 }),
    ballotId: fc.string({
      unit: fc.constantFrom('a', 'Z', '0', '_', '-'),
      minLength: 8,
      maxLength: 64,
    }),
    marks: fc.dictionary(fc.string({ minLength: 1, maxLength: 32 }), fc.constantFrom(...marks)),
    extra: fc.anything(),
  },
  { requiredKeys: ['voteId', 'ballotId', 'marks'] },
)
/** A value as a mark's key: String() throws on an object without a prototype (fc.anything). */
function keyText(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/** A well-formed ballot with one field at or just past a bound, or of the wrong kind. */
const nearlyWellFormed = fc
  .tuple(
    wellFormed,
    fc.constantFrom(...(['voteId', 'ballotId', 'marks', 'change', 'key', 'mark'] as const)),
    fc.oneof(
      fc.constantFrom(0, 1, 7, 8, 32, 33, 64, 65).map((n) => 'a'.repeat(n)),
      fc.constantFrom('__proto__', 'a b', 'ab/cd+ef', null, [], 5, 'For', 'maybe'),
      fc.anything(),
    ),
  )
  .map(([ballot, field, value]) => {
    const out: Record<string, unknown> = { ...ballot }
    if (field === 'key') out.marks = JSON.parse(`{${JSON.stringify(keyText(value))}:"for"}`)
    else if (field === 'mark') out.marks = { P01: 'for', P02: value }
    else out[field] = value
    return out
  })
const ballot = fc.oneof(
  wellFormed,
  nearlyWellFormed,
  fc.record(
    {
      voteId: fc.oneof(text(64), fc.anything()),
      ballotId: fc.oneof(text(64), fc.anything()),
      marks: marksRecord,
      change: fc.oneof(fc.constant(undefined), fc.constant(true), fc.anything()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
)

/** What the host answered before the fast path: zod's data, or its error's message. */
function viaZod(raw: unknown): unknown {
  try {
    return parseInput(ballotSubmitInputSchema, raw)
  } catch (error) {
    return error instanceof Error ? error.message : error
  }
}

function viaFastPath(raw: unknown): unknown {
  try {
    return parseBallotSubmit(raw)
  } catch (error) {
    return error instanceof Error ? error.message : error
  }
}

describe('a tablet ballot read without zod', () => {
  it('is what zod gives back, for well-formed ballots and everything else', () => {
    let taken = 0
    fc.assert(
      fc.property(ballot, (raw) => {
        if (plainBallot(raw)) taken += 1
        expect(viaFastPath(raw)).toStrictEqual(viaZod(raw))
      }),
      { numRuns: 3000 },
    )
    // Not only faults: a good share of the runs are ballots the fast path takes.
    expect(taken).toBeGreaterThan(150)
  })

  it('takes the usual ballot itself, and leaves changes and faults to zod', () => {
    const usual = { voteId: 'V1', ballotId: 'a1b2c3d4e5', marks: { P01: 'for', P02: 'against' } }
    expect(plainBallot({ ...usual, extra: 1 })).toStrictEqual(usual)
    expect(plainBallot({ ...usual, change: true })).toBeNull()
    expect(plainBallot({ ...usual, marks: { P01: 'maybe' } })).toBeNull()
    expect(plainBallot({ ...usual, ballotId: 'short' })).toBeNull()
    expect(() => parseBallotSubmit({ ...usual, ballotId: 'short' })).toThrow(/ballotId/)
  })
})
