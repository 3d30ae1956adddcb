import { crc32 } from 'node:zlib'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { Mark } from '../../../shared/protocol/marks'

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
 * A region's ballots (by content key) or voters (by id) in key order, each as the JSON it is
 * written as, made when it changes: a commit writes these into the region's text, without
 * stringifying, sorting or joining anything (a commit per ballot at a full hall).
 */
class RegionEntries {
  readonly keys: string[] = []
  readonly texts: string[] = []
  /** Each text's length in UTF-8. */
  readonly sizes: number[] = []
  /** The entries' bytes joined with commas. */
  joinedLength = 0

  set(key: string, text: string): void {
    const size = Buffer.byteLength(text)
    const i = this.#search(key)
    if (this.keys[i] === key) {
      this.joinedLength += size - this.sizes[i]!
      this.texts[i] = text
      this.sizes[i] = size
      return
    }
    // Moved up by hand: splice makes an array of what it removed, per call.
    for (let j = this.keys.length; j > i; j--) {
      this.keys[j] = this.keys[j - 1]!
      this.texts[j] = this.texts[j - 1]!
      this.sizes[j] = this.sizes[j - 1]!
    }
    this.keys[i] = key
    this.texts[i] = text
    this.sizes[i] = size
    this.joinedLength += size + (this.keys.length > 1 ? 1 : 0)
  }

  delete(key: string): void {
    const i = this.#search(key)
    if (this.keys[i] !== key) return
    this.joinedLength -= this.sizes[i]! + (this.keys.length > 1 ? 1 : 0)
    const last = this.keys.length - 1
    for (let j = i; j < last; j++) {
      this.keys[j] = this.keys[j + 1]!
      this.texts[j] = this.texts[j + 1]!
      this.sizes[j] = this.sizes[j + 1]!
    }
    this.keys.length = last
    this.texts.length = last
    this.sizes.length = last
  }

  /** Writes the entries joined with commas into `into` at `at`; returns where they end. */
  copyInto(into: Buffer, at: number): number {
    for (let i = 0; i < this.texts.length; i++) {
      if (i > 0) into[at++] = COMMA_BYTE
      at += into.write(this.texts[i]!, at, 'utf8')
    }
    return at
  }

  /** The first index whose key is not below `key` (keys compare as `<` does: byKey). */
  #search(key: string): number {
    let low = 0
    let high = this.keys.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.keys[mid]! < key) low = mid + 1
      else high = mid
    }
    return low
  }
}

interface Region {
  ballots: RegionEntries
  voters: RegionEntries
}

export const FORMAT = 'plenary-vote.ballot-box-slot/1'
export const SLOT_PREFIX = '{"slot":'
export const CHECK = ',"check":'
export const SLOT_SUFFIX = ',"regions":[\n'
export const TRAILER = Buffer.from(']}\n')
const NEWLINE = Buffer.from('\n')
const COMMA_BYTE = 0x2c
const SPACE_BYTE = 0x20
const TEXT_OPEN = Buffer.from('{"b":[')
const TEXT_MIDDLE = Buffer.from('],"v":[')
const TEXT_CLOSE = Buffer.from(']}')
const BODY_END = '"}'
const HEX_DIGITS = Buffer.from('0123456789abcdef')
const PAGE = 4096

/** The box's regions in memory, each with its text as it goes on disk. */
export class BoxRegions {
  readonly voteId: string
  layout: Layout
  #regions: Region[]
  #padding: Buffer
  #headerParts: HeaderParts
  /** Every region's checksum as eight hex digits, in order: the header's list. */
  #crcHex: Buffer
  /** Each region's text (its separator and JSON) as UTF-8, brought up to date for the regions
   * in #dirty when a snapshot is taken. A buffer never changes once made: a write in flight may
   * hold it. */
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
    this.#headerParts = headerParts(voteId, layout.regionBytes)
    this.#crcHex = Buffer.alloc(8 * layout.regions, 0x30)
    this.#changedAt = new Uint32Array(layout.regions)
    this.#allDirty()
  }

  /**
   * The entry under its content key as its JSON (the store's canonical text), after its count
   * changed; null once its count is 0: it is gone.
   */
  setBallot(key: string, text: string | null): void {
    const i = this.#indexOf(key)
    const region = this.#regions[i]!
    if (text === null) region.ballots.delete(key)
    else region.ballots.set(key, text)
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
      headerParts: this.#headerParts,
    }
  }

  /** The texts and checksums of the regions changed since the last time. */
  #refresh(): void {
    for (const i of this.#dirty) {
      const text = regionText(this.#regions[i]!, i)
      this.#texts[i] = text
      this.#changedAt[i] = this.#seq
      writeHex(this.#crcHex, 8 * i, regionCrc(text, this.#padding))
      this.#largest = Math.max(this.#largest, text.length - 1)
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
    this.#headerParts = headerParts(this.voteId, layout.regionBytes)
    this.#crcHex = Buffer.alloc(8 * layout.regions, 0x30)
    this.#changedAt = new Uint32Array(layout.regions)
    this.#regions = emptyRegions(layout.regions)
    this.#allDirty()
    for (const { ballots, voters } of old) {
      ballots.keys.forEach((key, j) => this.#regionOf(key).ballots.set(key, ballots.texts[j]!))
      voters.keys.forEach((id, j) => this.#regionOf(id).voters.set(id, voters.texts[j]!))
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
  headerParts: HeaderParts
}

/** A region on disk: its text (a separator and its JSON), spaces up to its size less one, a newline. */
export function regionChunks(snapshot: Snapshot, i: number): Buffer[] {
  const text = snapshot.texts[i]!
  const fill = snapshot.layout.regionBytes - 1 - text.length
  return [text, snapshot.padding.subarray(0, fill), NEWLINE]
}

function regionCrc(text: Buffer, padding: Buffer): number {
  const crc = crc32(text)
  return crc32(NEWLINE, crc32(padding.subarray(0, padding.length - 1 - text.length), crc))
}

/**
 * The region's separator (a space for the first, else a comma) and `{"b":[ballots],"v":[voters]}`,
 * each in key order: one buffer, copied from the entries'.
 */
function regionText({ ballots, voters }: Region, i: number): Buffer {
  const text = Buffer.allocUnsafe(
    1 +
      TEXT_OPEN.length +
      ballots.joinedLength +
      TEXT_MIDDLE.length +
      voters.joinedLength +
      TEXT_CLOSE.length,
  )
  text[0] = i === 0 ? SPACE_BYTE : COMMA_BYTE
  text.set(TEXT_OPEN, 1)
  let at = ballots.copyInto(text, 1 + TEXT_OPEN.length)
  text.set(TEXT_MIDDLE, at)
  at = voters.copyInto(text, at + TEXT_MIDDLE.length)
  text.set(TEXT_CLOSE, at)
  return text
}

/** `crc` as eight lowercase hex digits into `into` at `at`. */
function writeHex(into: Buffer, at: number, crc: number): void {
  for (let digit = 7; digit >= 0; digit--) {
    into[at + digit] = HEX_DIGITS[crc & 0xf]!
    crc >>>= 4
  }
}

export function byKey<T>([a]: [string, T], [b]: [string, T]): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function emptyRegions(n: number): Region[] {
  return Array.from({ length: n }, () => ({
    ballots: new RegionEntries(),
    voters: new RegionEntries(),
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
  const parts = headerParts(voteId, layout.regionBytes)
  const scratch = Buffer.alloc(parts.start.length + parts.middle.length + crcHex.length + 64)
  const longest = writeHeader(scratch, parts, Number.MAX_SAFE_INTEGER, crcHex)
  return { ...layout, headerBytes: roundUp(longest + 10 + SLOT_SUFFIX.length, PAGE) }
}

/**
 * What a slot's header holds that stays the same in a layout: `{"slot":{…"generation":` and
 * `,"regionBytes":N,"crc":"`, and the CRC-32 of the body's bytes up to the generation.
 */
export interface HeaderParts {
  start: Buffer
  startCrc: number
  middle: Buffer
}

export function headerParts(voteId: string, regionBytes: number): HeaderParts {
  const body = `{"format":"${FORMAT}","voteId":${JSON.stringify(voteId)},"generation":`
  return {
    start: Buffer.from(SLOT_PREFIX + body),
    startCrc: crc32(body),
    middle: Buffer.from(`,"regionBytes":${regionBytes},"crc":"`),
  }
}

/**
 * `{"slot":{…},"check":N` into `into` from its start; returns its length. The body's fields with
 * the checksums as one hex string, and the CRC-32 of the body's bytes, made from the parts
 * (nothing of size R is stringified or allocated per commit).
 */
export function writeHeader(
  into: Buffer,
  parts: HeaderParts,
  generation: number,
  crcHex: Buffer,
): number {
  const generationText = String(generation)
  let crc = crc32(generationText, parts.startCrc)
  crc = crc32(parts.middle, crc)
  crc = crc32(crcHex, crc)
  crc = crc32(BODY_END, crc)
  into.set(parts.start, 0)
  let at = parts.start.length
  at += into.write(generationText, at, 'latin1')
  into.set(parts.middle, at)
  at += parts.middle.length
  into.set(crcHex, at)
  at += crcHex.length
  return at + into.write(`${BODY_END}${CHECK}${crc}`, at, 'latin1')
}

/**
 * The header as it goes on disk whole, padded with spaces, the regions' opening at its end; and
 * the length of its text.
 */
export function wholeHeader(snapshot: Snapshot, generation: number): [Buffer, number] {
  const bytes = Buffer.alloc(snapshot.layout.headerBytes, 0x20)
  const length = writeHeader(bytes, snapshot.headerParts, generation, snapshot.crcHex)
  bytes.write(SLOT_SUFFIX, bytes.length - SLOT_SUFFIX.length, 'utf8')
  return [bytes, length]
}

function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to
}

/** Canonical content key: the same marks in any order are the same ballot. */
export function ballotKey(entry: Pick<BallotEntry, 'marks' | 'spoiled'>): string {
  return keyOfSorted(Object.keys(entry.marks).sort(), entry.marks, entry.spoiled === true)
}

/**
 * `[spoiled, [[id, mark], …]]`, the content key, from the marks' ids in sorted order
 * (`Object.keys(marks).sort()`, which compares as `<` does).
 */
export function keyOfSorted(
  ids: readonly string[],
  marks: Readonly<Record<string, Mark>>,
  spoiled: boolean,
): string {
  for (let i = 0; i < ids.length; i++) {
    const pair = (keyPairs[i] ??= ['', 'for'])
    pair[0] = ids[i]!
    pair[1] = marks[ids[i]!]!
  }
  keyPairs.length = ids.length
  return JSON.stringify([spoiled, keyPairs])
}

/** The pairs keyOfSorted stringifies, kept and refilled: a key is made for every ballot. */
const keyPairs: [string, Mark][] = []
