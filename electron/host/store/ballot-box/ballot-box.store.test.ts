import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import type { Mark } from '../../../../shared/protocol/vote-rules.schema'
import type { AddBallotOutcome, ChangeBallotOutcome } from './ballot-box.store'
import type { BallotBoxFile } from './sealed-box'
import { contentRef } from './ballot-key'
import type { OpenBoxData, VoterEntry } from './box-data'
import { readSlot, SLOT_NAMES, slotFile } from './slot-reader'
import { testVault } from '../../testing/test-keys'
import { BallotBoxStore, ballotKey } from './ballot-box.store'
import { ballotBoxDigest, canonicalJson, sha256Hex } from '../json-files/digest'
import { verifyBallotBoxFile } from './verify'
import type { BallotId, DeputyId, VoteId } from '../../../../shared/protocol/ids'

const VOTE = 'V1' as VoteId
/** Ids as the services hand them to the box (shared/protocol/ids.ts). */
const D = (id: string) => id as DeputyId
const B = (id: string) => id as BallotId
const keys = testVault()
const keyOf = (keyId: string) => keys.load(keyId)

/**
 * The store as it was before it kept its file in parts: the same decisions, and at each write
 * the whole box sorted into a snapshot that JSON.stringify turned into the file (as sealing
 * still does).
 */
class ReferenceBox {
  readonly #counts = new Map<string, BallotEntry>()
  readonly #receipts = new Map<string, { ballotHash: string; key: string }>()

  add(deputyId: string, ballotId: string, marks: Record<string, Mark>, spoiled: boolean) {
    const known = this.#receipts.get(deputyId)
    if (known) return known.ballotHash === sha256Hex(ballotId) ? 'resent' : 'already-voted'
    const key = this.#put(marks, spoiled)
    this.#receipts.set(deputyId, { ballotHash: sha256Hex(ballotId), key })
    return 'stored'
  }

  change(deputyId: string, ballotId: string, marks: Record<string, Mark>): ChangeBallotOutcome {
    const known = this.#receipts.get(deputyId)
    if (!known) return 'not-voted'
    if (known.ballotHash === sha256Hex(ballotId)) return 'resent'
    const old = this.#counts.get(known.key)!
    old.count -= 1
    if (old.count === 0) this.#counts.delete(known.key)
    const key = this.#put(marks, false)
    this.#receipts.set(deputyId, { ballotHash: sha256Hex(ballotId), key })
    return 'stored'
  }

  get castCount(): number {
    return this.#receipts.size
  }

  ballots(): BallotEntry[] {
    return [...this.#counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e)
  }

  /** What the newest slot holds: the ballots, and who voted which (encrypted on disk). */
  open(): OpenBoxData {
    const voters = [...this.#receipts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, r]): VoterEntry => [D(id), r.ballotHash, contentRef(r.key)])
    return { ballots: this.ballots(), voters }
  }

  /** The sealed file: ballots, voters and the ballots' id hashes, each apart and sorted. */
  snapshot(): BallotBoxFile {
    const voted = [...this.#receipts.keys()].sort().map(D)
    const received = [...this.#receipts.values()].map((r) => r.ballotHash).sort()
    return { version: 2, voteId: VOTE, ballots: this.ballots(), voted, received }
  }

  /** An entry keeps its marks by candidate id in sorted order, whatever order a tablet sent. */
  #put(sent: Record<string, Mark>, spoiled: boolean): string {
    const marks = Object.fromEntries(Object.entries(sent).sort(([a], [b]) => (a < b ? -1 : 1)))
    const entry: BallotEntry = spoiled ? { count: 1, marks, spoiled: true } : { count: 1, marks }
    const key = ballotKey(entry)
    const existing = this.#counts.get(key)
    if (existing) existing.count += 1
    else this.#counts.set(key, entry)
    return key
  }
}

/**
 * Ids that sort differently by code unit than by eye, and need escaping. (Not integer-like
 * ids such as "10": JavaScript puts those first in an object, so the old snapshot's receipts
 * were out of sorted order for them. The host's ids are "D…"; the new text keeps them sorted.)
 */
const deputies = ['D1', 'D10', 'D2', 'D01', 'd1', 'D"q', '代表3', 'D\u{1F5F3}']
/** Ids such as "10" and "2" go first in a JavaScript object, in numeric order. */
const candidates = ['P01', 'P02', 'P03', 'P04', '10', '2']

/** A few marks, keys in any order: the same ballot must be one entry whatever the order. */
const marksArb = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom(...candidates), fc.constantFrom<Mark>('for', 'against', 'abstain')),
    { selector: ([id]) => id, maxLength: 3 },
  )
  .map((entries) => Object.fromEntries(entries) as Record<string, Mark>)

type Op =
  | { op: 'add'; deputy: string; ballotId: string; marks: Record<string, Mark>; spoiled: boolean }
  | { op: 'change'; deputy: string; ballotId: string; marks: Record<string, Mark> }
  | { op: 'resend'; deputy: string }

const deputyArb = fc.constantFrom(...deputies)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    deputy: deputyArb,
    ballotId: fc.constantFrom('b1', 'b2'),
    marks: marksArb,
    spoiled: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('change' as const),
    deputy: deputyArb,
    ballotId: fc.constantFrom('c1', 'c2', 'c3'),
    marks: marksArb,
  }),
  fc.record({ op: fc.constant('resend' as const), deputy: deputyArb }),
)
/** Ops in a batch are called together (one group commit or two); a batch may reopen first. */
const batchArb = fc.record({
  reopen: fc.boolean(),
  ops: fc.array(opArb, { minLength: 1, maxLength: 5 }),
})

/** A deputy's last request the host stored: what a tablet whose ack was lost resends. */
type Sent = { ballotId: string; marks: Record<string, Mark> } & (
  { via: 'add'; spoiled: boolean } | { via: 'change' }
)

/**
 * Calls op on the store and on the reference alike (a resend from a tablet that holds nothing
 * is no call): the store's answer, to await, and the reference's.
 */
function call(
  op: Op,
  box: BallotBoxStore,
  ref: ReferenceBox,
  tablets: Map<string, Sent>,
): { actual: Promise<AddBallotOutcome | ChangeBallotOutcome>; expected: string } | null {
  const held = tablets.get(op.deputy)
  let sent: Sent
  if (op.op === 'add') {
    sent = { via: 'add', ballotId: op.ballotId, marks: op.marks, spoiled: op.spoiled }
  } else if (op.op === 'change') {
    sent = { via: 'change', ballotId: op.ballotId, marks: op.marks }
  } else if (held) {
    sent = held
  } else {
    return null
  }
  const expected =
    sent.via === 'add'
      ? ref.add(op.deputy, sent.ballotId, sent.marks, sent.spoiled)
      : ref.change(op.deputy, sent.ballotId, sent.marks)
  if (expected === 'stored') tablets.set(op.deputy, sent)
  const actual =
    sent.via === 'add'
      ? box.add(D(op.deputy), B(sent.ballotId), sent.marks, sent.spoiled)
      : box.change(D(op.deputy), B(sent.ballotId), sent.marks)
  return { actual, expected }
}

/** The box in the newest sound slot, checking that the others (once written) are sound too. */
async function onDisk(dir: string): Promise<OpenBoxData> {
  const slots = await Promise.all(
    SLOT_NAMES.map((w) => readSlot(slotFile(join(dir, 'ballots'), VOTE, w), VOTE, keyOf)),
  )
  const sound = slots.flatMap((s) => (s.kind === 'ok' ? [s] : []))
  expect(slots.filter((s) => s.kind === 'bad')).toEqual([])
  expect(sound.length).toBeGreaterThan(0)
  return sound.sort((a, b) => b.generation - a.generation)[0]!.data
}

/** The ballots' canonical JSON the store keeps is canonicalJson's, and digests the same. */
function expectCanonical(box: BallotBoxStore, ref: ReferenceBox) {
  const { ballots, canonical } = box.ballotsWithCanonical()
  expect(ballots).toEqual(ref.ballots())
  expect(canonical).toBe(canonicalJson(ref.ballots()))
  const contract = {
    vote: { title: '表决', seats: 2 },
    attendance: { roster: 9, issued: 9 },
    ballots,
  }
  expect(ballotBoxDigest(contract, canonical)).toBe(ballotBoxDigest(contract))
}

describe('BallotBoxStore file', () => {
  it('holds what the whole sorted snapshot gave, through adds, changes, resends, reopens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 8 }), async (batches) => {
        const dir = await mkdtemp(join(tmpdir(), 'plenary-box-'))
        try {
          const file = join(dir, 'ballots', `${VOTE}.json`)
          const ref = new ReferenceBox()
          const tablets = new Map<string, Sent>()
          let box = await BallotBoxStore.open(dir, VOTE, keys)
          for (const batch of batches) {
            if (batch.reopen) {
              await box.close()
              box = await BallotBoxStore.open(dir, VOTE, keys)
              expect(box.recoveries).toEqual([])
              expect(box.ballots()).toEqual(ref.ballots())
              expect(box.castCount).toBe(ref.castCount)
            }
            const calls = batch.ops.flatMap((op) => call(op, box, ref, tablets) ?? [])
            const actual = await Promise.all(calls.map((c) => c.actual))
            expect(actual).toEqual(calls.map((c) => c.expected))
            expectCanonical(box, ref)
            if (ref.castCount === 0) continue
            expect(await onDisk(dir)).toEqual(ref.open())
          }
          // Sealed: one file, exactly the sorted snapshot's JSON; the slots are gone.
          await box.seal()
          await box.close()
          const text = await readFile(file, 'utf8')
          expect(text).toBe(JSON.stringify(ref.snapshot()))
          expect(verifyBallotBoxFile(VOTE)(JSON.parse(text))).toEqual([])
          expect(await readdir(join(dir, 'ballots'))).toEqual([`${VOTE}.json`])
          const reopened = await BallotBoxStore.open(dir, VOTE, keys)
          expect(reopened.ballots()).toEqual(ref.ballots())
          expect(reopened.castCount).toBe(ref.castCount)
          expectCanonical(reopened, ref)
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      }),
      { numRuns: 40 },
    )
  })

  it('stays the same at a full hall, across the layouts it grows through', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-box-'))
    try {
      const ref = new ReferenceBox()
      const box = await BallotBoxStore.open(dir, VOTE, keys)
      // 300 distinct ballots of 2 each, then changes that empty some and shrink others.
      const marksOf = (i: number): Record<string, Mark> => ({ [`P${i % 300}`]: 'for', P01: 'for' })
      const ids = Array.from({ length: 600 }, (_, i) => `D${String(i).padStart(4, '0')}`)
      const added = await Promise.all(
        ids.map((id, i) => {
          expect(ref.add(id, `b${i}`, marksOf(i), i % 97 === 0)).toBe('stored')
          return box.add(D(id), B(`b${i}`), marksOf(i), i % 97 === 0)
        }),
      )
      expect(added.every((o) => o === 'stored')).toBe(true)
      // Every other deputy changes to a ballot of its own: old entries shrink or disappear.
      const changed = await Promise.all(
        ids.flatMap((id, i) => {
          if (i % 2 === 1 || i % 97 === 0) return []
          const marks: Record<string, Mark> = { [`Q${i % 200}`]: 'against' }
          expect(ref.change(id, `c${i}`, marks)).toBe('stored')
          return [box.change(D(id), B(`c${i}`), marks)]
        }),
      )
      expect(changed.every((o) => o === 'stored')).toBe(true)
      expect(await onDisk(dir)).toEqual(ref.open())
      await box.seal()
      await box.close()
      const text = await readFile(join(dir, 'ballots', `${VOTE}.json`), 'utf8')
      expect(text).toBe(JSON.stringify(ref.snapshot()))
      // 150 odd first ballots (the even ones were all changed away), 100 changed, 7 spoiled.
      expect(ref.ballots()).toHaveLength(150 + 100 + 7)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('a sealed box', () => {
  it('recognises a resend after the close by the ballot id alone, keyed by no deputy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-box-'))
    try {
      const box = await BallotBoxStore.open(dir, VOTE, keys)
      expect(await box.add(D('D1'), B('ballot-one'), { P01: 'for' })).toBe('stored')
      expect(await box.add(D('D2'), B('ballot-two'), { P02: 'for' })).toBe('stored')
      await box.seal()
      await box.close()
      const sealed = await BallotBoxStore.open(dir, VOTE, keys)
      expect(sealed.recognises(D('D1'), B('ballot-one'))).toBe(true)
      expect(sealed.recognises(D('D1'), B('ballot-other'))).toBe(false)
      expect(sealed.recognises(D('D3'), B('ballot-one'))).toBe(false)
      await expect(sealed.add(D('D3'), B('ballot-three'), {})).rejects.toThrow(/sealed/)
      const text = await readFile(join(dir, 'ballots', `${VOTE}.json`), 'utf8')
      expect(text).toBe(
        JSON.stringify({
          version: 2,
          voteId: VOTE,
          ballots: [
            { count: 1, marks: { P01: 'for' } },
            { count: 1, marks: { P02: 'for' } },
          ],
          voted: ['D1', 'D2'],
          received: [sha256Hex('ballot-one'), sha256Hex('ballot-two')].sort(),
        }),
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('rewrites a version 1 box, which kept each deputy’s receipt and commitment, at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-box-'))
    try {
      const file = join(dir, 'ballots', `${VOTE}.json`)
      const v1 = {
        version: 1,
        voteId: VOTE,
        ballots: [{ count: 2, marks: { P01: 'for' } }],
        voted: ['D1', 'D2'],
        receipts: { D1: sha256Hex('id-1'), D2: sha256Hex('id-2') },
        commitments: { D1: sha256Hex('c1'), D2: sha256Hex('c2') },
      }
      await mkdir(join(dir, 'ballots'))
      await writeFile(file, JSON.stringify(v1))
      await writeFile(`${file}.prev`, JSON.stringify(v1))
      const box = await BallotBoxStore.open(dir, VOTE, keys)
      expect(box.castCount).toBe(2)
      expect(box.recognises(D('D2'), B('id-2'))).toBe(true)
      const text = await readFile(file, 'utf8')
      expect(text).toBe(
        JSON.stringify({
          version: 2,
          voteId: VOTE,
          ballots: v1.ballots,
          voted: ['D1', 'D2'],
          received: [sha256Hex('id-1'), sha256Hex('id-2')].sort(),
        }),
      )
      expect(text).not.toContain(sha256Hex('c1'))
      expect(await readdir(join(dir, 'ballots'))).toEqual([`${VOTE}.json`])
      await box.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
