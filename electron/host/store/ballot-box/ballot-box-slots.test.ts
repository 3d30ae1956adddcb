import fc from 'fast-check'
import { existsSync } from 'node:fs'
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mark } from '../../../../shared/protocol/vote-rules.schema'
import { readSlot, SLOT_NAMES, slotFile } from './slot-reader'
import { skipUnless } from '../../testing/skip-unless'
import { testVault } from '../../testing/test-keys'
import { BallotBoxStore } from './ballot-box.store'
import { pieces } from './ballot-box-slots'
import type { BallotId, DeputyId, VoteId } from '../../../../shared/protocol/ids'

const VOTE = 'V1' as VoteId
/** Ids as the services hand them to the box (shared/protocol/ids.ts). */
const D = (id: string) => id as DeputyId
const B = (id: string) => id as BallotId
const keys = testVault()
const keyOf = (keyId: string) => keys.load(keyId)
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-slots-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ids = (n: number) => Array.from({ length: n }, (_, i) => `D${String(i).padStart(4, '0')}`)
const candidates = Array.from({ length: 13 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
/** A distinct select ballot per deputy, as a hall of random choices makes. */
const marksOf = (i: number): Record<string, Mark> =>
  Object.fromEntries(candidates.filter((_, c) => (i >> c) & 1).map((c) => [c, 'for' as Mark]))

async function vote(box: BallotBoxStore, deputies: string[], from = 0): Promise<void> {
  for (let at = 0; at < deputies.length; at += 100) {
    const batch = deputies.slice(at, at + 100)
    const outcomes = await Promise.all(
      batch.map((id, i) => box.add(D(id), B(`b-${id}`), marksOf(from + at + i))),
    )
    expect(outcomes.every((o) => o === 'stored')).toBe(true)
  }
}

/** Bytes this process has written through write(2) and its kin (Linux). */
async function bytesWritten(): Promise<number> {
  const io = await readFile('/proc/self/io', 'utf8')
  return Number(/wchar: (\d+)/.exec(io)?.[1])
}

const slots = () => SLOT_NAMES.map((w) => slotFile(join(dir, 'ballots'), VOTE, w))

describe('the ballot box of an open vote', () => {
  it('writes what a ballot changed, not the box, also after a restart', async (ctx) => {
    skipUnless(ctx, existsSync('/proc/self/io'), 'counts bytes written in /proc/self/io (Linux)')
    const hall = ids(3000)
    let box = await BallotBoxStore.open(dir, VOTE, keys)
    await box.save({ voters: hall.length, marks: candidates.length })
    await vote(box, hall.slice(0, 2000))
    const size = (await stat(slots()[0]!)).size
    expect(size).toBeGreaterThan(2_000_000)

    // (The other slots catch up first on the last batch of a hundred.)
    expect(await box.add(D('D2498'), B('b-v'), marksOf(2498))).toBe('stored')
    expect(await box.add(D('D2499'), B('b-w'), marksOf(2499))).toBe('stored')
    const before = await bytesWritten()
    expect(await box.add(D('D2500'), B('b-x'), marksOf(2500))).toBe('stored')
    const oneBallot = (await bytesWritten()) - before
    // Header and a few regions: a few dozen KB of a box of megabytes.
    expect(oneBallot).toBeLessThan(80_000)

    await box.close()
    box = await BallotBoxStore.open(dir, VOTE, keys)
    expect(box.castCount).toBe(2003)
    const restarted = await bytesWritten()
    expect(await box.add(D('D2501'), B('b-y'), marksOf(2501))).toBe('stored')
    expect(await box.add(D('D2502'), B('b-z'), marksOf(2502))).toBe('stored')
    expect((await bytesWritten()) - restarted).toBeLessThan(160_000)
    await box.close()
  })

  it('after a write cut short, opens on the next newest slot and sets the torn one aside', async () => {
    const deputies = ids(5)
    const box = await BallotBoxStore.open(dir, VOTE, keys)
    await box.save({ voters: 5, marks: 13 })
    for (const [i, id] of deputies.entries()) await box.add(D(id), B(`b${i}`), marksOf(i))
    await box.close()
    // The newest slot's last region write reached the disk only in part.
    const reads = await Promise.all(slots().map((f) => readSlot(f, VOTE, keyOf)))
    const generations = reads.map((r) => (r.kind === 'ok' ? r.generation : -1))
    const file = slots()[generations.indexOf(Math.max(...generations))]!
    const handle = await open(file, 'r+')
    const { size } = await handle.stat()
    await handle.write(Buffer.from('{"b":[],"v":[]}'), 0, 15, size - 2000)
    await handle.close()

    const reopened = await BallotBoxStore.open(dir, VOTE, keys)
    expect(reopened.castCount).toBe(4)
    expect(reopened.recoveries).toEqual([
      expect.objectContaining({ file, problem: expect.stringMatching(/checksum/) }),
    ])
    const names = await readdir(join(dir, 'ballots'))
    expect(names.filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
    // The tablet whose ballot was not acknowledged resends it; the box goes on from there.
    expect(await reopened.add(D(deputies[4]!), B('b4'), marksOf(4))).toBe('stored')
    expect(await reopened.add(D(deputies[0]!), B('b0'), marksOf(0))).toBe('resent')
    await reopened.close()
    const again = await BallotBoxStore.open(dir, VOTE, keys)
    expect(again.castCount).toBe(5)
    expect(again.recoveries).toEqual([])
    await again.close()
  })

  it('when no slot is sound, opens empty and says so, setting the slots aside', async () => {
    const box = await BallotBoxStore.open(dir, VOTE, keys)
    await box.save()
    await box.add(D('D1'), B('b1'), marksOf(1))
    await box.close()
    for (const file of slots()) {
      const bytes = await readFile(file)
      const handle = await open(file, 'r+')
      await handle.write(Buffer.from('x'), 0, 1, bytes.indexOf(0x0a) + 10)
      await handle.close()
    }
    const reopened = await BallotBoxStore.open(dir, VOTE, keys, true)
    expect(reopened.castCount).toBe(0)
    expect(reopened.damage).toMatch(/could not be read.*checksum.*last recorded 1/)
    expect(reopened.recoveries).toHaveLength(3)
    expect(
      (await readdir(join(dir, 'ballots'))).filter((n) => n.includes('.corrupt-')),
    ).toHaveLength(3)
    await reopened.close()
  })

  it('is encrypted: a header that names the key, regions that say nothing without it', async () => {
    const box = await BallotBoxStore.open(dir, VOTE, keys)
    await box.save({ voters: 3, marks: 13 })
    await vote(box, ids(3))
    await box.close()
    const reads = await Promise.all(slots().map((f) => readSlot(f, VOTE, keyOf)))
    const generations = reads.map((r) => (r.kind === 'ok' ? r.generation : -1))
    const newest = slots()[generations.indexOf(Math.max(...generations))]!
    const bytes = await readFile(newest)
    const header = bytes.toString('utf8', 0, bytes.indexOf(0x0a))
    const { slot } = JSON.parse(`${header.slice(0, header.lastIndexOf(',"regions"'))}}`) as {
      slot: { voteId: string; keyId: string; crc: string; regionBytes: number }
    }
    expect(slot.voteId).toBe(VOTE)
    expect(slot.keyId).toMatch(/^[0-9a-f]{32}$/)
    // No deputy's id, candidate's id or mark is in the regions: they are ciphertext.
    const regions = bytes.subarray(bytes.indexOf(0x0a) + 1)
    for (const word of [...ids(3), ...candidates, '"for"', '"b"', '"v"'])
      expect(regions.includes(word)).toBe(false)
    // Without the key it is locked; under another key it does not open; with it, it does.
    expect(await readSlot(newest, VOTE, () => Promise.resolve(null))).toMatchObject({
      kind: 'locked',
      keyId: slot.keyId,
    })
    const other = await testVault().create()
    expect(await readSlot(newest, VOTE, () => Promise.resolve(other))).toMatchObject({
      kind: 'bad',
      problem: expect.stringMatching(/does not open/),
    })
    const read = await readSlot(newest, VOTE, keyOf)
    expect(read.kind === 'ok' && read.data.voters.map(([id]) => id)).toEqual(ids(3))
  })
})

describe('a whole slot written in pieces', () => {
  it('cuts the views at every multiple of the piece size, and keeps every byte in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 128 }),
        (arrays, size) => {
          const chunks = arrays.map((a) => Buffer.from(a))
          const runs = pieces(chunks, size)
          const lengths = runs.map((run) => run.reduce((n, view) => n + view.length, 0))
          const total = Buffer.concat(chunks)
          expect(Buffer.concat(runs.flat())).toEqual(total)
          expect(lengths.slice(0, -1).every((n) => n === size)).toBe(true)
          expect(lengths.at(-1) ?? 0).toBe(total.length % size || Math.min(size, total.length))
          expect(runs.flat().every((view) => view.length > 0)).toBe(true)
        },
      ),
    )
  })
})
