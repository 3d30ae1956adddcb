import { constants, fdatasync, writevSync } from 'node:fs'
import { mkdir, open, rename, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BallotBoxFile } from './ballot-box.store'
import type { BoxRegions, Shape, Snapshot } from './box-regions'
import {
  header,
  lengthOf,
  regionChange,
  regionChunks,
  SLOT_SUFFIX,
  TRAILER,
  wholeHeader,
} from './box-regions'
import type { Recovery } from './durable-json-file'
import { DataFileError, syncFolder } from './durable-json-file'
import { readSlot, SLOT_NAMES, SLOTS, slotFile } from './slot-reader'

/**
 * The ballot box of an open vote on disk, written so that a commit costs what changed and not
 * the whole box (at 3,000 deputies the box is ~1 MB; rewriting it per commit set the median
 * acknowledgement).
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
 * the slots go.
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
  #handle: FileHandle | null = null

  constructor(file: string) {
    this.file = file
  }

  /**
   * Writes the snapshot, taking its bytes before the first await (it is a view of the regions,
   * which a later commit changes). Until the write is done the slot counts as empty, so a
   * failed write leaves it the one written next, and whole.
   *
   * A commit per ballot at a full hall comes here: the usual case (a few regions into an open
   * file) is a plain function and one promise, not an async function's frame.
   */
  write(snapshot: Snapshot, generation: number): Promise<void> {
    const { layout } = snapshot
    const known = this.layoutId === layout.id ? this.lengths : null
    const since = this.seq
    const headerLength = this.headerLength
    this.generation = 0
    this.seq = 0
    this.lengths = null
    this.headerLength = 0
    if (!known) return this.#writeWhole(snapshot, generation)
    const handle = this.#handle
    // The checksums are a view that the next commit changes: past an await, a copy.
    const crcHex = handle ? snapshot.crcHex : Buffer.from(snapshot.crcHex)
    const head = header(snapshot.headerParts, generation, crcHex)
    const length = lengthOf(head)
    if (length < headerLength) head.push(snapshot.padding.subarray(0, headerLength - length))
    const writes: [number, Buffer[]][] = [[0, head]]
    const { changedAt, texts } = snapshot
    for (let i = 0; i < changedAt.length; i++) {
      const before = known[i]!
      if (changedAt[i]! <= since && before >= 0) continue
      const at = layout.headerBytes + i * layout.regionBytes
      writes.push([at, before >= 0 ? regionChange(snapshot, i, before) : regionChunks(snapshot, i)])
      known[i] = texts[i]!.length
    }
    const held = () => this.#holds(snapshot, generation, known, Math.max(length, headerLength))
    if (handle) return writeAll(handle.fd, writes).then(held)
    return open(this.file, constants.O_RDWR)
      .then((opened) => writeAll((this.#handle = opened).fd, writes))
      .then(held)
  }

  /** One gathered write of views, not a copy of the whole slot (megabytes at a full hall). */
  async #writeWhole(snapshot: Snapshot, generation: number): Promise<void> {
    const head = header(snapshot.headerParts, generation, snapshot.crcHex)
    const chunks = [
      wholeHeader(snapshot, head),
      ...snapshot.texts.flatMap((_, i) => regionChunks(snapshot, i)),
      TRAILER,
    ]
    const lengths = Int32Array.from(snapshot.texts, (text) => text.length)
    await this.#handle?.close()
    this.#handle = null
    await mkdir(dirname(this.file), { recursive: true })
    const handle = await open(this.file, constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC)
    this.#handle = handle
    await writeAt(handle, chunks, 0)
    await handle.datasync()
    // A new file's name is durable once its folder is.
    await syncFolder(dirname(this.file))
    this.#holds(snapshot, generation, lengths, lengthOf(head))
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
    const handle = this.#handle
    this.#handle = null
    await handle?.close()
  }
}

async function writeAt(handle: FileHandle, chunks: Buffer[], position: number): Promise<void> {
  const { bytesWritten } = await handle.writev(chunks, position)
  checkWritten(chunks, bytesWritten)
}

/**
 * Each write at its place, then one fdatasync. The writes are made here, synchronously: each
 * lands in the page cache in microseconds, where a write handed to the thread pool cost the
 * event loop ~40 µs (and a thread switch) each. The wait for the disk is the one call that goes
 * to the pool, through its callback (FileHandle's promise costs the heap ~2 KB a call).
 */
function writeAll(fd: number, writes: [number, Buffer[]][]): Promise<void> {
  for (const [at, chunks] of writes) checkWritten(chunks, writevSync(fd, chunks, at))
  return new Promise((resolve, reject) =>
    fdatasync(fd, (error) => (error ? reject(error) : resolve())),
  )
}

function checkWritten(chunks: Buffer[], bytesWritten: number): void {
  const length = lengthOf(chunks)
  if (bytesWritten !== length) throw new Error(`short write: ${bytesWritten} of ${length} bytes`)
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

  /**
   * The newest sound slot's box and layout, or null when there are no slots. A slot that fails
   * its checks is set aside and reported; with none sound the box cannot be trusted and this
   * throws. For a sealed box, slots left by a stop just after sealing are removed unread.
   */
  static async open(
    dir: string,
    voteId: string,
    sealed: boolean,
  ): Promise<{
    slots: BallotBoxSlots
    data: BallotBoxFile | null
    layout: Shape | null
    recoveries: Recovery[]
  }> {
    const slots = new BallotBoxSlots(dir, voteId)
    if (sealed) {
      await slots.remove()
      return { slots, data: null, layout: null, recoveries: [] }
    }
    const reads = await Promise.all(slots.#slots.map((s) => readSlot(s.file, voteId)))
    const sound = reads.flatMap((r, i) =>
      r.kind === 'ok' ? [{ ...r, slot: slots.#slots[i]! }] : [],
    )
    const newest = sound.sort((a, b) => b.generation - a.generation)[0]
    const recoveries: Recovery[] = []
    const bad = reads.flatMap((r, i) =>
      r.kind === 'bad' ? [{ ...r, slot: slots.#slots[i]! }] : [],
    )
    if (bad.length > 0 && !newest) {
      throw new DataFileError(
        join(dir, `${voteId}.slot-*.json`),
        `no sound slot (${bad.map((b) => `${b.slot.file}: ${b.problem}`).join('; ')})`,
      )
    }
    for (const b of bad) {
      const setAsideAs = `${b.slot.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await rename(b.slot.file, setAsideAs)
      recoveries.push({ file: b.slot.file, problem: b.problem, setAsideAs, usedPrevious: true })
    }
    for (const s of sound) {
      s.slot.generation = s.generation
      s.slot.loaded = s.bytes
    }
    slots.#generation = newest?.generation ?? 0
    const layout = newest
      ? { regions: newest.layout.regions, regionBytes: newest.layout.regionBytes }
      : null
    return { slots, data: newest?.data ?? null, layout, recoveries }
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
      if (!bytes) continue
      const { layout } = snapshot
      const expectedLength =
        layout.headerBytes + layout.regions * layout.regionBytes + TRAILER.length
      if (bytes.length !== expectedLength || bytes.indexOf(0x0a) + 1 !== layout.headerBytes)
        continue
      slot.layoutId = layout.id
      let headerLength = layout.headerBytes - SLOT_SUFFIX.length
      while (headerLength > 0 && bytes[headerLength - 1] === 0x20) headerLength -= 1
      slot.headerLength = headerLength
      slot.seq = snapshot.seq
      slot.lengths = Int32Array.from(snapshot.texts, (text, i) => {
        const at = layout.headerBytes + i * layout.regionBytes
        const same = Buffer.concat(regionChunks(snapshot, i)).equals(
          bytes.subarray(at, at + layout.regionBytes),
        )
        return same ? text.length : -1
      })
    }
  }

  /**
   * Writes the snapshot into the oldest slot not being written; resolves once it is on disk.
   * The newest slot on disk is never the one: at most SLOTS - 1 writes may be in flight.
   */
  async write(snapshot: Snapshot): Promise<void> {
    const idle = this.#slots.filter((s) => !s.busy)
    if (idle.length < 2) throw new Error(`ballot box: more than ${SLOTS - 1} writes at once`)
    const target = idle.reduce((a, b) => (b.generation < a.generation ? b : a))
    await this.#writeInto(target, snapshot)
  }

  /** The snapshot into every slot, at once (a vote's opening lays them all out). */
  async writeEvery(snapshot: Snapshot): Promise<void> {
    if (this.#slots.some((s) => s.busy)) throw new Error('ballot box: a write is in flight')
    await settled(this.#slots.map((slot) => this.#writeInto(slot, snapshot)))
  }

  async #writeInto(slot: Slot, snapshot: Snapshot): Promise<void> {
    slot.busy = true
    this.#generation += 1
    try {
      await slot.write(snapshot, this.#generation)
    } finally {
      slot.busy = false
    }
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
