import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BALLOT_BOX_FORMAT } from '../protocol/ballot-box.schema'
import { idProblem, isReservedName, isSafeId } from '../protocol/ids'
import type { Mark, VoteKind } from '../protocol/marks'
import { allowedMarks, markedItems, withMark } from '../protocol/marks'
import type { VoteResult } from '../protocol/result.schema'
import { defaultRules } from '../protocol/vote-rules.schema'
import { anyIdArb } from './ballot-box.arbitrary'
import { readBallotBox } from './read-ballot-box'
import { tally } from './tally'

const kindArb = fc.constantFrom<VoteKind>('select', 'per-item', 'motion', 'rating')

/**
 * The ballot a tablet makes on a vote whose candidates include `id`: each item marked or not, by
 * the tablet's own writes (withMark), in ballot order.
 */
function ballotArb(id: string) {
  return kindArb.chain((kind) => {
    const others = ['Q1', 'Q2'].filter((o) => o !== id)
    const ids = kind === 'motion' ? [id] : [id, ...others]
    const allowed = allowedMarks[kind]
    return fc
      .tuple(...ids.map(() => fc.option(fc.constantFrom(...allowed), { nil: undefined })))
      .map((chosen) => {
        let marks: Record<string, Mark> = {}
        chosen.forEach((m, i) => {
          if (m !== undefined) marks = withMark(marks, ids[i]!, m)
        })
        return { kind, candidates: ids.map((c) => ({ id: c, title: `项目 ${c}` })), marks }
      })
  })
}

/** What each item's counts must be when the one ballot is counted as its review showed it. */
function expectedItem(kind: VoteKind, mark: Mark | undefined): Record<string, number> {
  if (kind === 'select') return { for: mark === 'for' ? 1 : 0 }
  const one = (m: Mark) => (mark === m || (m === 'abstain' && mark === undefined) ? 1 : 0)
  return Object.fromEntries(allowedMarks[kind].map((m) => [m, one(m)]))
}

function countsOf(kind: VoteKind, item: VoteResult['items'][number]): Record<string, unknown> {
  const fields = kind === 'select' ? ['for'] : allowedMarks[kind]
  return Object.fromEntries(fields.map((f) => [f, (item as Record<string, unknown>)[f]]))
}

describe('candidate ids and what a ballot says', () => {
  it('the id rule refuses every name an object inherits, and prototype', () => {
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), 'prototype']) {
      expect(isReservedName(name), name).toBe(true)
      expect(idProblem(name), name).toBe('reserved')
    }
    expect(isSafeId('Constructor')).toBe(true)
    expect(isSafeId('P-01_a')).toBe(true)
    for (const bad of ['', 'P 01', 'Ｐ01', '一', 'P.1', 'P01\n'])
      expect(isSafeId(bad), bad).toBe(false)
  })

  it('any id: refused by the id rule, or a ballot on it is counted exactly as its review showed, or refused before it is counted', () => {
    fc.assert(
      fc.property(
        anyIdArb.chain((id) => ballotArb(id).map((b) => ({ id, ...b }))),
        ({ id, kind, candidates, marks }) => {
          // What the deputy confirmed on the tablet's review.
          const review = markedItems(candidates, marks)
          const seats = kind === 'select' || kind === 'per-item' ? candidates.length : null
          // As the archive file holds it, after Socket.IO carried the marks as JSON.
          const file = JSON.parse(
            JSON.stringify({
              format: BALLOT_BOX_FORMAT,
              vote: { title: '票决', ...defaultRules(kind, seats), candidates },
              attendance: { roster: 1, present: 1, issued: 1 },
              ballots: [{ count: 1, marks }],
            }),
          ) as unknown
          const read = readBallotBox(file)
          // A safe id is always read; anything else may be refused, never miscounted.
          if (isSafeId(id)) expect(read).toMatchObject({ ok: true })
          if (!read.ok) return
          const result = tally(read.box)
          expect(result.counts).toMatchObject({ cast: 1, valid: 1, invalid: 0 })
          for (const c of candidates) {
            const item = result.items.find((it) => it.id === c.id)!
            const shown = review.find((r) => r.candidate.id === c.id)?.mark
            expect(countsOf(kind, item), c.id).toEqual(expectedItem(kind, shown))
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('a mark on __proto__ is refused by the reader, not read as a blank ballot', () => {
    const file = JSON.parse(
      `{"format":"${BALLOT_BOX_FORMAT}","vote":{"title":"t","kind":"select","seats":1,
        "candidates":[{"id":"P01","title":"a"}]},"attendance":{"roster":1,"present":1},
        "ballots":[{"count":1,"marks":{"__proto__":"for"}}]}`,
    ) as unknown
    expect(readBallotBox(file)).toEqual({
      ok: false,
      problems: [
        'ballots[0].marks.__proto__: unknown candidate (no candidate may be called __proto__)',
      ],
    })
  })
})
