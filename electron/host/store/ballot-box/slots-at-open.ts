import { rename } from 'node:fs/promises'
import type { BoxCipher } from './box-cipher'
import type { OpenBoxData } from './box-data'
import type { LoadedRegion, Shape, Snapshot } from './box-regions'
import { regionChunks } from './box-regions'
import type { Recovery } from '../json-files/durable-json-file'
import { SLOT_SUFFIX, TRAILER } from './slot-header'
import type { KeyLookup } from './slot-reader'
import { readSlot } from './slot-reader'

/**
 * The reading side of an open box's slots (ballot-box-slots.ts writes them): what a start finds
 * in the three files, which slot's bytes already match the box rebuilt from them, and which keys
 * slots left after a seal name.
 */

/** What a start found in an open box's slots. */
export interface SlotsFound {
  data: OpenBoxData | null
  layout: Shape | null
  cipher: BoxCipher | null
  regions: LoadedRegion[] | null
  /** The newest sound slot's generation, 0 without one. */
  generation: number
  /** Slot files that were not there. */
  missing: number
  /** Why no slot could be used although there were some; null when one could. */
  unreadable: string | null
  recoveries: Recovery[]
}

/**
 * Reads every slot file: the newest sound one's box, layout, key and regions as read, or nulls
 * when there is none, and per file its generation and bytes when it is sound (null when not).
 * A slot that fails its checks is set aside (`.corrupt-…`) and reported, as is one whose key
 * this machine does not hold (`.unopened-…`, kept in case the key turns up). What the store
 * makes of slots missing or unreadable is its own (BallotBoxStore.open): this never throws for
 * them, so a damaged box never keeps the host from starting.
 */
export async function readSlots(
  files: readonly string[],
  voteId: string,
  keyOf: KeyLookup,
): Promise<{ found: SlotsFound; sound: ({ generation: number; bytes: Buffer } | null)[] }> {
  const reads = await Promise.all(files.map((file) => readSlot(file, voteId, keyOf)))
  const ok = reads.flatMap((r) => (r.kind === 'ok' ? [r] : []))
  const newest = ok.sort((a, b) => b.generation - a.generation)[0]
  const recoveries: Recovery[] = []
  const problems: string[] = []
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  for (const [i, r] of reads.entries()) {
    if (r.kind !== 'bad' && r.kind !== 'locked') continue
    const file = files[i]!
    const problem = r.kind === 'bad' ? r.problem : `its key ${r.keyId} is not in the key folder`
    const setAsideAs = `${file}.${r.kind === 'bad' ? 'corrupt' : 'unopened'}-${stamp}`
    await rename(file, setAsideAs)
    problems.push(`${file}: ${problem}`)
    recoveries.push({ file, problem, setAsideAs, usedPrevious: newest !== undefined })
  }
  const layout = newest
    ? { regions: newest.layout.regions, regionBytes: newest.layout.regionBytes }
    : null
  const found: SlotsFound = {
    data: newest?.data ?? null,
    layout,
    cipher: newest?.cipher ?? null,
    regions: newest?.regions ?? null,
    generation: newest?.generation ?? 0,
    missing: reads.filter((r) => r.kind === 'missing').length,
    unreadable: !newest && problems.length > 0 ? problems.join('; ') : null,
    recoveries,
  }
  const sound = reads.map((r) =>
    r.kind === 'ok' ? { generation: r.generation, bytes: r.bytes } : null,
  )
  return { found, sound }
}

/** The keys that slot files name in their headers, read without opening any region. */
export async function keysNamed(files: readonly string[], voteId: string): Promise<Set<string>> {
  const named = new Set<string>()
  const lookup: KeyLookup = (keyId) => {
    named.add(keyId)
    return Promise.resolve(null)
  }
  await Promise.all(files.map((file) => readSlot(file, voteId, lookup)))
  return named
}

/**
 * What of `snapshot` (the box rebuilt from the newest slot) a slot's bytes read at open hold,
 * byte for byte: the length of its header's text, and per region its text's length, or -1
 * where the bytes differ; null when the slot is not of the snapshot's layout.
 */
export function heldOf(
  bytes: Buffer,
  snapshot: Snapshot,
): { headerLength: number; lengths: Int32Array } | null {
  const { layout } = snapshot
  const expectedLength = layout.headerBytes + layout.regions * layout.regionBytes + TRAILER.length
  if (bytes.length !== expectedLength || bytes.indexOf(0x0a) + 1 !== layout.headerBytes) return null
  let headerLength = layout.headerBytes - SLOT_SUFFIX.length
  while (headerLength > 0 && bytes[headerLength - 1] === 0x20) headerLength -= 1
  const lengths = Int32Array.from(snapshot.texts, (text, i) => {
    const at = layout.headerBytes + i * layout.regionBytes
    const same = Buffer.concat(regionChunks(snapshot, i)).equals(
      bytes.subarray(at, at + layout.regionBytes),
    )
    return same ? text.length : -1
  })
  return { headerLength, lengths }
}
