import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BallotEntry } from '../protocol/ballot-box.schema'
import type { VoteResult } from '../protocol/result.schema'
import { voteResultSchema } from '../protocol/result.schema'
import { boxArb, seatedArb, tieProneArb } from './ballot-box.arbitrary'
import { tally } from './tally'

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
