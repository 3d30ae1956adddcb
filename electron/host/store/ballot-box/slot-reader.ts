import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import type { BallotEntry } from '../../../../shared/protocol/ballot-box.schema'
import type { BoxCipher } from './box-cipher'
import { SEALED_OVERHEAD } from './box-cipher'
import type { OpenBoxData, VoterEntry } from './box-data'
import type { Layout, LoadedRegion } from './box-regions'
import { ballotKey, byKey } from './ballot-key'
import { CHECK, FORMAT, SLOT_PREFIX, SLOT_SUFFIX, TRAILER } from './slot-header'
import { verifyOpenBox } from './verify'

/**
 * An open vote's slot files read back (their format is box-regions.ts; writing them is
 * ballot-box-slots.ts): their names, one slot checked from its header to every region, and the
 * box as it stands on disk.
 */

/** Slot files per open box; commits in flight at once are one fewer. */
export const SLOTS = 3
export const SLOT_NAMES = ['a', 'b', 'c'] as const

export function slotFile(dir: string, voteId: string, which: (typeof SLOT_NAMES)[number]): string {
  return join(dir, `${voteId}.slot-${which}.json`)
}

/** Finds the key a slot header names (vote-keys.ts), or null when this machine has none. */
export type KeyLookup = (keyId: string) => Promise<BoxCipher | null>

type SlotRead =
  | { kind: 'missing' }
  | { kind: 'bad'; problem: string }
  /** Sound as far as can be told without its key, which this machine does not hold. */
  | { kind: 'locked'; keyId: string; generation: number }
  | {
      kind: 'ok'
      generation: number
      data: OpenBoxData
      layout: Omit<Layout, 'id'>
      bytes: Buffer
      cipher: BoxCipher
      /** Each region's text, decrypted (padded), and its bytes on disk. */
      regions: LoadedRegion[]
    }

/**
 * A slot file, checked: its header, every region's checksum, each region decrypted under the
 * key the header names, and the box it holds adds up.
 */
export async function readSlot(file: string, voteId: string, keyOf: KeyLookup): Promise<SlotRead> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
      return { kind: 'missing' }
    throw error
  }
  const bad = (problem: string): SlotRead => ({ kind: 'bad', problem })
  const end = bytes.indexOf(0x0a)
  const first = bytes.toString('utf8', 0, end + 1)
  if (end < 0 || !first.startsWith(SLOT_PREFIX) || !first.endsWith(SLOT_SUFFIX))
    return bad(bytes.length === 0 ? 'empty file' : 'no slot header')
  // `{"slot":BODY,"check":N   ,"regions":[`: N is the CRC-32 of BODY's bytes.
  const checkAt = first.lastIndexOf(CHECK)
  if (checkAt < 0) return bad('no slot header checksum')
  const bodyText = first.slice(SLOT_PREFIX.length, checkAt)
  const check = first.slice(checkAt + CHECK.length, -SLOT_SUFFIX.length).trimEnd()
  if (check !== String(crc32(bodyText))) return bad('slot header checksum')
  let head: Record<string, unknown>
  try {
    head = JSON.parse(bodyText) as Record<string, unknown>
  } catch {
    return bad('slot header is not valid JSON')
  }
  if (head.voteId !== voteId) return bad('not this vote’s slot')
  if (head.format !== FORMAT) return bad(`slot format ${String(head.format)} is not ${FORMAT}`)
  const { regionBytes, generation, keyId, crc: crcText } = head
  if (
    typeof crcText !== 'string' ||
    !/^(?:[0-9a-f]{8})*$/.test(crcText) ||
    typeof keyId !== 'string' ||
    typeof regionBytes !== 'number' ||
    typeof generation !== 'number' ||
    !Number.isInteger(regionBytes) ||
    regionBytes < SEALED_OVERHEAD + 2
  )
    return bad('slot header is malformed')
  const crcs = Array.from({ length: crcText.length / 8 }, (_, i) =>
    parseInt(crcText.slice(8 * i, 8 * i + 8), 16),
  )
  const headerBytes = end + 1
  if (bytes.length !== headerBytes + crcs.length * regionBytes + TRAILER.length)
    return bad('truncated or overlong')
  for (let i = 0; i < crcs.length; i++) {
    const at = headerBytes + i * regionBytes
    if (crc32(bytes.subarray(at, at + regionBytes)) !== crcs[i])
      return bad(`region ${i} checksum (a write cut short)`)
  }
  const cipher = await keyOf(keyId)
  if (!cipher) return { kind: 'locked', keyId, generation }
  const ballots: [string, BallotEntry][] = []
  const voters: VoterEntry[] = []
  const regions: LoadedRegion[] = []
  for (let i = 0; i < crcs.length; i++) {
    const at = headerBytes + i * regionBytes
    const sealed = bytes.subarray(at, at + regionBytes - 1)
    const plain = cipher.open(sealed)
    if (!plain) return bad(`region ${i} does not open under the vote’s key`)
    regions.push({ plain, sealed })
    try {
      const { b, v } = JSON.parse(plain.toString('utf8', 1)) as {
        b: BallotEntry[]
        v: VoterEntry[]
      }
      for (const entry of b) ballots.push([ballotKey(entry), entry])
      voters.push(...v)
    } catch {
      return bad(`region ${i} is not valid JSON`)
    }
  }
  ballots.sort(byKey)
  voters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const data: OpenBoxData = { ballots: ballots.map(([, e]) => e), voters }
  const problems = verifyOpenBox(data)
  if (ballots.some(([key], i) => i > 0 && ballots[i - 1]![0] === key))
    problems.push('a ballot content is in two regions')
  if (problems.length > 0) return bad(problems.join('; '))
  return {
    kind: 'ok',
    generation,
    data,
    layout: { regions: crcs.length, regionBytes, headerBytes },
    bytes,
    cipher,
    regions,
  }
}

/** What a box holds, open or sealed (any version of sealed-box.ts's BallotBoxFile). */
interface BoxContents {
  voteId: string
  ballots: BallotEntry[]
  voted: string[]
}

/**
 * The box as it stands on disk, read only: the newest sound slot of an open vote (opened with
 * `keyOf`), else the sealed file; null when there is neither. For tests and tools; the host
 * opens it through BallotBoxStore, which also sets aside what fails.
 */
export async function readBallotBox(
  dir: string,
  voteId: string,
  keyOf: KeyLookup,
): Promise<BoxContents | null> {
  const reads = await Promise.all(
    SLOT_NAMES.map((w) => readSlot(slotFile(dir, voteId, w), voteId, keyOf)),
  )
  const newest = reads
    .flatMap((r) => (r.kind === 'ok' ? [r] : []))
    .sort((a, b) => b.generation - a.generation)[0]
  if (newest) {
    const { ballots, voters } = newest.data
    return { voteId, ballots, voted: voters.map(([id]) => id) }
  }
  try {
    return JSON.parse(await readFile(join(dir, `${voteId}.json`), 'utf8')) as BoxContents
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null
    throw error
  }
}
