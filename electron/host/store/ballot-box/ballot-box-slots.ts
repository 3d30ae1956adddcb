import { close, constants, fdatasync, open, openSync, writeSync, writev } from 'node:fs'
import { mkdir, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import type { BoxRegions, Snapshot } from './box-regions'
import { regionChunks } from './box-regions'
import { TRAILER, wholeHeader, writeHeader } from './slot-header'
import { syncFolder } from '../json-files/durable-json-file'
import type { KeyLookup } from './slot-reader'
import { SLOT_NAMES, SLOTS, slotFile } from './slot-reader'
import type { SlotsFound } from './slots-at-open'
import { heldOf, keysNamed, readSlots } from './slots-at-open'
import type { VoteKeyVault } from './vote-keys'

/**
 * The ballot box of an open vote on disk, written so that a commit costs what changed and not
 * the whole box: a full hall's box is large, and rewriting it per commit set the median
 * acknowledgement (bench-results.md, "Measurements behind the design").
 *
 * Every ballot (by its content key) and every voter (by id) lives in one of R regions, chosen by
 * a hash of the key: never by arrival, so a region's place and order say nothing about who
 * voted when. Three slot files, A, B and C, each hold the whole box: a header with a
 * generation and a checksum per region, then the regions, each padded with spaces to a fixed
 * size (the file stays valid JSON). A commit writes the regions that changed since that slot
 * was last written, and its header, into the oldest slot not being written, then one
 * fdatasync: the newest slot on disk is never touched, so a power cut leaves it whole. Reading
 * takes the newest slot whose checksums hold.
 *
 * Three slots let two commits be in flight at once (the store's group commit runs SLOTS - 1):
 * ballots that arrive while one commit waits on the disk start the next at once instead of
 * queueing behind it. Each commit holds everything before it, so whichever lands last on disk,
 * the newest sound slot holds every acknowledged ballot.
 *
 * What the slots say beyond one file: the difference between two is a commit or two, as the
 * `.prev` copy of a whole-file write was. At close the box is sealed into one canonical file and
 * the slots go. Reading them back at a start is slots-at-open.ts.
 */

/** One slot file, and what of the current layout it holds on disk. */
class Slot {
  readonly file: string
  generation = 0
  layoutId = 0
  /** The snapshot it holds: regions changed after it are what its next write brings in. */
  seq = 0
  /**
   * The length of each region's text on disk, -1 where its bytes are not known to be the
   * snapshot's; null when nothing is known: the next write rewrites the slot whole.
   */
  lengths: Int32Array | null = null
  /** The length of its header's text (what precedes the padding). */
  headerLength = 0
  /** The bytes read at open, until `recognise` has compared them. */
  loaded: Buffer | null = null
  /** A write is in flight: no other may start here. */
  busy = false
  #fd: number | null = null
  /** The header as the next write puts it (a slot's writes are one at a time). */
  #head = Buffer.alloc(0)

  constructor(file: string) {
    this.file = file
  }

  /**
   * Writes the snapshot, taking its bytes before the first await (it is a view of the regions,
   * which a later commit changes). Until the write is done the slot counts as empty, so a
   * failed write leaves it the one written next, and whole.
   *
   * A commit per ballot at a full hall comes here, so the usual case (the regions changed since
   * this slot's last write, into its open file) allocates next to nothing: the header is made in
   * a buffer of the slot's, each region goes from its text as it is, synchronously (it lands in
   * the page cache at once, where a write handed to the thread pool cost the event loop more,
   * and a thread switch), and the one wait, fdatasync, is a callback.
   */
  write(snapshot: Snapshot, generation: number): Promise<void> {
    const { layout, padding, changedAt, texts } = snapshot
    const known = this.layoutId === layout.id ? this.lengths : null
    const since = this.seq
    const headerLength = this.headerLength
    this.busy = true
    this.generation = 0
    this.seq = 0
    this.lengths = null
    this.headerLength = 0
    if (!known) return this.#writeWhole(snapshot, generation)
    try {
      if (this.#head.length < layout.headerBytes) this.#head = Buffer.alloc(layout.headerBytes)
      const head = this.#head
      const length = writeHeader(head, snapshot.headerParts, generation, snapshot.crcHex)
      if (length < headerLength) head.fill(0x20, length, headerLength)
      // Opened here, once per slot after a restart (recognise): not past an await.
      const fd = (this.#fd ??= openSync(this.file, constants.O_RDWR))
      const held = Math.max(length, headerLength)
      writeNow(fd, head, held, 0)
      for (let i = 0; i < changedAt.length; i++) {
        const before = known[i]!
        if (changedAt[i]! <= since && before >= 0) continue
        const at = layout.headerBytes + i * layout.regionBytes
        const text = texts[i]!
        // What is on disk past a shorter text: a longer one's end, or (unknown) anything.
        const stale = before >= 0 ? before - text.length : layout.regionBytes - 1 - text.length
        writeNow(fd, text, text.length, at)
        if (stale > 0) writeNow(fd, padding, stale, at + text.length)
        if (before < 0) writeNow(fd, NEWLINE, 1, at + layout.regionBytes - 1)
        known[i] = text.length
      }
      return new Promise((resolve, reject) =>
        fdatasync(fd, (error) => {
          this.busy = false
          if (error) return reject(error)
          this.#holds(snapshot, generation, known, held)
          resolve()
        }),
      )
    } catch (error) {
      this.busy = false
      return Promise.reject(error as Error)
    }
  }

  /**
   * Gathered writes of views, not a copy of the whole slot (megabytes at a full hall), in
   * pieces of WHOLE_WRITE_PIECE.
   */
  async #writeWhole(snapshot: Snapshot, generation: number): Promise<void> {
    try {
      const [head, headLength] = wholeHeader(snapshot, generation)
      const chunks = [head, ...snapshot.texts.flatMap((_, i) => regionChunks(snapshot, i)), TRAILER]
      const lengths = Int32Array.from(snapshot.texts, (text) => text.length)
      await this.close()
      await mkdir(dirname(this.file), { recursive: true })
      const fd = await openFile(this.file, constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC)
      this.#fd = fd
      let at = 0
      for (const piece of pieces(chunks, WHOLE_WRITE_PIECE)) {
        const length = lengthOf(piece)
        checkWritten(await writevFile(fd, piece, at), length)
        at += length
      }
      await datasync(fd)
      // A new file's name is durable once its folder is.
      await syncFolder(dirname(this.file))
      this.#holds(snapshot, generation, lengths, headLength)
    } finally {
      this.busy = false
    }
  }

  /** The slot, written and on disk, holds the snapshot. */
  #holds(snapshot: Snapshot, generation: number, lengths: Int32Array, headerLength: number): void {
    this.generation = generation
    this.layoutId = snapshot.layout.id
    this.seq = snapshot.seq
    this.lengths = lengths
    this.headerLength = headerLength
  }

  async close(): Promise<void> {
    const fd = this.#fd
    this.#fd = null
    if (fd !== null) await closeFile(fd)
  }
}

const NEWLINE = Buffer.from('\n')

/**
 * The most a whole slot's write puts in one system call. Linux (ext4 since 6.16, as xfs) caches
 * a file in folios as large as the write that made them, up to 2 MB; every later write of a few
 * bytes into one walks all its blocks, and so does the writeback of one dirty block: a slot made
 * in one write made every commit's small writes and fdatasync slower (bench-results.md).
 */
export const WHOLE_WRITE_PIECE = 64 * 1024

/**
 * `chunks` cut into runs of views, each run exactly `size` bytes at an offset that is a
 * multiple of `size` (the last one what is left), in order.
 */
export function pieces(chunks: readonly Buffer[], size: number): Buffer[][] {
  const runs: Buffer[][] = []
  let run: Buffer[] = []
  let room = size
  for (const chunk of chunks) {
    let at = 0
    while (at < chunk.length) {
      const take = Math.min(room, chunk.length - at)
      run.push(take === chunk.length ? chunk : chunk.subarray(at, at + take))
      at += take
      room -= take
      if (room === 0) {
        runs.push(run)
        run = []
        room = size
      }
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

const openFile = promisify(open)
const closeFile = promisify(close)
const datasync = promisify(fdatasync)

function writevFile(fd: number, chunks: Buffer[], position: number): Promise<number> {
  return new Promise((resolve, reject) =>
    writev(fd, chunks, position, (error, bytesWritten) =>
      error ? reject(error) : resolve(bytesWritten),
    ),
  )
}

/** The first `length` bytes of `bytes` at `position`, synchronously. */
function writeNow(fd: number, bytes: Buffer, length: number, position: number): void {
  checkWritten(writeSync(fd, bytes, 0, length, position), length)
}

function checkWritten(bytesWritten: number, length: number): void {
  if (bytesWritten !== length) throw new Error(`short write: ${bytesWritten} of ${length} bytes`)
}

function lengthOf(chunks: readonly Buffer[]): number {
  let length = 0
  for (const chunk of chunks) length += chunk.length
  return length
}

/** Every write done, then the first failure rethrown. */
async function settled(steps: Promise<unknown>[]): Promise<void> {
  for (const outcome of await Promise.allSettled(steps)) {
    if (outcome.status === 'rejected') throw outcome.reason
  }
}

/** The slot files of an open vote's ballot box. */
export class BallotBoxSlots {
  readonly voteId: string
  readonly #slots: Slot[]
  /** The generation of the newest write begun (or read at open). */
  #generation = 0

  private constructor(dir: string, voteId: string) {
    this.voteId = voteId
    this.#slots = SLOT_NAMES.map((which) => new Slot(slotFile(dir, voteId, which)))
  }

  /** The slots as a start finds them (slots-at-open.ts), each knowing what it holds. */
  static async open(
    dir: string,
    voteId: string,
    keyOf: KeyLookup,
  ): Promise<SlotsFound & { slots: BallotBoxSlots }> {
    const slots = new BallotBoxSlots(dir, voteId)
    const files = slots.#slots.map((s) => s.file)
    const { found, sound } = await readSlots(files, voteId, keyOf)
    for (const [i, read] of sound.entries()) {
      if (!read) continue
      slots.#slots[i]!.generation = read.generation
      slots.#slots[i]!.loaded = read.bytes
    }
    slots.#generation = found.generation
    return { slots, ...found }
  }

  /**
   * Slots left by a stop just after the box was sealed: removed unread, and the key their
   * headers name destroyed.
   */
  static async removeLeftovers(dir: string, voteId: string, keys: VoteKeyVault): Promise<void> {
    const slots = new BallotBoxSlots(dir, voteId)
    const named = await keysNamed(
      slots.#slots.map((s) => s.file),
      voteId,
    )
    await slots.remove()
    for (const keyId of named) await keys.destroy(keyId)
  }

  /**
   * Tells the slots what of `regions` they already hold, byte for byte, after `open` filled
   * `regions` from the newest: those regions are not written again.
   */
  recognise(regions: BoxRegions): void {
    const snapshot = regions.snapshot()
    for (const slot of this.#slots) {
      const bytes = slot.loaded
      slot.loaded = null
      const held = bytes && heldOf(bytes, snapshot)
      if (!held) continue
      slot.layoutId = snapshot.layout.id
      slot.headerLength = held.headerLength
      slot.seq = snapshot.seq
      slot.lengths = held.lengths
    }
  }

  /** The newest generation on disk (written, or read at open). */
  get durableGeneration(): number {
    let newest = 0
    for (const slot of this.#slots) newest = Math.max(newest, slot.generation)
    return newest
  }

  /**
   * Writes the snapshot, one at a time, into the slots that hold nothing (missing, or set aside
   * at open), so that every slot file is there again before the next stop.
   */
  async fill(snapshot: Snapshot): Promise<void> {
    for (const slot of this.#slots) {
      if (slot.busy || slot.generation > 0) continue
      this.#generation += 1
      await slot.write(snapshot, this.#generation)
    }
  }

  /**
   * Writes the snapshot into the oldest slot not being written; resolves once it is on disk.
   * The newest slot on disk is never the one: at most SLOTS - 1 writes may be in flight.
   */
  write(snapshot: Snapshot): Promise<void> {
    let target: Slot | null = null
    let idle = 0
    for (const slot of this.#slots) {
      if (slot.busy) continue
      idle += 1
      if (!target || slot.generation < target.generation) target = slot
    }
    if (!target || idle < 2)
      return Promise.reject(new Error(`ballot box: more than ${SLOTS - 1} writes at once`))
    this.#generation += 1
    return target.write(snapshot, this.#generation)
  }

  /** The snapshot into every slot, at once (a vote's opening lays them all out). */
  async writeEvery(snapshot: Snapshot): Promise<void> {
    if (this.#slots.some((s) => s.busy)) throw new Error('ballot box: a write is in flight')
    await settled(this.#slots.map((slot) => slot.write(snapshot, (this.#generation += 1))))
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.close()))
  }

  /** Once the box is sealed: the slots go. */
  async remove(): Promise<void> {
    await this.close()
    for (const slot of this.#slots) {
      await unlink(slot.file).catch((error: unknown) => {
        if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error
      })
      slot.generation = 0
      slot.lengths = null
    }
  }
}
