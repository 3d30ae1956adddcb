import { crc32 } from 'node:zlib'
import type { BoxCipher } from './box-cipher'
import { SEALED_OVERHEAD } from './box-cipher'
import type { Region } from './region-entries'
import { emptyRegions, regionTextLength, writeRegionText } from './region-entries'
import type { HeaderParts } from './slot-header'
import { headerBytesFor, headerParts, PAGE, roundUp, writeHex } from './slot-header'

/**
 * An open vote's ballot box in memory as the slot files hold it (ballot-box-slots.ts), and the
 * bytes of that format: R regions, each with the ballots (by content key) and voters (by id)
 * that a keyed hash places in it (region-entries.ts, box-cipher.ts); its text, padded to the
 * region's size, encrypted under the vote's key and remade only when it changed; the layout
 * (how many regions, how large) and the header that carries a generation and every region's
 * checksum (slot-header.ts). What goes on disk, and how a slot file is read back, is
 * ballot-box-slots.ts and slot-reader.ts.
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

const NEWLINE = Buffer.from('\n')

/** The box's regions in memory, each with its text as it goes on disk. */
/** A region as read back from a slot: its text as encrypted, and that text padded. */
export interface LoadedRegion {
  plain: Buffer
  sealed: Buffer
}

export class BoxRegions {
  readonly voteId: string
  readonly #cipher: BoxCipher
  layout: Layout
  #regions: Region[]
  /** A region's text padded to what it encrypts to the region's size: made, sealed, reused. */
  #plain: Buffer
  /** The regions as read at a restart: one whose text is unchanged keeps its bytes on disk. */
  #loaded: (LoadedRegion | null)[] | null = null
  #padding: Buffer
  #headerParts: HeaderParts
  /** Every region's checksum as eight hex digits, in order: the header's list. */
  #crcHex: Buffer
  /** Each region's text (its separator and JSON) as UTF-8, padded and encrypted: what goes on
   * disk before the region's newline. Brought up to date for the regions in #dirty when a
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

  constructor(voteId: string, cipher: BoxCipher, layout: Shape) {
    this.voteId = voteId
    this.#cipher = cipher
    this.layout = withHeader(voteId, cipher.keyId, { id: 1, ...layout })
    this.#regions = emptyRegions(layout.regions)
    this.#plain = Buffer.alloc(capacityOf(layout.regionBytes))
    this.#padding = Buffer.alloc(layout.regionBytes, 0x20)
    this.#headerParts = headerParts(voteId, cipher.keyId, layout.regionBytes)
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

  /**
   * A deputy who voted: the hash of their ballot's id (a resend is recognised) and a reference
   * to its content (a change finds what it replaces), both only in this encrypted region.
   */
  setVoter(deputyId: string, ballotHash: string, contentRef: string): void {
    const i = this.#indexOf(deputyId)
    this.#regions[i]!.voters.set(deputyId, JSON.stringify([deputyId, ballotHash, contentRef]))
    this.#dirty.add(i)
  }

  /**
   * The regions of the slot the box was read from, in this layout: the first snapshot keeps
   * the bytes of those whose text is the same, so the slots on disk are recognised (not
   * rewritten whole after every restart, as fresh nonces would make them).
   */
  adopt(loaded: (LoadedRegion | null)[]): void {
    if (loaded.length === this.layout.regions) this.#loaded = loaded
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
    if (this.#largest > capacityOf(this.layout.regionBytes)) {
      // Grown beyond what it was laid out for (more regions), or unevenly (larger ones).
      const total = this.#regions.reduce((sum, r) => sum + regionTextLength(r), 0)
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

  /**
   * The texts and checksums of the regions changed since the last time. A text too long for
   * its region is left for the relayout that follows (snapshot).
   */
  #refresh(): void {
    const plain = this.#plain
    for (const i of this.#dirty) {
      const region = this.#regions[i]!
      const length = regionTextLength(region)
      this.#largest = Math.max(this.#largest, length)
      if (length > plain.length) continue
      writeRegionText(region, i, plain)
      plain.fill(0x20, length)
      const loaded = this.#loaded?.[i]
      const text = loaded?.plain.equals(plain) ? loaded.sealed : this.#cipher.seal(plain)
      this.#texts[i] = text
      this.#changedAt[i] = this.#seq
      writeHex(this.#crcHex, 8 * i, regionCrc(text, this.#padding))
    }
    this.#dirty.clear()
    this.#loaded = null
  }

  #allDirty(): void {
    this.#texts = new Array<Buffer>(this.layout.regions)
    this.#largest = 0
    this.#dirty.clear()
    for (let i = 0; i < this.layout.regions; i++) this.#dirty.add(i)
  }

  #relayout(layout: Shape): void {
    const old = this.#regions
    this.layout = withHeader(this.voteId, this.#cipher.keyId, { ...layout, id: this.layout.id + 1 })
    this.#plain = Buffer.alloc(capacityOf(layout.regionBytes))
    this.#padding = Buffer.alloc(layout.regionBytes, 0x20)
    this.#loaded = null
    this.#headerParts = headerParts(this.voteId, this.#cipher.keyId, layout.regionBytes)
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
    return this.#cipher.place(key, this.layout.regions)
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

/**
 * A region on disk: its text (a separator and its JSON, padded and encrypted: as long as the
 * region less one), then a newline.
 */
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
 * A voter's entry (id, ballot id's hash, content reference) takes ~100 bytes, reckoned at 150
 * (it was sized when it held a receipt and a commitment; a smaller figure would change the
 * layout a box is opened with); a ballot's entry ~18 per mark.
 */
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

/** How long a region's text may be: what, padded and encrypted, fills the region less its newline. */
export function capacityOf(regionBytes: number): number {
  return regionBytes - 1 - SEALED_OVERHEAD
}

function withHeader(voteId: string, keyId: string, layout: Omit<Layout, 'headerBytes'>): Layout {
  return { ...layout, headerBytes: headerBytesFor(voteId, keyId, layout) }
}
