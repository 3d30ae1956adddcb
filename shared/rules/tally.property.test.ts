import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BallotBox, BallotEntry } from '../protocol/ballot-box.schema'
import type { VoteResult } from '../protocol/result.schema'
import { voteResultSchema } from '../protocol/result.schema'
import type { Mark, VoteKind } from '../protocol/vote-rules.schema'
import { allowedMarks } from '../protocol/vote-rules.schema'
import { readBallotBox } from './read-ballot-box'
import { tally } from './tally'

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
function boxArb(opts: { kinds?: VoteKind[] } = {}): fc.Arbitrary<BallotBox> {
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
const tieProneArb: fc.Arbitrary<BallotBox> = fc
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
const seatedArb = fc.oneof(boxArb({ kinds: ['select', 'per-item'] }), tieProneArb)

const forOf = (item: VoteResult['items'][number]): number => ('for' in item ? item.for : 0)

/** Identical ballots (same marks, same spoiled flag) stored once with the summed count. */
function merge(ballots: readonly BallotEntry[]): BallotEntry[] {
  const byKey = new Map<string, BallotEntry>()
  for (const b of ballots) {
    const marks = Object.fromEntries(Object.entries(b.marks).sort(([a], [c]) => a.localeCompare(c)))
    const key = JSON.stringify([marks, b.spoiled === true])
    const seen = byKey.get(key)
    if (seen) seen.count += b.count
    else byKey.set(key, { count: b.count, marks, ...(b.spoiled === true ? { spoiled: true } : {}) })
  }
  return [...byKey.values()]
}

/** Split each entry into up to `parts[i]` entries with the same marks and the same total. */
function split(ballots: readonly BallotEntry[], parts: readonly number[]): BallotEntry[] {
  return ballots.flatMap((b, i) => {
    const k = Math.min(b.count, 1 + (parts[i] ?? 0))
    const share = Math.floor(b.count / k)
    return Array.from({ length: k }, (_, j) => ({
      ...b,
      count: j === k - 1 ? b.count - share * (k - 1) : share,
    }))
  })
}

/** Ties and shortfalls are a few percent of cases: run the seat properties longer. */
const seatRuns = { numRuns: 500 }

describe('tally properties', () => {
  it('counts add up: valid + invalid = cast = Σcount, notCast = issued − cast', () => {
    fc.assert(
      fc.property(boxArb(), (box) => {
        const { counts } = tally(box)
        expect(counts.valid + counts.invalid).toBe(counts.cast)
        expect(counts.cast).toBe(box.ballots.reduce((s, b) => s + b.count, 0))
        expect(counts.notCast).toBe(counts.issued - counts.cast)
      }),
    )
  })

  it('every item accounts for every valid ballot exactly once', () => {
    fc.assert(
      fc.property(boxArb(), (box) => {
        const r = tally(box)
        for (const item of r.items) {
          const total =
            'satisfied' in item
              ? item.satisfied + item.basic + item.unsatisfied + item.abstain
              : 'against' in item
                ? item.for + item.against + item.abstain
                : null
          if (total !== null) expect(total).toBe(r.counts.valid)
          for (const v of Object.values(item))
            if (typeof v === 'number') expect(v).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })

  it('every result is exactly plenary-vote.result/1', () => {
    fc.assert(
      fc.property(
        fc.oneof(boxArb(), tieProneArb),
        (box) => void voteResultSchema.parse(tally(box)),
      ),
    )
  })

  it('under runoff at most `seats` are elected, and elected + tie + shortfall account for the seats', () => {
    const seatedBox = seatedArb.map((b) => ({
      ...b,
      vote: { ...b.vote, tiePolicy: 'runoff' as const },
    }))
    fc.assert(
      fc.property(seatedBox, (box) => {
        const r = tally(box)
        const seats = box.vote.seats!
        expect(r.elected.length).toBeLessThanOrEqual(seats)
        if (r.void === null) {
          const open = (r.tie?.seatsLeft ?? 0) + (r.shortfall?.seatsLeft ?? 0)
          expect(r.elected.length + open).toBe(seats)
        }
      }),
      seatRuns,
    )
  })

  it('elected candidates passed and have at least the votes of any passed one left out', () => {
    fc.assert(
      fc.property(seatedArb, (box) => {
        const r = tally(box)
        const elected = new Set(r.elected)
        const items = r.items.filter((i) => 'passed' in i && i.passed)
        for (const e of items.filter((i) => elected.has(i.id))) {
          for (const o of items.filter((i) => !elected.has(i.id))) {
            expect(forOf(e)).toBeGreaterThanOrEqual(forOf(o))
          }
        }
        expect(
          r.items.filter((i) => elected.has(i.id)).every((i) => 'passed' in i && i.passed),
        ).toBe(true)
      }),
      seatRuns,
    )
  })

  it('a candidate with more votes never ranks below one with fewer', () => {
    fc.assert(
      fc.property(seatedArb, (box) => {
        const items = tally(box).items
        items.forEach((a, i) => {
          if (i > 0) expect(forOf(items[i - 1]!)).toBeGreaterThanOrEqual(forOf(a))
          for (const b of items) {
            if (!('rank' in a) || !('rank' in b)) continue
            if (a.for > b.for) expect(a.rank).toBeLessThan(b.rank)
            if (a.for === b.for) expect(a.rank).toBe(b.rank)
          }
          if ('rank' in a) expect(a.rank).toBe(1 + items.filter((b) => forOf(b) > a.for).length)
        })
      }),
      seatRuns,
    )
  })

  it('shuffling the ballots never changes the result', () => {
    const arb = boxArb().chain((box) =>
      fc.tuple(
        fc.constant(box),
        fc.shuffledSubarray(box.ballots, {
          minLength: box.ballots.length,
          maxLength: box.ballots.length,
        }),
      ),
    )
    fc.assert(
      fc.property(arb, ([box, shuffled]) => {
        expect(tally({ ...box, ballots: shuffled })).toEqual(tally(box))
      }),
    )
  })

  it('splitting or merging identical ballots never changes the result', () => {
    const arb = boxArb().chain((box) =>
      fc.tuple(
        fc.constant(box),
        fc.array(fc.nat({ max: 4 }), {
          minLength: box.ballots.length,
          maxLength: box.ballots.length,
        }),
      ),
    )
    fc.assert(
      fc.property(arb, ([box, parts]) => {
        const expected = tally(box)
        expect(tally({ ...box, ballots: split(box.ballots, parts) })).toEqual(expected)
        expect(tally({ ...box, ballots: merge(box.ballots) })).toEqual(expected)
      }),
    )
  })
})
