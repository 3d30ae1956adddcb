import { describe, expect, it } from 'vitest'
import type { PaperBallot } from '../protocol/paper-count.schema'
import type { PaperHall, PaperWork, Step } from './paper-count'
import {
  agreedBallots,
  beginEntry,
  closeRefusal,
  differingPlaces,
  emptyPaperWork,
  finishEntry,
  markMerged,
  moveEntry,
  recordTallies,
  resolveBatch,
  sameBallot,
  typeBallot,
} from './paper-count'

const hall: PaperHall = { toCount: 5, tellers: ['甲', '乙', '丙'], scrutineers: ['监'] }
const p1: PaperBallot = { marks: { P01: 'for' } }
const p2: PaperBallot = { marks: { P02: 'for' } }
const spoiled: PaperBallot = { marks: {}, spoiled: true }

function done<T>(step: Step<T>): { work: PaperWork; value: T } {
  if (!step.ok) throw new Error(JSON.stringify(step.refusal))
  return step
}

/** Batch 1 of `ballots.length`, entered by 甲 on device a and 乙 on device b. */
function entered(first: PaperBallot[], second: PaperBallot[]) {
  let work = done(
    beginEntry(
      emptyPaperWork(),
      { batch: 1, size: first.length, teller: '甲', device: 'device-a' },
      hall,
    ),
  ).work
  work = done(
    beginEntry(work, { batch: 1, size: first.length, teller: '乙', device: 'device-b' }, hall),
  ).work
  first.forEach((ballot, index) => {
    work = done(typeBallot(work, { batch: 1, slot: 1, device: 'device-a', index, ballot })).work
  })
  second.forEach((ballot, index) => {
    work = done(typeBallot(work, { batch: 1, slot: 2, device: 'device-b', index, ballot })).work
  })
  work = done(finishEntry(work, { batch: 1, slot: 1, device: 'device-a' })).work
  return finishEntry(work, { batch: 1, slot: 2, device: 'device-b' })
}

describe('a paper of the stack', () => {
  it('agrees when both entries say the same marks, or both 作废', () => {
    expect(
      sameBallot({ marks: { P01: 'for', P02: 'for' } }, { marks: { P02: 'for', P01: 'for' } }),
    ).toBe(true)
    expect(sameBallot(spoiled, { marks: {}, spoiled: true })).toBe(true)
    expect(sameBallot({ marks: {} }, spoiled)).toBe(false)
    expect(sameBallot(p1, p2)).toBe(false)
    expect(sameBallot({ marks: { P01: 'abstain' } }, { marks: {} })).toBe(false)
    expect(differingPlaces([p1, p2, p1], [p1, p1, p1])).toEqual([1])
  })
})

describe('double entry', () => {
  it('merges a batch whose two entries agree, and waits for the second', () => {
    let work = done(
      beginEntry(emptyPaperWork(), { batch: 1, size: 1, teller: '甲', device: 'device-a' }, hall),
    ).work
    work = done(
      typeBallot(work, { batch: 1, slot: 1, device: 'device-a', index: 0, ballot: p1 }),
    ).work
    expect(done(finishEntry(work, { batch: 1, slot: 1, device: 'device-a' })).value).toEqual({
      outcome: 'waiting',
    })
    expect(done(entered([p1, spoiled], [p1, spoiled])).value).toEqual({
      outcome: 'agreed',
      ballots: [p1, spoiled],
    })
  })

  it('names the places a mismatch differs on, and merges them as the 监票人 entered them', () => {
    const { work, value } = done(entered([p1, p1, p2], [p1, p2, p2]))
    expect(value).toEqual({ outcome: 'mismatch', places: [1] })
    const by = { batch: 1, scrutineer: '监' }
    expect(
      resolveBatch(work, { ...by, scrutineer: '甲', ballots: [{ index: 1, ballot: p1 }] }, hall),
    ).toMatchObject({
      ok: false,
      refusal: { reason: 'not-scrutineer' },
    })
    expect(resolveBatch(work, { ...by, ballots: [{ index: 0, ballot: p1 }] }, hall)).toMatchObject({
      ok: false,
      refusal: { reason: 'resolve-places', params: { places: '2' } },
    })
    const resolved = done(resolveBatch(work, { ...by, ballots: [{ index: 1, ballot: p2 }] }, hall))
    // Kept with the batch, so a merge a crash cut short is made again from it.
    expect(agreedBallots(resolved.work.batches[0]!)).toEqual([p1, p2, p2])
    expect(resolved.value).toEqual({
      ballots: [p1, p2, p2],
      places: [1],
    })
  })

  it('takes no third entry, no second entry by the same teller or device, and no other size', () => {
    const one = done(
      beginEntry(emptyPaperWork(), { batch: 1, size: 2, teller: '甲', device: 'device-a' }, hall),
    ).work
    const refusal = (step: Step<unknown>) => (step.ok ? null : step.refusal.reason)
    expect(
      refusal(beginEntry(one, { batch: 1, size: 2, teller: '甲', device: 'device-b' }, hall)),
    ).toBe('same-teller')
    expect(
      refusal(beginEntry(one, { batch: 1, size: 2, teller: '乙', device: 'device-a' }, hall)),
    ).toBe('same-device')
    expect(
      refusal(beginEntry(one, { batch: 1, size: 3, teller: '乙', device: 'device-b' }, hall)),
    ).toBe('size-differs')
    expect(
      refusal(beginEntry(one, { batch: 1, size: 2, teller: '张三', device: 'device-b' }, hall)),
    ).toBe('not-teller')
    // The same teller on the same device resumes.
    expect(
      done(beginEntry(one, { batch: 1, size: 2, teller: '甲', device: 'device-a' }, hall)).value,
    ).toEqual({
      slot: 1,
      resumed: true,
    })
    const two = done(
      beginEntry(one, { batch: 1, size: 2, teller: '乙', device: 'device-b' }, hall),
    ).work
    expect(
      beginEntry(two, { batch: 1, size: 2, teller: '丙', device: 'device-c' }, hall),
    ).toMatchObject({
      ok: false,
      refusal: { reason: 'batch-full', params: { first: '甲', second: '乙' } },
    })
    // Another device cannot type into an entry; it may take it over (audited by the host).
    const typed = { batch: 1, slot: 1 as const, device: 'device-c', index: 0, ballot: p1 }
    expect(refusal(typeBallot(two, typed))).toBe('slot-held')
    const moved = done(moveEntry(two, { batch: 1, slot: 1, device: 'device-c' }))
    expect(moved.value).toEqual({ from: 'device-a', teller: '甲' })
    expect(typeBallot(moved.work, typed).ok).toBe(true)
    expect(refusal(moveEntry(two, { batch: 1, slot: 1, device: 'device-b' }))).toBe('same-device')
  })

  it('refuses a stack larger than the papers left, a gap, a paper past the stack, a short finish', () => {
    const step = beginEntry(
      emptyPaperWork(),
      { batch: 1, size: 6, teller: '甲', device: 'device-a' },
      hall,
    )
    expect(step).toMatchObject({
      ok: false,
      refusal: { reason: 'over-count', params: { size: 6, left: 5 } },
    })
    let work = done(
      beginEntry(emptyPaperWork(), { batch: 1, size: 3, teller: '甲', device: 'device-a' }, hall),
    ).work
    expect(
      beginEntry(work, { batch: 2, size: 3, teller: '甲', device: 'device-a' }, hall),
    ).toMatchObject({
      ok: false,
      refusal: { reason: 'over-count', params: { left: 2 } },
    })
    const ref = { batch: 1, slot: 1 as const, device: 'device-a' }
    expect(typeBallot(work, { ...ref, index: 1, ballot: p1 })).toMatchObject({
      ok: false,
      refusal: { reason: 'entry-gap' },
    })
    expect(typeBallot(work, { ...ref, index: 3, ballot: p1 })).toMatchObject({
      ok: false,
      refusal: { reason: 'past-size' },
    })
    work = done(typeBallot(work, { ...ref, index: 0, ballot: p1 })).work
    expect(finishEntry(work, ref)).toMatchObject({
      ok: false,
      refusal: { reason: 'entry-short', params: { entered: 1, size: 3 } },
    })
  })
})

describe('发出 and 收回', () => {
  it('hold 收回 ≤ 发出 ≤ those to count, and bound the batches by 收回', () => {
    const work = emptyPaperWork()
    expect(recordTallies(work, { issued: 6, returned: null }, hall)).toMatchObject({
      ok: false,
      refusal: { reason: 'issued-over' },
    })
    expect(recordTallies(work, { issued: 4, returned: 5 }, hall)).toMatchObject({
      ok: false,
      refusal: { reason: 'returned-over' },
    })
    const recorded = done(recordTallies(work, { issued: 5, returned: 3 }, hall)).work
    expect(
      beginEntry(recorded, { batch: 1, size: 4, teller: '甲', device: 'device-a' }, hall),
    ).toMatchObject({
      ok: false,
      refusal: { reason: 'over-count', params: { left: 3 } },
    })
    const begun = done(
      beginEntry(recorded, { batch: 1, size: 3, teller: '甲', device: 'device-a' }, hall),
    ).work
    expect(recordTallies(begun, { issued: 5, returned: 2 }, hall)).toMatchObject({
      ok: false,
      refusal: { reason: 'returned-under' },
    })
  })

  it('let the vote close only with both recorded and every batch merged', () => {
    expect(closeRefusal(emptyPaperWork())?.reason).toBe('tallies-missing')
    const { work } = done(entered([p1, p2], [p1, p2]))
    const recorded = done(recordTallies(work, { issued: 2, returned: 2 }, hall)).work
    expect(closeRefusal(recorded)).toEqual({
      reason: 'incomplete',
      params: { returned: 2, merged: 0, pending: 2 },
    })
    const merged = markMerged(recorded, 1, { spoiled: 0, resolvedBy: null, resolved: 0 })
    expect(closeRefusal(merged)).toBeNull()
  })
})
