import fc from 'fast-check'
import type { BallotBox } from '../protocol/ballot-box.schema'
import type { Mark, VoteKind } from '../protocol/vote-rules.schema'
import { allowedMarks } from '../protocol/vote-rules.schema'
import { readBallotBox } from './read-ballot-box'

/**
 * fast-check arbitraries of ballot boxes for property tests (test-only; fast-check is a dev
 * dependency). Generated as raw JSON and read through the real reader, so they also exercise it.
 */

const kinds: VoteKind[] = ['select', 'per-item', 'motion', 'rating']

/**
 * Marks on some candidates. A select ballot usually stays within its seats (one more now and
 * then, an over-vote), and `for` is the likeliest mark, so that candidates often pass and tie.
 */
function marksArb(
  kind: VoteKind,
  ids: readonly string[],
  seats: number | null,
): fc.Arbitrary<Record<string, Mark>> {
  if (kind === 'select') {
    const most = Math.min(ids.length, (seats ?? 1) + 1)
    return fc
      .subarray([...ids], { maxLength: most })
      .map((chosen) => Object.fromEntries(chosen.map((id) => [id, 'for' as const])))
  }
  const allowed = allowedMarks[kind]
  const markArb = fc.option(fc.constantFrom(allowed[0]!, ...allowed), { nil: undefined, freq: 3 })
  return fc.tuple(...ids.map(() => markArb)).map((ms) => {
    const marks: Record<string, Mark> = {}
    ms.forEach((m, i) => {
      if (m !== undefined) marks[ids[i]!] = m
    })
    return marks
  })
}

const thresholdArb = fc.integer({ min: 1, max: 6 }).chain((denominator) =>
  fc.record({
    base: fc.constantFrom('roster' as const, 'present' as const, 'valid' as const),
    // Mostly 1/d, so that low bars let many candidates pass and tie at the cut line.
    numerator: fc.oneof(
      { weight: 3, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: denominator }) },
    ),
    denominator: fc.constant(denominator),
    strict: fc.boolean(),
  }),
)

/**
 * Mostly a hall that fits the ballots cast; sometimes fewer ballots issued than cast, which voids
 * the vote.
 */
function attendanceArb(cast: number) {
  const fits = fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4))
  if (cast === 0) return fits.map(toAttendance(cast))
  const short = fc.tuple(fc.integer({ min: -cast, max: -1 }), fc.nat(30), fc.nat(30))
  return fc
    .oneof({ weight: 6, arbitrary: fits }, { weight: 1, arbitrary: short })
    .map(toAttendance(cast))
}

function toAttendance(cast: number) {
  return ([spare, absent, away]: [number, number, number]) => {
    const issued = cast + spare
    return { roster: issued + absent + away, present: issued + absent, issued }
  }
}

function voteArb(kind: VoteKind, n: number) {
  const seated = kind === 'select' || kind === 'per-item'
  return fc.record({
    title: fc.constant('p'),
    kind: fc.constant(kind),
    seats: seated ? fc.integer({ min: 1, max: n }) : fc.constant(null),
    maxFor:
      kind === 'per-item'
        ? fc.option(fc.integer({ min: 1, max: n }), { nil: null })
        : fc.constant(null),
    threshold: thresholdArb,
    tiePolicy: fc.constantFrom('runoff' as const, 'include-all' as const),
    shortfallPolicy: fc.constantFrom('accept-fewer' as const, 'runoff-remaining' as const),
    candidates: fc.constant(Array.from({ length: n }, (_, i) => ({ id: `C${i}`, title: `C${i}` }))),
  })
}

/** Ballot boxes of the given kinds, as raw JSON read through the real reader. */
export function boxArb(opts: { kinds?: VoteKind[] } = {}): fc.Arbitrary<BallotBox> {
  const jsonArb = fc
    .constantFrom(...(opts.kinds ?? kinds))
    .chain((kind) =>
      (kind === 'motion' ? fc.constant(1) : fc.integer({ min: 1, max: 6 })).chain((n) =>
        voteArb(kind, n),
      ),
    )
    .chain((vote) => {
      const ids = vote.candidates.map((c) => c.id)
      const entryArb = fc.record(
        {
          count: fc.integer({ min: 1, max: 3 }),
          marks: marksArb(vote.kind, ids, vote.seats),
          spoiled: fc.nat(9).map((d) => d === 0),
        },
        { requiredKeys: ['count', 'marks'] },
      )
      return fc.array(entryArb, { maxLength: 25 }).chain((ballots) =>
        attendanceArb(ballots.reduce((sum, b) => sum + b.count, 0)).map((attendance) => ({
          format: 'plenary-vote.ballot-box/1',
          vote,
          attendance,
          ballots,
        })),
      )
    })
  return jsonArb.map((json) => {
    const read = readBallotBox(json)
    if (!read.ok) throw new Error(read.problems.join('\n'))
    return read.box
  })
}

/**
 * Per-item votes built from per-candidate totals with few distinct values, so that ties at the
 * cut line (rare in boxArb) are common: ballot j marks `for` on every candidate whose total
 * exceeds j. Deciding is the same for select, so per-item (no maxFor) keeps every ballot valid.
 */
export const tieProneArb: fc.Arbitrary<BallotBox> = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.tuple(
      voteArb('per-item', n),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
      fc.nat(2),
    ),
  )
  .map(([vote, totals, spare]) => {
    const cast = Math.max(...totals)
    const ballots = Array.from({ length: cast }, (_, j) => ({
      count: 1,
      marks: Object.fromEntries(
        vote.candidates.filter((_, i) => totals[i]! > j).map((c) => [c.id, 'for']),
      ),
    }))
    const attendance = { roster: cast + spare, present: cast + spare, issued: cast + spare }
    const json = {
      format: 'plenary-vote.ballot-box/1',
      vote: { ...vote, maxFor: null },
      attendance,
      ballots,
    }
    const read = readBallotBox(json)
    if (!read.ok) throw new Error(read.problems.join('\n'))
    return read.box
  })

/** Boxes for the properties of deciding seats: random ones and tie-prone ones. */
export const seatedArb = fc.oneof(boxArb({ kinds: ['select', 'per-item'] }), tieProneArb)

/** Names every object has, some near them, and any string at all (unicode included). */
export const anyIdArb = fc.oneof(
  fc.constantFrom(
    ...Object.getOwnPropertyNames(Object.prototype),
    'prototype',
    'Constructor',
    '__proto',
    'P01',
    'a-b_c',
    'Ｐ01',
    'P 01',
    '一',
  ),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-'), minLength: 1, maxLength: 32 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }),
)
