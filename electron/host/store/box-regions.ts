import { crc32 } from 'node:zlib'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'

/**
 * An open vote's ballot box in memory as the slot files hold it (ballot-box-slots.ts), and the
 * bytes of that format: R regions, each with the ballots (by content key) and voters (by id)
 * that hash to it, its JSON text kept as UTF-8 and remade only when it changed; the layout
 * (how many regions, how large) and the header that carries a generation and every region's
 * checksum. What goes on disk, and how a slot file is read back, is ballot-box-slots.ts.
 */

export interface Layout {
  /** Changes at every relayout: a slot written in another layout is rewritten whole. */
  id: number
  regions: number
  regionBytes: number
  /** The header's size; regions start here. */
  headerBytes: number
}

/** A layout's regions and their size, before it has an id and a header. */
export type Shape = Omit<Layout, 'id' | 'headerBytes'>

/** What the box is expected to hold: deputies who may vote, marks on the largest ballot. */
export interface SizeHint {
  voters: number
  marks: number
}

/**
 * A region's entries as the JSON they are written as, made when they change: a commit remakes
 * a region's text from these, not by stringifying every entry in it again.
 */
interface Region {
  /** Content key → the entry's JSON. */
  ballots: Map<string, string>
  /** Deputy id → `[id, receipt, commitment]` as JSON. */
  voters: Map<string, string>
}

export const FORMAT = 'plenary-vote.ballot-box-slot/1'
export const SLOT_PREFIX = '{"slot":'
export const CHECK = ',"check":'
export const SLOT_SUFFIX = ',"regions":[\n'
export const TRAILER = Buffer.from(']}\n')
const NEWLINE = Buffer.from('\n')
const FIRST = Buffer.from(' ')
const COMMA = Buffer.from(',')
const PAGE = 4096

/** The box's regions in memory, each with its text as it goes on disk. */
export class BoxRegions {
  readonly voteId: string
  layout: Layout
  #regions: Region[]
  #padding: Buffer
  /** Every region's checksum as eight hex digits, in order: the header's list. */
  #crcHex: Buffer
  /** Each region's JSON as UTF-8, brought up to date for the regions in #dirty when a
   * snapshot is taken. A buffer never changes once made: a write in flight may hold it. */
  #texts: Buffer[] = []
  /** The snapshot at which each region's text last changed: a slot that holds snapshot s
   * writes the regions changed after s. */
  #changedAt: Uint32Array
  /** Snapshots taken (in any layout). */
  #seq = 0
  /** Regions changed since the last snapshot: a commit's work is what changed, not R. */
  readonly #dirty = new Set<number>()
  /** The longest text since the last layout (texts rarely shrink: an upper bound). */
  #largest = 0

  constructor(voteId: string, layout: Shape) {
    this.voteId = voteId
    this.layout = withHeader(voteId, { id: 1, ...layout })
    this.#regions = emptyRegions(layout.regions)
    this.#padding = Buffer.alloc(layout.regionBytes, 0x20)
    this.#crcHex = Buffer.alloc(8 * layout.regions, 0x30)
    this.#changedAt = new Uint32Array(layout.regions)
    this.#allDirty()
  }

  /** The entry under its content key, after its count changed; at count 0 it is gone. */
  setBallot(key: string, entry: BallotEntry): void {
    const i = this.#indexOf(key)
    const region = this.#regions[i]!
    if (entry.count === 0) region.ballots.delete(key)
    else region.ballots.set(key, JSON.stringify(entry))
    this.#dirty.add(i)
  }

  setVoter(deputyId: string, receipt: string, commitment: string): void {
    const i = this.#indexOf(deputyId)
    this.#regions[i]!.voters.set(deputyId, JSON.stringify([deputyId, receipt, commitment]))
    this.#dirty.add(i)
  }

  /**
   * Every region's text, made for those that changed; a region grown past its size first lays
   * the box out anew (as does a hint of more than the layout holds). Then the snapshot to
   * write, which is a view: it holds until the regions next change, so a writer takes what it
   * needs from it before its first await. Nothing of size R is copied per commit.
   */
  snapshot(hint?: SizeHint): Snapshot {
    const { regions, regionBytes } = this.layout
    if (hint) {
      const wanted = layoutFor(expectedBytes(hint))
      if (wanted.regions > regions || wanted.regionBytes > regionBytes)
        this.#relayout({
          regions: Math.max(wanted.regions, regions),
          regionBytes: Math.max(wanted.regionBytes, regionBytes),
        })
    }
    this.#seq += 1
    this.#refresh()
    if (this.#largest > this.layout.regionBytes - 2) {
      // Grown beyond what it was laid out for (more regions), or unevenly (larger ones).
      const total = this.#texts.reduce((sum, t) => sum + t.length, 0)
      const wanted = layoutFor(2 * total, this.#largest)
      this.#relayout({
        regions: Math.max(wanted.regions, this.layout.regions),
        regionBytes: Math.max(wanted.regionBytes, 2 * this.layout.regionBytes),
      })
      this.#refresh()
    }
    return {
      layout: this.layout,
      seq: this.#seq,
      texts: this.#texts,
      changedAt: this.#changedAt,
      crcHex: this.#crcHex,
      padding: this.#padding,
    }
  }

  /** The texts and checksums of the regions changed since the last time. */
  #refresh(): void {
    for (const i of this.#dirty) {
      const text = regionText(this.#regions[i]!)
      this.#texts[i] = text
      this.#changedAt[i] = this.#seq
      const crc = regionCrc(text, i, this.#padding)
      this.#crcHex.write(crc.toString(16).padStart(8, '0'), 8 * i, 'latin1')
      this.#largest = Math.max(this.#largest, text.length)
    }
    this.#dirty.clear()
  }

  #allDirty(): void {
    this.#texts = new Array<Buffer>(this.layout.regions)
    this.#largest = 0
    this.#dirty.clear()
    for (let i = 0; i < this.layout.regions; i++) this.#dirty.add(i)
  }

  #relayout(layout: Shape): void {
    const old = this.#regions
    this.layout = withHeader(this.voteId, { ...layout, id: this.layout.id + 1 })
    this.#padding = Buffer.alloc(layout.regionBytes, 0x20)
    this.#crcHex = Buffer.alloc(8 * layout.regions, 0x30)
    this.#changedAt = new Uint32Array(layout.regions)
    this.#regions = emptyRegions(layout.regions)
    this.#allDirty()
    for (const region of old) {
      for (const [key, json] of region.ballots) this.#regionOf(key).ballots.set(key, json)
      for (const [id, json] of region.voters) this.#regionOf(id).voters.set(id, json)
    }
  }

  #indexOf(key: string): number {
    return crc32(key) % this.layout.regions
  }

  #regionOf(key: string): Region {
    return this.#regions[this.#indexOf(key)]!
  }
}

/**
 * One commit's bytes: the layout, every region's text and checksum, and when each changed. A
 * view of the regions, good until they next change (see `BoxRegions.snapshot`).
 */
export interface Snapshot {
  layout: Layout
  /** This snapshot's number: `changedAt` above it are changes a slot that holds it lacks. */
  seq: number
  texts: readonly Buffer[]
  changedAt: Uint32Array
  /** The regions' checksums, eight hex digits each. */
  crcHex: Buffer
  padding: Buffer
}

/** A region on disk: a separator, its JSON, spaces up to its size less one, a newline. */
export function regionChunks(snapshot: Snapshot, i: number): Buffer[] {
  const text = snapshot.texts[i]!
  const fill = snapshot.layout.regionBytes - 2 - text.length
  return [i === 0 ? FIRST : COMMA, text, snapshot.padding.subarray(0, fill), NEWLINE]
}

/**
 * What changes of a region whose text on disk is `before` bytes long: its separator and text,
 * and spaces over what is left of a longer text; the rest of its padding and its newline are
 * there.
 */
export function regionChange(snapshot: Snapshot, i: number, before: number): Buffer[] {
  const text = snapshot.texts[i]!
  const fill = Math.max(0, before - text.length)
  return [i === 0 ? FIRST : COMMA, text, snapshot.padding.subarray(0, fill)]
}

function regionCrc(text: Buffer, i: number, padding: Buffer): number {
  const fill = padding.length - 2 - text.length
  let crc = crc32(i === 0 ? FIRST : COMMA)
  crc = crc32(text, crc)
  crc = crc32(padding.subarray(0, fill), crc)
  return crc32(NEWLINE, crc)
}

function regionText(region: Region): Buffer {
  const ballots = [...region.ballots].sort(byKey).map(([, json]) => json)
  const voters = [...region.voters].sort(byKey).map(([, json]) => json)
  return Buffer.from(`{"b":[${ballots.join(',')}],"v":[${voters.join(',')}]}`, 'utf8')
}

export function byKey<T>([a]: [string, T], [b]: [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function emptyRegions(n: number): Region[] {
  return Array.from({ length: n }, () => ({
    ballots: new Map(),
    voters: new Map(),
  }))
}

/** A deputy's receipt and commitment take ~150 bytes; a ballot's entry ~18 per mark. */
function expectedBytes(hint: SizeHint): number {
  return hint.voters * (150 + 24 + 18 * hint.marks)
}

/**
 * Regions of ~2 KB of text expected when full, at three times that size: a commit writes a
 * few of them, and a region outgrows its size only when the hash is very uneven.
 */
export function layoutFor(bytes: number, largest = 0): Shape {
  let regions = 8
  while (regions < 1024 && regions * 2048 < bytes) regions *= 2
  const regionBytes = roundUp(Math.max((3 * bytes) / regions, 2 * largest + 64, PAGE), PAGE)
  return { regions, regionBytes }
}

function withHeader(voteId: string, layout: Omit<Layout, 'headerBytes'>): Layout {
  // The header at its longest: the largest generation, the longest checksum of it.
  const crcHex = Buffer.alloc(8 * layout.regions, 0x30)
  const longest = header(voteId, Number.MAX_SAFE_INTEGER, layout.regionBytes, crcHex).length
  return { ...layout, headerBytes: roundUp(longest + 10 + SLOT_SUFFIX.length, PAGE) }
}

/**
 * `{"slot":{…},"check":N`: the body's fields with the checksums as one hex string, and the
 * CRC-32 of the body's bytes (built from parts: nothing of size R is stringified per commit).
 */
export function header(
  voteId: string,
  generation: number,
  regionBytes: number,
  crcHex: Buffer,
): Buffer {
  const body = Buffer.concat([
    Buffer.from(
      `{"format":"${FORMAT}","voteId":${JSON.stringify(voteId)},"generation":${generation},` +
        `"regionBytes":${regionBytes},"crc":"`,
    ),
    crcHex,
    Buffer.from('"}'),
  ])
  return Buffer.concat([Buffer.from(SLOT_PREFIX), body, Buffer.from(`${CHECK}${crc32(body)}`)])
}

/** The header as it goes on disk whole: padded with spaces, the regions' opening at its end. */
export function wholeHeader(snapshot: Snapshot, text: Buffer): Buffer {
  const bytes = Buffer.alloc(snapshot.layout.headerBytes, 0x20)
  text.copy(bytes)
  bytes.write(SLOT_SUFFIX, bytes.length - SLOT_SUFFIX.length, 'utf8')
  return bytes
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to
}

/** Canonical content key: the same marks in any order are the same ballot. */
export function ballotKey(entry: Pick<BallotEntry, 'marks' | 'spoiled'>): string {
  const marks = Object.entries(entry.marks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([entry.spoiled === true, marks])
}
