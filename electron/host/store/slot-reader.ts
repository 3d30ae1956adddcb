import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import type { BallotEntry } from '../../../shared/protocol/ballot-box.schema'
import type { BallotBoxFile } from './ballot-box.store'
import type { Layout } from './box-regions'
import { ballotKey, byKey } from './ballot-key'
import { CHECK, FORMAT, SLOT_PREFIX, SLOT_SUFFIX, TRAILER } from './slot-header'
import { verifyBallotBoxFile } from './verify'

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

type SlotRead =
  | { kind: 'missing' }
  | { kind: 'bad'; problem: string }
  | {
      kind: 'ok'
      generation: number
      data: BallotBoxFile
      layout: Omit<Layout, 'id'>
      bytes: Buffer
    }

/** A slot file, checked: its header, every region's checksum, and the box it holds adds up. */
export async function readSlot(file: string, voteId: string): Promise<SlotRead> {
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
  let head: { format?: unknown; voteId?: unknown; generation?: unknown; regionBytes?: unknown }
  try {
    head = JSON.parse(bodyText) as typeof head
  } catch {
    return bad('slot header is not valid JSON')
  }
  if (head.format !== FORMAT || head.voteId !== voteId) return bad('not this vote’s slot')
  const { regionBytes, generation } = head
  const crcText = (head as { crc?: unknown }).crc
  if (
    typeof crcText !== 'string' ||
    !/^(?:[0-9a-f]{8})*$/.test(crcText) ||
    typeof regionBytes !== 'number' ||
    typeof generation !== 'number' ||
    !Number.isInteger(regionBytes) ||
    regionBytes < 2
  )
    return bad('slot header is malformed')
  const crcs = Array.from({ length: crcText.length / 8 }, (_, i) =>
    parseInt(crcText.slice(8 * i, 8 * i + 8), 16),
  )
  const headerBytes = end + 1
  if (bytes.length !== headerBytes + crcs.length * regionBytes + TRAILER.length)
    return bad('truncated or overlong')
  const ballots: [string, BallotEntry][] = []
  const voters: [string, string, string][] = []
  for (let i = 0; i < crcs.length; i++) {
    const at = headerBytes + i * regionBytes
    const region = bytes.subarray(at, at + regionBytes)
    if (crc32(region) !== crcs[i]) return bad(`region ${i} checksum (a write cut short)`)
    try {
      const { b, v } = JSON.parse(region.toString('utf8', 1)) as {
        b: BallotEntry[]
        v: [string, string, string][]
      }
      for (const entry of b) ballots.push([ballotKey(entry), entry])
      voters.push(...v)
    } catch {
      return bad(`region ${i} is not valid JSON`)
    }
  }
  ballots.sort(byKey)
  voters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const data: BallotBoxFile = {
    version: 1,
    voteId,
    ballots: ballots.map(([, e]) => e),
    voted: voters.map(([id]) => id),
    receipts: Object.fromEntries(voters.map(([id, r]) => [id, r])),
    commitments: Object.fromEntries(voters.map(([id, , c]) => [id, c])),
  }
  const problems = verifyBallotBoxFile(voteId)(data)
  if (ballots.some(([key], i) => i > 0 && ballots[i - 1]![0] === key))
    problems.push('a ballot content is in two regions')
  if (problems.length > 0) return bad(problems.join('; '))
  return {
    kind: 'ok',
    generation,
    data,
    layout: { regions: crcs.length, regionBytes, headerBytes },
    bytes,
  }
}

/**
 * The box as it stands on disk, read only: the newest sound slot of an open vote, else the
 * sealed file; null when there is neither. For tests and tools; the host opens it through
 * BallotBoxStore, which also sets aside what fails.
 */
export async function readBallotBox(dir: string, voteId: string): Promise<BallotBoxFile | null> {
  const reads = await Promise.all(SLOT_NAMES.map((w) => readSlot(slotFile(dir, voteId, w), voteId)))
  const newest = reads
    .flatMap((r) => (r.kind === 'ok' ? [r] : []))
    .sort((a, b) => b.generation - a.generation)[0]
  if (newest) return newest.data
  try {
    return JSON.parse(await readFile(join(dir, `${voteId}.json`), 'utf8')) as BallotBoxFile
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null
    throw error
  }
}
